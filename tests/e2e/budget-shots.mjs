// Screenshots of the budget options for a look by eye: the dialog, a run in progress on
// the large sample, the proposal, the cost curve and the compare view.
//   node budget-shots.mjs [outdir]      (serves ../../www itself on port 8768)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'artifacts'));
fs.mkdirSync(out, { recursive: true });
const server = spawn('python3', ['-m', 'http.server', '8768', '--bind', '127.0.0.1', '-d', path.resolve(here, '../../www')], { stdio: 'ignore' });
const base = 'http://127.0.0.1:8768/';
for (let i = 0; i < 50; i++) {
  try { if ((await fetch(base)).ok) break; } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const ready = () => page.waitForFunction(() => document.body.dataset.ready === 'true' && document.getElementById('stat-state')?.textContent === 'exact', null, { timeout: 60_000 });
  const done = () => page.waitForFunction(() => !document.body.dataset.optimizing, null, { timeout: 60_000 });
  // The large sample: a run in progress.
  await page.goto(`${base}?sample=large.json`);
  await ready();
  await page.locator('#btn-optimize').click();
  await page.locator('#opt-budget').fill('60000');
  await page.locator('#opt-candidates').fill('8000');
  await page.locator('#opt-run').click();
  await page.waitForFunction(() => /of/.test(document.getElementById('opt-progress-phase')?.textContent ?? ''), null, { timeout: 20_000 });
  await page.screenshot({ path: path.join(out, 'budget-running.png') });
  await page.locator('#opt-cancel').click();
  // The museum wing: the dialog, a proposal, the curve, the compare view.
  await page.goto(`${base}?fresh`);
  await ready();
  await page.locator('#btn-optimize').click();
  await page.screenshot({ path: path.join(out, 'budget-dialog.png') });
  await page.locator('#opt-run').click();
  await done();
  await ready();
  await page.screenshot({ path: path.join(out, 'budget-proposal.png') });
  await page.locator('.layout-pick').first().click();
  await ready();
  await page.locator('#btn-curve').click();
  await page.locator('#opt-max-budget').fill('12000');
  await page.locator('#opt-run-curve').click();
  await page.waitForSelector('#curve[open] .curve-dot', { timeout: 60_000 });
  await page.screenshot({ path: path.join(out, 'budget-curve.png') });
  await page.locator('#curve .curve-dot').nth(5).click();
  await ready();
  await page.locator('#btn-compare').click();
  await page.waitForFunction(() => document.body.dataset.compared === '3', null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'budget-compare.png') });
  console.log(`screenshots in ${out}: budget-running, budget-dialog, budget-proposal, budget-curve, budget-compare`);
} finally {
  await browser.close();
  server.kill();
}
