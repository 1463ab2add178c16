/**
 * "Check my domain" against the scenario zones of test/dns/scenarios.json, which the dev server answers as a
 * DNS JSON resolver at /test-doh/<scenario> (web-test-runner.config.mjs): nothing leaves the machine.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../define.js';
import { $, $$, accessible, button, heading, live } from './test-helpers.js';
import type { BounceWizard, BwDnsCheckDetail } from './bounce-wizard.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { checkDomain } from '../../core/dns/check-domain.js';
import type { Finding } from '../../core/dns/findings.js';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import scenarioData from '../../../test/dns/scenarios.json';
import findingsEn from '../../../test/dns/findings-en.json';

type Expected = [keyof typeof en.dns.severity, string][];
const scenarios = scenarioData.scenarios as unknown as Record<string, { expect: Expected }>;
const { domain, selector, ip } = scenarioData;
const resolver = (scenario: string) => `${location.origin}/test-doh/${scenario}`;
/** Each scenario's findings as the CLI prints them in English: [title, detail]. */
const scenarioFindingsEn = findingsEn as unknown as Record<string, [string, string][]>;
const cause = (id: string) => builtinCatalog.causeById.get(id)!;

async function open(el: BounceWizard) {
  button(el, en.dns.open).click();
  await waitUntil(() => $(el, '.dns-form'), 'the form did not open');
  await el.updateComplete;
}

function fill(el: BounceWizard, values: Partial<Record<'domain' | 'selector' | 'ip', string>>) {
  for (const [name, value] of Object.entries(values)) $<HTMLInputElement>(el, `#dns-${name}`)!.value = value;
}

async function check(el: BounceWizard, values: Partial<Record<'domain' | 'selector' | 'ip', string>> = { domain, selector, ip }) {
  await open(el);
  fill(el, values);
  button(el, en.dns.check).click();
  await waitUntil(() => $(el, '.findings'), 'no findings', { timeout: 8000 });
  await el.updateComplete;
}

/** Each finding as the reader sees it: its label, then its title. */
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
const findings = (el: BounceWizard) =>
  $$(el, '.finding').map((li) => {
    const label = text(li.querySelector('.severity')!);
    return { severity: li.dataset.severity, label, title: text(li.querySelector('.finding-title')!).slice(label.length).trim() };
  });

const wizard = (scenario: string, extra = '') =>
  fixture<BounceWizard>(html`<bounce-wizard dns-check dns-resolver=${resolver(scenario)} dns-timeout=${extra ? 600 : 8000} code="cause:auth-spf-failed"></bounce-wizard>`);

describe('<bounce-wizard dns-check> scenarios', () => {
  for (const [name, { expect: expected }] of Object.entries(scenarios)) {
    it(`${name}: shows ${expected.map(([s, t]) => `[${s}] ${t}`).join(', ')}`, async () => {
      const el = await wizard(name, name === 'slow' ? 'short' : '');
      await check(el);
      const shown = findings(el);
      for (const [severity, title] of expected) {
        const found = shown.find((f) => f.severity === severity && f.title.includes(title));
        expect(found, `[${severity}] ${title} in ${JSON.stringify(shown)}`).to.exist;
        // The severity is a word and a sign, never a colour alone.
        expect(found!.label).to.match(new RegExp(`${en.dns.severity[severity]}:$`));
      }
      const order = shown.map((f) => ['error', 'warning', 'info', 'ok'].indexOf(f.severity!));
      expect(order).to.deep.equal([...order].sort((a, b) => a - b), 'most serious first');
      expect(heading(el)).to.equal(en.dns.resultTitle(domain));
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.view .heading'));
    });
  }
});

describe('<bounce-wizard dns-check>', () => {
  it('is offered only when set, and only on causes about the sender’s own setup', async () => {
    const off = await fixture<BounceWizard>(html`<bounce-wizard code="cause:auth-spf-failed"></bounce-wizard>`);
    expect($$(off, 'button').some((b) => b.textContent!.trim() === en.dns.open)).to.equal(false);
    const el = await fixture<BounceWizard>(html`<bounce-wizard dns-check code="cause:recipient-unknown"></bounce-wizard>`);
    expect($$(el, 'button').some((b) => b.textContent!.trim() === en.dns.open)).to.equal(false);
    for (const id of ['auth-dmarc-failed', 'sender-no-ptr', 'sender-blocklisted', 'sender-reputation']) {
      el.code = `cause:${id}`;
      await el.updateComplete;
      expect(heading(el)).to.equal(cause(id).title);
      expect(button(el, en.dns.open)).to.exist;
    }
  });

  it('opens a labelled form that names the resolver, moves focus to its heading, and goes back where the reader was', async () => {
    const el = await wizard('good');
    await open(el);
    expect(heading(el)).to.equal(en.dns.title);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.view .heading'));
    const input = $<HTMLInputElement>(el, '#dns-domain')!;
    expect(input.labels![0].textContent).to.equal(en.dns.domain);
    expect(input.getAttribute('aria-describedby')).to.include('dns-privacy');
    expect($(el, '#dns-privacy')!.textContent).to.equal(en.dns.privacy(location.host));
    await accessible(el);
    button(el, en.back).click();
    await el.updateComplete;
    expect(heading(el)).to.equal(cause('auth-spf-failed').title);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.view .heading'));
  });

  it('says what is wrong with each field, marks it, focuses it, and looks nothing up', async () => {
    const el = await wizard('good');
    await open(el);
    fill(el, { domain: 'me@example.com', selector: 'bad selector!', ip: '300.1.2.3' });
    button(el, en.dns.check).click();
    await waitUntil(() => $(el, '#dns-domain-problem'), 'no problem shown');
    await el.updateComplete;
    expect($(el, '#dns-domain-problem')!.textContent).to.equal(en.dns.problem['invalid-domain']);
    expect($(el, '#dns-selector-problem')!.textContent).to.equal(en.dns.problem['invalid-selector']);
    expect($(el, '#dns-ip-problem')!.textContent).to.equal(en.dns.problem['invalid-ip']);
    expect($(el, '#dns-domain')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#dns-domain')!.getAttribute('aria-describedby')).to.include('dns-domain-problem');
    expect(live(el)).to.equal(en.dns.problem['invalid-domain']);
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '#dns-domain'), 'focus did not move to the field');
    await accessible(el);
  });

  it('refuses a resolver that is not https (off loopback) with a message, not an error', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard dns-check dns-resolver="http://dns.example/dns-query" code="cause:auth-spf-failed"></bounce-wizard>`);
    await open(el);
    fill(el, { domain });
    button(el, en.dns.check).click();
    await waitUntil(() => $(el, '.dns-form .problem'), 'no message');
    expect($(el, '.dns-form .problem')!.textContent).to.equal(en.dns.problem['insecure-resolver']);
  });

  it('is busy while it checks, and says so politely', async () => {
    const el = await wizard('slow', 'short');
    await open(el);
    fill(el, { domain });
    button(el, en.dns.check).click();
    await waitUntil(() => $(el, 'section.view[aria-busy="true"] .reading'), 'no busy state');
    expect(live(el)).to.equal(en.dns.checking(domain));
    expect($<HTMLButtonElement>(el, 'button[type="submit"]')!.disabled).to.equal(true);
    await accessible(el);
    await waitUntil(() => $(el, '.findings'), 'the time bound did not end the check', { timeout: 8000 });
    expect($(el, 'section.view')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('leaves the wizard usable when the resolver is broken: the failure is a finding, back and start over work', async () => {
    const el = await wizard('broken');
    await check(el);
    expect(findings(el).map((f) => f.title)).to.deep.equal([scenarios.broken.expect[0][1]]);
    await accessible(el);
    button(el, en.back).click();
    await el.updateComplete;
    expect(heading(el)).to.equal(cause('auth-spf-failed').title);
    button(el, en.startOver).click();
    await el.updateComplete;
    expect(heading(el)).to.equal(cause('auth-spf-failed').title, 'start over reopens the configured origin');
  });

  it('fires bw-dns-check with the domain and the counts', async () => {
    const el = await wizard('dmarc-none');
    const event = oneEvent(el, 'bw-dns-check');
    await check(el);
    const { detail } = (await event) as CustomEvent<BwDnsCheckDetail>;
    expect(detail.domain).to.equal(domain);
    expect(detail.resolverAnswered).to.equal(true);
    expect(detail.counts.warning).to.be.greaterThan(0);
    expect(detail.counts.error + detail.counts.warning + detail.counts.info + detail.counts.ok).to.equal($$(el, '.finding').length);
  });

  it('opens a finding’s cause from the results', async () => {
    const el = await wizard('revoked-dkim');
    await check(el);
    const open = button(el, en.dns.openCause(cause('auth-dkim-failed').title));
    open.click();
    await el.updateComplete;
    expect(heading(el)).to.equal(cause('auth-dkim-failed').title);
  });

  it('at a code with several causes, puts the ones the check points to first and says why', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard dns-check dns-resolver=${resolver('missing-spf')} code="550 5.7.26"></bounce-wizard>`);
    const before = $$(el, 'button.cause').map((b) => b.textContent!.trim());
    expect(before[0]).to.not.equal(cause('auth-spf-failed').title);
    expect($(el, '.dns-ordered')).to.not.exist;
    await check(el, { domain });
    button(el, en.dns.openCause(cause('auth-spf-failed').title)).click();
    await el.updateComplete;
    // The cause opens as a step of the code: the code stays on the card, and Back returns to the code.
    expect(heading(el)).to.equal(cause('auth-spf-failed').title);
    expect($(el, '[part="code-badge"]')!.textContent).to.equal('550 5.7.26');
    button(el, en.back).click();
    await el.updateComplete;
    const after = $$(el, 'button.cause').map((b) => b.textContent!.trim());
    expect(after[0]).to.equal(cause('auth-spf-failed').title);
    expect([...after].sort()).to.deep.equal([...before].sort());
    expect($(el, '.dns-ordered')!.textContent).to.equal(en.dns.ordered(domain));
    await accessible(el);
  });

  it('at 550 5.7.26, says the SPF record does not authorise the sending IP, and offers the SPF cause first', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard dns-check dns-resolver=${resolver('spf-not-covering-ip')} code="550 5.7.26"></bounce-wizard>`);
    await check(el, { domain, ip });
    const item = $$(el, '.finding').find((li) => li.textContent!.includes(`does not authorise ${ip}`));
    expect(item, 'the finding about the sending IP').to.exist;
    expect(item!.dataset.severity).to.equal('error');
    // It is the first finding of the SPF record with a way to the cause, so that is the one the reader opens.
    const open = item!.querySelector('button')!;
    expect(open.textContent!.trim()).to.equal(en.dns.openCause(cause('auth-spf-failed').title));
    await accessible(el);
    open.click();
    await el.updateComplete;
    expect(heading(el)).to.equal(cause('auth-spf-failed').title);
    button(el, en.back).click();
    await el.updateComplete;
    expect($$(el, 'button.cause')[0].textContent!.trim()).to.equal(cause('auth-spf-failed').title);
  });

  it('prefills the domain, DKIM selector and sending IP from a pasted bounce', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard dns-check dns-resolver=${resolver('good')} start="paste"></bounce-wizard>`);
    await el.diagnose(`From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: ann@shop.example
Subject: Undelivered Mail Returned to Sender

<bob@example.net>: host mx.example.net[198.51.100.2] said: 554 5.7.1 Service unavailable;
    Client host [203.0.113.5] blocked using zen.spamhaus.org

------ This is a copy of the message, including all the headers. ------
DKIM-Signature: v=1; a=rsa-sha256; d=shop.example;
    s=mail2026; bh=abc=; b=def=
From: Ann <ann@shop.example>
To: bob@example.net
`);
    await open(el);
    expect($<HTMLInputElement>(el, '#dns-domain')!.value).to.equal('shop.example');
    expect($<HTMLInputElement>(el, '#dns-selector')!.value).to.equal('mail2026');
    expect($<HTMLInputElement>(el, '#dns-ip')!.value).to.equal('203.0.113.5');
    expect($$(el, '.hint').some((p) => p.textContent === en.dns.prefilled)).to.equal(true);
    button(el, en.back).click();
    await el.updateComplete;
    expect($(el, '#paste-title'), 'back on the paste result').to.exist;
  });

  it('speaks the reader’s language around the findings and in them', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard lang="es" dns-check dns-resolver=${resolver('missing-spf')} code="cause:auth-spf-failed"></bounce-wizard>`);
    await el.updateComplete;
    button(el, es.dns.open).click();
    await waitUntil(() => $(el, '.dns-form'), 'the form did not open');
    expect($(el, 'label[for="dns-domain"]')!.textContent).to.equal(es.dns.domain);
    fill(el, { domain, selector });
    button(el, es.dns.check).click();
    await waitUntil(() => $(el, '.findings'), 'no findings');
    await el.updateComplete;
    expect(heading(el)).to.equal(es.dns.resultTitle(domain));
    const spf = $$(el, '.finding').find((li) => li.dataset.severity === 'error')!;
    expect(spf.querySelector('.severity')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`✕ ${es.dns.severity.error}:`);
    const [title, detail] = es.dns.findings!['spf.missing']({ domain });
    expect(text(spf.querySelector('.finding-title')!)).to.equal(`✕ ${es.dns.severity.error}: ${title}`);
    expect(spf.querySelector('.finding-detail')!.textContent).to.equal(detail);
    expect(detail).to.contain(domain).and.to.contain('"v=spf1"');
    // Every finding, not only that one: the same check through the core, each said from the Spanish table.
    const report = await checkDomain({ domain, selector, resolver: resolver('missing-spf') });
    if (!report.ok) throw new Error(report.error.message);
    const say = (f: Finding) => (es.dns.findings![f.key] as (p: Finding['params']) => [string, string])(f.params);
    const expected = report.value.findings.map((f) => `${f.severity} ${say(f).join(' | ')}`);
    const shown = $$(el, '.finding').map((li) =>
      `${li.dataset.severity} ${text(li.querySelector('.finding-title')!).replace(/^\S+ [^:]+: /, '')} | ${li.querySelector('.finding-detail')!.textContent}`);
    expect(shown.sort()).to.deep.equal(expected.sort());
  });

  it('says the same findings in English without a lang', async () => {
    const el = await wizard('missing-spf');
    await check(el, { domain, selector });
    const spf = $$(el, '.finding').find((li) => li.dataset.severity === 'error')!;
    const [title, detail] = scenarioFindingsEn['missing-spf'].find(([t]) => t === 'No SPF record')!;
    expect(text(spf.querySelector('.finding-title')!)).to.equal(`✕ ${en.dns.severity.error}: ${title}`);
    expect(spf.querySelector('.finding-detail')!.textContent).to.equal(detail);
  });
});
