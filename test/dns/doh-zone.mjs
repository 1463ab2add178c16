// What a DNS JSON (DoH JSON) resolver answers for one query against a canned zone. Shared by the node stub
// (test/node/helpers/doh-server.ts) and the browser tests' dev-server route (web-test-runner.config.mjs),
// so both serve the scenario zones of test/dns/scenarios.json the same way.

// Numbers on the wire, written out here rather than imported, so the tests check the client's table.
const TYPES = { A: 1, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };

/** TXT data is served quoted, as Cloudflare does; an entry already in quotes is sent as written. */
function presentTxt(data) {
  return data.startsWith('"') ? data : `"${data.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function answer(name, type, records) {
  return JSON.stringify({
    Status: 0,
    Answer: records.map((data) => ({ name: `${name}.`, type: TYPES[type], TTL: 300, data: type === 'TXT' ? presentTxt(data) : data })),
  });
}

const dnsJson = (body) => ({ contentType: 'application/dns-json', body });

/**
 * The reply to `name`/`type`. Zone keys are `name TYPE`; a name with no key at all answers NXDOMAIN, a name
 * with keys for other types NOERROR with no records, as real DNS does; `*` answers every name without a key.
 */
export function dohReply(zone, name, type) {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const known = Object.keys(zone).some((k) => k.split(' ')[0].toLowerCase() === wanted);
  const entry = zone[`${wanted} ${type}`] ?? (known ? undefined : zone['*']);
  if (entry === undefined) return dnsJson(JSON.stringify({ Status: known ? 0 : 3 }));
  if (Array.isArray(entry)) return dnsJson(answer(wanted, type, entry));
  if ('status' in entry) return dnsJson(JSON.stringify({ Status: entry.status }));
  if ('body' in entry) return { contentType: entry.contentType ?? 'application/dns-json', body: entry.body };
  return { ...dnsJson(answer(wanted, type, entry.records ?? [])), delayMs: entry.delayMs };
}
