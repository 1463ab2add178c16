/** The bounce fixtures of the diagnosis tests (test/node/fixtures/bounces/) and what a test expects of one. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Diagnosis } from '../../../src/core/diagnose/diagnose.js';

export const bounceFixture = (name: string) => readFileSync(new URL(`../fixtures/bounces/${name}`, import.meta.url), 'utf8');

/** What a fixture must read as: its lead category and codes, and every failed recipient in order. */
export interface ExpectedReading {
  category: string;
  status: string | null;
  replyCode: string | null;
  recipients: string[];
}

/** A bounce read as `want` says, with the lines it relied on. */
export function assertReads(d: Diagnosis, want: ExpectedReading): void {
  assert.equal(d.isBounce, true);
  assert.equal(d.category, want.category);
  assert.equal(d.status, want.status);
  assert.equal(d.replyCode, want.replyCode);
  assert.deepEqual(d.recipients.map((r) => r.address), want.recipients);
  assert.ok(d.evidence.length > 0, 'shows the lines it relied on');
}
