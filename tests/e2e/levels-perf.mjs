// Opening a site of several levels in headless Chromium (docs/performance.md, "Palace:
// the page's levels"): how long until the level shown is on screen with its figures,
// how long until every level's figures (and the site's) are in, each level's
// preparation, the longest main-thread task and frame gap meanwhile, and showing
// another level (a kept scene, and a first visit).
//
//   node levels-perf.mjs --file palace.json [--port 8771] [--runs 1]
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { flags, serveWww } from './serve.mjs';

const args = flags();
if (!args.file) throw new Error('--file FILE: a scenario of several levels (blindspot generate --levels 5 ...)');
const RUNS = Number(args.runs ?? 1);
const { base, stop } = await serveWww(Number(args.port ?? 8771), args.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const ms = (x) => (x == null ? '—' : `${Math.round(x).toLocaleString('en')} ms`);
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${base}?fresh`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 120_000 });
    await page.evaluate(() => {
      const w = { tasks: [], gaps: [], t0: performance.now() };
      window.__lv = w;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) w.tasks.push({ at: e.startTime - w.t0, ms: e.duration }); }).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = (now) => { w.gaps.push({ at: last - w.t0, gap: now - last }); last = now; if (!w.stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.locator('#file-input').setInputFiles(args.file);
    await page.waitForFunction(() => window.__blindspot.site().shown !== null && document.getElementById('stat-state')?.textContent === 'exact' &&
      document.body.dataset.settled === String(window.__blindspot.settledVersion()), null, { timeout: 600_000, polling: 50 });
    const shownAt = Date.now() - t0;
    await page.waitForFunction(() => window.__blindspot.site().complete, null, { timeout: 600_000, polling: 100 });
    const completeAt = Date.now() - t0;
    const site = await page.evaluate(() => window.__blindspot.site());
    const rec = await page.evaluate(() => window.__blindspot.opens().slice(-1)[0] ?? null);
    const w = await page.evaluate((shown) => {
      const x = window.__lv;
      x.stop = true;
      const longest = (ts) => ts.reduce((a, t) => Math.max(a, t.ms), 0);
      const after = x.tasks.filter((t) => t.at >= shown - 50);
      return { longest: longest(x.tasks), longestAfterShown: longest(after), gap: x.gaps.reduce((a, g) => Math.max(a, g.gap), 0) };
    }, rec ? rec.totalMs : shownAt);
    console.log(`${path.basename(args.file)} (${(fs.statSync(args.file).size / 1e6).toFixed(1)} MB, ${site.view.levels.length} levels): ` +
      `level shown with exact figures after ${ms(shownAt)}, every level's figures after ${ms(completeAt)}` +
      `${rec ? `; through the open worker: ${ms(rec.totalMs)} (worker check ${ms(rec.timing?.checkMs)}, prepare ${ms(rec.timing?.prepareMs)}, page ${ms(rec.pageMs)})` : ''}`);
    console.log(`  each other level prepared in ${Object.entries(site.prepareMs).map(([k, v]) => `${k} ${ms(v)}`).join(', ')} ` +
      `(its snapshot rebuilt on the page in ${Object.entries(site.adoptMs).map(([k, v]) => `${k} ${ms(v)}`).join(', ')})`);
    console.log(`  main thread: longest task ${ms(w.longest)} (after the level was shown: ${ms(w.longestAfterShown)}); longest frame gap ${ms(w.gap)}`);
    // Showing another level: a kept scene (prepared in the background), then back.
    const ids = site.view.levels.map((l) => l.id);
    for (const id of [ids[1], ids[0], ids[ids.length - 1]]) {
      await page.locator(`#level-tabs [data-level="${id}"]`).click();
      await page.waitForFunction((i) => window.__blindspot.site().shown === i && document.body.dataset.settled === String(window.__blindspot.settledVersion()), id, { timeout: 120_000 });
    }
    // A drag on a floor (the last level shown): real mouse moves, the page's own frame timings.
    const cam = await page.evaluate(() => window.__blindspot.scenario().cameras[0]?.id ?? null);
    if (cam) {
      await page.evaluate(() => window.__blindspotPerf.reset());
      const from = await page.evaluate((i) => window.__blindspot.screenPoint(i, 'centre'), cam);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 100; i++) await page.mouse.move(from.x + 60 * Math.sin(i / 8), from.y + 40 * Math.sin(i / 13));
      await page.mouse.up();
      await page.waitForFunction(() => document.body.dataset.settled === String(window.__blindspot.settledVersion()) && window.__blindspot.site().complete, null, { timeout: 120_000 });
      const p = await page.evaluate(() => ({ frames: window.__blindspotPerf.frames.slice(), settle: window.__blindspotPerf.settle.slice(), parts: window.__blindspotPerf.parts.slice() }));
      const q = (xs, f) => { const v = xs.slice().sort((a, b) => a - b); return v.length ? v[Math.min(v.length - 1, Math.floor(f * v.length))] : NaN; };
      const level = await page.evaluate(() => window.__blindspot.site().shown);
      const n = await page.evaluate(() => ({ walls: window.__blindspot.scenario().plan.walls.length, cameras: window.__blindspot.scenario().cameras.length }));
      const part = (k) => ms(q(p.parts.map((x) => x[k]), 0.5));
      console.log(`  drag parts, median: core update ${part('work')}, figures and layers ${part('build')}, drawing ${part('render')}, panels ${part('panels')}, inside the core ${part('core')}`);
      console.log(`  drag of ${cam} on ${level} (${n.walls} walls, ${n.cameras} cameras), ${p.frames.length} frames: median ${ms(q(p.frames, 0.5))}, p95 ${ms(q(p.frames, 0.95))}; settle ${p.settle.map(ms).join(', ')}`);
    }
    const after = await page.evaluate(() => window.__blindspot.site());
    console.log(`  showing a level: ${after.levelMs.map(ms).join(', ')} (kept scenes used: ${after.levelHits})`);
    console.log(`  site: ${JSON.stringify({ coverage: after.view.site.coverage, target_m2: after.view.site.target_area_m2, cameras: after.view.site.cameras })}`);
    await page.close();
  }
} finally {
  await browser.close();
  stop();
}
