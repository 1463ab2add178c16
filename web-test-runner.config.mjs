import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFileSync } from 'node:fs';
import { dohReply } from './test/dns/doh-zone.mjs';

const isLitDevModeNotice = (text) => text.startsWith('Lit is in dev mode');

function logArgText(arg) {
  if (typeof arg === 'string') return arg;
  try {
    return JSON.stringify(arg) ?? String(arg);
  } catch {
    return String(arg); // a structure that cannot be serialised still must not break the run
  }
}

/**
 * Drops Lit's dev-mode notice and turns every other `console.error` into a failure of its test file:
 * an error the widget logs is a bug even when no assertion notices it. This relies on wtr 0.20 handing
 * the session result to filterBrowserLogs before it decides whether the file passed.
 */
function filterBrowserLogs({ type, args }, result) {
  const text = args.map(logArgText).join(' ');
  if (isLitDevModeNotice(text)) return false;
  if (type === 'error' && result) {
    result.passed = false;
    result.errors = [...(result.errors ?? []), { message: `console.error in the browser: ${text}` }];
  }
  return true;
}

/** The policy issue 5 promises the widget works under: no inline code, no eval, Trusted Types required. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** Pages under test/e2e/pages/csp/ are served with the strict policy, as a locked-down help centre would. */
function strictCspPages(ctx, next) {
  if (ctx.path.startsWith('/test/e2e/pages/csp/')) ctx.set('Content-Security-Policy', STRICT_CSP);
  return next();
}

/**
 * `/__fresh/<token>/…` serves the repository as `/…`: a page opened under a new token loads the built files
 * under new URLs, so the browser cannot answer from its cache what an earlier test loaded.
 */
function freshCopies(ctx, next) {
  const fresh = /^\/__fresh\/[\w-]+(\/.*)$/.exec(ctx.path);
  if (fresh) ctx.path = fresh[1];
  return next();
}

/**
 * Holds the built element's deferred chunk while a test has the gate closed (`/__gate/close`, then
 * `/__gate/open`), to show what a reader sees and can do before the catalog arrives on a slow network.
 */
let gate = null;
async function deferredChunkGate(ctx, next) {
  if (ctx.path === '/__gate/close') {
    let open;
    gate ??= { opened: new Promise((resolve) => (open = resolve)), open };
    ctx.body = 'closed';
    return;
  }
  if (ctx.path === '/__gate/open') {
    gate?.open();
    gate = null;
    ctx.body = 'open';
    return;
  }
  if (gate && /^\/dist\/bounce-wizard-deferred-[\w-]+\.js$/.test(ctx.path)) await gate.opened;
  return next();
}

const dnsScenarios = JSON.parse(readFileSync(new URL('./test/dns/scenarios.json', import.meta.url), 'utf8')).scenarios;

/**
 * A DNS JSON resolver for "Check my domain" tests, on the dev server itself (loopback): `/test-doh/<scenario>`
 * answers from that scenario's zone in test/dns/scenarios.json, as the node tests' stub does. A slow answer
 * waits until the browser gives up on it.
 */
async function testDoh(ctx, next) {
  const match = /^\/test-doh\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const zone = dnsScenarios[match[1]];
  if (!zone) return next();
  const reply = dohReply(zone.zone, ctx.query.name ?? '', ctx.query.type ?? '');
  if (reply.delayMs !== undefined) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, reply.delayMs);
      ctx.req.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  ctx.type = reply.contentType;
  ctx.body = reply.body;
}

/**
 * `forced-colors` server command: emulateMedia's `forcedColors` is Playwright-only (puppeteer refuses the
 * feature), so Chromium gets it over a CDP session of its own, kept per page so the override stays in force.
 */
function forcedColorsCommand() {
  const sessions = new WeakMap();
  return {
    name: 'forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const value = payload?.active ? 'active' : 'none';
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
      return true;
    },
  };
}

export default {
  // rootDir is the repository root, so end-to-end pages can load /dist and /demo as a host would.
  rootDir: '.',
  nodeResolve: true,
  middleware: [freshCopies, strictCspPages, deferredChunkGate, testDoh],
  groups: [
    // Components and the core, compiled from source against Lit's development build.
    { name: 'unit', files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'] },
    // The built bundle (run `npm run build` first), embedded the way a customer embeds it.
    { name: 'e2e', files: ['test/e2e/**/*.test.ts'] },
  ],
  // tsconfig is required: esbuild's transform API reads no tsconfig by itself and would compile Lit's
  // decorators as standard ones. json: true serves data/*.json imports as modules, as rollup does.
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json' }), forcedColorsCommand()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        // As root, Chromium will not start without --no-sandbox; the rest keep it off the network.
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  // One page at a time: Chromium pauses animation frames and animations in a background tab, so a second
  // page running alongside would wait forever on a fade-in or a requestAnimationFrame.
  concurrency: 1,
  filterBrowserLogs,
  browserStartTimeout: 60000,
  testFramework: { config: { timeout: 10000 } },
};
