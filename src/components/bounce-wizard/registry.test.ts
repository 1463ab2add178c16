import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import registry from '../../../test/fixtures/registry-codes.json';
import type { BounceWizard } from './bounce-wizard.js';
import { heading } from './test-helpers.js';

describe('<bounce-wizard> registry coverage', () => {
  it('opens an entry with its meaning for every reply code and every enhanced status code', async () => {
    const el = await fixture<BounceWizard>(html`<bounce-wizard></bounce-wizard>`);
    const queries = [...registry.replyCodes, ...registry.enhancedStatusCodes.flatMap((c) => [c.replace(/^X/, '4'), c.replace(/^X/, '5')])];
    for (const query of queries) {
      el.showCode(query);
      await el.updateComplete;
      const badge = el.shadowRoot!.querySelector('.code-badge')?.textContent?.trim();
      expect(badge, query).to.equal(query);
      expect(heading(el), query).to.not.equal('');
      expect(el.shadowRoot!.querySelector('.view p')?.textContent?.trim(), `${query} summary`).to.not.equal('');
    }
  });
});
