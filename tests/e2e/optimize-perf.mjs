// Optimiser benchmark: loads the large sample in headless Chromium, runs "Budget options"
// from the page (budget 60,000, existing cameras kept, 2,500 candidates) and prints the
// time from the click to the new layout on screen, the worker's own time split by phase
// (timestamped in the worker from the core's progress callbacks), the longest gap
// between animation frames on the page while the worker computes, then the time to
// switch layouts and to gather the figures of the compare view.
//
//   node optimize-perf.mjs [--runs 3] [--budget 60000] [--candidates 2500] [--sample large.json] [--check]
//
// Serves ../../www itself unless --url is given. --check: exit 1 when a run takes more
// than 4 s or no progress was shown.
import { chromium } from '@playwright/test';
import { flags, serveWww } from './serve.mjs';
import path from 'node:path';

const args = flags();
const RUNS = Number(args.runs ?? 3);
const BUDGET = Number(args.budget ?? 60000);
const CANDIDATES = Number(args.candidates ?? 2500);
const SAMPLE = args.sample ?? 'large.json';
const PORT = Number(args.port ?? 8767);

const { base, stop } = await serveWww(PORT, args.url);
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}?sample=${encodeURIComponent(SAMPLE)}`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120_000 });
  const info = await page.evaluate(() => {
    const s = window.__blindspot.scenario();
    return { name: s.name, cameras: s.cameras.length, segments: s.plan.walls.reduce((n, w) => n + w.path.length - 1, 0) };
  });
  console.log(`sample: ${info.name}: ${info.segments} wall segments, ${info.cameras} cameras`);
  console.log(`goal: best coverage for ${BUDGET}, existing cameras kept, max ${CANDIDATES} candidates`);
  for (let run = 1; run <= RUNS; run++) {
    // Always start from the main layout, so every run answers the same question.
    await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('.layout-pick'))?.click());
    await page.waitForFunction(() => window.__blindspot.layouts().active === 0);
    await page.locator('#btn-optimize').click();
    await page.locator('#opt-budget').fill(String(BUDGET));
    await page.locator('input[name=goal][value=budget]').check();
    await page.locator('input[name=existing][value=keep]').check();
    await page.locator('#opt-candidates').fill(String(CANDIDATES));
    const before = await page.evaluate(() => window.__blindspot.layouts().list.length);
    // Watch animation frames on the page from the click to the end of the run.
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__gaps = [];
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        w.__gaps.push(now - last);
        if (now - last > 50) w.__big = [...(w.__big ?? []), [Math.round(last - w.__clickAt), Math.round(now - last)]];
        last = now;
        if (document.body.dataset.optimizing || w.__gaps.length < 3) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      w.__clickAt = performance.now();
    });
    await page.locator('#opt-run').click();
    await page.waitForFunction((n) => window.__blindspot.layouts().list.length > n, before, { timeout: 60_000 });
    const shownMs = await page.evaluate(() => performance.now() - /** @type {any} */ (window).__clickAt);
    const r = await page.evaluate(() => {
      const runs = window.__blindspot.optimizerRuns();
      const big = /** @type {any} */ (window).__big ?? [];
      /** @type {any} */ (window).__big = [];
      return { big, last: runs[runs.length - 1], gaps: /** @type {any} */ (window).__gaps, meta: window.__blindspot.activeMeta(), weighted: window.__blindspot.summary().weighted_coverage };
    });
    const t = r.last.timing;
    const split = t.phases.map((p) => `${p.phase} ${f0(p.ms)}`).join(' + ');
    const p = r.meta.proposal;
    console.log(`run ${run}: ${f0(r.last.wallMs)} ms from click to result in the page (${f0(shownMs)} ms to the new layout on screen); ` +
      `worker ${f0(t.totalMs)} ms = ${split}${t.initMs > 1 ? ` (+ waiting ${f0(t.initMs)} ms for its wasm)` : ''}`);
    console.log(`       ${p.stats.candidates} candidates, ${p.stats.samples} samples; ${p.added.length} added, cost ${f0(p.cost)}; weighted ${(p.estimated_coverage * 100).toFixed(1)} % estimated, ${(r.weighted * 100).toFixed(1)} % exact; ` +
      `${r.last.progressCount} progress updates; longest frame gap on the page during the run ${f0(Math.max(...r.gaps))} ms` +
      (r.big.length ? ` (gaps over 50 ms at [ms after the click, length]: ${JSON.stringify(r.big)})` : ''));
    if (args.check && (r.last.wallMs > 4000 || r.last.progressCount < 3 || p.stats.candidates < 2000)) failed = true;
  }
  // Switching layouts (one scene, reloaded or patched) and gathering the compare view's figures.
  const sw = await page.evaluate(async () => {
    const picks = () => /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.layout-pick'));
    const times = [];
    for (const k of [0, 1, 0, 1]) {
      const t0 = performance.now();
      picks()[k].click();
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  });
  console.log(`switch layout (main <-> option: the first visit loads a scene, later ones swap to the scene kept loaded): ${sw.map(f0).join(', ')} ms`);
  await page.locator('#btn-compare').click();
  await page.waitForFunction(() => document.body.dataset.compared && document.body.dataset.compared !== '', null, { timeout: 60_000 });
  const cmp = await page.evaluate(() => window.__blindspot.compareMs());
  console.log(`compare view: figures per layout ${cmp.map(f0).join(', ')} ms (the one on the plan and those kept loaded are free; others load a scene of their own, cached)`);
} finally {
  await browser.close();
  stop();
}
process.exit(failed ? 1 : 0);
