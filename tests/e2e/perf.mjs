// Drag benchmark: loads the large sample in headless Chromium, drags a camera for
// ~200 frames with the real mouse, and prints the page's own per-frame timings
// (window.__blindspotPerf: core update + layers + redraw per frame, and the time from
// the end of the drag to the exact report on screen).
//
//   node perf.mjs [--frames 200] [--sample large.json] [--port 8766] [--dpr 1] [--extra '&param'] [--trace FILE]
//                 [--full N [--full-only]]
// (--extra appends URL parameters; --full N first draws N whole frames from scratch with a
// fresh renderer at the fitted view and prints their time and phases, --full-only stops
// there). It also prints where the drag frames' time goes
// (window.__blindspotPerf.parts: the core's update, figures and layers, drawing, panels,
// the cached layers redrawn); --trace writes a Chromium trace of the drag and sums it.
// --sample names a file in www/samples (a generated palace can be copied there).
//
// Serves ../../www itself unless --url is given. Exit status 1 when the budget
// (median <= 16 ms, p95 <= 33 ms, settle <= 100 ms) is missed and --check is set.
import { chromium } from '@playwright/test';
import { flags, serveWww } from './serve.mjs';
import { q, f1, printParts, startTrace, stopTrace } from './frame-report.mjs';

const args = flags();
const FRAMES = Number(args.frames ?? 200);
const SAMPLE = args.sample ?? 'large.json';
const PORT = Number(args.port ?? 8766);
const DPR = Number(args.dpr ?? 1);
const FULL = Number(args.full ?? 0);

const { base, stop } = await serveWww(PORT, args.url);


const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: DPR });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}?sample=${encodeURIComponent(SAMPLE)}${args.extra ?? ""}${args.noflush ? "" : "&perf=flush"}`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120_000 });
  if ((await page.evaluate(() => document.body.dataset.ready)) !== 'true') throw new Error('the page did not load the sample');
  // The warm-up runs in steps between frames after the load; the drag starts once it is done.
  await page.waitForFunction(() => document.body.dataset.warm, null, { timeout: 120_000 });
  const info = await page.evaluate(() => {
    const s = window.__blindspot.scenario();
    const segs = s.plan.walls.reduce((n, w) => n + w.path.length - 1, 0);
    return { name: s.name, cameras: s.cameras.length, segments: segs, loadMs: window.__blindspotPerf.loadMs, warmupMs: window.__blindspotPerf.warmupMs };
  });
  console.log(`sample: ${info.name}: ${info.segments} wall segments, ${info.cameras} cameras; load ${f1(info.loadMs)} ms (warm-up ${f1(info.warmupMs)} ms)`);

  if (FULL) {
    // Whole frames drawn from scratch by a fresh renderer at the loaded (fitted) view:
    // what the first frame, a settled zoom or a resize costs, each phase with its raster.
    const runs = [];
    for (let k = 0; k < FULL; k++) runs.push(await page.evaluate(() => window.__blindspot.freshFrame()));
    const med = (/** @type {(r: any) => number} */ get) => f1(q(runs.map(get), 0.5));
    const names = Object.keys(runs[0].phases);
    console.log(`fresh full frame (${FULL} runs, fitted view): median ${med((r) => r.ms)} ms, max ${f1(Math.max(...runs.map((r) => r.ms)))} ms; ` +
      `phases with their raster, median ms: ${names.map((n) => `${n} ${med((r) => r.phases[n])}`).join(', ')}`);
    const layers = Object.keys(runs[0].redrawn);
    console.log(`  layers' draw calls (recorded, before raster), median ms: ${layers.map((n) => `${n} ${med((r) => r.redrawn[n] ?? 0)}`).join(', ')}`);
    if (args['full-only']) {
      await browser.close();
      stop();
      process.exit(0);
    }
  }

  // A camera near the middle of the plan, dragged in a circle of about 3 m.
  const cam = await page.evaluate(() => {
    const s = window.__blindspot.scenario();
    const xs = s.cameras.map((c) => c.position[0]), ys = s.cameras.map((c) => c.position[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    let best = s.cameras[0], bd = Infinity;
    for (const c of s.cameras) {
      const d = Math.hypot(c.position[0] - cx, c.position[1] - cy);
      if (d < bd) { bd = d; best = c; }
    }
    return best.id;
  });
  const start = await page.evaluate((id) => window.__blindspot.screenPoint(id, 'centre'), cam);
  const scale = await page.evaluate(() => {
    const a = window.__blindspot.worldToClient(0, 0), b = window.__blindspot.worldToClient(1, 0);
    return b.x - a.x;
  });
  const radius = Math.max(8, 3 * scale);
  await page.evaluate(() => window.__blindspotPerf.reset());
  await page.mouse.move(start.x, start.y);
  await startTrace(browser, page, args.trace);
  await page.mouse.down();
  const raf = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  for (let i = 1; i <= FRAMES; i++) {
    const a = (i / FRAMES) * 2 * Math.PI;
    await page.mouse.move(start.x + radius * Math.sin(a), start.y - radius * (1 - Math.cos(a)) / 2);
    await raf();
  }
  await page.mouse.up();
  await page.waitForFunction(() => window.__blindspotPerf.settle.length > 0, null, { timeout: 10_000 });
  await stopTrace(browser, args.trace);
  const perf = await page.evaluate(() => ({ ...window.__blindspotPerf }));
  const med = q(perf.frames, 0.5), p95 = q(perf.frames, 0.95), max = Math.max(...perf.frames);
  const settle = perf.settle[perf.settle.length - 1];
  console.log(`camera ${cam}: ${perf.frames.length} drag frames`);
  console.log(`frame (core update + layers + redraw): median ${f1(med)} ms, p95 ${f1(p95)} ms, max ${f1(max)} ms`);
  console.log(`settle (drag end -> exact report shown): ${f1(settle)} ms`);
  printParts(perf);
  const ok = med <= 16 && p95 <= 33 && settle <= 100;
  console.log(`budget (median <= 16, p95 <= 33, settle <= 100): ${ok ? 'met' : 'MISSED'}`);
  if (!ok && args.check) failed = true;
} finally {
  await browser.close();
  stop();
}
process.exit(failed ? 1 : 0);
