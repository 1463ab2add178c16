/**
 * Which causes "Check my domain" can say something about. Tiny and free of the DNS code, so the element
 * imports it up front to decide where to offer the check, while the check itself is a chunk of its own.
 */
import type { Category } from '../types.js';

/**
 * Causes in these categories lie in the sender's own DNS setup or reputation (authentication, reverse DNS,
 * blocklists): the domain check can confirm or rule them out.
 */
export const SENDER_SETUP_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['authfailure', 'requireptr', 'blocked', 'badreputation']);

export function concernsSenderSetup(cause: { category: Category }): boolean {
  return SENDER_SETUP_CATEGORIES.has(cause.category);
}
