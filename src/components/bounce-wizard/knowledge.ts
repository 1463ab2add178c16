import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../../core/catalog.js';
import type { ProvidersData } from '../../core/types.js';

/** The chunk with the built-in catalog, the core and the views past the first question. */
export type Deferred = typeof import('./deferred.js');

/** What a host may give as `catalog`: its own, a promise of one (its data loading), or nothing for the built-in one. */
export type CatalogSource = Catalog | Promise<Catalog> | undefined;

const isPromise = (source: Catalog | Promise<Catalog>): source is Promise<Catalog> =>
  typeof (source as Partial<Promise<Catalog>>).then === 'function';

export type KnowledgeStatus = 'loading' | 'ready' | 'failed';

/**
 * The element's knowledge and its loading. The built-in catalog (codes, causes, the question graph) comes in
 * one chunk with the core and the views that use it (`deferred.ts`), requested as the element connects; the
 * first question does not wait for it (the element renders it from a slice it carries). A host's catalog may
 * arrive as a promise; providers' codes are a chunk, requested when a view can use them. The core only ever
 * sees a complete catalog: until the chunk and the catalog are both here, `catalog` is undefined and the
 * host shows `status`.
 */
export class KnowledgeController implements ReactiveController {
  status: KnowledgeStatus = 'loading';
  private source: CatalogSource | null = null;
  /** The catalog as given or loaded, without the built-in providers merged in; undefined until it is here. */
  base: Catalog | undefined;
  private loading: Promise<void> | null = null;
  private providers: ProvidersData | null = null;
  private providersLoad: Promise<void> | null = null;
  private merged: { base: Catalog; catalog: Catalog } | null = null;
  /** The deferred chunk, once here: the element's core and views past the first question. */
  later: Deferred | undefined;

  /**
   * `onProviders` runs once the built-in providers arrive, so a step already on screen can be read again.
   * `loadDeferred` gives the deferred chunk and `loadProviders` the providers' chunk; tests may pass failing ones.
   */
  constructor(
    private readonly host: ReactiveControllerHost & { catalog?: CatalogSource },
    private readonly onProviders: () => void,
    private readonly loadDeferred: () => Promise<Deferred> = () => import('./deferred.js'),
    private readonly loadProviders = () => import('../../core/providers-data.js').then((m) => m.builtinProviders),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.use(this.host.catalog);
  }

  /** What lookups use: the catalog, plus the built-in providers once loaded unless it brings its own. */
  get catalog(): Catalog | undefined {
    const { base, providers, later } = this;
    if (!base || !later || !providers || base.providers) return base;
    if (this.merged?.base !== base) this.merged = { base, catalog: later.withProviders(base, providers) };
    return this.merged.catalog;
  }

  /** While the catalog is on its way: a promise that settles (never rejects) once it is here or failed. */
  get pending(): Promise<void> | null {
    return this.loading;
  }

  /** Takes the host's `catalog` (undefined: the built-in one); the same source twice loads once. */
  use(source: CatalogSource): void {
    if (source === this.source) return;
    this.source = source;
    this.load();
  }

  /** After a failure: asks for the same catalog again. */
  retry(): void {
    if (this.status === 'failed') this.load();
  }

  private load(): void {
    const { source, later } = this;
    if (later && (!source || !isPromise(source))) {
      this.loading = null;
      this.settle(source ?? later.builtinCatalog);
      return;
    }
    this.base = undefined;
    this.status = 'loading';
    this.host.requestUpdate();
    const loading: Promise<void> = Promise.all([later ?? this.loadDeferred(), source]).then(
      ([deferred, catalog]) => {
        this.later = deferred;
        // A newer source replaced this one while it loaded.
        if (this.loading !== loading) return;
        this.loading = null;
        this.settle(catalog ?? deferred.builtinCatalog);
      },
      () => {
        if (this.loading !== loading) return;
        this.loading = null;
        this.status = 'failed';
        this.host.requestUpdate();
      },
    );
    this.loading = loading;
  }

  private settle(catalog: Catalog): void {
    this.base = catalog;
    this.status = 'ready';
    this.host.requestUpdate();
  }

  /** Loaded or failed: either way, lookups need not wait for providers any more. */
  get providersSettled(): boolean {
    return Boolean(this.base?.providers) || this.providers !== null || this.providersFailed;
  }
  private providersFailed = false;

  /** Providers' codes are a chunk of their own; when it cannot load, the standard catalog still answers. */
  whenProvidersLoaded(): Promise<void> {
    if (this.base?.providers) return Promise.resolve();
    this.providersLoad ??= this.loadProviders().then(
      (providers) => {
        this.providers = providers;
        this.host.requestUpdate();
        this.onProviders();
      },
      () => {
        this.providersFailed = true;
        // The next view that wants them may try again.
        this.providersLoad = null;
      },
    );
    return this.providersLoad;
  }
}
