/**
 * `npm run bench`: sizes of dist/, first render and interactivity against a bare Lit control, step
 * transitions, heap and leak check in headless Chromium, and diagnosis throughput and accuracy in Node.
 * Prints one table and writes the same to bench/RESULTS.md. Timing budgets are informative: the bench exits
 * 0 when one fails; it exits 1 only when it cannot measure.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rollup, type RollupOptions, type OutputOptions } from 'rollup';
import { esLoadSets, kb, measureBytes, measureFile, type Sizes } from '../scripts/sizes.mjs';
import type { DiagnosisFigures } from './diagnosis.js';

const execFileAsync = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = join(repo, 'dist');
const corpusDir = join(repo, '..', 'shared', 'corpus', 'eml');
const corpusScorer = join(repo, '..', 'shared', 'score-corpus.mjs');

const LOADS = 12;
const TRANSITIONS = 40;
const CYCLES = 1000;
const BUDGET = {
  firstJsGzip: 20 * 1024,
  englishGzip: 60 * 1024,
  renderRatio: 1.5,
  messagesPerSecond: 10_000,
  // Issue 4: a 5 MB paste, however hostile, is diagnosed within 200 ms.
  adversarialMs: 200,
  // Issue 4's accuracy on the labelled corpus, in percent: category, enhanced status, reply code.
  accuracy: { category: 95, status: 98, reply: 98 },
  // The bench's own bars, not the issue's: a step must feel instant (the median waits for the next frame,
  // ~17 ms), and a leak shows as steady growth.
  stepMs: 50,
  leakBytes: 100 * 1024,
};

interface Row {
  measure: string;
  value: string;
  budget: string;
  verdict: 'PASS' | 'FAIL' | 'info' | 'skipped';
}
const rows: Row[] = [];
const row = (measure: string, value: string, budget = '—', pass?: boolean) =>
  rows.push({ measure, value, budget, verdict: pass === undefined ? 'info' : pass ? 'PASS' : 'FAIL' });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sizes = (s: Sizes) => `${kb(s.min)} min · ${kb(s.gzip)} gzip · ${kb(s.brotli)} br`;

// Modules chosen at run time have no declarations; these are the parts of them the bench uses.
interface ServeModule {
  startServer(options: { port?: number; root?: string }): Promise<{ url: string; close(): Promise<void> }>;
}
type BrowserConfig = RollupOptions & { output: OutputOptions | OutputOptions[] };
const importScript = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(repo, path)).href)) as T;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** Every file in dist/, keyed by the path a page requests it under. */
async function measureDist(): Promise<Map<string, Sizes>> {
  const measured = new Map<string, Sizes>();
  for (const file of await listFiles(dist)) {
    const path = `/${relative(repo, file).split('\\').join('/')}`;
    measured.set(path, await measureFile(file));
    row(`size ${path.slice(1)}`, sizes(measured.get(path)!));
  }
  // Everything the English widget can load, as the size check counts it: the ES entry, its static imports
  // and every chunk it may import on demand (not other languages').
  const { english } = await esLoadSets(`${dist}/`, 'bounce-wizard.js');
  const gzip = english.reduce((sum, name) => sum + measured.get(`/dist/${name}`)!.gzip, 0);
  row(`everything for English: ES entry + static and on-demand chunks (${english.length})`, `${kb(gzip)} gzip`, `≤ ${kb(BUDGET.englishGzip)} gzip`, gzip <= BUDGET.englishGzip);
  return measured;
}

/**
 * Everything for English can go no lower than its text: every string the English data files hold, with no
 * keys, no structure and no code, compressed in one piece. Shows how much of the English total is text.
 */
async function measureTextFloor(): Promise<void> {
  const files = ['codes', 'causes', 'wizard', 'providers', 'patterns'];
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) if (key !== '$schema') collect(v);
  };
  for (const name of files) collect(JSON.parse(await readFile(join(repo, 'data', `${name}.json`), 'utf8')));
  const text = measureBytes(new TextEncoder().encode(strings.join('\n')));
  row(`English text alone: the ${strings.length.toLocaleString('en')} strings of data/{${files.join(',')}}.json, no keys or code`, `${kb(text.min)} · ${kb(text.gzip)} gzip · ${kb(text.brotli)} br`);
}

/**
 * Issue 7 keeps the minification of Lit's templates and CSS only if it measurably helps: the widget is
 * built again without it into `outDir`, and both builds' first-render and English totals are compared.
 */
async function measureTemplateMinification(outDir: string, built: Map<string, Sizes>): Promise<void> {
  const [widget] = (await importScript<{ default: BrowserConfig[] }>('rollup.config.mjs')).default;
  const plugins = [widget.plugins].flat().filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'minify-literals'));
  const bundle = await rollup({ ...widget, plugins });
  try {
    await bundle.write({ ...[widget.output].flat()[0], dir: outDir, sourcemap: false });
  } finally {
    await bundle.close();
  }
  const gzipOf = async (names: string[], sizeOf: (name: string) => Promise<Sizes>) =>
    (await Promise.all(names.map(sizeOf))).reduce((sum, s) => sum + s.gzip, 0);
  const totals = async (dir: string, sizeOf: (name: string) => Promise<Sizes>) => {
    const { first, english } = await esLoadSets(`${dir}/`, 'bounce-wizard.js');
    return { first: await gzipOf(first, sizeOf), english: await gzipOf(english, sizeOf) };
  };
  const minified = await totals(dist, async (name) => built.get(`/dist/${name}`)!);
  const plain = await totals(outDir, (name) => measureFile(join(outDir, name)));
  const saved = (key: 'first' | 'english') => `${kb(plain[key])} → ${kb(minified[key])} (−${kb(plain[key] - minified[key])})`;
  row('Lit templates and CSS minified in the build, gzip: before first render; everything for English', `${saved('first')}; ${saved('english')}`);
}

/** The control bundle, built with the widget's own rollup plugins and output settings into `outDir`. */
async function buildControl(outDir: string): Promise<void> {
  const [widget] = (await importScript<{ default: BrowserConfig[] }>('rollup.config.mjs')).default;
  const bundle = await rollup({ ...widget, input: join(repo, 'bench', 'control-element.ts') });
  try {
    // The widget's ES output writes a directory of chunks; the control is one file.
    const { dir: _dir, entryFileNames: _entry, chunkFileNames: _chunks, ...settings } = [widget.output].flat()[0];
    await bundle.write({ ...settings, file: join(outDir, 'dist', 'control.js'), sourcemap: false });
  } finally {
    await bundle.close();
  }
}

interface Load {
  firstRender: number;
  interactive: number;
  fetched: { path: string }[];
}

async function load(browser: Browser, url: string): Promise<{ page: Page; result: Load }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const result = (await page.evaluate('window.bench.load').catch((error: Error) => {
    throw new Error(`${url}: ${[...errors, error.message].join('; ')}`);
  })) as Load;
  return { page, result };
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  // Twice: the first pass can leave objects that only a second one frees (weak maps, finalizers).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function measureBrowser(widgetUrl: string, controlUrl: string, built: Map<string, Sizes>): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    // One throwaway load each warms the browser and the server up; then the two pages alternate, so a
    // slower patch of the machine costs both alike.
    for (const url of [widgetUrl, controlUrl]) await (await load(browser, url)).page.close();
    const widget: Load[] = [];
    const control: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      for (const [url, into] of [[widgetUrl, widget], [controlUrl, control]] as const) {
        const { page, result } = await load(browser, url);
        into.push(result);
        await page.close();
      }
    }
    await reportLoads(widget, control, built);
    await reportWidgetPage(browser, widgetUrl, controlUrl);
    return browser.version();
  } finally {
    await browser.close();
  }
}

async function reportLoads(widget: Load[], control: Load[], built: Map<string, Sizes>): Promise<void> {
  const sizeOf = (path: string) => {
    const measured = built.get(path);
    if (!measured) throw new Error(`The widget page fetched ${path}, which the build did not produce.`);
    return measured;
  };
  const total = (paths: string[]) => paths.map(sizeOf).reduce((sum, s) => ({ min: sum.min + s.min, gzip: sum.gzip + s.gzip }), { min: 0, gzip: 0 });
  // What the first render waits for: the entry and its static imports, which the browser must have first.
  const { first } = await esLoadSets(`${dist}/`, 'bounce-wizard.js');
  const needed = total(first.map((name) => `/dist/${name}`));
  row(`needed before first render (${first.join(' + ')})`, `${kb(needed.min)} · ${kb(needed.gzip)} gzip`, `≤ ${kb(BUDGET.firstJsGzip)} gzip`, needed.gzip <= BUDGET.firstJsGzip);
  // Also downloaded by then on this fast local server: the chunk requested at once, not waited for.
  const fetched = widget[0].fetched.map((f) => f.path).filter((path) => path.startsWith('/dist/'));
  const extra = fetched.filter((path) => !first.includes(path.slice('/dist/'.length)));
  if (extra.length) row(`also downloaded by the first paint, not waited for (${extra.map((p) => p.slice(1)).join(' + ')})`, `${kb(total(extra).gzip)} gzip`);
  // Issue 7 budgets the first render; time to interactive (the first answer taken and the next step shown)
  // is reported beside it: it includes the catalog's chunk, which the bare Lit element has no need of.
  for (const [label, pick, budgeted] of [['first render', (l: Load) => l.firstRender, true], ['time to interactive', (l: Load) => l.interactive, false]] as const) {
    const w = median(widget.map(pick));
    const c = median(control.map(pick));
    const ratio = w / c;
    const measure = `${label}, median of ${LOADS} loads (widget / bare Lit)`;
    const value = `${ms(w)} / ${ms(c)} = ${ratio.toFixed(2)}×`;
    if (budgeted) row(measure, value, `≤ ${BUDGET.renderRatio}× control`, ratio <= BUDGET.renderRatio);
    else rows.push({ measure, value, budget: '—', verdict: 'info' });
  }
}

async function reportWidgetPage(browser: Browser, widgetUrl: string, controlUrl: string): Promise<void> {
  const heaps: number[] = [];
  for (const url of [widgetUrl, controlUrl]) {
    const { page } = await load(browser, url);
    heaps.push(await heapUsed(page));
    await page.close();
  }
  row('JS heap after load (widget / bare Lit)', `${kb(heaps[0])} / ${kb(heaps[1])}`);

  const { page } = await load(browser, widgetUrl);
  const times = (await page.evaluate(`window.bench.steps(${TRANSITIONS})`)) as number[];
  const typical = median(times);
  row(`step transition, answer → next step painted (${times.length})`, `median ${ms(typical)} · worst ${ms(Math.max(...times))}`, `median ≤ ${BUDGET.stepMs} ms`, typical <= BUDGET.stepMs);

  // A first batch warms up: V8's optimised code and Lit's template caches grow the heap by ~150 KB over the
  // first thousand mounts and then stay flat, so only a second batch shows what the cycles leave behind.
  await page.evaluate(`window.bench.cycles(${CYCLES})`);
  const before = await heapUsed(page);
  await page.evaluate(`window.bench.cycles(${CYCLES})`);
  const growth = (await heapUsed(page)) - before;
  row(`heap growth over ${CYCLES} mount/unmount cycles, after ${CYCLES} to warm up`, `${(growth / 1024).toFixed(1)} KB (${kb(before)} before)`, `≤ ${kb(BUDGET.leakBytes)} (noise)`, growth <= BUDGET.leakBytes);
  await page.close();
}

async function measureDiagnosis(): Promise<void> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', join(repo, 'bench', 'diagnosis.ts'), corpusDir], { cwd: repo, maxBuffer: 1024 * 1024 });
  const { throughput, adversarial } = JSON.parse(stdout) as DiagnosisFigures;
  const wanted = `≥ ${BUDGET.messagesPerSecond.toLocaleString('en')} msg/s`;
  if (!throughput) {
    rows.push({ measure: 'diagnosis throughput', value: 'corpus not found (../shared/corpus/eml); skipped', budget: wanted, verdict: 'skipped' });
  } else {
    // What one core can do is the fastest round: other work on the machine only ever slows a round down
    // (on a shared VM, whole seconds run at two thirds of the speed). The median shows how much that was.
    const perSecond = (rate: number) => `${Math.round(rate).toLocaleString('en')} msg/s`;
    const best = Math.max(...throughput.rounds);
    const spread = throughput.rounds.map((r) => Math.round(r).toLocaleString('en')).join(', ');
    row(
      `diagnosis throughput on one core, ${throughput.messages} corpus messages in-process (best of ${throughput.rounds.length} 1-second rounds: ${spread}; median ${perSecond(median(throughput.rounds))})`,
      perSecond(best),
      wanted,
      best >= BUDGET.messagesPerSecond,
    );
  }
  for (const { name, worstMs, failure } of adversarial) {
    row(`diagnose 5 MB ${name} (worst of 3)`, failure || ms(worstMs), `≤ ${BUDGET.adversarialMs} ms, no throw`, !failure && worstMs <= BUDGET.adversarialMs);
  }
}

/** Issue 4's accuracy, scored by the corpus's own scorer on the built CLI, so the bench and the issue agree. */
async function measureAccuracy(): Promise<void> {
  const { accuracy } = BUDGET;
  const wanted = `category ≥ ${accuracy.category} % · status ≥ ${accuracy.status} % · reply ≥ ${accuracy.reply} %`;
  if (!existsSync(corpusScorer) || !existsSync(corpusDir)) {
    rows.push({ measure: 'diagnosis accuracy', value: 'corpus not found (../shared/corpus); skipped', budget: wanted, verdict: 'skipped' });
    return;
  }
  const { stdout } = await execFileAsync(process.execPath, [corpusScorer, join(corpusDir, '..'), '--project', repo, '--misses', '0'], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
  const score = (name: string) => {
    const found = new RegExp(`${name} ([\\d.]+)% \\((\\d+)/(\\d+)\\)`).exec(stdout);
    if (!found) throw new Error(`The corpus scorer printed no ${name} score:\n${stdout.slice(-500)}`);
    return { percent: Number(found[1]), text: `${name} ${found[1]} % (${found[2]}/${found[3]})` };
  };
  const [category, status, reply] = [score('category'), score('status'), score('reply')];
  row(
    'diagnosis accuracy on ../shared/corpus, by its scorer (messages where sisimai\'s versions disagree left out)',
    [category, status, reply].map((s) => s.text).join(' · '),
    wanted,
    category.percent >= accuracy.category && status.percent >= accuracy.status && reply.percent >= accuracy.reply,
  );
}

function table(): string[] {
  const header: (keyof Row)[] = ['measure', 'value', 'budget', 'verdict'];
  const lines = [header, header.map(() => '---'), ...rows.map((r) => header.map((h) => r[h]))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`);
}

async function main(): Promise<number> {
  // The widget's rollup settings name tsconfig.json relative to the working directory.
  process.chdir(repo);
  if (!existsSync(join(dist, 'bounce-wizard.js'))) {
    console.error('bench: dist/bounce-wizard.js is missing. Run `npm run bench` (it builds first) or `npm run build`.');
    return 1;
  }
  const started = performance.now();
  const built = await measureDist();
  await measureTextFloor();
  const plainBuild = await mkdtemp(join(tmpdir(), 'bw-bench-plain-'));
  try {
    await measureTemplateMinification(plainBuild, built);
  } finally {
    await rm(plainBuild, { recursive: true, force: true });
  }

  const controlRoot = await mkdtemp(join(tmpdir(), 'bw-bench-'));
  const { startServer } = await importScript<ServeModule>('scripts/serve.mjs');
  const servers: { url: string; close(): Promise<void> }[] = [];
  let browserVersion: string;
  try {
    await buildControl(controlRoot);
    await mkdir(join(controlRoot, 'bench'), { recursive: true });
    await cp(join(repo, 'bench', 'pages'), join(controlRoot, 'bench', 'pages'), { recursive: true });
    servers.push(await startServer({ port: 0, root: repo }), await startServer({ port: 0, root: controlRoot }));
    browserVersion = await measureBrowser(`${servers[0].url}bench/pages/widget.html`, `${servers[1].url}bench/pages/control.html`, built);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    await rm(controlRoot, { recursive: true, force: true });
  }
  await measureDiagnosis();
  await measureAccuracy();

  const failed = rows.filter((r) => r.verdict === 'FAIL');
  const skipped = rows.filter((r) => r.verdict === 'skipped');
  const summary =
    `${rows.filter((r) => r.verdict === 'PASS').length} within budget, ${failed.length} over` +
    (skipped.length ? `, ${skipped.length} skipped` : '') +
    (failed.length ? `: ${failed.map((r) => r.measure).join('; ')}` : '') +
    '.';
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GB, ${osType()} ${release()}, Node ${process.version}, Chromium ${browserVersion}`;
  const date = new Date().toISOString().slice(0, 10);
  console.log(['', ...table(), '', summary, `Machine: ${machine}. Bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`].join('\n'));

  await writeFile(
    join(repo, 'bench', 'RESULTS.md'),
    [
      '# Benchmark results',
      '',
      `Latest \`npm run bench\`, ${date}. Machine: ${machine}.`,
      'Sizes are of the built files; "gzip" is gzip -9, "br" brotli at quality 11. Timings are medians in headless',
      'Chromium against a bare Lit element built with the same rollup settings; they vary between machines,',
      'so read the ratios. Regenerate with `npm run bench` whenever a change moves a figure.',
      '',
      ...table(),
      '',
      `Summary: ${summary}`,
      '',
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
