/**
 * How "Check my domain" feeds the wizard: which causes it can say something about, and the order of a
 * code's causes once a check has run. Small and free of the DNS code, so the element imports it up front
 * while the check itself stays a chunk of its own.
 */
import type { Category } from '../types.js';
import type { Finding, Severity } from './findings.js';

/**
 * Causes in these categories lie in the sender's own DNS setup or reputation (authentication, reverse DNS,
 * blocklists): the domain check can confirm or rule them out.
 */
export const SENDER_SETUP_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['authfailure', 'requireptr', 'blocked', 'badreputation']);

export function concernsSenderSetup(cause: { category: Category }): boolean {
  return SENDER_SETUP_CATEGORIES.has(cause.category);
}

// Errors before warnings; findings that are fine or a note move nothing.
const RANK: Partial<Record<Severity, number>> = { error: 0, warning: 1 };
const UNRAISED = 2;

export interface NarrowedCauses<C> {
  /** The same causes: those a problem finding links to first (errors, then warnings), the rest in their order. */
  causes: C[];
  /** Ids of the causes that a problem finding links to, in their new order; empty when the order is unchanged by the check. */
  raised: string[];
}

export function narrowCauses<C extends { id: string }>(causes: readonly C[], findings: readonly Pick<Finding, 'severity' | 'causeId'>[]): NarrowedCauses<C> {
  const rank = new Map<string, number>();
  for (const f of findings) {
    const r = RANK[f.severity];
    if (f.causeId && r !== undefined) rank.set(f.causeId, Math.min(r, rank.get(f.causeId) ?? r));
  }
  const ordered = causes
    .map((cause, i) => ({ cause, i, r: rank.get(cause.id) ?? UNRAISED }))
    .sort((a, b) => a.r - b.r || a.i - b.i);
  return { causes: ordered.map((o) => o.cause), raised: ordered.filter((o) => o.r < UNRAISED).map((o) => o.cause.id) };
}
