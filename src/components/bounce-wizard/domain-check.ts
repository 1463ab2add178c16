/**
 * "Check my domain" in the element: the form, the wait and the findings, the call into the DNS core, and
 * the view's styles. A chunk of its own, imported on the first "Check my domain": readers of pages without
 * `dns-check`, and readers who never press it, download none of it.
 */
import { html, nothing } from 'lit';
import { domainCheckStyles } from './views/domain-check.styles.js';
import { checkDomain, normaliseDomain, normaliseSelector, validateResolver, type CheckInputFailure, type DomainReport } from '../../core/dns/check-domain.js';
import type { Finding, Severity } from '../../core/dns/findings.js';
import type { FindingKey, FindingParams } from '../../core/dns/messages.js';
import { parseIp } from '../../core/dns/ip.js';
import { narrowCauses } from '../../core/dns/narrow.js';
import { senderFacts } from '../../core/diagnose/sender.js';
import type { Strings } from '../../i18n/index.js';

/** What the reader typed (or the bounce prefilled), as text. */
export interface DomainCheckInput {
  domain: string;
  selector: string;
  ip: string;
}

export type DomainField = keyof DomainCheckInput;

export type DomainCheckState =
  /** The element's own state while this chunk loads; `pasted`: the bounce to prefill from. */
  | { phase: 'opening'; pasted: string | null }
  | {
      phase: 'form';
      input: DomainCheckInput;
      /** Some fields came from the pasted bounce. */
      prefilled: boolean;
      problems: Partial<Record<DomainField, CheckInputFailure>>;
      /** The host's `dns-resolver` cannot be used: no field of the reader's can fix that. */
      resolverProblem?: CheckInputFailure;
    }
  | { phase: 'checking'; input: DomainCheckInput; domain: string }
  | { phase: 'result'; input: DomainCheckInput; report: DomainReport };

export { domainCheckStyles, narrowCauses };

/** What the element lends the view: its strings and settings, and the moves only it can make. */
export interface DomainCheckHost {
  t: Strings;
  resolver: string;
  /** Bound on the whole check, in ms; undefined: the core's. */
  timeoutMs: number | undefined;
  /** The state on screen now: a check whose view was left in the meantime is dropped. */
  current(): DomainCheckState | null;
  /** Puts `next` on screen; `focus`: a new view, whose heading takes focus and is announced. */
  show(next: DomainCheckState, focus: boolean): void;
  /** A polite announcement in the element's live region. */
  say(text: string): void;
  /** A fresh signal for a check, which aborts when the reader leaves or starts another. */
  signal(): AbortSignal;
  /** Moves focus to the first field with a problem, once it is on screen. */
  focusProblem(): void;
  /** The cause's title in the reader's catalog, or undefined when the catalog has no such cause. */
  causeTitle(id: string): string | undefined;
  openCause(id: string): void;
  /** A report is on screen: remember it for narrowing, tell the host page. */
  finished(report: DomainReport, input: DomainCheckInput): void;
}

/** The form, prefilled with what the pasted bounce says about the sender; without it, with the last check's input. */
export function startForm(pasted: string | null, last: DomainCheckInput | undefined): DomainCheckState {
  const facts = pasted === null ? null : senderFacts(pasted);
  const fromBounce = { domain: facts?.domain ?? '', selector: facts?.selector ?? '', ip: facts?.ip ?? '' };
  const prefilled = Object.values(fromBounce).some(Boolean);
  return { phase: 'form', input: prefilled ? fromBounce : (last ?? fromBounce), prefilled, problems: {} };
}

/** Each field checked on its own, so every problem shows at once; the resolver too, before any lookup. */
function inputProblems(input: DomainCheckInput, resolver: string): Pick<Extract<DomainCheckState, { phase: 'form' }>, 'problems' | 'resolverProblem'> {
  const problems: Partial<Record<DomainField, CheckInputFailure>> = {};
  if (!normaliseDomain(input.domain).ok) problems.domain = 'invalid-domain';
  if (input.selector.trim() && !normaliseSelector(input.selector).ok) problems.selector = 'invalid-selector';
  if (input.ip.trim() && !parseIp(input.ip)) problems.ip = 'invalid-ip';
  const checked = validateResolver(resolver);
  return checked.ok ? { problems } : { problems, resolverProblem: checked.error.reason };
}

/** The domain as it will be looked up (`Example.COM.` → `example.com`), for the "Checking…" line. */
function lookupName(input: DomainCheckInput): string {
  const domain = normaliseDomain(input.domain);
  return domain.ok ? domain.value : input.domain.trim();
}

/** Checks the fields, then the domain; problems go back to the form, never an exception. */
async function submit(host: DomainCheckHost, input: DomainCheckInput): Promise<void> {
  const { t } = host;
  const { problems, resolverProblem } = inputProblems(input, host.resolver);
  const first = problems.domain ?? problems.selector ?? problems.ip ?? resolverProblem;
  if (first) {
    host.show({ phase: 'form', input, prefilled: false, problems, resolverProblem }, false);
    host.say(t.dns.problem[first]);
    host.focusProblem();
    return;
  }
  const checking: DomainCheckState = { phase: 'checking', input, domain: lookupName(input) };
  host.show(checking, false);
  host.say(t.dns.checking(checking.domain));
  // Errors are values in the core: lookups that fail come back as findings, bad input as a reason.
  const result = await checkDomain({ ...input, resolver: host.resolver, totalTimeoutMs: host.timeoutMs, signal: host.signal() });
  if (host.current() !== checking) return;
  if (!result.ok) {
    host.show({ phase: 'form', input, prefilled: false, problems: {}, resolverProblem: result.error.reason }, false);
    host.say(t.dns.problem[result.error.reason]);
    return;
  }
  host.show({ phase: 'result', input, report: result.value }, true);
  host.finished(result.value, input);
}

/** The resolver as the privacy note names it: its host, which is who sees the names. */
function resolverHost(resolver: string): string {
  try {
    return new URL(resolver).host;
  } catch {
    return resolver;
  }
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'ok'];
// A shape beside the word, so the severity never rests on colour; the word is what a screen reader says.
const ICONS: Record<Severity, string> = { error: '✕', warning: '!', info: 'i', ok: '✓' };

function field(name: DomainField, label: string, hint: string, state: Extract<DomainCheckState, { phase: 'form' | 'checking' }>, t: Strings) {
  const problem = state.phase === 'form' ? state.problems[name] : undefined;
  const id = `dns-${name}`;
  const described = [`${id}-hint`, name === 'domain' ? 'dns-privacy' : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return html`<label class="field" for=${id}>${label}</label>
    <input
      id=${id}
      name=${name}
      type="text"
      autocomplete="off"
      spellcheck="false"
      inputmode=${name === 'ip' ? 'decimal' : 'url'}
      .value=${state.input[name]}
      ?readonly=${state.phase === 'checking'}
      aria-describedby=${described}
      aria-invalid=${problem ? 'true' : 'false'}
    />
    <p class="hint" id=${`${id}-hint`}>${hint}</p>
    ${problem ? html`<p class="problem" id=${`${id}-problem`}>${t.dns.problem[problem]}</p>` : nothing}`;
}

function renderForm(state: Extract<DomainCheckState, { phase: 'form' | 'checking' }>, host: DomainCheckHost) {
  const { t } = host;
  const checking = state.phase === 'checking';
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (checking) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: DomainField) => String(data.get(name) ?? '');
    void submit(host, { domain: text('domain'), selector: text('selector'), ip: text('ip') });
  };
  return html`${state.phase === 'form' && state.prefilled ? html`<p class="hint">${t.dns.prefilled}</p>` : nothing}
    <form class="dns-form" novalidate @submit=${onSubmit}>
      ${field('domain', t.dns.domain, t.dns.domainHint, state, t)} ${field('selector', t.dns.selector, t.dns.selectorHint, state, t)}
      ${field('ip', t.dns.ip, t.dns.ipHint, state, t)}
      <p class="hint" id="dns-privacy">${t.dns.privacy(resolverHost(host.resolver))}</p>
      ${state.phase === 'form' && state.resolverProblem ? html`<p class="problem">${t.dns.problem[state.resolverProblem]}</p>` : nothing}
      ${checking ? html`<p class="reading">${t.dns.checking(state.domain)}</p>` : nothing}
      <div class="actions">
        <button class="primary" part="button" type="submit" ?disabled=${checking}>${t.dns.check}</button>
      </div>
    </form>`;
}

/** The finding's title and detail in the reader's language; English is the core's own text. */
function findingText(f: Finding, t: Strings): [string, string] {
  const say = t.dns.findings?.[f.key] as ((params: FindingParams<FindingKey>) => [string, string]) | undefined;
  return say ? say(f.params as FindingParams<FindingKey>) : [f.title, f.detail];
}

function renderFinding(f: Finding, host: DomainCheckHost) {
  const { t } = host;
  const causeTitle = f.causeId ? host.causeTitle(f.causeId) : undefined;
  const [title, detail] = findingText(f, t);
  return html`<li class="finding" data-severity=${f.severity}>
    <p class="finding-title">
      <span class="severity"><span class="severity-icon" aria-hidden="true">${ICONS[f.severity]}</span> ${t.dns.severity[f.severity]}:</span>
      ${title}
    </p>
    <p class="finding-detail">${detail}</p>
    ${f.causeId && causeTitle
      ? html`<button part="button" type="button" @click=${() => host.openCause(f.causeId!)}>${t.dns.openCause(causeTitle)}</button>`
      : nothing}
  </li>`;
}

function renderResult({ report, input }: Extract<DomainCheckState, { phase: 'result' }>, host: DomainCheckHost) {
  const { t } = host;
  return html`<p class="dns-summary">${t.dns.summary(report.summary)}</p>
    <ul class="findings">
      ${SEVERITIES.flatMap((severity) => report.findings.filter((f) => f.severity === severity)).map((f) => renderFinding(f, host))}
    </ul>
    <div class="actions">
      <button part="button" type="button" @click=${() => host.show({ phase: 'form', input, prefilled: false, problems: {} }, true)}>
        ${t.dns.change}
      </button>
    </div>`;
}

export function renderDomainCheck(state: Exclude<DomainCheckState, { phase: 'opening' }>, host: DomainCheckHost) {
  const { t } = host;
  return html`<section class="view" aria-labelledby="dns-title" aria-busy=${state.phase === 'checking' ? 'true' : 'false'}>
    <h2 class="heading" part="heading" id="dns-title" tabindex="-1">${state.phase === 'result' ? t.dns.resultTitle(state.report.domain) : t.dns.title}</h2>
    ${state.phase === 'result' ? renderResult(state, host) : renderForm(state, host)}
  </section>`;
}
