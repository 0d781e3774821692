// Compares two folders of screenshots (from look.mjs) pixel by pixel, in Chromium's own
// image decoder: prints, per file, how many pixels differ (any channel by more than
// --tolerance, default 0) and the box around them, and writes a diff image (changed
// pixels red over a faded copy) into DIR_B/diff/.
//   node look-diff.mjs DIR_A DIR_B [--tolerance 8]
import { chromium } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import { flags } from './serve.mjs';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--') && !/^\d+$/.test(x));
const tolerance = Number(flags().tolerance ?? 0);
if (!a || !b) { console.error('usage: node look-diff.mjs DIR_A DIR_B [--tolerance N]'); process.exit(2); }
fs.mkdirSync(path.join(b, 'diff'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
let changed = 0;
try {
  const page = await browser.newPage();
  for (const name of fs.readdirSync(a).filter((f) => f.endsWith('.png')).sort()) {
    if (!fs.existsSync(path.join(b, name))) { console.log(`${name}: missing in ${b}`); changed++; continue; }
    const url = (dir) => `data:image/png;base64,${fs.readFileSync(path.join(dir, name)).toString('base64')}`;
    const r = await page.evaluate(async ([ua, ub, tol]) => {
      const load = async (u) => { const i = new Image(); i.src = u; await i.decode(); return i; };
      const [ia, ib] = [await load(ua), await load(ub)];
      if (ia.width !== ib.width || ia.height !== ib.height) return { size: `${ia.width}x${ia.height} vs ${ib.width}x${ib.height}` };
      const w = ia.width, h = ia.height;
      const pix = (img) => { const c = new OffscreenCanvas(w, h); const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, w, h); };
      const da = pix(ia), db = pix(ib);
      const out = new ImageData(w, h);
      let n = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
      for (let k = 0; k < w * h; k++) {
        let diff = false;
        for (let c = 0; c < 3; c++) if (Math.abs(da.data[4 * k + c] - db.data[4 * k + c]) > tol) diff = true;
        const g = (db.data[4 * k] + db.data[4 * k + 1] + db.data[4 * k + 2]) / 3;
        if (diff) {
          n++;
          const x = k % w, y = (k / w) | 0;
          x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
          out.data.set([255, 0, 0, 255], 4 * k);
        } else out.data.set([255 - (255 - g) / 4, 255 - (255 - g) / 4, 255 - (255 - g) / 4, 255], 4 * k);
      }
      const c = new OffscreenCanvas(w, h);
      c.getContext('2d').putImageData(out, 0, 0);
      const blob = await c.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { n, box: n ? [x0, y0, x1, y1] : null, png: btoa(s), total: w * h };
    }, [url(a), url(b), tolerance]);
    if (r.size) { console.log(`${name}: size differs, ${r.size}`); changed++; continue; }
    if (r.n) {
      changed++;
      fs.writeFileSync(path.join(b, 'diff', name), Buffer.from(r.png, 'base64'));
      console.log(`${name}: ${r.n} of ${r.total} pixels differ, in [${r.box.join(', ')}] (diff/${name})`);
    } else console.log(`${name}: identical`);
  }
} finally {
  await browser.close();
}
console.log(changed ? `${changed} file(s) differ` : 'all identical');
