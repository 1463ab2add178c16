import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../../core/catalog.js';
import type { ProvidersOverlay, translateCatalog } from '../../core/localize.js';
import { resolveStrings, type Strings } from '../../i18n/index.js';
import { isShipped, loadLocale, type LoadedLocale } from '../../i18n/load-locale.js';

type LocaleHost = ReactiveControllerHost & { lang: string };

/**
 * The element's language: the element's `lang`, then `<html lang>`, then English. A locale other than English
 * is fetched on demand; until it is here (or when it cannot be), the reader sees English. `onChange` runs when
 * the loaded locale changes, so steps already on screen can be read again in the new language.
 */
export class LocaleController implements ReactiveController {
  private locale: LoadedLocale | null = null;
  /** The tags the current locale was asked for, so an unchanged `lang` loads nothing. */
  private wanted: string | null = null;
  private loading: Promise<void> | null = null;
  private localized: { source: Catalog; locale: LoadedLocale; texts: ProvidersOverlay | undefined; catalog: Catalog } | null = null;
  /** The providers' texts of the locale they were asked for; `texts` is unset while they load, or if they failed. */
  private providerTexts: { locale: LoadedLocale; texts?: ProvidersOverlay } | null = null;
  private providersLoading: Promise<void> | null = null;

  constructor(
    private readonly host: LocaleHost,
    private readonly onChange: () => void,
    private readonly load = loadLocale,
  ) {
    host.addController(this);
  }

  private langs(): string[] {
    return [this.host.lang, document.documentElement.lang];
  }

  hostConnected(): void {
    this.sync();
  }

  /** Runs before each render: `lang` may have changed. */
  hostUpdate(): void {
    this.sync();
  }

  private sync(): void {
    const langs = this.langs();
    const wanted = langs.join('\n');
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    const loading: Promise<void> = this.load(...langs).then((locale) => {
      if (this.loading !== loading) return; // a newer `lang` asked for another locale meanwhile
      this.loading = null;
      if (locale === this.locale) return;
      this.locale = locale;
      this.host.requestUpdate();
      this.onChange();
    });
    this.loading = loading;
  }

  /** While a locale or its providers' texts are on their way: settles (never rejects) once applied. */
  get pending(): Promise<void> | null {
    return this.loading ?? this.providersLoading;
  }

  /**
   * `read()` (a catalog through `apply`) once the texts it needs are here, for results kept as read (a
   * paste's): each read may ask for more (the locale, then its providers' texts).
   */
  async settled(read: () => Catalog): Promise<Catalog> {
    for (read(); this.pending; read()) await this.pending;
    return read();
  }

  /** English for sure: no other locale is loaded, and none is asked for that could still arrive. */
  get english(): boolean {
    return !this.locale && !isShipped(...this.langs());
  }

  get strings(): Strings {
    return this.locale?.strings ?? resolveStrings(...this.langs());
  }

  /**
   * `catalog` in the reader's language. Only the built-in catalog is translated: a host's own catalog is in
   * the host's own words, which an overlay keyed by the built-in ids must not replace. `translate` comes in
   * with the catalog's chunk, so this controller adds nothing to the first render.
   */
  apply(catalog: Catalog, builtin: boolean, translate: typeof translateCatalog): Catalog {
    const { locale } = this;
    if (!locale || !builtin) return catalog;
    const { providers } = catalog;
    const texts = providers ? this.providersTextsOf(locale) : undefined;
    const memo = this.localized;
    if (memo?.source === catalog && memo.locale === locale && memo.texts === texts) return memo.catalog;
    const result = translate(catalog, locale.overlay, texts);
    this.localized = { source: catalog, locale, texts, catalog: result };
    return result;
  }

  /**
   * The locale's providers' texts once here. The first ask requests them (a chunk of their own, so readers
   * who never see a provider's code do not download it); until they arrive, or if they cannot, English.
   */
  private providersTextsOf(locale: LoadedLocale): ProvidersOverlay | undefined {
    if (this.providerTexts?.locale !== locale) {
      const entry: { locale: LoadedLocale; texts?: ProvidersOverlay } = { locale };
      this.providerTexts = entry;
      const load = locale.providers;
      if (load) {
        const loading: Promise<void> = load()
          .then(
            (texts) => {
              entry.texts = texts;
              if (this.providerTexts !== entry) return;
              this.host.requestUpdate();
              this.onChange();
            },
            () => undefined,
          )
          .finally(() => {
            if (this.providersLoading === loading) this.providersLoading = null;
          });
        this.providersLoading = loading;
      }
    }
    return this.providerTexts.texts;
  }
}
