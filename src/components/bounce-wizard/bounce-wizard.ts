import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { withProviders, type Catalog, type LookupFailure } from '../../core/catalog.js';
import { advance, back, progress, replay, startState, type Step, type WizardState } from '../../core/wizard.js';
import { encodePath, restorePath } from '../../core/deep-link.js';
import type { Category } from '../../core/types.js';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { supportLink, supportSummary, type SupportFacts, type SupportLabels } from '../../core/support-summary.js';
import { buildIndex, filterIndex, openEntry, type IndexEntry, type IndexFilter } from '../../core/code-index.js';
import type { Strings } from '../../i18n/index.js';
import { VERSION } from '../../version.js';
import { styles } from './bounce-wizard.styles.js';
import { UrlSync } from './url-sync.js';
import { KnowledgeController, type CatalogSource } from './knowledge.js';
import { LocaleController } from './locale.js';
import { renderQuestion } from './views/question.js';
import { renderCodeInput } from './views/code-input.js';
import { renderCodeEntry } from './views/code-entry.js';
import { renderDiagnosis, type CopyKind, type CopyStatus, type SupportAction } from './views/diagnosis.js';
import { renderNav, renderProgress, type Position } from './views/nav.js';
import { renderErrorPanel } from './views/error-panel.js';
import { INDEX_PAGE, renderCodeIndex } from './views/code-index.js';
import { pasteProblem, readPaste, type PasteState } from './paste-reader.js';
import { pastedCode, renderPaste } from './views/paste.js';
import { pasteStyles } from './views/paste.styles.js';

/** `bw-step`: the reader moved to a new step. `path` is the step's deep-link value. */
export interface BwStepDetail {
  /** `paste`: the paste view opened; `paste-result`: it shows what the pasted text says (empty `path`: pasted text never goes into a link). */
  kind: Step['kind'] | 'paste' | 'paste-result';
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

/** `bw-copy`: the link to the current step, or the diagnosis summary (`kind: 'diagnosis'`, with its `text`), was copied. */
export interface BwCopyDetail {
  /** The deep link to the current step, whichever was copied. */
  url: string;
  kind: CopyKind;
  /** The plain-text summary, for `kind: 'diagnosis'`. */
  text?: string;
}

/** `bw-support`: the reader chose "Contact support". Cancel it to open the host's own channel instead of the link. */
export interface BwSupportDetail {
  causeId?: string;
  code?: string;
  /** The plain-text summary the link carries. */
  summary: string;
}

/**
 * Who caused a state change decides what follows it: only the reader's own steps fire events and write
 * history; only the reader's and the browser's move focus.
 */
type Source = 'reader' | 'history' | 'host';

const CODE_INPUT_NODE = 'enter-code';

/** The `bounce=` value of the "All codes" index; no node, cause or code reads as this word. */
const INDEX_PATH = 'index';

/** The origin `start="paste"` stands for: the first question with the paste view over it. */
const PASTE_ORIGIN = 'paste';
const EMPTY_PASTE: PasteState = { phase: 'input', text: '', problem: null };

/**
 * @summary "Why did my email bounce?": explains an SMTP error code, or asks a few questions, and ends at
 * a diagnosis with the fix.
 *
 * @attr code - Opens at this code's entry (`550`, `5.7.26`, or a whole bounce line). Changing it re-opens.
 * @attr start - Where to begin without a code: `guided` (the first question, default), `code` (ask for the code) or `paste` (paste the bounce).
 * @attr url-sync - Reads the place from `?bounce=` or `#bounce=` and writes each step to the browser history.
 * @attr lang - Language of the interface; falls back to `<html lang>`, then English.
 * @attr theme - `light` (default), `dark`, or `auto` to follow the system setting.
 * @attr support-href - A `mailto:` or `http(s):` link to the host's support; adds "Contact support" to each diagnosis, carrying a plain-text summary of it (mailto: `subject` and `body`; web: a `bw_summary` parameter). Other schemes are ignored.
 * @attr support-label - The text of that link; "Contact support" in the reader's language by default.
 * @attr catalog-src - URL of the host's own catalog additions (JSON in the shape of `data/*.json`, every part optional), checked and merged over the built-in catalog. When it fails to load or check, the built-in catalog is used and a notice says so. A `catalog` property wins over it.
 *
 * @fires bw-step - The reader moved to a new step (`kind` `paste`/`paste-result` for the paste view). Detail: `{ kind, nodeId?, code?, causeId?, path }`.
 * @fires bw-diagnosis - A diagnosis card is shown after a reader's step. Detail: `{ causeId, category, code? }`.
 * @fires bw-copy - "Copy link" or "Copy diagnosis" put text on the clipboard. Detail: `{ url, kind: 'link' | 'diagnosis', text? }` (`text`: the summary, for `diagnosis`).
 * @fires bw-support - The reader chose "Contact support"; cancelable (the link is then not followed). Detail: `{ causeId?, code?, summary }`.
 *
 * @csspart panel - The card around everything.
 * @csspart heading - Each step's heading.
 * @csspart option - An answer of a question, or a cause to pick.
 * @csspart button - Every button.
 * @csspart code-badge - The code, shown as a badge.
 * @csspart diagnosis - The diagnosis card.
 * @csspart steps - The progress line.
 * @csspart support - The "Contact support" link (it also has the `button` part).
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
  static override styles = [styles, pasteStyles];

  /** This build's version, so two copies on one page can be told apart. */
  static readonly version: string = VERSION;

  /** Opens at this code's entry; empty means start as `start` says. */
  @property() code = '';

  /** `guided` starts with the first question; `code` asks for the error code first; `paste` for the bounce. */
  @property() start: 'guided' | 'code' | 'paste' = 'guided';

  /** Opt-in sync with the page URL (`bounce=`). */
  @property({ type: Boolean, attribute: 'url-sync' }) urlSync = false;

  /** Interface language; not reflected, so setting it does not change the host's `lang` attribute. */
  @property() override lang = '';

  /** Reflected because the dark token set is selected by the attribute. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /**
   * The knowledge to use: the bundled catalog unless a host brings its own, or a
   * promise of its own while that loads.
   */
  @property({ attribute: false }) catalog: CatalogSource;

  /** Where "Contact support" leads; empty: no such link. */
  @property({ attribute: 'support-href' }) supportHref = '';

  /** The text of the "Contact support" link; empty: the translated default. */
  @property({ attribute: 'support-label' }) supportLabel = '';

  /** URL (relative to the page) of the host's catalog additions; ignored while `catalog` is set. */
  @property({ attribute: 'catalog-src' }) catalogSrc = '';

  @state() private wizard: WizardState | null = null;
  @state() private failed = false;
  @state() private codeProblem: string | null = null;
  @state() private unanswered = false;
  @state() private notice: 'bad-link' | 'partial-link' | null = null;
  /** `catalog-src` failed; stays until dismissed, unlike the link notices a step clears. */
  @state() private catalogNotice = false;
  /** The catalog `catalog-src` gives, loading; kept so the same URL is fetched once. */
  private fetched: { src: string; catalog: Promise<Catalog> } | null = null;
  @state() private copy: CopyStatus = { kind: 'idle' };
  /** The pasted bounce behind the diagnosis card on screen, when "This is it" opened it; any other step clears it. */
  private fromPaste: { code: string | null; evidence: string[] } | null = null;
  /** The "All codes" index, when it is on screen over the current step. */
  @state() private index: { filter: Required<IndexFilter>; shown: number } | null = null;
  /** The paste view, when it is on screen over the current step. */
  @state() private pasted: PasteState | null = null;
  private readonly knowledgeState = new KnowledgeController(this, () => this.rereadWithProviders());
  private readonly localeState = new LocaleController(this, () => this.reread());
  /** The catalog the current path was opened on: another one (the host swapped it) opens again. */
  private openedOn: Catalog | null = null;
  /** What `reset` or `showCode` asked for before the catalog arrived. */
  private requested: string | null = null;
  /** The text the current path was opened with, which may hold a provider token its canonical origin lost. */
  private openedWith: string | null = null;

  private focusHeading = false;
  /** Set where a control the reader used goes away: what takes focus instead, so it never falls to <body>. */
  private focusAfter: string | null = null;
  private announce = false;
  private readonly url = new UrlSync(this, (value) => this.openFromUrl(value, 'history'));

  /** Reconnected: the controller took `catalog` again, which would drop what `catalog-src` gave. */
  override connectedCallback(): void {
    super.connectedCallback();
    this.knowledgeState.use(this.catalogSource());
  }

  /** Back to the beginning, as the attributes configure it. */
  reset(): void {
    this.open(this.origin(), 'host');
  }

  /** Opens the entry for `code` (anything a reader could paste). */
  showCode(code: string): void {
    this.open(code, 'host');
  }

  /**
   * Opens the paste view with `text` and diagnoses it, as if the reader had pasted it and pressed Diagnose.
   * Resolves once the result, or a friendly message about the text, is on screen; never rejects.
   */
  async diagnose(text: string): Promise<void> {
    // Before the first opening (the catalog may still be on its way), opening at the start would replace the paste view.
    if (!this.openedOn && this.isConnected) await this.updateComplete;
    if (!this.knowledgeState.base) return;
    await this.readPasted(String(text ?? ''), 'host');
    await this.updateComplete;
  }

  private get strings(): Strings {
    return this.localeState.strings;
  }

  /**
   * What lookups use: the catalog, with the built-in providers once loaded. Only steps read it, and there
   * are steps only once the catalog is here (render shows the loading state before).
   */
  private get knowledge(): Catalog {
    // A host's catalog, or the built-in one with its additions, is in the host's own words.
    return this.localeState.apply(this.knowledgeState.catalog!, this.catalog === undefined && this.knowledgeState.base === builtinCatalog);
  }

  /** Also waits for the catalog's chunk, so hosts and tests awaiting `updateComplete` see the step it opens. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    const pendingLoad = () => this.knowledgeState.pending ?? this.localeState.pending;
    for (let pending = pendingLoad(); pending; pending = pendingLoad()) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** A code already on screen may be a provider's: read the path again now that providers are known. */
  private rereadWithProviders(): void {
    if (this.wizard?.steps.some((step) => step.kind === 'code')) this.reread();
  }

  /** Reads the path on screen again against the current knowledge (providers or the reader's language arrived). */
  private reread(): void {
    const state = this.wizard;
    if (!state) return;
    const first = startState(this.knowledge, this.openedWith ?? state.origin);
    if (first.ok) this.wizard = replay(this.knowledge, first.value, state.inputs).state;
  }

  private origin(): string {
    if (this.code) return this.code;
    if (this.start === 'paste') return PASTE_ORIGIN;
    return this.start === 'code' ? CODE_INPUT_NODE : this.knowledge.data.wizard.start;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('urlSync') && this.isConnected) this.url.listen(this.urlSync);
    if (changed.has('catalog') || changed.has('catalogSrc')) this.knowledgeState.use(this.catalogSource());
    const { base } = this.knowledgeState;
    if (!base) return;
    const first = !this.openedOn;
    const swapped = this.openedOn !== base;
    this.openedOn = base;
    if (this.requested !== null) this.open(this.requested, 'host');
    else if (first) {
      const value = this.urlSync ? this.url.read() : null;
      if (value !== null) this.openFromUrl(value, 'host');
      else this.open(this.origin(), 'host');
    } else if (swapped || changed.has('code') || changed.has('start')) {
      this.open(this.origin(), 'host');
    }
    this.requested = null;
  }

  /** The host's `catalog` first, then `catalog-src`, else the built-in catalog (undefined). */
  private catalogSource(): CatalogSource {
    if (this.catalog !== undefined || !this.catalogSrc) return this.catalog;
    if (this.fetched?.src !== this.catalogSrc) this.fetched = { src: this.catalogSrc, catalog: this.fetchCatalog(this.catalogSrc) };
    return this.fetched.catalog;
  }

  /** Never rejects: whatever goes wrong, the built-in catalog answers and the notice says why the host's is missing. */
  private async fetchCatalog(src: string): Promise<Catalog> {
    this.catalogNotice = false;
    try {
      const response = await fetch(src);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const json: unknown = await response.json();
      // The checker is a chunk of its own: only hosts with a catalog-src pay for it.
      const { mergeCatalog, validateOverlay } = await import('../../core/catalog-overlay.js');
      const checked = validateOverlay(json);
      if (!checked.ok) throw new Error(checked.error.message);
      // Provider rows of the host's go over the built-in ones, which are a chunk of their own.
      const base = checked.value.providers
        ? withProviders(builtinCatalog, (await import('../../core/builtin-providers.js')).builtinProviders)
        : builtinCatalog;
      const merged = mergeCatalog(base, checked.value);
      if (!merged.ok) throw new Error(merged.error.message);
      return merged.value;
    } catch (error) {
      console.warn(`<bounce-wizard>: catalog-src "${src}" not used:`, error instanceof Error ? error.message : error);
      // Only the URL still asked for may raise the notice.
      if (this.fetched?.src === src) this.catalogNotice = true;
      return builtinCatalog;
    }
  }

  /** "Contact support" for the facts on screen, or null without a usable `support-href`. */
  private supportAction(facts: Omit<SupportFacts, 'pageUrl'>, path: string | null, causeId?: string): SupportAction | null {
    if (!this.supportHref) return null;
    const t = this.strings;
    const pageUrl = path === null ? window.location.href : this.url.urlFor(path);
    const summary = supportSummary({ ...facts, pageUrl }, this.summaryLabels());
    const subject = t.support.subject([facts.code, facts.causeTitle].filter(Boolean).join(' — ') || t.paste.resultTitle);
    const href = supportLink(this.supportHref, document.baseURI, subject, summary);
    if (!href) return null;
    const detail: BwSupportDetail = { summary };
    if (causeId) detail.causeId = causeId;
    if (facts.code) detail.code = facts.code;
    return {
      href,
      label: this.supportLabel || t.contactSupport,
      onClick: (event) => {
        if (!this.emit('bw-support', detail, true)) event.preventDefault();
      },
    };
  }

  /** Opens at `origin`; a code that cannot be read lands on the code input with the reason. */
  private open(origin: string, source: Source): void {
    if (!this.knowledgeState.base) {
      this.requested = origin;
      return;
    }
    if (origin === PASTE_ORIGIN) {
      this.open(this.knowledge.data.wizard.start, 'host');
      this.openPaste(source);
      return;
    }
    const started = startState(this.knowledge, origin);
    if (started.ok) {
      this.show(started.value, source);
      this.openedWith = origin;
      return;
    }
    const fallback = startState(this.knowledge, CODE_INPUT_NODE);
    if (!fallback.ok) {
      this.failed = true;
      return;
    }
    this.show(fallback.value, source);
    this.codeProblem = this.describeCodeProblem(started.error.reason);
  }

  private openFromUrl(value: string | null, source: Source): void {
    // Before the catalog is here, the first opening reads the URL itself.
    if (!this.knowledgeState.base) return;
    if (!value) {
      this.open(this.origin(), source);
      return;
    }
    if (value === INDEX_PATH) {
      if (!this.wizard) this.open(this.origin(), source);
      this.showIndex(source);
      return;
    }
    const { state, error } = restorePath(this.knowledge, value);
    // Nothing of the link fitted: begin as configured. Part of it fitted: keep that part.
    const fitted = state && (!error || state.inputs.length > 0 || state.origin !== this.knowledge.data.wizard.start);
    if (fitted) {
      this.show(state, source);
      this.openedWith = null;
    } else this.open(this.origin(), source);
    if (error) this.notice = fitted ? 'partial-link' : 'bad-link';
  }

  private show(next: WizardState, source: Source): void {
    const changed = this.wizard !== null;
    this.wizard = next;
    this.index = null;
    this.pasted = null;
    this.failed = false;
    this.codeProblem = null;
    this.unanswered = false;
    this.notice = null;
    this.copy = { kind: 'idle' };
    this.fromPaste = null;
    this.announce = changed;
    this.focusHeading = changed && source !== 'host';
    const current = next.steps[next.steps.length - 1];
    if (current.kind === 'code' || (current.kind === 'node' && current.node.type === 'code-input')) void this.knowledgeState.whenProvidersLoaded();
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

  /** False when a listener cancelled a `cancelable` event. */
  private emit<K extends keyof BwEvents>(type: K, detail: BwEvents[K], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  private describeCodeProblem(reason: string): string {
    const problems = this.strings.codeProblem;
    return problems[reason as LookupFailure] ?? problems.malformed;
  }

  private step(input: string): void {
    if (!this.wizard) return;
    const next = advance(this.knowledge, this.wizard, input);
    if (next.ok) {
      this.show(next.value, 'reader');
      return;
    }
    this.failed = true;
    this.announce = this.focusHeading = true;
  }

  private lookUp(text: string): void {
    // A token in the line (TSS04) only means something once the providers are known: wait while they load.
    if (this.knowledgeState.providersSettled) this.lookUpNow(text);
    else void this.knowledgeState.whenProvidersLoaded().then(() => this.lookUpNow(text));
  }

  private lookUpNow(text: string): void {
    // The reader may have moved on while the providers loaded.
    const current = this.wizard?.steps[this.wizard.steps.length - 1];
    if (!this.wizard || current?.kind !== 'node' || current.node.type !== 'code-input' || this.index) return;
    const next = advance(this.knowledge, this.wizard, text);
    if (next.ok) this.show(next.value, 'reader');
    else this.codeProblem = this.describeCodeProblem(next.error.reason);
  }

  private readonly goBack = () => {
    if (this.wizard) this.show(back(this.wizard), 'reader');
  };

  private readonly startOver = () => this.open(this.origin(), 'reader');

  private readonly openIndex = () => this.showIndex('reader');

  /** Back from the index: the step underneath, as a step of its own in the history. */
  private readonly closeIndex = () => {
    if (this.wizard) this.show(this.wizard, 'reader');
  };

  private showIndex(source: Source): void {
    this.index = { filter: { query: '', permanence: 'all', provider: '' }, shown: INDEX_PAGE };
    this.announce = true;
    this.focusHeading = source !== 'host';
    if (source === 'reader' && this.urlSync) this.url.push(INDEX_PATH);
    void this.knowledgeState.whenProvidersLoaded();
  }

  private indexResults(): IndexEntry[] {
    return this.index ? filterIndex(buildIndex(this.knowledge), this.index.filter) : [];
  }

  private renderIndex(t: Strings) {
    if (!this.index) return nothing;
    return renderCodeIndex(
      { ...this.index, results: this.indexResults(), providers: this.knowledge.providers?.providers ?? [] },
      t,
      {
        filter: (change) => {
          if (!this.index) return;
          this.index = { filter: { ...this.index.filter, ...change }, shown: INDEX_PAGE };
          const count = this.indexResults().length;
          this.say(count ? t.resultCount(count) : t.noResults);
        },
        showMore: () => {
          if (!this.index) return;
          // "Show more" goes away with the last page: focus moves on to the first entry it added.
          this.focusAfter = `.index-entry-${this.index.shown}`;
          this.index = { ...this.index, shown: this.index.shown + INDEX_PAGE };
        },
        choose: (entry) => {
          const opened = openEntry(this.knowledge, entry);
          if (opened.ok) {
            this.show(opened.value, 'reader');
            this.openedWith = null;
          } else this.open(entry.code, 'reader');
        },
      },
    );
  }

  private openPaste(source: Source): void {
    this.showPaste(EMPTY_PASTE, source);
    if (source === 'reader') this.emit('bw-step', { kind: 'paste', path: '' });
  }

  /** A problem or the wait is announced where the reader is; a new view gets focus on its heading. */
  private showPaste(next: PasteState, source: Source): void {
    this.pasted = next;
    this.index = null;
    const t = this.strings.paste;
    const notice = next.phase === 'reading' ? t.reading : next.phase === 'input' && next.problem ? t.problem[next.problem] : null;
    if (notice) this.say(notice);
    else this.announce = this.focusHeading = source !== 'host';
  }

  /** Diagnoses `text` in the paste view; a result that arrives after the reader moved on is dropped. */
  private async readPasted(text: string, source: Source): Promise<void> {
    const problem = pasteProblem(text);
    if (problem) return this.showPaste({ phase: 'input', text, problem }, source);
    const reading: PasteState = { phase: 'reading', text };
    this.showPaste(reading, source);
    const next = await readPaste(text, this.knowledge);
    if (this.pasted !== reading) return;
    this.showPaste(next, source);
    if (source !== 'reader' || next.phase !== 'result') return;
    const detail: BwStepDetail = { kind: 'paste-result', path: '' };
    const code = pastedCode(next.diagnosis);
    if (next.diagnosis.causeId) detail.causeId = next.diagnosis.causeId;
    if (code) detail.code = code;
    this.emit('bw-step', detail);
  }

  private renderPasted(state: PasteState, t: Strings) {
    const diagnosis = state.phase === 'result' ? state.diagnosis : null;
    const cause = diagnosis?.causeId ? this.knowledge.causeById.get(diagnosis.causeId) : undefined;
    // Pasted text never goes into a link: the summary names the code and cause, and links to the cause's card.
    const support = diagnosis?.isBounce
      ? this.supportAction({ code: pastedCode(diagnosis), causeTitle: cause?.title, whatHappened: cause?.summary }, cause ? `cause:${cause.id}` : null, cause?.id)
      : null;
    return renderPaste(state, cause, t, {
      diagnose: (text) => void this.readPasted(text, 'reader'),
      confirm: (id) => {
        this.open(`cause:${id}`, 'reader');
        if (diagnosis) this.fromPaste = { code: pastedCode(diagnosis), evidence: diagnosis.evidence };
      },
      ask: (code) => this.open(code ?? this.knowledge.data.wizard.start, 'reader'),
      again: () => this.showPaste(EMPTY_PASTE, 'reader'),
    }, support);
  }

  /** Beside the first question: paste the bounce instead of answering. */
  private pasteOffer(current: Step, t: Strings) {
    if (current.kind !== 'node' || current.node.id !== this.knowledge.data.wizard.start) return nothing;
    return html`<div class="paste-start">
      <button class="link" part="button" type="button" @click=${() => this.openPaste('reader')}>${t.paste.open}</button>
    </div>`;
  }

  private readonly copyLink = () => this.copyText('link');

  private readonly copyDiagnosis = () => this.copyText('diagnosis');

  /** The summary "Copy diagnosis" gives: the same facts as the support link, plus the fixes and evidence. */
  private diagnosisText(url: string): string | null {
    const current = this.wizard?.steps[this.wizard.steps.length - 1];
    if (current?.kind !== 'diagnosis') return null;
    const { cause, lookup } = current;
    return supportSummary(
      {
        code: lookup?.query ?? this.fromPaste?.code,
        causeTitle: cause.title,
        whatHappened: cause.summary,
        fixes: cause.fixes,
        evidence: this.fromPaste?.evidence,
        pageUrl: url,
      },
      this.summaryLabels(),
    );
  }

  /** The field names of both summaries, in the reader's language. */
  private summaryLabels(): SupportLabels {
    return { ...this.strings.support, whatHappened: this.strings.whatHappened };
  }

  private async copyText(what: CopyKind): Promise<void> {
    if (!this.wizard) return;
    const url = this.url.urlFor(encodePath(this.wizard));
    const text = what === 'link' ? url : this.diagnosisText(url);
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      this.copy = { kind: 'copied', what };
      this.say(what === 'link' ? this.strings.linkCopied : this.strings.diagnosisCopied);
      this.emit('bw-copy', what === 'link' ? { url, kind: what } : { url, kind: what, text });
    } catch {
      // No clipboard (insecure page, denied permission): show the text so it can be copied by hand.
      this.copy = { kind: 'manual', what, text };
    }
  }

  private position(state: WizardState, current: Step): Position {
    if (current.kind === 'diagnosis') return { kind: 'result' };
    const { done, remaining } = progress(this.knowledge, state);
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
          guided: () => this.open(this.knowledge.data.wizard.start, 'reader'),
        });
      case 'diagnosis':
        return renderDiagnosis(
          current.cause,
          current.lookup,
          t,
          { copyLink: this.copyLink, copyDiagnosis: this.copyDiagnosis, startOver: this.startOver },
          this.copy,
          this.supportAction(
            { code: current.lookup?.query, causeTitle: current.cause.title, whatHappened: current.cause.summary },
            encodePath(this.wizard!),
            current.cause.id,
          ),
        );
    }
  }

  private renderBody(t: Strings) {
    const { status } = this.knowledgeState;
    if (status === 'loading') return html`<p class="view loading" role="status">${t.loading}</p>`;
    if (status === 'failed') return renderErrorPanel(t, () => this.knowledgeState.retry(), 'load');
    const state = this.wizard;
    if (this.failed || !state) return renderErrorPanel(t, this.startOver);
    if (this.index) return html`${this.renderIndex(t)} ${renderNav(false, t, { back: this.closeIndex, startOver: this.startOver })}`;
    // Back from the paste view is the same move as back from the index: to the step underneath.
    if (this.pasted) return html`${this.renderPasted(this.pasted, t)} ${renderNav(false, t, { back: this.closeIndex, startOver: this.startOver })}`;
    const current = state.steps[state.steps.length - 1];
    try {
      return html`${renderProgress(this.position(state, current), t)} ${this.renderStep(current, t)} ${this.pasteOffer(current, t)}
      ${renderNav(state.inputs.length === 0, t, { back: this.goBack, startOver: this.startOver, allCodes: this.openIndex })}`;
    } catch {
      // A catalog that breaks its own schema must still leave the reader a way out.
      return renderErrorPanel(t, this.startOver);
    }
  }

  protected override render() {
    const t = this.strings;
    return html`<div class="panel" part="panel" role="region" aria-label=${t.widgetLabel} @keydown=${this.escape}>
      ${this.catalogNotice ? this.renderNotice(t.catalogSrcFailed, 'catalog') : nothing}
      ${this.notice ? this.renderNotice(this.notice === 'bad-link' ? t.badLink : t.partialLink, 'link') : nothing}
      ${this.renderBody(t)}
      <div class="sr-only" role="status" aria-live="polite" id="live"></div>
    </div>`;
  }

  private renderNotice(text: string, kind: 'catalog' | 'link') {
    return html`<div class="notice" data-notice=${kind}>
      <p>${text}</p>
      <button part="button" type="button" @click=${() => this.dismissNotice(kind)}>${this.strings.dismiss}</button>
    </div>`;
  }

  /** The notice goes, and with it its button: focus moves to the step's heading rather than to <body>. */
  private dismissNotice(kind: 'catalog' | 'link'): void {
    if (kind === 'catalog') this.catalogNotice = false;
    else this.notice = null;
    this.focusHeading = true;
  }

  /**
   * Escape dismisses the notice it is pressed in, else closes the index or the paste view over the step.
   * In a field holding text it is the field's (a search box clears itself), so no typing is lost. Escape
   * that closes nothing is left alone, for a host dialog around the widget; one that does is not passed on.
   */
  private readonly escape = (event: KeyboardEvent) => {
    const target = event.composedPath()[0];
    if (event.key !== 'Escape' || event.defaultPrevented || !(target instanceof HTMLElement)) return;
    if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value) return;
    const notice = target.closest<HTMLElement>('.notice')?.dataset.notice;
    if (notice === 'catalog' || notice === 'link') this.dismissNotice(notice);
    else if (this.index || this.pasted) this.closeIndex();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  protected override updated(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('.view .heading');
    if (this.announce) this.say(heading?.textContent?.trim() ?? '');
    if (this.focusHeading) heading?.focus();
    if (this.focusAfter) this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.announce = false;
    this.focusHeading = false;
    this.focusAfter = null;
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
  'bw-support': BwSupportDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bw-step': CustomEvent<BwStepDetail>;
    'bw-diagnosis': CustomEvent<BwDiagnosisDetail>;
    'bw-copy': CustomEvent<BwCopyDetail>;
    'bw-support': CustomEvent<BwSupportDetail>;
  }
  interface HTMLElementTagNameMap {
    'bounce-wizard': BounceWizard;
  }
}
