/**
 * Both built bundles on pages served with a strict Content-Security-Policy (no inline scripts or styles,
 * no eval, Trusted Types required; see web-test-runner.config.mjs): the widget renders, a full path works,
 * the ES module's chunks load, and the page reports no violation (test/e2e/pages/probe.js listens for
 * `securitypolicyviolation` before any other script runs).
 */
import { expect } from '@open-wc/testing';
import codesJson from '../../data/codes.json';
import causesJson from '../../data/causes.json';
import type { CausesData, CodesData } from '../../src/core/types.js';
import { en } from '../../src/i18n/en.js';
import { buttonByText, click, codeBadgeText, fixSteps, openPage, press, textField, typeText, waitFor, waitForHeading, widget, type HostPage } from './harness.js';

const codes = codesJson as CodesData;
const causes = (causesJson as CausesData).causes;
const entry550 = codes.replyCodes.find((c) => c.code === '550')!;
const firstCause = causes.find((c) => c.id === entry550.causes[0])!;

/** A bounce with no encoded parts: the paste view still loads its reader chunks. */
const BOUNCE = 'Delivery has failed to these recipients.\n\nRemote server returned: 550 5.1.1 The email account that you tried to reach does not exist.';

let page: HostPage | undefined;
afterEach(() => page?.close());

for (const [bundle, url] of [
  ['classic script', '/test/e2e/pages/csp/iife.html'],
  ['ES module and its chunks', '/test/e2e/pages/csp/module.html'],
]) {
  describe(`the ${bundle} under a strict Content-Security-Policy`, () => {
    it('is served with the policy, and the probe sees a violation when one happens', async () => {
      page = await openPage(url);
      const response = await fetch(url);
      expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
      // Control: an inline style attribute breaks style-src 'self', so the probe must report it.
      const probe = page.doc.createElement('div');
      probe.setAttribute('style', 'color: red');
      page.doc.body.append(probe);
      await waitFor(() => page!.problems().some((p) => p.startsWith('CSP violation')), 'the control violation');
    });

    it('walks from a typed code to a diagnosis, then diagnoses a pasted bounce, without a violation', async () => {
      page = await openPage(url);
      const el = await widget(page);
      await click(textField(el));
      await typeText('550');
      await press('Enter');
      await waitForHeading(el, entry550.title);
      expect(codeBadgeText(el)).to.equal('550');
      await click(buttonByText(el, firstCause.title));
      await waitForHeading(el, firstCause.title);
      expect(fixSteps(el, en.howToFix)).to.deep.equal(firstCause.fixes);

      await el.diagnose(BOUNCE);
      const result = await waitFor(() => el.shadowRoot!.querySelector('[part~="code-badge"]'), 'the paste result');
      expect(result.textContent).to.contain('550');
      expect(page.problems().join('\n')).to.equal('');
    });
  });
}
