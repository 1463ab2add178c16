import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { builtinCatalog } from '../../core/builtin-catalog.js';
import { withProviders, type Catalog } from '../../core/catalog.js';
import type { ProvidersData } from '../../core/types.js';

/** What a host may give as `catalog`: its own, a promise of one (its data loading), or nothing for the built-in one. */
export type CatalogSource = Catalog | Promise<Catalog> | undefined;

const isPromise = (source: Catalog | Promise<Catalog>): source is Promise<Catalog> =>
  typeof (source as Partial<Promise<Catalog>>).then === 'function';

export type KnowledgeStatus = 'loading' | 'ready' | 'failed';

/**
 * The element's knowledge and its loading. The built-in catalog (codes, causes, the question graph) ships
 * with the element: the first view needs it, and a chunk of its own only made the first paint wait on a
 * chain of requests (measured: first render 1.42× the bare-Lit control instead of 1.26×). A host's catalog
 * may arrive as a promise; providers' codes are a chunk, requested when a view can use them. The core only
 * ever sees a complete catalog: until one is here, `catalog` is undefined and the host shows `status`.
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

  /**
   * `onProviders` runs once the built-in providers arrive, so a step already on screen can be read again.
   * `loadCatalog` gives the built-in catalog and `loadProviders` the providers' chunk; tests may pass failing ones.
   */
  constructor(
    private readonly host: ReactiveControllerHost & { catalog?: CatalogSource },
    private readonly onProviders: () => void,
    private readonly loadCatalog: () => Catalog | Promise<Catalog> = () => builtinCatalog,
    private readonly loadProviders = () => import('../../core/providers-data.js').then((m) => m.builtinProviders),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.use(this.host.catalog);
  }

  /** What lookups use: the catalog, plus the built-in providers once loaded unless it brings its own. */
  get catalog(): Catalog | undefined {
    const { base, providers } = this;
    if (!base || !providers || base.providers) return base;
    if (this.merged?.base !== base) this.merged = { base, catalog: withProviders(base, providers) };
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
    const source = this.source ?? this.loadCatalog();
    if (!isPromise(source)) {
      this.loading = null;
      this.settle(source);
      return;
    }
    this.base = undefined;
    this.status = 'loading';
    this.host.requestUpdate();
    const loading: Promise<void> = source.then(
      (catalog) => {
        // A newer source replaced this one while it loaded.
        if (this.loading !== loading) return;
        this.loading = null;
        this.settle(catalog);
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
