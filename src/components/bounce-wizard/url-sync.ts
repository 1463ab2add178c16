import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readDeepLink, writeDeepLink, type DeepLinkPlace } from '../../core/deep-link-url.js';

/**
 * Opt-in sync between the wizard and the page URL's `bounce=` value. It only reads and writes that one
 * value and listens to `popstate`/`hashchange`; the host's own routing is left alone.
 */
export class UrlSync implements ReactiveController {
  /** Where the value was read from, so steps are written back to the same place. */
  private place: DeepLinkPlace = 'search';
  private listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & { urlSync: boolean },
    private readonly onNavigate: (value: string | null) => void,
  ) {
    host.addController(this);
  }

  private readonly handle = () => this.onNavigate(this.read());

  hostConnected(): void {
    this.listen(this.host.urlSync);
  }

  hostDisconnected(): void {
    this.listen(false);
  }

  /** Starts or stops listening; safe to call repeatedly. */
  listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    for (const type of ['popstate', 'hashchange']) {
      if (on) window.addEventListener(type, this.handle);
      else window.removeEventListener(type, this.handle);
    }
  }

  /** The `bounce=` value in the current URL, or null when there is none. */
  read(): string | null {
    const { value, where } = readDeepLink(window.location.href);
    if (where) this.place = where;
    return value;
  }

  /** The current page's URL with `bounce=` set to `path`. */
  urlFor(path: string): string {
    return writeDeepLink(window.location.href, path, this.place);
  }

  /** Records a step as a history entry, unless the URL already says it (after a back/forward). */
  push(path: string): void {
    const url = this.urlFor(path);
    if (url !== window.location.href) window.history.pushState(window.history.state, '', url);
  }
}
