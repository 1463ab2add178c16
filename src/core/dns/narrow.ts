/** How "Check my domain" feeds the wizard: the order of a code's causes once a check has run. */
import type { Finding, Severity } from './findings.js';

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
