/**
 * Raw MIME detection and decoding. A pasted bounce is often the `.eml` source: multipart, base64,
 * quoted-printable, encoded headers. postal-mime decodes it; it is loaded only when the text really
 * starts with a header block, so a pasted error line never pays for it.
 */

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
  const lines = (end < 0 ? head : head.slice(0, end)).split(/\r?\n/);
  if (!HEADER_LINE.test(lines[0] ?? '') && !/^From \S/.test(lines[0] ?? '')) return false;
  let headers = 0;
  let known = 0;
  let mime = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    if (!HEADER_LINE.test(line) && !/^From \S/.test(line)) return false;
    headers++;
    if (MAIL_HEADER.test(line)) known++;
    if (/^(?:mime-version|content-type|content-transfer-encoding):/i.test(line)) mime = true;
  }
  return headers >= 3 && known >= 1 && mime;
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

/** Decodes raw MIME; returns null when the library cannot make sense of it (the caller reads the raw text). */
export async function decodeMime(text: string): Promise<DecodedMail | null> {
  try {
    const { default: PostalMime } = await import('postal-mime');
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
