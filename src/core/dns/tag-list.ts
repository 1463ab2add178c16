/** `tag=value; tag=value` lists, as DKIM (RFC 6376 §3.2) and DMARC (RFC 7489 §6.4) records write them. */
export interface TagList {
  tags: Map<string, string>;
  /** Parts that are not `tag=value`, to report as syntax errors. */
  broken: string[];
}

export function parseTagList(record: string): TagList {
  const tags = new Map<string, string>();
  const broken: string[] = [];
  for (const part of record.split(';')) {
    const text = part.trim();
    if (!text) continue;
    const eq = text.indexOf('=');
    if (eq <= 0) broken.push(text);
    // Tag names are case-sensitive in DKIM but not in DMARC; lower-case covers every tag both define.
    else tags.set(text.slice(0, eq).trim().toLowerCase(), text.slice(eq + 1).trim());
  }
  return { tags, broken };
}
