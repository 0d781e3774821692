// Underlay redraw benchmark: what the underlay layer (www/js/render/underlay.js) costs each
// time the view changes (a zoom step; pans reproject the last frame instead), for a scan of
// 12 and 48 megapixels fitted into a 1600 x 900 canvas, and zoomed in 4 times. Runs the
// page's own UnderlayLayer in headless Chromium on a synthetic bitmap, forcing the canvas
// to rasterise inside each timed draw. Prints median and p95 (ms).
//
//   node underlay-perf.mjs [--runs 30] [--port 8768]
import { chromium } from '@playwright/test';
import { flags, serveWww } from './serve.mjs';

const args = flags();
const RUNS = Number(args.runs ?? 30);
const { base, stop } = await serveWww(Number(args.port ?? 8768), args.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${base}?fresh`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120_000 });
  const out = await page.evaluate(async (runs) => {
    const { UnderlayLayer } = await import('./js/render/underlay.js');
    /** @param {number} w @param {number} h */
    async function bitmap(w, h) {
      const c = new OffscreenCanvas(w, h);
      const x = /** @type {OffscreenCanvasRenderingContext2D} */ (c.getContext('2d'));
      x.fillStyle = '#f8f6f0';
      x.fillRect(0, 0, w, h);
      x.strokeStyle = '#262630';
      x.lineWidth = Math.max(2, w / 1000);
      for (let i = 0; i < 60; i++) { x.beginPath(); x.moveTo((i * w) / 60, 0); x.lineTo(w - (i * w) / 60, h); x.stroke(); }
      return createImageBitmap(c);
    }
    const W = 1600, H = 900, dpr = 1;
    const cv = document.createElement('canvas');
    cv.width = W; cv.height = H;
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    const results = [];
    for (const [w, h] of [[4000, 3000], [8000, 6000]]) {
      const src = await bitmap(w, h);
      const scale = 0.02; // m per px
      for (const zoom of [1, 4]) {
        const layer = new UnderlayLayer();
        const fit = Math.min(W / (w * scale), H / (h * scale)) * zoom; // CSS px per metre
        const placement = { image: { name: 'x', type: 'image/png', bytes: 1, sha256: '0'.repeat(64), width: w, height: h }, position: [0, h * scale], scale, rotation_deg: 0, opacity: 0.6 };
        const underlay = { placement, source: src, sourceWidth: w, sourceHeight: h, status: 'ready' };
        const times = [];
        for (let i = 0; i < runs + 3; i++) {
          const f = /** @type {any} */ ({ view: { scale: fit, tx: -i, ty: 0, width: W, height: H, dpr }, underlay });
          const t0 = performance.now();
          layer.draw(ctx, f);
          ctx.getImageData(0, 0, 1, 1);
          if (i >= 3) times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        results.push({ draws: layer.cache.draws, mp: (w * h) / 1e6, zoom, median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] });
      }
    }
    return results;
  }, RUNS);
  for (const r of out) console.log(`${r.draws} draws; ${r.mp} MP, ${r.zoom === 1 ? 'fitted' : `zoom x${r.zoom}`}: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
} finally {
  await browser.close();
  stop();
}
