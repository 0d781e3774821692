// @ts-check
// The board documents in a browser: the HTML report printed to PDF through
// Chromium (pages checked with poppler's pdfinfo, pdftotext and pdftoppm), and
// the plan SVG rendered by Chromium and by librsvg and compared pixel by pixel.
// The documents come from the command line (scripts/test.sh builds it).
const { test, expect } = require('@playwright/test');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'www/samples/museum-wing.json');

/** The CLI: the newer of the release build (scripts/test.sh makes it) and a debug build. */
function cli() {
  const built = ['release', 'debug']
    .map((b) => path.join(ROOT, 'target', b, 'blindspot'))
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!built.length) throw new Error('no target/{release,debug}/blindspot: run cargo build --release --bin blindspot (scripts/test.sh does)');
  return built[0];
}

/** Runs a tool the test needs; fails naming the package when it is missing. @param {string} tool @param {string[]} args */
function tool(tool, args, pkg = 'poppler-utils') {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    if (/** @type {any} */ (e).code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install ${pkg} (scripts/lib.sh does)`);
    throw e;
  }
}

/** @param {string} name */
function out(name) {
  const dir = path.join(__dirname, 'test-results', 'documents');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

test('the report prints to A4 PDF: eight pages, the title block and headline on page one, the plan whole and at scale on a landscape page two', async ({ page }) => {
  const html = out('museum-wing.html');
  execFileSync(cli(), ['report', SAMPLE, '--format', 'html', '-o', html, '--date', '2026-12-14']);
  const report = JSON.parse(execFileSync(cli(), ['report', SAMPLE, '--format', 'json'], { encoding: 'utf8' }));
  /** @type {string[]} */
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${html}`);
  // Standalone: the file itself and nothing else.
  expect(requests).toEqual([`file://${html}`]);
  // Nothing on the portrait pages is wider than their 186 mm (703 px) of
  // text: one wide table would make Chromium shrink every page to fit it.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => !e.closest('svg') && !e.closest('.plan-page, #cameras') && e.getBoundingClientRect().right > 704)
    .map((e) => `${e.tagName}.${e.className}`));
  expect(wide).toEqual([]);
  const pdf = out('museum-wing.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });

  const info = tool('pdfinfo', ['-f', '1', '-l', '99', pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  // Page one (the summary), two (the plan, landscape), three and four (zones,
  // blind spots, the opening audit, the most vulnerable way in), five (the
  // camera schedule, landscape), six (materials, layouts, recording, purposes,
  // compliance), seven and eight (the six cameras' commissioning checklists):
  // looked at in the PNGs below.
  expect(pages).toBe(8);
  const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[2]), Number(m[3])]);
  expect(sizes).toHaveLength(pages);
  sizes.forEach(([w, h], i) => {
    // A4 is 595.3 x 841.9 pt; pages two and five turn it.
    const [pw, ph] = i === 1 || i === 4 ? [841.9, 595.3] : [595.3, 841.9];
    expect(Math.abs(w - pw)).toBeLessThan(1.5);
    expect(Math.abs(h - ph)).toBeLessThan(1.5);
  });

  const first = tool('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']);
  for (const text of ['CONFIDENTIAL: SECURITY PLAN', 'Museum wing — as is', 'SITE', 'CLIENT', 'AUTHOR', 'DATE', 'REVISION',
    '2026-12-14', 'example', 'COVERED', 'NOT COVERED', 'COST', 'WAYS IN WATCHED', 'Page 1 of 8']) {
    expect(first, text).toContain(text);
  }
  // The headline is the core's figure.
  expect(first).toContain(`${(report.coverage * 100).toFixed(1)} %`);
  expect(first).toContain(`€${Math.round(report.costs.total).toLocaleString('en')}`);

  // The plan page: every word of the drawing on the page, the scale, the
  // legend's last entry and the labels nearest the right and bottom edges.
  const bbox = tool('pdftotext', ['-f', '2', '-l', '2', '-bbox', pdf, '-']);
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] }));
  expect(words.length).toBeGreaterThan(50);
  for (const w of words) {
    expect(w.x0, w.text).toBeGreaterThanOrEqual(0);
    expect(w.x1, w.text).toBeLessThanOrEqual(842);
    expect(w.y1, w.text).toBeLessThanOrEqual(596);
  }
  // Printed at its stated size, not shrunk to fit: the drawing is 271 mm wide
  // from the 12 mm margin, and its north arrow's "N" is centred 10 pt of
  // drawing (3.53 mm) in from its right edge: at 12 + 271 - 3.53 mm.
  const north = words.find((w) => w.text === 'N');
  expect(north).toBeTruthy();
  const mm = 72 / 25.4;
  expect(Math.abs(((north?.x0 ?? 0) + (north?.x1 ?? 0)) / 2 - (12 + 271 - 10 * 25.4 / 72) * mm)).toBeLessThan(2);
  const texts = words.map((w) => w.text);
  // The scale the plan page states under its drawing is the one drawn beside
  // its scale bar.
  const stated = [...fs.readFileSync(html, 'utf8').matchAll(/Plan at (1:[\d,]+) when printed/g)].map((m) => m[1]);
  expect(stated).toHaveLength(2);
  for (const t of ['Plan:', stated[1].replace(',', ''), 'east-salon', 'quay-east', 'N', 'Exterior', 'zone', 'Page']) expect(texts, t).toContain(t);

  // Pictures of the first two pages, to look at.
  tool('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', pdf, out('museum-wing-page')]);
});

test('the plan SVG renders the same in Chromium and in librsvg', async ({ page }) => {
  const svgPath = out('museum-wing.svg');
  execFileSync(cli(), ['report', SAMPLE, '--format', 'svg', '-o', svgPath]);
  const width = 1200;
  const png = out('museum-wing-rsvg.png');
  tool('rsvg-convert', ['-w', String(width), '-o', png, svgPath], 'librsvg2-bin');
  const svg = fs.readFileSync(svgPath);
  const diff = await page.evaluate(async ([svgUrl, pngUrl, w]) => {
    /** @param {string} url */
    const load = (url) => new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error(`cannot load ${url.slice(0, 40)}`));
      img.src = url;
    });
    const [a, b] = /** @type {HTMLImageElement[]} */ (await Promise.all([load(svgUrl), load(pngUrl)]));
    const h = b.naturalHeight;
    /** @param {HTMLImageElement} img */
    const pixels = (img) => {
      const c = document.createElement('canvas');
      c.width = /** @type {number} */ (w);
      c.height = h;
      const ctx = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(img, 0, 0, c.width, c.height);
      return ctx.getImageData(0, 0, c.width, c.height).data;
    };
    const pa = pixels(a);
    const pb = pixels(b);
    // Compared in 8 x 8 pixel blocks: the two antialias text and place a
    // hatch's lines a sub-pixel apart, which says nothing of the drawing; a
    // shape, hatch, colour or label missing or misplaced changes whole blocks.
    const B = 8;
    const W = /** @type {number} */ (w);
    let sum = 0;
    let far = 0;
    let blocks = 0;
    for (let by = 0; by + B <= h; by += B) {
      for (let bx = 0; bx + B <= W; bx += B) {
        let worst = 0;
        for (let k = 0; k < 3; k++) {
          let sa = 0;
          let sb = 0;
          for (let y = by; y < by + B; y++) {
            for (let x = bx; x < bx + B; x++) {
              const i = (y * W + x) * 4 + k;
              sa += pa[i];
              sb += pb[i];
            }
          }
          worst = Math.max(worst, Math.abs(sa - sb) / (B * B));
        }
        sum += worst;
        if (worst > 32) far++;
        blocks++;
      }
    }
    return { mean: sum / blocks, far: far / blocks, height: h };
  }, [`data:image/svg+xml;base64,${svg.toString('base64')}`, `data:image/png;base64,${fs.readFileSync(png).toString('base64')}`, width]);
  console.log(`Chromium vs librsvg at ${width} x ${diff.height}, 8 px blocks: mean difference ${diff.mean.toFixed(2)} of 255, ${(diff.far * 100).toFixed(2)} % of blocks off by more than 32`);
  // Text is antialiased differently by the two; shapes, hatches and colours
  // must agree.
  expect(diff.height).toBeGreaterThan(300);
  expect(diff.mean).toBeLessThan(3);
  expect(diff.far).toBeLessThan(0.005);
});
