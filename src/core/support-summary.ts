/**
 * A plain-text summary of what the reader found: carried in the host's own `support-href` so the ticket
 * starts with the facts, and put on the clipboard by "Copy diagnosis". No DOM: the element and tests share it.
 */

/** What the summary says; `code` is absent when the reader reached the cause without one. */
export interface SupportFacts {
  code?: string | null;
  /** Absent when a pasted bounce named no cause we know. */
  causeTitle?: string;
  whatHappened?: string;
  /** The fix steps, numbered in the summary; the copied diagnosis carries them, the support link does not. */
  fixes?: string[];
  /** The lines of a pasted bounce the diagnosis rests on, when it came from a paste. */
  evidence?: string[];
  /** The page, with the deep link to this step when there is one. */
  pageUrl: string;
}

/** The summary's field names, in the reader's language. */
export interface SupportLabels {
  code: string;
  cause: string;
  whatHappened: string;
  link: string;
  fixes: string;
  evidence: string;
}

/**
 * One `Label: value` line per fact present, in a fixed order so support teams can read them at a glance;
 * the fixes and evidence as a label line followed by one line each (fixes numbered).
 */
export function supportSummary(facts: SupportFacts, labels: SupportLabels): string {
  const line = (label: string, value: string | null | undefined) => (value ? [`${label}: ${value}`] : []);
  const list = (label: string, items: string[] | undefined, numbered: boolean) =>
    items?.length ? [`${label}:`, ...items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `> ${item}`))] : [];
  return [
    ...line(labels.code, facts.code),
    ...line(labels.cause, facts.causeTitle),
    ...line(labels.whatHappened, facts.whatHappened),
    ...list(labels.fixes, facts.fixes, true),
    ...list(labels.evidence, facts.evidence, false),
    ...line(labels.link, facts.pageUrl),
  ].join('\n');
}

/** RFC 6068: `%20` for spaces (a `+` would reach the mail as a plus) and CRLF line breaks. */
const mailtoValue = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));

/**
 * `href` carrying the summary: `mailto:` gets `subject` and `body` (the host's other fields, such as `cc`,
 * kept; its own subject and body replaced), `http(s):` (relative ones resolved against `base`) a
 * `bw_summary` parameter. Anything else, `javascript:` first of all, gives null: no link at all.
 */
export function supportLink(href: string, base: string, subject: string, summary: string): string | null {
  const trimmed = href.trim();
  if (/^mailto:/i.test(trimmed)) {
    const [address, query = ''] = trimmed.split(/\?(.*)/s);
    const kept = query.split('&').filter((part) => part && !/^(subject|body)=/i.test(part));
    return `${address}?${[...kept, `subject=${mailtoValue(subject)}`, `body=${mailtoValue(summary)}`].join('&')}`;
  }
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('bw_summary', summary);
  return url.href;
}
