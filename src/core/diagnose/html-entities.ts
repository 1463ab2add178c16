/**
 * A small stand-in for postal-mime's table of all 2,231 HTML named character references (46 KB), which the
 * build swaps in (rollup.config.mjs). postal-mime only uses it to turn an HTML-only part into text, and a
 * bounce's HTML part uses few names: markup's own, Latin-1 letters and typographic punctuation. Numeric
 * references are decoded by postal-mime itself; an unknown name is left as written.
 */

// HTML's Latin-1 names, in code point order from U+00A0.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring ' +
  'AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml ' +
  'times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil ' +
  'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ' +
  'ugrave uacute ucirc uuml yacute thorn yuml';

// Markup's own, and the punctuation and symbols mail clients write as names.
const OTHERS: Record<string, number> = {
  quot: 0x22, amp: 0x26, apos: 0x27, lt: 0x3c, gt: 0x3e,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d,
  bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032,
  lsaquo: 0x2039, rsaquo: 0x203a, euro: 0x20ac, trade: 0x2122, larr: 0x2190, rarr: 0x2192, minus: 0x2212,
};

// HTML also accepts these without the closing semicolon (the legacy names).
const LEGACY = new Set(['quot', 'amp', 'lt', 'gt', ...LATIN1.split(' ')]);

const codePoints: [string, number][] = [...LATIN1.split(' ').map((name, i): [string, number] => [name, 0xa0 + i]), ...Object.entries(OTHERS)];

/** Keyed as postal-mime looks names up: `&name;`, and `&name` for the legacy ones. */
export const htmlEntities: Record<string, string> = {};
for (const [name, point] of codePoints) {
  const char = String.fromCharCode(point);
  htmlEntities[`&${name};`] = char;
  if (LEGACY.has(name)) htmlEntities[`&${name}`] = char;
}

export default htmlEntities;
