/*
 * axe in every state the reader can reach: every question and code input, every diagnosis, code entries of
 * each shape, the index, the paste view and its outcomes, and every error state. One element is driven from
 * state to state through its public surface, which keeps the run short. Each theme's walk is a test file of
 * its own (a11y.test.ts, a11y-dark.test.ts), so each gets the runner's whole per-file time budget.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { BounceWizard } from '../../src/components/bounce-wizard/bounce-wizard.js';
import { builtinCatalog } from '../../src/core/builtin-catalog.js';
import { createCatalog } from '../../src/core/catalog.js';
import { en } from '../../src/i18n/en.js';
import { $, $$, accessible, button, heading } from '../../src/components/bounce-wizard/test-helpers.js';

const { data } = builtinCatalog;

/** Opens `origin` (a node id, `cause:<id>` or a code) the way a host does, through the `code` attribute. */
async function openAt(el: BounceWizard, origin: string) {
  el.code = origin;
  el.reset(); // the same origin twice in a row would not count as a change
  await el.updateComplete;
}

async function click(el: BounceWizard, name: string) {
  button(el, name).click();
  await el.updateComplete;
}

/** Code entries of every shape: many causes with a question, one cause, both meanings, a class fallback. */
const codeEntries = ['550', '552 5.2.2', '550 5.7.26', '421', '5.1.1', '4xx', '5.9.99'];

const pasted = {
  bounce: 'Delivery has failed.\n\nRemote server returned: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown',
  nothing: 'Hello, are we still on for lunch tomorrow?',
};

export function walkTheme(theme: 'light' | 'dark') {
  describe(`<bounce-wizard theme="${theme}"> accessibility`, function () {
    // The first check also loads axe itself, which on a busy machine can take longer than the default.
    this.timeout(30_000);
    let el: BounceWizard;

    // Not open-wc's fixture(): that one is removed after every test, and this element lives for the walk.
    before(async () => {
      el = document.createElement('bounce-wizard');
      el.setAttribute('theme', theme);
      document.body.append(el);
      await el.updateComplete;
    });

    after(() => el.remove());

    // Guards the walk itself: the dark tokens must really be in force, or the dark run checks nothing new.
    it('renders with the theme’s own colours', () => {
      const background = getComputedStyle($(el, '.panel')!).backgroundColor;
      expect(background).to.equal(theme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)');
    });

    for (const node of data.wizard.nodes) {
      it(`question "${node.id}"`, async () => {
        await openAt(el, node.id);
        expect(heading(el)).to.equal(node.title);
        await accessible(el);
      });
    }

    it('a question answered with nothing chosen', async () => {
      await openAt(el, data.wizard.start);
      await click(el, en.continue);
      expect($(el, '#problem')!.textContent!.trim()).to.equal(en.chooseFirst);
      await accessible(el);
    });

    for (const cause of data.causes.causes) {
      it(`diagnosis "${cause.id}"`, async () => {
        await openAt(el, `cause:${cause.id}`);
        expect(heading(el)).to.equal(cause.title);
        expect($(el, 'ol')).to.exist;
        await accessible(el);
      });
    }

    it('a diagnosis after Copy link', async () => {
      await openAt(el, `cause:${data.causes.causes[0].id}`);
      await click(el, en.copyLink);
      // Headless Chromium may or may not grant the clipboard: either outcome must be accessible.
      await waitUntil(() => $(el, '.fallback') || $(el, '#live')!.textContent === en.linkCopied, 'copying did not settle');
      await accessible(el);
    });

    for (const code of codeEntries) {
      it(`code entry "${code}"`, async () => {
        await openAt(el, code);
        expect($(el, '[part="code-badge"]'), 'a code entry is on screen').to.exist;
        await accessible(el);
      });
    }

    it('the code input with an unreadable code', async () => {
      await openAt(el, 'not a code at all');
      expect($(el, '#code')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#problem')).to.exist;
      await accessible(el);
    });

    it('the code index, then with no results', async () => {
      await openAt(el, '550');
      await click(el, en.allCodes);
      expect(heading(el)).to.equal(en.indexTitle);
      await waitUntil(() => $$(el, '#index-provider option').length > 2, 'the providers did not load');
      await accessible(el);
      const search = $<HTMLInputElement>(el, '#index-search')!;
      search.value = 'zzzz nothing matches this';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect($(el, '#index-count')!.textContent!.trim()).to.equal(en.noResults);
      await accessible(el);
    });

    it('the paste view: empty, problem, result, not a bounce', async () => {
      await openAt(el, data.wizard.start);
      await click(el, en.paste.open);
      expect(heading(el)).to.equal(en.paste.title);
      await accessible(el);
      await el.diagnose('');
      expect($(el, '#live')!.textContent).to.equal(en.paste.problem.empty);
      await accessible(el);
      await el.diagnose(pasted.bounce);
      expect($(el, '[part="code-badge"]')!.textContent).to.include('5.1.1');
      await accessible(el);
      await el.diagnose(pasted.nothing);
      expect(heading(el)).to.equal(en.paste.nothingTitle);
      await accessible(el);
    });

    describe('deep-link notices', () => {
      const original = window.location.href;
      afterEach(async () => {
        el.urlSync = false;
        await el.updateComplete;
        window.history.replaceState(null, '', original);
      });

      for (const [value, notice] of [
        ['nothing-fits-here', en.badLink],
        ['550/not-a-cause', en.partialLink],
      ] as const) {
        it(`?bounce=${value}`, async () => {
          el.urlSync = true;
          await el.updateComplete;
          window.history.replaceState(null, '', `?bounce=${value}`);
          window.dispatchEvent(new PopStateEvent('popstate'));
          await el.updateComplete;
          expect($(el, '.notice p')!.textContent).to.equal(notice);
          await accessible(el);
        });
      }
    });

    it('"Check my domain": the form, its problems, the wait, findings of every severity, a code ordered by them', async () => {
      const fill = (values: Record<string, string>) => {
        for (const [name, value] of Object.entries(values)) $<HTMLInputElement>(el, `#dns-${name}`)!.value = value;
      };
      const checkWith = async (scenario: string) => {
        el.dnsResolver = `${location.origin}/test-doh/${scenario}`;
        await click(el, en.dns.open);
        await waitUntil(() => $(el, '.dns-form'), 'the form did not open');
        fill({ domain: 'example.com', selector: 's1', ip: '192.0.2.1' });
        await click(el, en.dns.check);
      };
      el.dnsCheck = true;
      el.dnsTimeout = 4000;
      await openAt(el, '550 5.7.26');
      await click(el, en.dns.open);
      await waitUntil(() => $(el, '.dns-form'), 'the form did not open');
      await accessible(el);
      fill({ domain: 'not a domain', selector: 'no spaces please', ip: '1.2.3' });
      await click(el, en.dns.check);
      await waitUntil(() => $(el, '#dns-ip-problem'), 'no problems shown');
      await accessible(el);
      await click(el, en.back);
      await checkWith('slow');
      await waitUntil(() => $(el, 'section.view[aria-busy="true"] .reading'), 'not busy');
      await accessible(el);
      await waitUntil(() => $(el, '.findings'), 'the time bound did not end the check', { timeout: 6000 });
      await accessible(el);
      const severities = new Set<string | undefined>();
      for (const scenario of ['listed-ip', 'dmarc-none']) {
        await click(el, en.back);
        await checkWith(scenario);
        await waitUntil(() => $(el, '.findings'), 'no findings');
        await accessible(el);
        for (const f of $$(el, '.finding')) severities.add(f.dataset.severity);
      }
      expect([...severities].sort(), 'every look a finding can have was checked').to.deep.equal(['error', 'info', 'ok', 'warning']);
      await click(el, en.back);
      expect($(el, '.dns-ordered'), 'the code entry says its causes were reordered').to.exist;
      await accessible(el);
      el.dnsCheck = false;
      await el.updateComplete;
    });

    it('the error panel', async () => {
      // A catalog that lost a cause its questions lead to: the answer fails, and the panel takes over.
      const gone = 'delivery-expired';
      const own = el.catalog;
      el.catalog = createCatalog({ ...data, causes: { causes: data.causes.causes.filter((c) => c.id !== gone) } });
      await openAt(el, 'gave-up');
      $<HTMLInputElement>(el, 'input[value="expired"]')!.click();
      await click(el, en.continue);
      expect(heading(el)).to.equal(en.errorTitle);
      await accessible(el);
      el.catalog = own;
      await el.updateComplete;
    });
  });
}
