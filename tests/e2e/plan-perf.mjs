// Corner-drag benchmark of the plan editor: opens a sample in headless Chromium, enters
// the editor (E), drags the wall corner nearest the middle of the plan in a small circle
// for ~FRAMES frames with the real mouse (Alt held: no snapping), and prints the page's own per-frame timings
// (window.__blindspotPerf.frames: the core's plan update when it follows every frame, the
// layers and the redraw) and how long the core took to take the plan (Scene.setPlan).
//
//   node plan-perf.mjs [--frames 120] [--sample museum-wing.json] [--port 8767] [--trace FILE] [--phases]
// --phases rasterises the canvas after each drawing phase (`?perf=phases`), so the drawing's
// split includes each phase's raster (the frame is then a little slower: more flushes).
// It also prints where the frames' time goes (frame-report.mjs).
import { chromium } from '@playwright/test';
import { flags, serveWww } from './serve.mjs';
import { q, f1, printParts, startTrace, stopTrace } from './frame-report.mjs';

const args = flags();
const FRAMES = Number(args.frames ?? 120);
const SAMPLE = args.sample ?? 'museum-wing.json';
const PORT = Number(args.port ?? 8767);
const { base, stop } = await serveWww(PORT, args.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${base}?sample=${encodeURIComponent(SAMPLE)}&perf=${args.phases ? 'phases' : 'flush'}`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120_000 });
  const corner = await page.evaluate(() => {
    const s = window.__blindspot.scenario();
    const pts = s.plan.walls.flatMap((w) => w.path);
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    let best = pts[0], bd = Infinity;
    for (const p of pts) { const d = Math.hypot(p[0] - cx, p[1] - cy); if (d < bd) { bd = d; best = p; } }
    return { at: best, segments: s.plan.walls.reduce((n, w) => n + w.path.length - 1, 0), cameras: s.cameras.length };
  });
  console.log(`sample ${SAMPLE}: ${corner.segments} wall segments, ${corner.cameras} cameras; corner at ${corner.at}`);
  await page.locator('#plan').focus();
  await page.keyboard.press('e');
  const start = await page.evaluate(([x, y]) => window.__blindspot.worldToClient(x, y), corner.at);
  const scale = await page.evaluate(() => window.__blindspot.worldToClient(1, 0).x - window.__blindspot.worldToClient(0, 0).x);
  const radius = Math.max(6, 0.6 * scale);
  await page.evaluate(() => window.__blindspotPerf.reset());
  await page.mouse.move(start.x, start.y);
  await startTrace(browser, page, args.trace);
  await page.mouse.down();
  // Alt: no snapping, so every frame moves the corner somewhere new.
  await page.keyboard.down('Alt');
  const raf = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const edits = [];
  for (let i = 1; i <= FRAMES; i++) {
    const a = (i / FRAMES) * 2 * Math.PI;
    await page.mouse.move(start.x + radius * Math.sin(a), start.y - radius * (1 - Math.cos(a)) / 2);
    await raf();
    edits.push(await page.evaluate(() => window.__blindspot.planEdit().ms));
  }
  await page.mouse.up();
  await page.keyboard.up('Alt');
  // Poll for the exact figures after the release (no fixed wait on this loaded machine).
  await page.waitForFunction(() => window.__blindspot.settledVersion() >= 0, null, { timeout: 60_000 });
  await stopTrace(browser, args.trace);
  const perf = await page.evaluate(() => ({ ...window.__blindspotPerf }));
  const sketched = await page.evaluate(() => window.__blindspot.planEdit());
  console.log(`${perf.frames.length} drag frames previewed by the core; frame (plan update + layers + redraw): median ${f1(q(perf.frames, 0.5))} ms, p95 ${f1(q(perf.frames, 0.95))} ms`);
  printParts(perf);
  console.log(`Scene.setPlan as the page saw it: median ${f1(q(edits, 0.5))} ms, p95 ${f1(q(edits, 0.95))} ms; last ${f1(sketched.ms)} ms`);
} finally {
  await browser.close();
  stop();
}
