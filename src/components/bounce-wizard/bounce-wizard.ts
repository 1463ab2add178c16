import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Catalog, LookupFailure } from '../../core/catalog.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { advance, back, progress, startState, type Step, type WizardState } from '../../core/wizard.js';
import { encodePath, restorePath } from '../../core/deep-link.js';
import type { Category } from '../../core/types.js';
import { resolveStrings, type Strings } from '../../i18n/index.js';
import { VERSION } from '../../version.js';
import { styles } from './bounce-wizard.styles.js';
import { UrlSync } from './url-sync.js';
import { renderQuestion } from './views/question.js';
import { renderCodeInput } from './views/code-input.js';
import { renderCodeEntry } from './views/code-entry.js';
import { renderDiagnosis, type CopyStatus } from './views/diagnosis.js';
import { renderNav, renderProgress, type Position } from './views/nav.js';
import { renderErrorPanel } from './views/error-panel.js';

/** `bw-step`: the reader moved to a new step. `path` is the step's deep-link value. */
export interface BwStepDetail {
  kind: Step['kind'];
  nodeId?: string;
  code?: string;
  causeId?: string;
  path: string;
}

/** `bw-diagnosis`: a diagnosis card is on screen. */
export interface BwDiagnosisDetail {
  causeId: string;
  category: Category;
  code?: string;
}

/** `bw-copy`: the link to the current step was copied. */
export interface BwCopyDetail {
  url: string;
}

/**
 * Who caused a state change decides what follows it: only the reader's own steps fire events and write
 * history; only the reader's and the browser's move focus.
 */
type Source = 'reader' | 'history' | 'host';

const CODE_INPUT_NODE = 'enter-code';

/**
 * @summary "Why did my email bounce?": explains an SMTP error code, or asks a few questions, and ends at
 * a diagnosis with the fix.
 *
 * @attr code - Opens at this code's entry (`550`, `5.7.26`, or a whole bounce line). Changing it re-opens.
 * @attr start - Where to begin without a code: `guided` (the first question, default) or `code` (ask for the code).
 * @attr url-sync - Reads the place from `?bounce=` or `#bounce=` and writes each step to the browser history.
 * @attr lang - Language of the interface; falls back to `<html lang>`, then English.
 * @attr theme - `light` (default), `dark`, or `auto` to follow the system setting.
 *
 * @fires bw-step - The reader moved to a new step. Detail: `{ kind, nodeId?, code?, causeId?, path }`.
 * @fires bw-diagnosis - A diagnosis card is shown after a reader's step. Detail: `{ causeId, category, code? }`.
 * @fires bw-copy - The link to the current step was copied. Detail: `{ url }`.
 *
 * @csspart panel - The card around everything.
 * @csspart heading - Each step's heading.
 * @csspart option - An answer of a question, or a cause to pick.
 * @csspart button - Every button.
 * @csspart code-badge - The code, shown as a badge.
 * @csspart diagnosis - The diagnosis card.
 * @csspart steps - The progress line.
 *
 * @cssprop --bw-font-family - Font; inherits from the host by default.
 * @cssprop --bw-accent - Buttons, links, the progress bar and selected answers.
 * @cssprop --bw-accent-text - Text on the accent colour.
 * @cssprop --bw-text - Body text.
 * @cssprop --bw-muted - Help and hint text.
 * @cssprop --bw-surface - Card background.
 * @cssprop --bw-surface-alt - Badges, notices and the selected answer.
 * @cssprop --bw-border - Borders.
 * @cssprop --bw-radius - Corner radius of the card.
 * @cssprop --bw-focus-ring - Focus outline colour.
 * @cssprop --bw-danger - Permanent-failure badge and input problems.
 * @cssprop --bw-ok - Temporary-failure badge.
 */
export class BounceWizard extends LitElement {
  static override styles = styles;

  /** This build's version, so two copies on one page can be told apart. */
  static readonly version: string = VERSION;

  /** Opens at this code's entry; empty means start as `start` says. */
  @property() code = '';

  /** `guided` starts with the first question; `code` asks for the error code first. */
  @property() start: 'guided' | 'code' = 'guided';

  /** Opt-in sync with the page URL (`bounce=`). */
  @property({ type: Boolean, attribute: 'url-sync' }) urlSync = false;

  /** Interface language; not reflected, so setting it does not change the host's `lang` attribute. */
  @property() override lang = '';

  /** Reflected because the dark token set is selected by the attribute. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** The knowledge to use: the bundled catalog unless a host brings its own. */
  @property({ attribute: false }) catalog: Catalog = builtinCatalog;

  @state() private wizard: WizardState | null = null;
  @state() private failed = false;
  @state() private codeProblem: string | null = null;
  @state() private unanswered = false;
  @state() private notice: 'bad-link' | 'partial-link' | null = null;
  @state() private copy: CopyStatus = { kind: 'idle' };

  private focusHeading = false;
  private announce = false;
  private readonly url = new UrlSync(this, (value) => this.openFromUrl(value, 'history'));

  /** Back to the beginning, as the attributes configure it. */
  reset(): void {
    this.open(this.origin(), 'host');
  }

  /** Opens the entry for `code` (anything a reader could paste). */
  showCode(code: string): void {
    this.open(code, 'host');
  }

  private get strings(): Strings {
    return resolveStrings(this.lang, document.documentElement.lang);
  }

  private origin(): string {
    if (this.code) return this.code;
    return this.start === 'code' ? CODE_INPUT_NODE : this.catalog.data.wizard.start;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('urlSync') && this.isConnected) this.url.listen(this.urlSync);
    if (!this.hasUpdated) {
      const value = this.urlSync ? this.url.read() : null;
      if (value !== null) this.openFromUrl(value, 'host');
      else this.open(this.origin(), 'host');
    } else if (changed.has('code') || changed.has('start') || changed.has('catalog')) {
      this.open(this.origin(), 'host');
    }
  }

  /** Opens at `origin`; a code that cannot be read lands on the code input with the reason. */
  private open(origin: string, source: Source): void {
    const started = startState(this.catalog, origin);
    if (started.ok) {
      this.show(started.value, source);
      return;
    }
    const fallback = startState(this.catalog, CODE_INPUT_NODE);
    if (!fallback.ok) {
      this.failed = true;
      return;
    }
    this.show(fallback.value, source);
    this.codeProblem = this.describeCodeProblem(started.error.reason);
  }

  private openFromUrl(value: string | null, source: Source): void {
    if (!value) {
      this.open(this.origin(), source);
      return;
    }
    const { state, error } = restorePath(this.catalog, value);
    // Nothing of the link fitted: begin as configured. Part of it fitted: keep that part.
    const fitted = state && (!error || state.inputs.length > 0 || state.origin !== this.catalog.data.wizard.start);
    if (fitted) this.show(state, source);
    else this.open(this.origin(), source);
    if (error) this.notice = fitted ? 'partial-link' : 'bad-link';
  }

  private show(next: WizardState, source: Source): void {
    const changed = this.wizard !== null;
    this.wizard = next;
    this.failed = false;
    this.codeProblem = null;
    this.unanswered = false;
    this.notice = null;
    this.copy = { kind: 'idle' };
    this.announce = changed;
    this.focusHeading = changed && source !== 'host';
    if (source === 'reader') {
      const path = encodePath(next);
      if (this.urlSync) this.url.push(path);
      this.emitStep(next, path);
    }
  }

  private emitStep(next: WizardState, path: string): void {
    const step = next.steps[next.steps.length - 1];
    const detail: BwStepDetail = { kind: step.kind, path };
    if (step.kind === 'node') detail.nodeId = step.node.id;
    if (step.kind !== 'node' && step.lookup) detail.code = step.lookup.query;
    if (step.kind === 'diagnosis') detail.causeId = step.cause.id;
    this.emit('bw-step', detail);
    if (step.kind === 'diagnosis') {
      const diagnosis: BwDiagnosisDetail = { causeId: step.cause.id, category: step.cause.category };
      if (step.lookup) diagnosis.code = step.lookup.query;
      this.emit('bw-diagnosis', diagnosis);
    }
  }

  private emit<K extends keyof BwEvents>(type: K, detail: BwEvents[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private describeCodeProblem(reason: string): string {
    const problems = this.strings.codeProblem;
    return problems[reason as LookupFailure] ?? problems.malformed;
  }

  private step(input: string): void {
    if (!this.wizard) return;
    const next = advance(this.catalog, this.wizard, input);
    if (next.ok) {
      this.show(next.value, 'reader');
      return;
    }
    this.failed = true;
    this.announce = this.focusHeading = true;
  }

  private lookUp(text: string): void {
    if (!this.wizard) return;
    const next = advance(this.catalog, this.wizard, text);
    if (next.ok) this.show(next.value, 'reader');
    else this.codeProblem = this.describeCodeProblem(next.error.reason);
  }

  private readonly goBack = () => {
    if (this.wizard) this.show(back(this.wizard), 'reader');
  };

  private readonly startOver = () => this.open(this.origin(), 'reader');

  private readonly copyLink = async () => {
    if (!this.wizard) return;
    const url = this.url.urlFor(encodePath(this.wizard));
    try {
      await navigator.clipboard.writeText(url);
      this.copy = { kind: 'copied' };
      this.say(this.strings.linkCopied);
      this.emit('bw-copy', { url });
    } catch {
      // No clipboard (insecure page, denied permission): show the link so it can be copied by hand.
      this.copy = { kind: 'manual', url };
    }
  };

  private position(state: WizardState, current: Step): Position {
    if (current.kind === 'diagnosis') return { kind: 'result' };
    const { done, remaining } = progress(this.catalog, state);
    return { kind: 'question', current: done + 1, upTo: done + remaining };
  }

  private renderStep(current: Step, t: Strings) {
    switch (current.kind) {
      case 'node':
        return current.node.type === 'question'
          ? renderQuestion(
              current.node,
              t,
              { answer: (id) => this.step(id), unanswered: () => (this.unanswered = true) },
              this.unanswered,
            )
          : renderCodeInput(current.node, t, { lookUp: (text) => this.lookUp(text), skip: () => this.step('skip') }, this.codeProblem);
      case 'code':
        return renderCodeEntry(current.lookup, t, {
          pickCause: (id) => this.step(id),
          narrowDown: () => this.step('ask'),
          guided: () => this.open(this.catalog.data.wizard.start, 'reader'),
        });
      case 'diagnosis':
        return renderDiagnosis(current.cause, current.lookup, t, { copyLink: this.copyLink, startOver: this.startOver }, this.copy);
    }
  }

  private renderBody(t: Strings) {
    const state = this.wizard;
    if (this.failed || !state) return renderErrorPanel(t, this.startOver);
    const current = state.steps[state.steps.length - 1];
    try {
      return html`${renderProgress(this.position(state, current), t)} ${this.renderStep(current, t)}
      ${renderNav(state.inputs.length === 0, t, { back: this.goBack, startOver: this.startOver })}`;
    } catch {
      // A catalog that breaks its own schema must still leave the reader a way out.
      return renderErrorPanel(t, this.startOver);
    }
  }

  protected override render() {
    const t = this.strings;
    return html`<div class="panel" part="panel" role="region" aria-label=${t.widgetLabel}>
      ${this.notice
        ? html`<div class="notice">
            <p>${this.notice === 'bad-link' ? t.badLink : t.partialLink}</p>
            <button part="button" type="button" @click=${() => (this.notice = null)}>${t.dismiss}</button>
          </div>`
        : nothing}
      ${this.renderBody(t)}
      <div class="sr-only" role="status" aria-live="polite" id="live"></div>
    </div>`;
  }

  protected override updated(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('.view .heading');
    if (this.announce) this.say(heading?.textContent?.trim() ?? '');
    if (this.focusHeading) heading?.focus();
    this.announce = false;
    this.focusHeading = false;
  }

  /** The one live region; it is written directly so an announcement costs no extra render. */
  private say(text: string): void {
    const live = this.renderRoot.querySelector('#live');
    if (live) live.textContent = text;
  }
}

interface BwEvents {
  'bw-step': BwStepDetail;
  'bw-diagnosis': BwDiagnosisDetail;
  'bw-copy': BwCopyDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bw-step': CustomEvent<BwStepDetail>;
    'bw-diagnosis': CustomEvent<BwDiagnosisDetail>;
    'bw-copy': CustomEvent<BwCopyDetail>;
  }
  interface HTMLElementTagNameMap {
    'bounce-wizard': BounceWizard;
  }
}
