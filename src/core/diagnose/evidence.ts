/**
 * Which part of an evidence line made the decision, so a surface can highlight it while still rendering
 * the line as plain text.
 */
import type { Category } from '../types.js';
import { builtinPatterns } from './builtin-patterns.js';
import { compilePatterns, type PatternsData } from './classify.js';

/** A run of an evidence line; `mark` is true for the part the diagnosis matched. */
export interface Segment {
  text: string;
  mark: boolean;
}

type Range = [start: number, end: number];

/** Where `code` stands on its own in `line` (not inside a longer number such as 5.1.10 or 5500). */
function codeRanges(line: string, code: string | null): Range[] {
  if (!code) return [];
  const re = new RegExp(`(?<![\\w.])${code.replace(/\./g, '\\.')}(?![\\w]|\\.\\d)`, 'g');
  return [...line.matchAll(re)].map((m) => [m.index, m.index + code.length] as Range);
}

/** The wording of the diagnosed category's phrase families, the first time it occurs in the line. */
function phraseRanges(line: string, category: Category, patterns: PatternsData): Range[] {
  for (const family of compilePatterns(patterns).phrases) {
    if (family.category !== category) continue;
    const m = family.regex?.exec(line);
    if (m && m[0]) return [[m.index, m.index + m[0].length]];
  }
  return [];
}

/**
 * Splits `line` into plain and marked segments: the phrase that fits the diagnosed category and the
 * reply and status codes. Joining the segments' text gives `line` back unchanged.
 */
export function markEvidence(
  line: string,
  diagnosis: { category: Category; replyCode: string | null; status: string | null },
  patterns: PatternsData = builtinPatterns,
): Segment[] {
  const ranges = [
    ...phraseRanges(line, diagnosis.category, patterns),
    ...codeRanges(line, diagnosis.replyCode),
    ...codeRanges(line, diagnosis.status),
  ].sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: line.slice(at, from), mark: false });
    segments.push({ text: line.slice(from, end), mark: true });
    at = end;
  }
  if (at < line.length) segments.push({ text: line.slice(at), mark: false });
  return segments;
}
