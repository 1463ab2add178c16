import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { supportLink, supportSummary } from '../../src/core/support-summary.js';

const labels = { code: 'Code', cause: 'Cause', whatHappened: 'What happened', link: 'Link', fixes: 'Fix', evidence: 'Evidence' };
const facts = {
  code: '550 5.1.1',
  causeTitle: "The recipient's address does not exist",
  whatHappened: 'The receiving server has no mailbox by that name.',
  pageUrl: 'https://help.example/bounces?bounce=cause%3Arecipient-unknown',
};
const base = 'https://help.example/articles/bounces';

describe('supportSummary', () => {
  it('writes one labelled line per fact, in order', () => {
    assert.equal(
      supportSummary(facts, labels),
      [
        'Code: 550 5.1.1',
        "Cause: The recipient's address does not exist",
        'What happened: The receiving server has no mailbox by that name.',
        'Link: https://help.example/bounces?bounce=cause%3Arecipient-unknown',
      ].join('\n'),
    );
  });

  it('numbers the fix steps and quotes the evidence, before the link', () => {
    const text = supportSummary({ ...facts, fixes: ['Check the spelling.', 'Ask for a new address.'], evidence: ['550 5.1.1 <a@b.example>: no such user'] }, labels);
    assert.equal(
      text.split('\n').slice(3).join('\n'),
      ['Fix:', '1. Check the spelling.', '2. Ask for a new address.', 'Evidence:', '> 550 5.1.1 <a@b.example>: no such user', `Link: ${facts.pageUrl}`].join('\n'),
    );
  });

  it('leaves out empty fix and evidence lists', () => {
    assert.doesNotMatch(supportSummary({ ...facts, fixes: [], evidence: [] }, labels), /Fix|Evidence/);
  });

  it('leaves out what is not known', () => {
    assert.equal(supportSummary({ code: null, causeTitle: 'Blocked', pageUrl: 'https://x.example/' }, labels), 'Cause: Blocked\nLink: https://x.example/');
  });
});

describe('supportLink', () => {
  const summary = supportSummary(facts, labels);

  it('adds subject and body to a mailto link, keeping its other fields', () => {
    const link = supportLink('mailto:help@example.com?cc=team@example.com&subject=Old', base, 'Bounce: 550', summary)!;
    assert.match(link, /^mailto:help@example\.com\?cc=team@example\.com&subject=Bounce%3A%20550&body=/);
    assert.doesNotMatch(link, /subject=Old/);
    const body = decodeURIComponent(link.split('&body=')[1]);
    assert.equal(body, summary.replace(/\n/g, '\r\n'));
    assert.doesNotMatch(link, /\+/, 'spaces are %20 in mailto, never +');
  });

  it('adds a mailto query when there was none', () => {
    assert.match(supportLink('MAILTO:help@example.com', base, 'S', 'a b')!, /^MAILTO:help@example\.com\?subject=S&body=a%20b$/);
  });

  it('adds bw_summary to an http(s) link, resolving relative ones against the page', () => {
    const link = new URL(supportLink('https://desk.example/new?topic=mail', base, 'S', summary)!);
    assert.equal(link.searchParams.get('topic'), 'mail');
    assert.equal(link.searchParams.get('bw_summary'), summary);
    assert.equal(new URL(supportLink('/contact', base, 'S', 'x')!).href, 'https://help.example/contact?bw_summary=x');
  });

  it('refuses every other scheme', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,hi', 'ftp://x.example/', 'http://[bad']) {
      assert.equal(supportLink(href, base, 'S', summary), null, href);
    }
  });
});
