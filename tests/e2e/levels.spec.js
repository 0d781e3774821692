// @ts-check
// A site of several levels in the page (docs/web-app.md, "Levels"): the real page, the
// real wasm core, real pointer input. The figures shown are checked against the CLI's
// report of the file the page saves (the native core's `Site`: an independent path).
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { openApp, waitSettled, shownCoverage, point, camera } = require('./helpers');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/blindspot');
const FIXTURE = path.join(ROOT, 'tests/fixtures/levels/quay-and-two-floors.json');
const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** 0.1 as the page shows it. @param {number} x */
const one = (x) => (Math.round(x * 10) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Opens the two-floor fixture through the file input and waits for every level's figures. @param {import('@playwright/test').Page} page */
async function openSite(page) {
  await openApp(page);
  await page.locator('#file-input').setInputFiles({ name: 'quay-and-two-floors.json', mimeType: 'application/json', buffer: fs.readFileSync(FIXTURE) });
  await expect(page.locator('#scenario-name')).toHaveValue('Quay and two floors');
  await waitSiteSettled(page);
}

/** @param {import('@playwright/test').Page} page */
async function waitSiteSettled(page) {
  await waitSettled(page);
  await expect.poll(() => page.evaluate(() => window.__blindspot.site().complete)).toBe(true);
  await expect(page.locator('#site-table td.pending')).toHaveCount(0);
}

/** The site panel's row of a level ('' for the site's total) as shown. @param {import('@playwright/test').Page} page @param {string} id */
async function row(page, id) {
  const r = page.locator(`#site-table tr[data-level="${id}"]`);
  const cell = async (/** @type {string} */ f) => (await r.locator(`[data-fig="${f}"]`).textContent())?.trim();
  return { coverage: await cell('coverage'), blind: await cell('blind'), zones: await cell('zones'), cameras: await cell('cameras') };
}

/** A headline of the CLI's JSON report as the site panel shows it. @param {any} h */
function expected(h) {
  return {
    coverage: `${one(h.coverage * 100)} %${one(h.covered_area_m2)} of ${one(h.target_area_m2)} m²`,
    blind: `${one(h.blind_area_m2)} m²`,
    zones: h.zones_with_requirement ? `${h.zones_meeting} of ${h.zones_with_requirement}` : '–',
    cameras: String(h.cameras),
  };
}

/** Saves through the Save button; the file's path. @param {import('@playwright/test').Page} page @param {string} name */
async function save(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-save').click()]);
  const file = path.join(ARTIFACTS, name);
  await download.saveAs(file);
  return file;
}

test('a plan of one level looks as before: no level tabs, no site panel', async ({ page }) => {
  const log = await openApp(page);
  await expect(page.locator('#level-bar')).toBeHidden();
  await expect(page.locator('#site-card')).toBeHidden();
  await expect(page.locator('#stat-level')).toBeHidden();
  expect(await page.evaluate(() => window.__blindspot.site().shown)).toBe(null);
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('a site opens on its first level with a tab per level and the site panel, as the core computes them; tabs and keys switch levels', async ({ page }, info) => {
  await openSite(page);
  const tabs = page.locator('#level-tabs [role="tab"]');
  await expect(tabs).toHaveText([/Quay/, /Ground floor/, /First floor/]);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#stat-level')).toHaveText('Quay');
  expect((await page.evaluate(() => window.__blindspot.scenario().cameras)).map((c) => c.id)).toEqual(['q1']);

  test.skip(!fs.existsSync(CLI), `${CLI} is missing: build it (cargo build --release --bin blindspot) to compare the page with the CLI's report`);
  const report = JSON.parse(execFileSync(CLI, ['report', FIXTURE, '--format', 'json'], { encoding: 'utf8' }));
  for (const l of report.levels) expect(await row(page, l.id)).toEqual(expected(l.headline));
  expect(await row(page, '')).toEqual(expected(report.site));
  const view = await page.evaluate(() => window.__blindspot.site().view);
  expect(view.site.costs.total).toBe(report.site.costs.total);
  // The level shown's own coverage card is that level's figures.
  expect(await shownCoverage(page)).toBe(one(report.levels[0].headline.coverage * 100));

  // A click on a tab shows the level; the panel marks it.
  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#site-table tr.shown')).toHaveAttribute('data-level', 'ground');
  await waitSettled(page);
  expect(await shownCoverage(page)).toBe(one(report.levels[1].headline.coverage * 100));
  expect((await page.evaluate(() => window.__blindspot.scenario().cameras)).map((c) => c.id)).toEqual(['g1']);
  // Keyboard: the tablist's arrows move to the next level and show it.
  await tabs.nth(1).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(2)).toBeFocused();
  await waitSettled(page);
  expect(await shownCoverage(page)).toBe(one(report.levels[2].headline.coverage * 100));
  // A click on a level in the site panel shows it too; a level shown again is its kept scene.
  await page.locator('#site-table tr[data-level="site"] .site-level').click();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await waitSiteSettled(page);
  expect(await page.evaluate(() => window.__blindspot.site().levelHits)).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(ARTIFACTS, `levels-quay-${info.project.name || 'chromium'}.png`) });
});

test('a camera dragged on the second level changes that level\'s figures and the site\'s, as the core computes them for the saved file; undo restores', async ({ page }, info) => {
  await openSite(page);
  await page.locator('#level-tabs [role="tab"]').nth(1).click();
  await waitSiteSettled(page);
  const before = { ground: await row(page, 'ground'), site: await row(page, ''), quay: await row(page, 'site'), first: await row(page, 'first') };
  // Zoom out so that the outside of the building is on the canvas, then drag the dome out of the hall.
  await page.locator('#btn-zoom-out').click();
  await page.locator('#btn-zoom-out').click();
  const from = await point(page, 'g1');
  const to = await page.evaluate(() => window.__blindspot.worldToClient(5, 15));
  // During the drag (the button still down) the site's total follows live.
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 16; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 16, from.y + ((to.y - from.y) * i) / 16);
  await expect.poll(async () => (await row(page, '')).coverage).not.toBe(before.site.coverage);
  await page.mouse.up();
  await waitSiteSettled(page);
  const moved = (await camera(page, 'g1')).position;
  expect(moved[1]).toBeGreaterThan(10);
  const after = { ground: await row(page, 'ground'), site: await row(page, ''), quay: await row(page, 'site'), first: await row(page, 'first') };
  expect(after.ground.coverage).not.toBe(before.ground.coverage);
  expect(after.site.coverage).not.toBe(before.site.coverage);
  // The other levels did not move.
  expect(after.quay).toEqual(before.quay);
  expect(after.first).toEqual(before.first);
  await page.screenshot({ path: path.join(ARTIFACTS, `levels-ground-dragged-${info.project.name || 'chromium'}.png`) });

  // The saved file keeps every level, the camera on its level; the CLI's report of it is what the page shows.
  const saved = await save(page, `levels-saved-${info.workerIndex}.json`);
  const file = JSON.parse(fs.readFileSync(saved, 'utf8'));
  expect(file.levels.map((l) => l.id)).toEqual(['site', 'ground', 'first']);
  expect(file.cameras.map((c) => [c.id, c.level ?? null])).toEqual([['q1', null], ['g1', 'ground'], ['f1', 'first']]);
  expect(file.cameras[1].position).toEqual(moved);
  expect(file.options[0].cameras.map((c) => c.id)).toEqual(['g1', 'f1']);
  expect(file.plan.walls.map((w) => w.id)).toEqual(['quay-edge', 'room-a', 'room-b', 'gallery']);
  test.skip(!fs.existsSync(CLI), `${CLI} is missing: build it (cargo build --release --bin blindspot) to compare the page with the CLI's report`);
  const report = JSON.parse(execFileSync(CLI, ['report', saved, '--format', 'json'], { encoding: 'utf8' }));
  expect(after.ground).toEqual(expected(report.levels[1].headline));
  expect(after.site).toEqual(expected(report.site));
  expect(await shownCoverage(page)).toBe(one(report.levels[1].headline.coverage * 100));

  // Undo puts the camera back and the figures with it.
  await page.locator('#btn-undo').click();
  await waitSiteSettled(page);
  expect((await camera(page, 'g1')).position).toEqual([5, 5]);
  expect(await row(page, 'ground')).toEqual(before.ground);
  expect(await row(page, '')).toEqual(before.site);
});

test('a camera added on a level is saved on it, and a reload restores the level shown', async ({ page }) => {
  await openSite(page);
  await page.locator('#level-tabs [role="tab"]').nth(2).click();
  await waitSiteSettled(page);
  const cams = await page.evaluate(() => window.__blindspot.site().view.levels.map((l) => l.headline.cameras));
  expect(cams).toEqual([1, 1, 1]);
  await page.locator('#btn-add').click();
  const at = await page.evaluate(() => window.__blindspot.worldToClient(3, 3));
  await page.mouse.click(at.x, at.y);
  await waitSiteSettled(page);
  expect(await page.evaluate(() => window.__blindspot.site().view.levels.map((l) => l.headline.cameras))).toEqual([1, 1, 2]);
  expect((await row(page, '')).cameras).toBe('4');
  const file = await page.evaluate(() => window.__blindspot.fileForm());
  const added = file.cameras.filter((c) => !['q1', 'g1', 'f1'].includes(c.id));
  expect(added.map((c) => c.level)).toEqual(['first']);
  // The autosave keeps the whole site and the level shown.
  await page.waitForTimeout(700);
  await page.goto('./');
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30_000 });
  await waitSiteSettled(page);
  await expect(page.locator('#level-tabs [role="tab"]').nth(2)).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => window.__blindspot.site().view.levels.map((l) => l.headline.cameras))).toEqual([1, 1, 2]);
});
