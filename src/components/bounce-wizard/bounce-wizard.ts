import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Catalog, LookupFailure, LookupResult } from '../../core/catalog.js';
import type { FirstQuestion, Step, WizardState } from '../../core/wizard.js';
import type { Category } from '../../core/types.js';
import type { SupportFacts, SupportLabels } from '../../core/support-summary.js';
import type { IndexEntry, IndexFilter } from '../../core/code-index.js';
import type { Strings } from '../../i18n/index.js';
import { VERSION } from '../../version.js';
import firstQuestion from './first-question.json';
import { styles } from './bounce-wizard.styles.js';
import { UrlSync } from './url-sync.js';
import { KnowledgeController, type CatalogSource, type Deferred } from './knowledge.js';
import { LocaleController } from './locale.js';
import { renderQuestion } from './views/question.js';
import type { CopyKind, CopyStatus, SupportAction } from './views/diagnosis.js';
import { fillProgress, renderNav, renderProgress, type Position } from './views/nav.js';
import { renderErrorPanel } from './views/error-panel.js';
import type { PasteState } from './paste-reader.js';
import { pasteStyles } from './views/paste.styles.js';
import type { DomainCheckOffer } from './views/domain-offer.js';
import type { DomainCheckHost, DomainCheckInput, DomainCheckState } from './domain-check.js';
import { DEFAULT_RESOLVER } from '../../core/dns/resolver.js';
import { concernsSenderSetup } from '../../core/dns/scope.js';
import type { Finding, SeverityCounts } from '../../core/dns/findings.js';

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

/** `bw-dns-check`: "Check my domain" finished and its findings are on screen. */
export interface BwDnsCheckDetail {
  /** The domain as looked up (lower case, ASCII). */
  domain: string;
  /** How many findings of each severity. */
  counts: SeverityCounts;
  /** False when the resolver answered nothing, so nothing was checked (the one finding says why). */
  resolverAnswered: boolean;
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
 * @attr dns-check - Offers "Check my domain" (opt-in): on diagnoses about the sender's own setup (authentication, reverse DNS, blocklists, reputation), on a pasted bounce's result and on codes with several causes. It looks up the domain's MX, SPF, DKIM, DMARC, MTA-STS and TLS-RPT records, and a sending IP's reverse DNS and blocklists, live over DNS-over-HTTPS, and puts the causes the findings point to first.
 * @attr dns-resolver - The DNS JSON endpoint "Check my domain" asks (`https://…`; plain `http://` only on loopback). It sees the names looked up, as the form says. Default `https://cloudflare-dns.com/dns-query`.
 * @attr dns-timeout - Upper bound on one domain check, in milliseconds; lookups still running then are reported as timed out. Default 15000.
 * @attr catalog-src - URL of the host's own catalog additions (JSON in the shape of `data/*.json`, every part optional), checked and merged over the built-in catalog. When it fails to load or check, the built-in catalog is used and a notice says so. A `catalog` property wins over it.
 *
 * @fires bw-step - The reader moved to a new step (`kind` `paste`/`paste-result` for the paste view). Detail: `{ kind, nodeId?, code?, causeId?, path }`.
 * @fires bw-diagnosis - A diagnosis card is shown after a reader's step. Detail: `{ causeId, category, code? }`.
 * @fires bw-copy - "Copy link" or "Copy diagnosis" put text on the clipboard. Detail: `{ url, kind: 'link' | 'diagnosis', text? }` (`text`: the summary, for `diagnosis`).
 * @fires bw-support - The reader chose "Contact support"; cancelable (the link is then not followed). Detail: `{ causeId?, code?, summary }`.
 * @fires bw-dns-check - "Check my domain" finished and its findings are on screen. Detail: `{ domain, counts: { error, warning, info, ok }, resolverAnswered }`.
 *
 * @csspart panel - The card around everything.
 * @csspart heading - Each step's heading.
 * @csspart option - An answer of a question, or a cause to pick.
 * @csspart button - Every button.
 * @csspart code-badge - The code, shown as a badge.
 * @csspart diagnosis - The diagnosis card.
 * @csspart steps - The progress line.
 * @csspart support - The "Contact support" link (it also has the `button` part).
 * @csspart facts - What a pasted bounce names besides its cause: the blocklists and the receiving server.
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

  /** Opt-in: offers "Check my domain", which asks `dnsResolver` about the domain the reader gives. */
  @property({ type: Boolean, attribute: 'dns-check' }) dnsCheck = false;

  /** The DNS JSON endpoint of "Check my domain"; it sees the names checked. Default: the core's `DEFAULT_RESOLVER`, `https://cloudflare-dns.com/dns-query`. */
  @property({ attribute: 'dns-resolver' }) dnsResolver: string = DEFAULT_RESOLVER;

  /** Bound on one domain check, in ms; unset: the core's (15 s). */
  @property({ type: Number, attribute: 'dns-timeout' }) dnsTimeout?: number;

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
  private fromPaste: { code: string | null; evidence: string[]; text: string } | null = null;
  /** "Check my domain", when it is on screen over the current step or paste result. */
  @state() private domainCheck: DomainCheckState | null = null;
  /** Its chunk, once loaded; `failed` when loading it did not work. */
  private domainCheckModule: typeof import('./domain-check.js') | null = null;
  @state() private domainCheckLoad: 'idle' | 'loading' | 'failed' = 'idle';
  /** Stops the check on screen when the reader leaves it. */
  private domainCheckAbort: AbortController | null = null;
  /** The last check's findings: they order a code's causes from then on. */
  private lastDomainCheck: { domain: string; input: DomainCheckInput; findings: Finding[] } | null = null;
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
  /** What the reader did on the first question before the catalog arrived; done once it is here. */
  private queued: (() => void) | null = null;
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
    this.request(this.origin());
  }

  /** Opens the entry for `code` (anything a reader could paste). */
  showCode(code: string): void {
    this.request(code);
  }

  /**
   * A host's call. With an update pending (say `catalog-src` was just set), it waits for that update, so it
   * opens on the catalog the host just asked for rather than on the one about to be replaced.
   */
  private request(origin: string): void {
    if (this.isUpdatePending) this.requested = origin;
    else this.open(origin, 'host');
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

  /** The core and views past the first question. Only steps use it, and steps exist once the knowledge is ready. */
  private get k(): Deferred {
    return this.knowledgeState.later!;
  }

  /**
   * What lookups use: the catalog, with the built-in providers once loaded. Only steps read it, and there
   * are steps only once the catalog is here (render shows the loading state before).
   */
  private get knowledge(): Catalog {
    // A host's catalog, or the built-in one with its additions, is in the host's own words.
    const builtin = this.catalog === undefined && this.knowledgeState.base === this.k.builtinCatalog;
    return this.localeState.apply(this.knowledgeState.catalog!, builtin, this.k.translateCatalog);
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
    const first = this.k.startState(this.knowledge, this.openedWith ?? state.origin);
    if (first.ok) this.wizard = this.k.replay(this.knowledge, first.value, state.inputs).state;
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
    const queued = this.queued;
    this.queued = null;
    queued?.();
  }

  /** The host's `catalog` first, then `catalog-src`, else the built-in catalog (undefined). */
  private catalogSource(): CatalogSource {
    if (this.catalog !== undefined || !this.catalogSrc) return this.catalog;
    if (this.fetched?.src !== this.catalogSrc) this.fetched = { src: this.catalogSrc, catalog: this.fetchCatalog(this.catalogSrc) };
    return this.fetched.catalog;
  }

  /**
   * Whatever goes wrong with the host's file, the built-in catalog answers and the notice says why the host's is
   * missing. Rejects only when the element's own deferred chunk cannot load: then the load failure (with Retry) shows.
   */
  private async fetchCatalog(src: string): Promise<Catalog> {
    this.catalogNotice = false;
    // The same chunk the knowledge controller loads: the built-in catalog to merge over and fall back to.
    const k: Deferred = await import('./deferred.js');
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
        ? k.withProviders(k.builtinCatalog, (await import('../../core/providers-data.js')).builtinProviders)
        : k.builtinCatalog;
      const merged = mergeCatalog(base, checked.value);
      if (!merged.ok) throw new Error(merged.error.message);
      return merged.value;
    } catch (error) {
      console.warn(`<bounce-wizard>: catalog-src "${src}" not used:`, error instanceof Error ? error.message : error);
      // Only the URL still asked for may raise the notice.
      if (this.fetched?.src === src) this.catalogNotice = true;
      return k.builtinCatalog;
    }
  }

  /** "Contact support" for the facts on screen, or null without a usable `support-href`. */
  private supportAction(facts: Omit<SupportFacts, 'pageUrl'>, path: string | null, causeId?: string): SupportAction | null {
    if (!this.supportHref) return null;
    const t = this.strings;
    const pageUrl = path === null ? window.location.href : this.url.urlFor(path);
    const summary = this.k.supportSummary({ ...facts, pageUrl }, this.summaryLabels());
    const subject = t.support.subject([facts.code, facts.causeTitle].filter(Boolean).join(' — ') || t.paste.resultTitle);
    const href = this.k.supportLink(this.supportHref, document.baseURI, subject, summary);
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
    const started = this.k.startState(this.knowledge, origin);
    if (started.ok) {
      this.show(started.value, source);
      this.openedWith = origin;
      return;
    }
    const fallback = this.k.startState(this.knowledge, CODE_INPUT_NODE);
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
    const { state, error } = this.k.restorePath(this.knowledge, value);
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
    this.leaveDomainCheck();
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
      const path = this.k.encodePath(next);
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
    const next = this.k.advance(this.knowledge, this.wizard, input);
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
    const next = this.k.advance(this.knowledge, this.wizard, text);
    if (next.ok) this.show(next.value, 'reader');
    else this.codeProblem = this.describeCodeProblem(next.error.reason);
  }

  private readonly goBack = () => {
    if (this.wizard) this.show(this.k.back(this.wizard), 'reader');
  };

  private readonly startOver = () => this.open(this.origin(), 'reader');

  private readonly openIndex = () => this.showIndex('reader');

  /** Back from the index: the step underneath, as a step of its own in the history. */
  private readonly closeIndex = () => {
    if (this.wizard) this.show(this.wizard, 'reader');
  };

  private showIndex(source: Source): void {
    this.index = { filter: { query: '', permanence: 'all', provider: '' }, shown: this.k.INDEX_PAGE };
    this.leaveDomainCheck();
    this.announce = true;
    this.focusHeading = source !== 'host';
    if (source === 'reader' && this.urlSync) this.url.push(INDEX_PATH);
    void this.knowledgeState.whenProvidersLoaded();
  }

  private indexResults(): IndexEntry[] {
    return this.index ? this.k.filterIndex(this.k.buildIndex(this.knowledge), this.index.filter) : [];
  }

  private renderIndex(t: Strings) {
    if (!this.index) return nothing;
    return this.k.renderCodeIndex(
      { ...this.index, results: this.indexResults(), providers: this.knowledge.providers?.providers ?? [] },
      t,
      {
        filter: (change) => {
          if (!this.index) return;
          this.index = { filter: { ...this.index.filter, ...change }, shown: this.k.INDEX_PAGE };
          const count = this.indexResults().length;
          this.say(count ? t.resultCount(count) : t.noResults);
        },
        showMore: () => {
          if (!this.index) return;
          // "Show more" goes away with the last page: focus moves on to the first entry it added.
          this.focusAfter = `.index-entry-${this.index.shown}`;
          this.index = { ...this.index, shown: this.index.shown + this.k.INDEX_PAGE };
        },
        choose: (entry) => {
          const opened = this.k.openEntry(this.knowledge, entry);
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
    this.leaveDomainCheck();
    const t = this.strings.paste;
    const notice = next.phase === 'reading' ? t.reading : next.phase === 'input' && next.problem ? t.problem[next.problem] : null;
    if (notice) this.say(notice);
    else this.announce = this.focusHeading = source !== 'host';
  }

  /** Diagnoses `text` in the paste view; a result that arrives after the reader moved on is dropped. */
  private async readPasted(text: string, source: Source): Promise<void> {
    const problem = this.k.pasteProblem(text);
    if (problem) return this.showPaste({ phase: 'input', text, problem }, source);
    const reading: PasteState = { phase: 'reading', text };
    this.showPaste(reading, source);
    // The result keeps the provider's name as read: wait for the providers and their texts in the reader's language.
    const knowledge = this.knowledgeState.whenProvidersLoaded().then(() => this.localeState.settled(() => this.knowledge));
    const next = await this.k.readPaste(text, knowledge);
    if (this.pasted !== reading) return;
    this.showPaste(next, source);
    if (source !== 'reader' || next.phase !== 'result') return;
    const detail: BwStepDetail = { kind: 'paste-result', path: '' };
    const code = this.k.pastedCode(next.diagnosis);
    if (next.diagnosis.causeId) detail.causeId = next.diagnosis.causeId;
    if (code) detail.code = code;
    this.emit('bw-step', detail);
  }

  private renderPasted(state: PasteState, t: Strings) {
    const diagnosis = state.phase === 'result' ? state.diagnosis : null;
    const cause = diagnosis?.causeId ? this.knowledge.causeById.get(diagnosis.causeId) : undefined;
    // Pasted text never goes into a link: the summary names the code and cause, and links to the cause's card.
    const support = diagnosis?.isBounce
      ? this.supportAction({ code: this.k.pastedCode(diagnosis), causeTitle: cause?.title, whatHappened: cause?.summary }, cause ? `cause:${cause.id}` : null, cause?.id)
      : null;
    return this.k.renderPaste(state, cause, t, {
      diagnose: (text) => void this.readPasted(text, 'reader'),
      confirm: (id) => {
        this.open(`cause:${id}`, 'reader');
        if (diagnosis) this.fromPaste = { code: this.k.pastedCode(diagnosis), evidence: diagnosis.evidence, text: state.text };
      },
      ask: (code) => this.open(code ?? this.knowledge.data.wizard.start, 'reader'),
      again: () => this.showPaste(EMPTY_PASTE, 'reader'),
    }, support, diagnosis?.isBounce ? this.domainCheckOffer(state.text) : null);
  }

  /** Beside the first question: paste the bounce instead of answering. */
  private pasteOffer(current: Step, t: Strings) {
    if (current.kind !== 'node' || current.node.id !== this.knowledge.data.wizard.start) return nothing;
    return this.renderPasteOffer(t);
  }

  private renderPasteOffer(t: Strings) {
    return html`<div class="paste-start">
      <button class="link" part="button" type="button" @click=${() => this.whenReady(() => this.openPaste('reader'))}>${t.paste.open}</button>
    </div>`;
  }

  /** Now, or once the catalog is here when the reader acts on the first question before it arrived. */
  private whenReady(action: () => void): void {
    if (this.knowledgeState.status === 'ready') action();
    else this.queued = action;
  }

  /**
   * While the catalog's chunk loads, the first question comes from the copy the element carries, so a plain
   * embed shows it without waiting. Anything else (a code, a link, a host's catalog, another language)
   * needs the catalog, and shows the loading state until it is here.
   */
  private renderFirstQuestion(t: Strings) {
    const opensAtStart = !this.code && this.start === 'guided' && this.requested === null && !(this.urlSync && this.url.read() !== null);
    if (!opensAtStart || this.catalog !== undefined || this.catalogSrc || !this.localeState.english) return null;
    const { node, remaining } = firstQuestion as unknown as FirstQuestion;
    const handlers = {
      answer: (id: string) => this.whenReady(() => this.step(id)),
      unanswered: () => (this.unanswered = true),
    };
    return html`${renderProgress({ kind: 'question', current: 1, upTo: remaining }, t)} ${renderQuestion(node, t, handlers, this.unanswered)}
      ${this.renderPasteOffer(t)} ${renderNav(true, t, { back: () => {}, startOver: () => {}, allCodes: () => this.whenReady(this.openIndex) })}`;
  }

  /** "Check my domain" for a view; `pasted`: the bounce its form is prefilled from. */
  private domainCheckOffer(pasted?: string): DomainCheckOffer {
    return this.dnsCheck ? { open: () => this.openDomainCheck(pasted ?? null) } : null;
  }

  /** A code with several causes: the offer, and the causes in the order the last check suggests. */
  private narrowedEntry(lookup: LookupResult, t: Strings): { lookup: LookupResult; offer: DomainCheckOffer } {
    if (!this.dnsCheck || lookup.causes.length < 2 || !lookup.causes.some(concernsSenderSetup)) return { lookup, offer: null };
    const offer = this.domainCheckOffer();
    // A check has run only once its chunk, which holds the narrowing, is here.
    const last = this.lastDomainCheck;
    const narrowed = last && this.domainCheckModule?.narrowCauses(lookup.causes, last.findings);
    if (!last || !narrowed?.raised.length) return { lookup, offer };
    return { lookup: { ...lookup, causes: narrowed.causes }, offer: offer && { ...offer, ordered: t.dns.ordered(last.domain) } };
  }

  /** The heading is on screen at once; the form follows with its chunk, prefilled from `pasted` or the last check. */
  private openDomainCheck(pasted: string | null): void {
    const opening: DomainCheckState = { phase: 'opening', pasted };
    this.domainCheck = opening;
    this.announce = this.focusHeading = true;
    void this.loadDomainCheck().then((dns) => {
      if (this.domainCheck !== opening) return;
      if (dns) this.domainCheck = dns.startForm(pasted, this.lastDomainCheck?.input);
      // The form (or the way to try again) replaces the loading line: focus goes to its heading again.
      this.focusHeading = true;
    });
  }

  private async loadDomainCheck(): Promise<typeof import('./domain-check.js') | null> {
    if (this.domainCheckModule) return this.domainCheckModule;
    this.domainCheckLoad = 'loading';
    try {
      const dns = await import('./domain-check.js');
      // The view's styles come with it, so pages that never open it do not download them.
      adoptStyles(this.renderRoot as ShadowRoot, [...BounceWizard.elementStyles, dns.domainCheckStyles]);
      this.domainCheckModule = dns;
      this.domainCheckLoad = 'idle';
    } catch {
      this.domainCheckLoad = 'failed';
    }
    return this.domainCheckModule;
  }

  /** Back from "Check my domain" to the step or paste result underneath. */
  private readonly closeDomainCheck = () => {
    this.leaveDomainCheck();
    this.announce = this.focusHeading = true;
  };

  private leaveDomainCheck(): void {
    this.domainCheck = null;
    this.domainCheckAbort?.abort();
    this.domainCheckAbort = null;
  }

  /** A finding's cause: as a step of the code on screen when the code lists it, else its own diagnosis. */
  private openFindingCause(id: string): void {
    const current = this.wizard?.steps[this.wizard.steps.length - 1];
    if (!this.pasted && current?.kind === 'code' && current.lookup.causes.some((c) => c.id === id)) this.step(id);
    else this.open(`cause:${id}`, 'reader');
  }

  /** The view is the chunk's; until it arrives, a heading to focus and a loading line, or a way to try again. */
  private renderDomainCheck(state: DomainCheckState, t: Strings) {
    const dns = this.domainCheckModule;
    if (state.phase !== 'opening' && dns) return dns.renderDomainCheck(state, this.domainCheckHost(t));
    if (state.phase === 'opening' && this.domainCheckLoad === 'failed') return renderErrorPanel(t, () => this.openDomainCheck(state.pasted), 'load');
    return html`<section class="view" aria-labelledby="dns-title" aria-busy="true">
      <h2 class="heading" part="heading" id="dns-title" tabindex="-1">${t.dns.title}</h2>
      <p class="reading">${t.loading}</p>
    </section>`;
  }

  private domainCheckHost(t: Strings): DomainCheckHost {
    return {
      t,
      resolver: this.dnsResolver,
      timeoutMs: this.dnsTimeout,
      current: () => this.domainCheck,
      show: (next, focus) => {
        this.domainCheck = next;
        if (focus) this.announce = this.focusHeading = true;
      },
      say: (text) => this.say(text),
      signal: () => {
        this.domainCheckAbort?.abort();
        return (this.domainCheckAbort = new AbortController()).signal;
      },
      focusProblem: () => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
      causeTitle: (id) => this.knowledge.causeById.get(id)?.title,
      openCause: (id) => this.openFindingCause(id),
      finished: (report, input) => {
        this.lastDomainCheck = { domain: report.domain, input, findings: report.findings };
        this.emit('bw-dns-check', { domain: report.domain, counts: report.summary, resolverAnswered: report.resolverAnswered });
      },
    };
  }

  private readonly copyLink = () => this.copyText('link');

  private readonly copyDiagnosis = () => this.copyText('diagnosis');

  /** The summary "Copy diagnosis" gives: the same facts as the support link, plus the fixes and evidence. */
  private diagnosisText(url: string): string | null {
    const current = this.wizard?.steps[this.wizard.steps.length - 1];
    if (current?.kind !== 'diagnosis') return null;
    const { cause, lookup } = current;
    return this.k.supportSummary(
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
    const url = this.url.urlFor(this.k.encodePath(this.wizard));
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
    const { done, remaining } = this.k.progress(this.knowledge, state);
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
          : this.k.renderCodeInput(current.node, t, { lookUp: (text) => this.lookUp(text), skip: () => this.step('skip') }, this.codeProblem);
      case 'code': {
        const { lookup, offer } = this.narrowedEntry(current.lookup, t);
        return this.k.renderCodeEntry(lookup, t, {
          pickCause: (id) => this.step(id),
          narrowDown: () => this.step('ask'),
          guided: () => this.open(this.knowledge.data.wizard.start, 'reader'),
        }, offer);
      }
      case 'diagnosis':
        return this.k.renderDiagnosis(
          current.cause,
          current.lookup,
          t,
          { copyLink: this.copyLink, copyDiagnosis: this.copyDiagnosis, startOver: this.startOver },
          this.copy,
          this.supportAction(
            { code: current.lookup?.query, causeTitle: current.cause.title, whatHappened: current.cause.summary },
            this.k.encodePath(this.wizard!),
            current.cause.id,
          ),
          concernsSenderSetup(current.cause) ? this.domainCheckOffer(this.fromPaste?.text) : null,
        );
    }
  }

  private renderBody(t: Strings) {
    const { status } = this.knowledgeState;
    if (status === 'loading') return this.renderFirstQuestion(t) ?? html`<p class="view loading" role="status">${t.loading}</p>`;
    if (status === 'failed') return renderErrorPanel(t, () => this.knowledgeState.retry(), 'load');
    const state = this.wizard;
    if (this.failed || !state) return renderErrorPanel(t, this.startOver);
    if (this.domainCheck) {
      return html`${this.renderDomainCheck(this.domainCheck, t)} ${renderNav(false, t, { back: this.closeDomainCheck, startOver: this.startOver })}`;
    }
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
    fillProgress(this.renderRoot);
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
  'bw-dns-check': BwDnsCheckDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bw-step': CustomEvent<BwStepDetail>;
    'bw-diagnosis': CustomEvent<BwDiagnosisDetail>;
    'bw-copy': CustomEvent<BwCopyDetail>;
    'bw-support': CustomEvent<BwSupportDetail>;
    'bw-dns-check': CustomEvent<BwDnsCheckDetail>;
  }
  interface HTMLElementTagNameMap {
    'bounce-wizard': BounceWizard;
  }
}
