/**
 * The diagnosis measures of `npm run bench`, run by bench/run.ts in a Node process of their own, so the
 * browser phase's heap and the sizes' compression buffers do not weigh on the garbage collector while the
 * core is timed. Prints one JSON object on stdout. Usage: node --import tsx bench/diagnosis.ts CORPUS_DIR
 */
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalog } from '../src/core/builtin-catalog.js';
import { diagnose } from '../src/core/diagnose/diagnose.js';
import { adversarialInputs } from './adversarial.js';

export interface DiagnosisFigures {
  /** Messages per second over the corpus, one figure per round; null when the corpus is not there. */
  throughput: { messages: number; rounds: number[] } | null;
  adversarial: { name: string; worstMs: number; failure: string }[];
}

const ROUND_SECONDS = 1;
// Seven short rounds: a shared machine's passing slowdowns touch only some of them (bench/run.ts reports the best).
const ROUNDS = 7;

async function throughput(corpusDir: string): Promise<DiagnosisFigures['throughput']> {
  if (!existsSync(corpusDir)) return null;
  const names = (await readdir(corpusDir)).filter((n) => n.endsWith('.eml'));
  const messages = await Promise.all(names.map((n) => readFile(join(corpusDir, n), 'utf8')));
  // The first round only warms up, so the timed ones measure optimised code rather than V8 compiling it.
  const rounds: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    let count = 0;
    const start = performance.now();
    while (performance.now() < start + ROUND_SECONDS * 1000) {
      for (const text of messages) await diagnose(text, builtinCatalog);
      count += messages.length;
    }
    if (round >= 0) rounds.push(count / ((performance.now() - start) / 1000));
  }
  return { messages: messages.length, rounds };
}

async function adversarial(): Promise<DiagnosisFigures['adversarial']> {
  const out: DiagnosisFigures['adversarial'] = [];
  for (const { name, text } of adversarialInputs()) {
    let worstMs = 0;
    let failure = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      try {
        await diagnose(text, builtinCatalog);
      } catch (error) {
        failure = `threw: ${(error as Error).message}`;
      }
      worstMs = Math.max(worstMs, performance.now() - start);
    }
    out.push({ name, worstMs, failure });
  }
  return out;
}

const figures: DiagnosisFigures = { throughput: await throughput(process.argv[2] ?? ''), adversarial: await adversarial() };
process.stdout.write(JSON.stringify(figures));
