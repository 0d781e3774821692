// Deterministic screenshots of the page for comparing two versions by eye and by pixel:
// the samples, a selected camera with its handles, a zoomed camera, the add bar with its
// ghost, a hover tooltip, places marked for the optimiser, the catalogue, the compare view
// with its diff rings, the multi layer and a frame in the middle of a drag. Toasts and the
// clock are hidden, so two runs of the same code give the same pixels.
//   node look.mjs --out DIR [--port 8769]
// Then compare two runs with: node look-diff.mjs DIR_A DIR_B
import { chromium } from '@playwright/test';
import path from 'node:path';
import fs from 'node:fs';
import { flags, serveWww, here } from './serve.mjs';

const opt = flags();
const out = path.resolve(opt.out ?? path.join(here, 'artifacts', 'look'));
fs.mkdirSync(out, { recursive: true });
const { base, stop } = await serveWww(Number(opt.port ?? 8769), opt.url);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const open = async (query) => {
    await page.goto(`${base}${query}`);
    await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 60_000 });
    await page.waitForFunction(() => window.__blindspot.settledVersion() >= 0 && document.getElementById('stat-state')?.textContent === 'exact');
    await page.waitForTimeout(250);
  };
  const quiet = () => page.evaluate(() => { for (const id of ['toast', 'loading']) { const e = document.getElementById(id); if (e) e.style.visibility = 'hidden'; } });
  const shot = async (name, locator) => {
    await quiet();
    await page.waitForTimeout(150);
    const file = path.join(out, `${name}.png`);
    if (locator) await page.locator(locator).screenshot({ path: file, animations: 'disabled' });
    else await page.screenshot({ path: file, animations: 'disabled' });
    console.log(file);
  };
  const at = (id, which = 'centre') => page.evaluate(([i, w]) => window.__blindspot.screenPoint(i, w), [id, which]);
  const world = (x, y) => page.evaluate(([a, b]) => window.__blindspot.worldToClient(a, b), [x, y]);

  for (const [file, name] of [['museum-wing.json', 'as-is'], ['museum-wing-doubled.json', 'doubled'], ['large.json', 'large']]) {
    await open(`?sample=${file}`);
    await shot(`sample-${name}`);
  }

  await open('?sample=museum-wing-doubled.json');
  let p = await at('quay-corner');
  await page.mouse.click(p.x, p.y);
  await page.mouse.move(5, 5);
  await shot('camera-selected');
  await shot('side-panel', '#side');
  await shot('camera-editor', '#camera-editor');
  p = await at('gallery-centre');
  await page.mouse.click(p.x, p.y);
  await page.mouse.move(p.x, p.y);
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(400);
  await page.mouse.move(5, 5);
  await shot('camera-zoomed');

  await page.locator('#btn-fit').click();
  await page.keyboard.press('Escape');
  const q = await world(8, -6);
  await page.mouse.move(q.x, q.y);
  await page.waitForTimeout(200);
  await shot('hover-zone');
  await page.locator('#btn-add').click();
  const g = await world(20, 6);
  await page.mouse.move(g.x, g.y);
  await shot('add-bar-ghost');
  await page.keyboard.press('Escape');

  await page.locator('#show-multi').check();
  await page.mouse.move(5, 5);
  await shot('layer-multi');
  await page.locator('#show-multi').uncheck();

  // A frame in the middle of a drag (pointer held down), then released.
  p = await at('gallery-centre');
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(p.x + 6 * i, p.y + 3 * i);
  await page.waitForTimeout(200);
  await shot('mid-drag');
  await page.mouse.up();

  await open('?sample=museum-wing.json');
  await page.locator('#btn-optimize').click();
  await shot('budget-dialog');
  await page.locator('#opt-mark').click();
  for (const [x, y] of [[10, 2], [25, 8], [40, 4]]) {
    const m = await world(x, y);
    await page.mouse.click(m.x, m.y);
  }
  await page.mouse.move(5, 5);
  await shot('marks');
  await page.locator('#mark-done').click();
  await page.locator('#opt-close').click();

  await page.locator('#btn-layout-dup').click();
  await page.waitForTimeout(200);
  p = await at('quay-east');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.press('Delete');
  p = await at('gallery-west');
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + 30, p.y + 10, { steps: 4 });
  await page.mouse.up();
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.getElementById('stat-state')?.textContent === 'exact');
  await shot('layout-option');
  await page.locator('#btn-compare').click();
  await page.waitForFunction(() => document.body.dataset.compared === '2', null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  await shot('compare');
  await page.locator('#compare-close').click();

  await page.locator('#btn-catalog').click();
  await shot('catalog');
} finally {
  await browser.close();
  stop();
}
if (errors.length) { console.log(`page errors:\n${errors.join('\n')}`); process.exit(1); }
