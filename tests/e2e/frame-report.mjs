// Shared by the drag benchmarks (perf.mjs, plan-perf.mjs): quantiles, the page's own
// per-frame split (window.__blindspotPerf.parts, see www/js/app/frame.js) and an optional
// Chromium trace of the drag, summed by event name on the page's main thread.

/** The p-quantile (nearest rank) of xs. @param {number[]} xs @param {number} p */
export const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
/** @param {number} x */
export const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/**
 * @typedef {{work: number, build: number, render: number, panels: number, core: number, setPlan: number,
 *   redrawn: Record<string, number>}} FrameParts
 */

/**
 * Prints the median split of the drag frames, the mean split of the slowest 5 %, and
 * which cached layers were redrawn how often (with their median ms).
 * @param {{frames: number[], parts?: FrameParts[]}} perf
 */
export function printParts(perf) {
  const parts = perf.parts ?? [];
  if (!parts.length) return;
  const keys = /** @type {const} */ (['work', 'setPlan', 'build', 'render', 'panels', 'core']);
  const names = { work: 'pointer work (core update)', setPlan: 'of which setPlan', build: 'figures and layers', render: 'drawing',
    panels: 'panels', core: 'inside the core (all parts)' };
  const line = (/** @type {(k: typeof keys[number]) => number} */ v) => keys.map((k) => `${names[k]} ${f1(v(k))}`).join(', ');
  console.log(`median parts (ms): ${line((k) => q(parts.map((x) => x[k] ?? 0), 0.5))}`);
  const slow = parts.map((x, i) => ({ ...x, t: perf.frames[i] })).sort((a, b) => b.t - a.t)
    .slice(0, Math.max(1, Math.ceil(parts.length / 20)));
  console.log(`slowest 5% (${slow.length} frames, mean ms): ${line((k) => slow.reduce((a, x) => a + (x[k] ?? 0), 0) / slow.length)}`);
  /** @type {Map<string, number[]>} */
  const layers = new Map();
  for (const p of parts) for (const [name, ms] of Object.entries(p.redrawn ?? {})) {
    if (!layers.has(name)) layers.set(name, []);
    layers.get(name)?.push(ms);
  }
  const list = [...layers].map(([name, ms]) => `${name} ${ms.length}× (median ${f1(q(ms, 0.5))} ms)`);
  const ph = parts.filter((p) => p.phases);
  if (ph.length) {
    const names = Object.keys(ph[0].phases);
    const med = names.map((k) => `${k} ${f1(q(ph.map((p) => p.phases[k]), 0.5))}`).join(', ');
    console.log(`drawing, median ms: ${med}, forced raster ${f1(q(parts.map((p) => p.flush ?? 0), 0.5))}`);
  }
  console.log(`cached layers redrawn over ${parts.length} frames: ${list.length ? list.join(', ') : 'none'}`);
}

/** Trace categories: the main thread's tasks, script, GC, style, layout and paint. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

/**
 * Starts a Chromium trace of `page` when `path` is given (a no-op otherwise).
 * @param {import('@playwright/test').Browser} browser @param {import('@playwright/test').Page} page @param {string|undefined} path
 */
export async function startTrace(browser, page, path) {
  if (path) await browser.startTracing(page, { path, categories: CATEGORIES });
}

/**
 * Stops the trace and prints, for the renderer's main thread, the time in top-level
 * events by name (what the thread did) and in garbage collection at any depth.
 * @param {import('@playwright/test').Browser} browser @param {string|undefined} path
 */
export async function stopTrace(browser, path) {
  if (!path) return;
  summarizeTrace(await browser.stopTracing(), path);
}

/** Prints the main thread's time by event (see stopTrace). @param {Buffer} buf @param {string} path */
export function summarizeTrace(buf, path) {
  /** @type {{traceEvents: {name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: {name?: string}}[]}} */
  const trace = JSON.parse(buf.toString('utf8'));
  const evs = trace.traceEvents;
  const main = evs.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) {
    console.log(`trace written to ${path} (no renderer main thread found in it)`);
    return;
  }
  const own = evs.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Nesting by time: a stack of the events still open; the scheduler's RunTask wraps
  // everything, so the level under it says what the thread did.
  /** @type {Map<string, number>} */
  const top = new Map();
  /** @type {Map<string, number>} */
  const inner = new Map();
  /** @type {{end: number, name: string}[]} */
  const open = [];
  let gc = 0;
  for (const e of own) {
    const dur = e.dur ?? 0;
    while (open.length && e.ts >= open[open.length - 1].end) open.pop();
    if (/GC|Scavenge|MarkCompact/.test(e.name) && !/Task|Idle|Observer/.test(e.name)) gc += dur;
    const depth = open.length;
    if (depth === 1 || (depth === 0 && e.name !== 'RunTask')) top.set(e.name, (top.get(e.name) ?? 0) + dur);
    if (depth === 2) {
      const k = `${open[1].name} > ${e.name}`;
      inner.set(k, (inner.get(k) ?? 0) + dur);
    }
    open.push({ end: e.ts + dur, name: e.name });
  }
  const total = [...top.values()].reduce((a, b) => a + b, 0);
  const list = [...top].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, us]) => `${n} ${f1(us / 1000)}`);
  console.log(`trace (${path}): main thread ${f1(total / 1000)} ms in the events under its tasks: ${list.join(', ')}; GC events (any depth, may nest) ${f1(gc / 1000)} ms`);
  const deeper = [...inner].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, us]) => `${n} ${f1(us / 1000)}`);
  console.log(`  one level down: ${deeper.join(', ')}`);
}
