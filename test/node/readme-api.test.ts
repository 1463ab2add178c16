import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { END, START, findElement, renderApi, replaceApi, type ManifestElement } from '../../scripts/readme-api.mjs';

const element: ManifestElement = {
  customElement: true,
  tagName: 'x-demo',
  attributes: [{ name: 'mode', fieldName: 'mode', type: { text: "'a' | 'b'" }, default: "'a'", description: 'Which mode.' }],
  members: [
    { kind: 'field', name: 'mode', attribute: 'mode', type: { text: "'a' | 'b'" } },
    { kind: 'field', name: 'data', type: { text: 'Data' }, description: 'The data,\n  over two lines.' },
    { kind: 'field', name: 'hidden', privacy: 'private', type: { text: 'number' } },
    { kind: 'field', name: 'version', static: true, type: { text: 'string' } },
    { kind: 'method', name: 'open', parameters: [{ name: 'code', type: { text: 'string' } }, { name: 'force', optional: true, type: { text: 'boolean' } }], description: 'Opens.' },
    { kind: 'method', name: 'secret', privacy: 'private' },
  ],
  events: [{ name: 'x-open', description: 'Opened.' }],
  cssParts: [{ name: 'panel', description: 'The card.' }],
  cssProperties: [{ name: '--x-accent', description: 'Accent.' }],
};

describe('README API tables from the manifest', () => {
  const api = renderApi(element);

  it('lists attributes with their property, escaped type and default', () => {
    assert.match(api, /\| `mode` \| `mode` \| `'a' \\\| 'b'` \| `'a'` \| Which mode\. \|/);
  });

  it('lists public instance members only, one line per cell', () => {
    assert.match(api, /\| `data` \| `Data` \| The data, over two lines\. \|/);
    assert.match(api, /\| `open\(code: string, force\?: boolean\): void` \| Opens\. \|/);
    assert.doesNotMatch(api, /hidden|secret|version/);
  });

  it('lists events, parts and custom properties, leaving out a column nothing fills', () => {
    assert.match(api, /\| `x-open` \| Opened\. \|/);
    assert.match(api, /\| `panel` \| The card\. \|/);
    assert.match(api, /### CSS custom properties\n\n\| property \| what it sets \|\n\| --- \| --- \|\n\| `--x-accent` \| Accent\. \|/);
  });

  it('replaces only what is between the markers', () => {
    const readme = `# Title\n\n${START}\nSTALE TABLE\n${END}\n\nAfter.\n`;
    const updated = replaceApi(readme, api);
    assert.ok(updated.startsWith('# Title\n\n'));
    assert.ok(updated.endsWith('\n\nAfter.\n'));
    assert.ok(!updated.includes('STALE TABLE'));
    assert.equal(replaceApi(updated, api), updated);
  });

  it('refuses a README without the markers, and a manifest without the element', () => {
    assert.throws(() => replaceApi('# no markers', api), /api:start/);
    assert.throws(() => findElement({ modules: [{ declarations: [element] }] }, 'bounce-wizard'), /no <bounce-wizard>/);
    assert.equal(findElement({ modules: [{ declarations: [element] }] }, 'x-demo'), element);
  });
});
