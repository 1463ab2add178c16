import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';

/**
 * The end-to-end group again, in Debian's firefox-esr. Puppeteer drives Firefox over WebDriver BiDi, so
 * nothing is downloaded and no dependency is added: @web/test-runner-chrome ships puppeteer-core, and
 * handing it in as `puppeteer` makes the launcher honour `browser: 'firefox'` (and report "Firefox").
 */
export default {
  ...base,
  groups: undefined,
  files: [
    'test/e2e/**/*.test.ts',
    // emulateMedia goes through puppeteer's emulateMediaFeatures, which needs CDP and has no BiDi
    // counterpart, so every test in this file (its afterEach resets the colour scheme) would fail on the
    // command, not on the widget. Theming stays covered in Chromium.
    '!test/e2e/theme.test.ts',
    // Each keyboard test passes in Firefox ESR on its own, but the browser disconnects when a second one
    // Tabs into a fresh frame after the first; the keyboard paths stay covered in Chromium.
    '!test/e2e/keyboard.test.ts',
  ],
  browsers: [
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        // Keep the browser off the network: no update checks, telemetry or remote settings.
        extraPrefsFirefox: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'network.captive-portal-service.enabled': false,
          'services.settings.server': 'data:,',
        },
      },
    }),
  ],
};
