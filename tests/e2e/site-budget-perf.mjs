// The whole site's budget options in the page: opens a file of several levels in headless
// Chromium, runs "Budget options" over the whole site (cameras kept) from the dialog and
// prints, per run, the time from the click to the result in the page and the worker's own
// time, then the median and the slowest run; and the longest gap between animation frames
// on the page while the worker computes (the page must stay live).
//
//   node site-budget-perf.mjs --file site.json [--runs 3] [--budget 20000] [--port 8813]
//
// A file such as `blindspot generate --walls 5000 --cameras 150 --levels 5 --seed 1 -o site.json`.
import { chromium } from '@playwright/test';
import { flags, serveWww } from './serve.mjs';
import fs from 'node:fs';
import path from 'node:path';

const args = flags();
const RUNS = Number(args.runs ?? 3);
const BUDGET = Number(args.budget ?? 20000);
const PORT = Number(args.port ?? 8813);
if (!args.file) { console.error('usage: node site-budget-perf.mjs --file site.json [--runs 3] [--budget 20000]'); process.exit(2); }
const FILE = path.resolve(String(args.file));

const { base, stop } = await serveWww(PORT, args.url);
const f0 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(base);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120_000 });
  await page.locator('#file-input').setInputFiles({ name: path.basename(FILE), mimeType: 'application/json', buffer: fs.readFileSync(FILE) });
  await page.waitForFunction(() => window.__blindspot.site().complete, null, { timeout: 300_000 });
  const levels = await page.evaluate(() => /** @type {any} */ (window.__blindspot.scenario()).levels.length);
  console.log(`file: ${path.basename(FILE)}, ${levels} levels; goal: best coverage for ${BUDGET} over the whole site, existing cameras kept`);
  /** @type {number[]} */ const walls = [];
  /** @type {number[]} */ const workers = [];
  for (let run = 1; run <= RUNS; run++) {
    await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('.layout-pick'))?.click());
    await page.waitForFunction(() => window.__blindspot.layouts().active === 0);
    await page.locator('#btn-optimize').click();
    await page.locator('input[name=opt-span][value=site]').click();
    await page.locator('#opt-budget').fill(String(BUDGET));
    await page.locator('input[name=goal][value=budget]').click();
    await page.locator('input[name=existing][value=keep]').click();
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__gaps = [];
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        w.__gaps.push(now - last);
        last = now;
        if (document.body.dataset.optimizing || w.__gaps.length < 3) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const before = await page.evaluate(() => window.__blindspot.layouts().list.length);
    await page.locator('#opt-run').click();
    await page.waitForFunction((n) => window.__blindspot.layouts().list.length > n, before, { timeout: 600_000 });
    const r = await page.evaluate(() => {
      const runs = window.__blindspot.optimizerRuns();
      return { last: runs[runs.length - 1], gaps: /** @type {any} */ (window).__gaps, meta: /** @type {any} */ (window.__blindspot.activeMeta()) };
    });
    const p = r.meta.proposal;
    walls.push(r.last.wallMs);
    workers.push(r.last.timing.totalMs);
    console.log(`run ${run}: ${f0(r.last.wallMs)} ms from click to result; worker ${f0(r.last.timing.totalMs)} ms; cost ${f0(p.cost)} of ${f0(p.budget)}, ` +
      `${(p.estimated_coverage * 100).toFixed(1)} % estimated; split ${p.levels.map((/** @type {any} */ l) => `${l.name} ${f0(l.budget)}`).join(', ')}; ` +
      `${r.last.progressCount} progress updates; longest frame gap ${f0(Math.max(...r.gaps))} ms`);
  }
  const sorted = (/** @type {number[]} */ a) => a.slice().sort((x, y) => x - y);
  const median = (/** @type {number[]} */ a) => { const s = sorted(a); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  console.log(`click to result: median ${f0(median(walls))} ms, slowest ${f0(Math.max(...walls))} ms; worker: median ${f0(median(workers))} ms, slowest ${f0(Math.max(...workers))} ms (${RUNS} runs)`);
} finally {
  await browser.close();
  stop();
}
