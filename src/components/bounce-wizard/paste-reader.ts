import type { Catalog } from '../../core/catalog.js';
import type { Diagnosis } from '../../core/diagnose/diagnose.js';
import type { Segment } from '../../core/diagnose/evidence.js';

/** Bigger pastes get a friendly message instead of a diagnosis: a bounce with its report is far smaller. */
export const MAX_PASTE_CHARS = 5 * 1024 * 1024;

export type PasteProblem = 'empty' | 'too-big' | 'failed';

/** The paste view: the text box (with the last try's problem), the wait, or what the text says. */
export type PasteState =
  | { phase: 'input'; text: string; problem: PasteProblem | null }
  | { phase: 'reading'; text: string }
  | { phase: 'result'; text: string; diagnosis: Diagnosis; evidence: Segment[][] };

/** What is wrong with `text` before reading it at all. */
export function pasteProblem(text: string): PasteProblem | null {
  if (text.length > MAX_PASTE_CHARS) return 'too-big';
  return text.trim() ? null : 'empty';
}

/**
 * Reads a paste that `pasteProblem` let through. The diagnosis core is a chunk of its own, loaded on first use, so readers who never
 * paste never download it. `catalog` may still be on its way (the element's, once the providers that name the
 * provider are loaded and in the reader's language): both load in parallel. Never rejects: a failure comes
 * back as the input with a problem.
 */
export async function readPaste(text: string, catalog: Catalog | Promise<Catalog>): Promise<PasteState> {
  try {
    const [{ diagnose }, { markEvidence }, known] = await Promise.all([
      import('../../core/diagnose/diagnose.js'),
      import('../../core/diagnose/evidence.js'),
      catalog,
    ]);
    // One task's pause lets the "Reading the bounce…" state paint before a large text is worked through.
    await new Promise((resolve) => setTimeout(resolve));
    const diagnosis = await diagnose(text, known);
    return { phase: 'result', text, diagnosis, evidence: diagnosis.evidence.map((line) => markEvidence(line, diagnosis)) };
  } catch {
    return { phase: 'input', text, problem: 'failed' };
  }
}
