/**
 * What a bounce says about the sender's own setup, to prefill "Check my domain": the sender's address and
 * domain, the DKIM selector the original message was signed with, and the sending server's IP when the
 * receiving server names it. Read from the raw paste, because the returned original message (where From,
 * Return-Path and DKIM-Signature sit) is cut off before the diagnosis reads the notification. Only the
 * domain check calls it, when it opens, so it travels in that chunk rather than in the paste view's.
 */
export interface SenderFacts {
  /** The original sender: the returned message's From, else its envelope sender, else the bounce's To. */
  address: string | null;
  /** The domain of `address`, lower case. */
  domain: string | null;
  /** The `s=` of the original message's DKIM-Signature (the one signed by the sender's domain, if several). */
  selector: string | null;
  /** The sending server's IP, only where the text names it as the client's or sender's. */
  ip: string | null;
}

/** Only the start of a paste is read: the headers of the returned message come right after the report. */
const MAX_SCAN_CHARS = 256 * 1024;
const MAX_FIELD = 2000;
const ADDRESS = /[^\s<>()[\]"'@,;:]{1,64}@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)){1,8}[A-Za-z]{2,63})/;
// Reporting systems write the bounce from these; they are never the person whose mail bounced.
const SYSTEM_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const IPV4 = '(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)';
// "Client host [203.0.113.5]", "your IP 203.0.113.9", "client-ip=…", "Source-IP: …", "from IP …": the text
// names the address as the sender's. A bare "host mx.example.net[192.0.2.10]" is the receiving server.
const SENDING_IP = new RegExp(
  `(?:client(?:[ -]host)?|client[ -]ip|your (?:ip(?: address)?|(?:mail )?server)|(?:source|sending|sender|connecting|remote)[ -]ip|from ip|ip address|\\bip)\\s*[:=]?\\s*\\[?(${IPV4})(?![\\d.]\\d)`,
  'i',
);
const RESERVED_IP = /^(?:127\.|10\.|0\.|192\.168\.|169\.254\.|172\.(?:1[6-9]|2\d|3[01])\.)/;

interface Field {
  name: string;
  value: string;
}

/** Every header-shaped line (unfolded) in the text, in order: the bounce's own and the returned message's. */
function fields(lines: string[]): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let value = m[2];
    while (i + 1 < lines.length && /^[ \t]+\S/.test(lines[i + 1]) && value.length < MAX_FIELD) value += ` ${lines[++i].trim()}`;
    out.push({ name: m[1].toLowerCase(), value: value.slice(0, MAX_FIELD) });
  }
  return out;
}

function addressIn(value: string): string | null {
  const m = ADDRESS.exec(value);
  return m && !SYSTEM_SENDER.test(m[0]) ? m[0].toLowerCase() : null;
}

/** `s=` and `d=` of a DKIM-Signature value. */
function dkimTags(value: string): { s: string; d: string } | null {
  const tag = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*([^;\\s]+)`, 'i').exec(value)?.[1].toLowerCase() ?? '';
  const s = tag('s');
  return /^[a-z0-9_][a-z0-9_.-]{0,126}$/.test(s) ? { s, d: tag('d') } : null;
}

function sendingIp(text: string): string | null {
  const ip = SENDING_IP.exec(text)?.[1] ?? null;
  return ip && !RESERVED_IP.test(ip) ? ip : null;
}

/** Pure and linear in the text's size; nothing found is null, never a guess. */
export function senderFacts(text: string): SenderFacts {
  const head = String(text ?? '').slice(0, MAX_SCAN_CHARS);
  const lines = head.split(/\r?\n/);
  // The bounce's own header block, if the paste starts with one: its To is the original sender. (Its
  // Return-Path is empty, <>, so envelope fields may be read anywhere.)
  const blank = lines.findIndex((l) => !l.trim());
  const topEnd = fields([lines[0] ?? '']).length ? (blank < 0 ? lines.length : blank) : 0;
  const top = fields(lines.slice(0, topEnd));
  const rest = fields(lines.slice(topEnd));
  const first = (list: Field[], names: string[]) => {
    for (const f of list) if (names.includes(f.name)) {
      const found = addressIn(f.value);
      if (found) return found;
    }
    return null;
  };
  const address = first(rest, ['from']) ?? first([...rest, ...top], ['return-path', 'x-postfix-sender']) ?? first(top, ['to']);
  const domain = address ? address.slice(address.lastIndexOf('@') + 1) : null;
  const signatures = rest.filter((f) => f.name === 'dkim-signature').map((f) => dkimTags(f.value)).filter((t) => t !== null);
  const own = signatures.find((t) => domain !== null && (t.d === domain || domain.endsWith(`.${t.d}`)));
  return { address, domain, selector: (own ?? signatures[0])?.s ?? null, ip: sendingIp(head.slice(0, 64 * 1024)) };
}
