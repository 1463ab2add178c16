// Writes the README's API tables (attributes, properties, methods, events, CSS parts, CSS custom
// properties) from custom-elements.json, between `<!-- api:start -->` and `<!-- api:end -->`, so the docs
// say what the code's JSDoc says. `--check` changes nothing and fails when the README is stale.
// The manifest is written by `npm run build` (cem analyze).
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export const START = '<!-- api:start -->';
export const END = '<!-- api:end -->';

/** A table cell: one line, pipes escaped (GitHub needs that inside code spans too). */
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

/** A Markdown table of already formatted cells; a column empty in every row (no defaults known) is left out. */
function table(title, head, rows) {
  if (rows.length === 0) return '';
  const kept = head.map((_, col) => rows.some((row) => row[col]));
  const pick = (row) => row.filter((_, col) => kept[col]);
  const lines = [`| ${pick(head).join(' | ')} |`, `| ${pick(head).map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${pick(row).join(' | ')} |`);
  return `### ${title}\n\n${lines.join('\n')}\n`;
}

/** The custom element a manifest declares under `tagName`. */
export function findElement(manifest, tagName) {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName === tagName) return declaration;
    }
  }
  throw new Error(`custom-elements.json declares no <${tagName}>.`);
}

const isPublic = (member) => !member.privacy || member.privacy === 'public';

function signature(method) {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`);
  return `${method.name}(${params.join(', ')}): ${method.return?.type?.text ?? 'void'}`;
}

/** The Markdown that goes between the markers for one element. */
export function renderApi(element) {
  const members = (element.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field' && !m.static);
  const attributes = (element.attributes ?? []).map((attr) => {
    const field = fields.find((f) => f.name === attr.fieldName);
    return [code(attr.name), code(attr.fieldName), code(attr.type?.text), code(attr.default), cell(attr.description ?? field?.description)];
  });
  const properties = fields.filter((f) => !f.attribute).map((f) => [code(f.name), code(f.type?.text), cell(f.description)]);
  const methods = members.filter((m) => m.kind === 'method' && !m.static).map((m) => [code(signature(m)), cell(m.description)]);
  const events = (element.events ?? []).map((e) => [code(e.name), cell(e.description)]);
  const parts = (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]);
  const cssProperties = (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]);
  const sections = [
    table('Attributes', ['attribute', 'property', 'type', 'default', 'what it does'], attributes),
    table('Properties', ['property', 'type', 'what it holds'], properties),
    table('Methods', ['method', 'what it does'], methods),
    table('Events', ['event', 'when'], events),
    table('CSS parts', ['part', 'what it is'], parts),
    table('CSS custom properties', ['property', 'default', 'what it sets'], cssProperties),
  ].filter(Boolean);
  return `${START}\n<!-- Generated from custom-elements.json by scripts/readme-api.mjs: edit the JSDoc, then run it. -->\n\n${sections.join('\n')}\n${END}`;
}

/** `readme` with its marked section replaced by `api`; throws when the markers are missing or out of order. */
export function replaceApi(readme, api) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`The README needs ${START} followed by ${END}.`);
  return readme.slice(0, start) + api + readme.slice(end + END.length);
}

async function main(args) {
  const root = new URL('..', import.meta.url);
  const readmeUrl = new URL('README.md', root);
  let manifest;
  try {
    manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    console.error('readme-api: custom-elements.json is missing. Run `npm run build` first.');
    return 1;
  }
  const readme = await readFile(readmeUrl, 'utf8');
  const updated = replaceApi(readme, renderApi(findElement(manifest, 'bounce-wizard')));
  if (args.includes('--check')) {
    if (updated === readme) return 0;
    console.error('readme-api: the README API tables differ from custom-elements.json. Run `node scripts/readme-api.mjs`.');
    return 1;
  }
  if (updated !== readme) await writeFile(readmeUrl, updated);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
