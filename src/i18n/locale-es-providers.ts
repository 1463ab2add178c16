/**
 * Spanish texts of the providers' codes (about 23 KB gzipped): a chunk of its own, requested only when a
 * Spanish reader's view loads the providers, so Spanish readers who never see a code do not pay for it.
 */
import providers from '../../data/locales/es/providers.json';
import type { ProvidersOverlay } from '../core/localize.js';

export const spanishProviders: ProvidersOverlay = providers;
