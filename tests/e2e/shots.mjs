// Screenshots for looking at the page: the samples, the camera panel, the add bar and the
// catalogue editor. node shots.mjs [outdir] (serves www itself on port 8767).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'artifacts'));
fs.mkdirSync(out, { recursive: true });
const PORT = 8767;
const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '-d', path.resolve(here, '../../www')], { stdio: 'ignore' });
const base = `http://127.0.0.1:${PORT}/`;
for (let i = 0; i < 50; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const ready = async () => {
    await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 60_000 });
    await page.waitForFunction(() => window.__blindspot.settledVersion() >= 0);
    await page.waitForTimeout(300);
  };
  const shot = async (name, opts = {}) => { await page.screenshot({ path: path.join(out, `${name}.png`), ...opts }); console.log(path.join(out, `${name}.png`)); };
  for (const [file, name] of [['museum-wing.json', 'as-is'], ['museum-wing-doubled.json', 'doubled'], ['large.json', 'large']]) {
    await page.goto(`${base}?sample=${file}`);
    await ready();
    await shot(`look-${name}`);
  }
  // The camera panel: a mounted camera selected.
  await page.goto(`${base}?sample=museum-wing-doubled.json`);
  await ready();
  const click = async (id) => {
    const p = await page.evaluate((i) => window.__blindspot.screenPoint(i), id);
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(200);
  };
  await click('quay-corner');
  await shot('look-camera-panel');
  await page.locator('#side').screenshot({ path: path.join(out, 'look-side-panel.png') });
  await page.locator('#camera-editor').screenshot({ path: path.join(out, 'look-camera-editor.png') });
  console.log(path.join(out, 'look-camera-editor.png'));
  await page.locator('#zone-list').screenshot({ path: path.join(out, 'look-zones.png') });
  await page.locator('#costs').screenshot({ path: path.join(out, 'look-costs.png') });
  await click('gallery-centre');
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(400);
  await shot('look-camera-zoomed');
  // The add bar.
  await page.locator('#btn-fit').click();
  await page.locator('#btn-add').click();
  await page.waitForTimeout(200);
  await shot('look-add-bar');
  await page.keyboard.press('Escape');
  // The catalogue editor.
  await page.locator('#btn-catalog').click();
  await page.waitForTimeout(300);
  await shot('look-catalog');
} finally {
  await browser.close();
  server.kill();
}
if (errors.length) { console.log('page errors:\n' + errors.join('\n')); process.exit(1); }
