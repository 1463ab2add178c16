/**
 * Raw MIME detection and decoding. A pasted bounce is often the `.eml` source: multipart, base64,
 * quoted-printable, encoded headers. A linear fast path reads simple, well-formed structures (plain, base64
 * or quoted-printable text in a charset TextDecoder knows); postal-mime decodes everything else and is
 * loaded only then, so a pasted error line or a typical bounce never pays for it.
 */
import { splitLines } from './lines.js';

/** Decoded parts worth reading: the notification and any delivery-status or feedback report. */
export interface DecodedMail {
  /** Top-level header lines as `Name: value`, unfolded and with encoded words decoded. */
  headers: string;
  /** The notification text followed by the machine-readable report parts. */
  body: string;
  /** The first attached message (message/rfc822), raw: a forwarded bounce sits there. */
  attached: string | null;
}

/** Only this much of a raw message is decoded: the report sits near the top; the rest is the returned mail. */
export const MAX_MIME_BYTES = 512 * 1024;

// A value may start on the next, folded line ("Message-Id:\n <…>").
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,60}:/;
const MAIL_HEADER = /^(?:received|return-path|from|to|subject|date|message-id|mime-version|content-type|delivered-to|x-[a-z0-9-]+):/i;
// Parts that carry the bounce or report; the returned original (message/rfc822, rfc822-headers) is left out.
const USEFUL_PART = /^(?:text\/(?:plain|html)|message\/(?:global-)?delivery-status|message\/feedback-report|message\/disposition-notification)$/i;

/**
 * Whether `text` starts with a mail header block (at least three header lines, one a well-known mail header,
 * before the first blank line) and declares MIME, so decoding it is worth the library.
 */
export function looksLikeMime(text: string): boolean {
  const head = text.slice(0, 16 * 1024).replace(/^\s+/, '');
  const end = head.search(/\r?\n\r?\n/);
  const lines = splitLines(end < 0 ? head : head.slice(0, end));
  if (!HEADER_LINE.test(lines[0] ?? '') && !/^From \S/.test(lines[0] ?? '')) return false;
  let headers = 0;
  let known = false;
  let mime = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    if (!HEADER_LINE.test(line) && !/^From \S/.test(line)) return false;
    headers++;
    known ||= MAIL_HEADER.test(line);
    mime ||= /^(?:mime-version|content-type|content-transfer-encoding):/i.test(line);
  }
  return headers >= 3 && known && mime;
}

function partText(content: ArrayBuffer | Uint8Array | string): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

// Some MTAs quoted-printable-encode the delivery-status part, which the library leaves as it is.
function undoQuotedPrintable(text: string): string {
  if (!/=\r?\n/.test(text)) return text;
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function stripTags(html: string): string {
  return html.replace(/<(?:br|p|div|tr|li)\b[^>]{0,200}>/gi, '\n').replace(/<[^>]{0,2000}>/g, '').replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Decodes raw MIME; returns null when it cannot be made sense of (the caller reads the raw text). */
export async function decodeMime(text: string): Promise<DecodedMail | null> {
  const mail = splitPlainMime(text);
  if (!mail) return decodeWithLibrary(text);
  // Nothing to read here is nothing for the library either (see splitPlainMime).
  return mail.body.trim() ? mail : null;
}

// Transfer encodings that leave the text as it is: such parts are read straight from the source.
const PLAIN_ENCODING = /^(?:7bit|8bit|binary)?$/i;
const PLAIN_CHARSET = /^(?:us-ascii|utf-8|utf8)?$/i;
const ENCODED_WORD = /=\?([\w-]{1,40})\?([bq])\?([^?\s]{0,2000})\?=/gi;
const MAX_DEPTH = 4;

interface Found {
  /** Parts left unread (attachments, images…): the library may read some of them. */
  unread: number;
  text: string[];
  html: string[];
  reports: string[];
  attached: string | null;
}

const paramPatterns = new Map<string, RegExp>();

function param(value: string, name: string): string {
  let pattern = paramPatterns.get(name);
  if (!pattern) paramPatterns.set(name, (pattern = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]{0,200})"|([^\\s;]{1,200}))`, 'i')));
  const m = pattern.exec(value);
  return m ? (m[1] ?? m[2]) : '';
}

/** Unfolded header fields from `lines[start]` to the blank line (a `part`'s or the message's); null when a line is not a field. */
function readFields(lines: string[], start: number, end: number, part: boolean): { fields: [string, string][]; body: number } | null {
  const fields: [string, string][] = [];
  let i = start;
  for (; i < end && lines[i] !== ''; i++) {
    const line = lines[i];
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1][1] += ` ${line.trim()}`;
    else if (HEADER_LINE.test(line)) fields.push([line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]);
    // A part's parameter wrapped without indentation ("boundary=…" alone on a line): a field of its own,
    // without a value, for the library too.
    else if (part && !line.includes(':')) continue;
    else if (!/^From \S/.test(line) || i > start) return null;
  }
  return { fields, body: i + 1 };
}

function field(fields: [string, string][], name: string): string {
  // The length first: most names differ in it, and lower-casing each name on every lookup adds up.
  return fields.find(([k]) => k.length === name.length && k.toLowerCase() === name)?.[1] ?? '';
}

/** RFC 2047 encoded words ("=?utf-8?B?…?="), as a mail program shows them; left as written when unknown. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(ENCODED_WORD, (word, charset: string, kind: string, data: string) => {
    const decoder = decoderFor(charset);
    if (!decoder) return word;
    try {
      const bytes = kind.toLowerCase() === 'b'
        ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
        : Uint8Array.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), (c) => c.charCodeAt(0));
      return decoder.decode(bytes);
    } catch {
      return word;
    }
  });
}

function anyLineStarts(lines: string[], start: number, end: number, prefix: string): boolean {
  for (let i = start; i < end; i++) if (lines[i].startsWith(prefix)) return true;
  return false;
}

/** Walks one entity; false when a part this reader needs cannot be read here or the structure is not plain. */
function walk(lines: string[], start: number, end: number, fields: [string, string][], depth: number, found: Found): boolean {
  const contentType = field(fields, 'content-type');
  const type = (contentType.split(';')[0].trim() || 'text/plain').toLowerCase();
  const plain = PLAIN_ENCODING.test(field(fields, 'content-transfer-encoding'));
  if (type.startsWith('multipart/')) {
    if (!plain || depth >= MAX_DEPTH) return false;
    // Parts start at lines "--boundary": a multipart that names no boundary, or holds no line starting
    // with "--", has no parts for any reader (postal-mime included) whatever its boundary's syntax.
    if (!/boundary/i.test(contentType) || !anyLineStarts(lines, start, end, '--')) return true;
    const boundary = param(contentType, 'boundary');
    if (!boundary) return false;
    const open = `--${boundary}`;
    let from = -1;
    // A message cut short has no closing delimiter: its last part runs to the end.
    for (let i = start; i <= end; i++) {
      const rest = i < end && lines[i].startsWith(open) ? lines[i].slice(open.length) : null;
      const closing = rest === null || rest.startsWith('--');
      if (rest !== null && (closing ? rest.slice(2) : rest).trim()) continue;
      if (rest === null && i < end) continue;
      if (from >= 0) {
        const part = readFields(lines, from, i, true);
        if (!part || !walk(lines, Math.min(part.body, i), i, part.fields, depth + 1, found)) return false;
      }
      if (closing) return from >= 0;
      from = i + 1;
    }
    return false;
  }
  const isReport = USEFUL_PART.test(type) && type.startsWith('message/');
  const isText = (type === 'text/plain' || type === 'text/html') && !/^attachment/i.test(field(fields, 'content-disposition'));
  if (/^message\/(?:rfc822|global)$/.test(type)) {
    if (!plain) return false;
    found.attached ??= lines.slice(start, end).join('\n');
    return true;
  }
  if (!isReport && !isText) {
    found.unread++;
    return true;
  }
  const content = plain ? plainPart(lines, start, end, param(contentType, 'charset')) : decodePart(lines, start, end, field(fields, 'content-transfer-encoding'), param(contentType, 'charset'));
  if (content === null) return false;
  if (isReport) found.reports.push(undoQuotedPrintable(content));
  else (type === 'text/html' ? found.html : found.text).push(content);
  return true;
}

/**
 * An unencoded part as it stands. Another charset's 8-bit text is decoded from the pasted text's UTF-8
 * bytes, as the library does; null when TextDecoder does not know the charset. An ISO-2022 charset holds
 * no 8-bit byte: 8-bit text under one was already converted by whatever passed it on.
 */
function plainPart(lines: string[], start: number, end: number, charset: string): string | null {
  const content = lines.slice(start, end).join('\n');
  if (PLAIN_CHARSET.test(charset) || /^iso-2022-/i.test(charset) || !/[^\x00-\x7f]/.test(content)) return content;
  return decoderFor(charset)?.decode(encoder.encode(content)) ?? null;
}

const decoders = new Map<string, TextDecoder | null>();

/** A decoder for the part's charset (RFC 2045: US-ASCII when none is given); null for one TextDecoder does not know. */
function decoderFor(charset: string): TextDecoder | null {
  const label = (charset || 'us-ascii').toLowerCase();
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

/** RFC 2045 §6.8: base64 lines; null when a line is not base64 (the library then decides what it was). */
function base64Bytes(lines: string[], start: number, end: number): Uint8Array | null {
  const clean: string[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i].trim();
    if (!BASE64_LINE.test(line)) return null;
    clean.push(line);
  }
  const joined = clean.join('');
  if (joined.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(joined);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();

/**
 * RFC 2045 §6.7: "=XX" is a byte, "=" at the end of a line joins it to the next, trailing blanks are padding.
 * A stray non-ASCII character (some MTAs send 8-bit text marked quoted-printable) stays as its UTF-8 bytes.
 */
function quotedPrintableBytes(lines: string[], start: number, end: number): Uint8Array {
  // A character gives at most three bytes (a surrogate pair, two characters, four), a line end one.
  let size = 0;
  for (let i = start; i < end; i++) size += lines[i].length * 3 + 1;
  const out = new Uint8Array(size);
  let n = 0;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    let stop = line.length;
    while (stop > 0 && (line[stop - 1] === ' ' || line[stop - 1] === '\t')) stop--;
    const soft = line[stop - 1] === '=';
    if (soft) stop--;
    for (let j = 0; j < stop; j++) {
      const c = line.charCodeAt(j);
      const escaped = c === 61 ? hexByte(line, j + 1) : -1;
      if (escaped >= 0) {
        out[n++] = escaped;
        j += 2;
      } else if (c < 0x80) {
        out[n++] = c;
      } else {
        const wide = c >= 0xd800 && c < 0xdc00 ? 2 : 1;
        n += encoder.encodeInto(line.slice(j, j + wide), out.subarray(n)).written;
        j += wide - 1;
      }
    }
    if (!soft && i < end - 1) out[n++] = 10;
  }
  return out.subarray(0, n);
}

/** The byte two hexadecimal digits at `at` write; -1 when they are not two such digits. */
function hexByte(line: string, at: number): number {
  const high = hexValue(line.charCodeAt(at));
  const low = hexValue(line.charCodeAt(at + 1));
  return high >= 0 && low >= 0 ? high * 16 + low : -1;
}

/** A hexadecimal digit's value; -1 for any other character code (NaN past the end of a line included). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** A base64 or quoted-printable text part, decoded in its charset; null when the library must do it. */
function decodePart(lines: string[], start: number, end: number, encoding: string, charset: string): string | null {
  const decoder = decoderFor(charset);
  const kind = encoding.trim().toLowerCase();
  if (!decoder || (kind !== 'base64' && kind !== 'quoted-printable')) return null;
  const bytes = kind === 'base64' ? base64Bytes(lines, start, end) : quotedPrintableBytes(lines, start, end);
  return bytes && decoder.decode(bytes).replace(/\r\n?/g, '\n');
}

/**
 * The common case without the library: a plain structure whose parts the diagnosis reads are unencoded, or
 * base64 or quoted-printable text in a charset TextDecoder knows, so a linear scan of the boundary lines
 * finds them. Null when the library is needed; a blank body when the message has nothing to read.
 */
export function splitPlainMime(text: string): DecodedMail | null {
  const lines = splitLines(text.slice(0, MAX_MIME_BYTES));
  const top = readFields(lines, 0, lines.length, false);
  if (!top) return null;
  const found: Found = { unread: 0, text: [], html: [], reports: [], attached: null };
  if (!walk(lines, top.body, lines.length, top.fields, 0, found)) return null;
  const main = found.text.length ? found.text.join('\n') : found.html.map(stripTags).join('\n');
  const body = [main, ...found.reports].filter(Boolean).join('\n\n');
  // Nothing to read: certain when every part was read and is blank (or there is none), the library's to say otherwise.
  const blank = (t: string) => !t.trim();
  if (blank(body) && (found.unread || !found.html.map(stripTags).every(blank))) return null;
  const headers = top.fields.map(([k, v]) => `${k}: ${k.toLowerCase() === 'subject' ? decodeWords(v) : v}`).join('\n');
  return { headers, body, attached: found.attached };
}

let library: Promise<typeof import('postal-mime')> | undefined;

/** Decodes with postal-mime, the decoder of record; null when it cannot make sense of the message. */
export async function decodeWithLibrary(text: string): Promise<DecodedMail | null> {
  try {
    const { default: PostalMime } = await (library ??= import('postal-mime'));
    const mail = await PostalMime.parse(text.slice(0, MAX_MIME_BYTES), {
      attachmentEncoding: 'utf8',
      forceRfc822Attachments: true,
    });
    const headers = mail.headers
      .map((h) => `${h.originalKey}: ${h.key === 'subject' ? (mail.subject ?? h.value) : h.value}`.replace(/\s*\r?\n\s*/g, ' '))
      .join('\n');
    const parts: string[] = [];
    const rfc822 = mail.attachments.find((a) => /^message\/(?:rfc822|global)$/i.test(a.mimeType));
    if (mail.text) parts.push(mail.text);
    else if (mail.html) parts.push(stripTags(mail.html));
    for (const a of mail.attachments) {
      if (!USEFUL_PART.test(a.mimeType)) continue;
      const content = partText(a.content);
      parts.push(/html/i.test(a.mimeType) ? stripTags(content) : /^message\//i.test(a.mimeType) ? undoQuotedPrintable(content) : content);
    }
    const body = parts.join('\n\n');
    // A structure the library could not split (odd boundary syntax, say) leaves nothing: read the raw text.
    return body.trim() ? { headers, body, attached: rfc822 ? partText(rfc822.content) : null } : null;
  } catch {
    return null;
  }
}
