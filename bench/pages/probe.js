// Runs inside both bench pages: times the first render of the page's one element ([data-bench]) and its
// first response to input, and exposes the probes bench/run.ts drives. Plain JS, so the page needs no build.
const first = document.querySelector('[data-bench]');
const tag = first.localName;

// A message posted from a frame callback is handled after that frame is painted.
const afterPaint = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

const heading = (el) => el.shadowRoot?.querySelector('h2') ?? null;

async function rendered(el) {
  await el.updateComplete;
  await afterPaint();
}

/** Picks option `index` of the question on screen and presses Continue; false when no question is shown. */
async function answer(el, index) {
  const root = el.shadowRoot;
  const options = root?.querySelectorAll('input[type=radio]') ?? [];
  const submit = root?.querySelector('form button[type=submit]');
  if (!options.length || !submit) return false;
  const before = heading(el);
  options[index % options.length].click();
  submit.click();
  await rendered(el);
  if (heading(el) === before) throw new Error(`<${tag}> did not move on after an answer.`);
  return true;
}

/** Answer → next step rendered, `count` times; the widget starts over whenever no question is on screen. */
async function steps(count) {
  const times = [];
  while (times.length < count) {
    const start = performance.now();
    if (await answer(first, times.length)) times.push(performance.now() - start);
    else {
      first.reset();
      await rendered(first);
    }
  }
  return times;
}

/** Mounts and unmounts a fresh element `count` times, each time waiting for its first render. */
async function cycles(count) {
  const stage = document.getElementById('stage');
  for (let i = 0; i < count; i++) {
    const el = document.createElement(tag);
    stage.append(el);
    await el.updateComplete;
    if (!heading(el)) throw new Error(`<${tag}> rendered no heading on mount ${i + 1}.`);
    el.remove();
  }
}

/**
 * Resolves once a frame showing `el`'s first heading is painted. Not `updateComplete`: the widget's also waits
 * for the chunk it loads after its first render.
 */
async function firstPaint(el) {
  while (!heading(el)) await new Promise((resolve) => requestAnimationFrame(resolve));
  await afterPaint();
}

async function measureLoad() {
  await firstPaint(first);
  const firstRender = performance.now();
  await rendered(first);
  await answer(first, 0);
  const interactive = performance.now();
  // Same-origin files downloaded by the first render, whether it needed them or they were merely on time.
  const fetched = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.responseEnd > 0 && entry.responseEnd <= firstRender)
    .map((entry) => ({ path: new URL(entry.name).pathname }));
  return { firstRender, interactive, fetched };
}

window.bench = { load: measureLoad(), steps, cycles };
