/** Records as their presentation data (`10 mx.example.com.`, `v=spf1 -all`), or a misbehaviour. */
export type ZoneEntry =
  | string[]
  | { status: number }
  | { delayMs: number; records?: string[] }
  | { body: string; contentType?: string };
/** Keys `name TYPE` (`example.com TXT`), and `*` for every name without a key of its own. */
export type Zone = Record<string, ZoneEntry>;

export interface DohReply {
  contentType: string;
  body: string;
  /** Answer only after this long (a slow resolver). */
  delayMs?: number;
}

export function dohReply(zone: Zone, name: string, type: string): DohReply;
