// @ts-check
// Issue 4 in the browser: camera models, mounting height and tilt (the dead zone), detail
// bands, costs and the catalogue; plus the issue-3 follow-ups (blind spots after a drag,
// undo of a delete in place, rename without reloading).
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { openApp, waitSettled, shownCoverage, point, camera, clickCamera } = require('./helpers');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/blindspot');
const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** @param {number} x */
const one = (x) => (Math.round(x * 10) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Saves through the Save button and returns the file's path. @param {import('@playwright/test').Page} page @param {string} name */
async function save(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-save').click()]);
  const file = path.join(ARTIFACTS, name);
  await download.saveAs(file);
  return file;
}

/** The CLI's JSON report of a file, or null (with a note) when the binary is missing. @param {string} file */
function cliReport(file) {
  if (!fs.existsSync(CLI)) {
    test.info().annotations.push({ type: 'skipped-check', description: `${CLI} is missing: cargo build --release` });
    console.log(`SKIPPED the CLI comparison: ${CLI} does not exist`);
    return null;
  }
  return JSON.parse(execFileSync(CLI, ['report', file, '--format', 'json'], { encoding: 'utf8' }));
}

/** Waits for two animation frames, so the canvas shows the latest state. @param {import('@playwright/test').Page} page */
async function frames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
}

/** @param {import('@playwright/test').Page} page @param {string} id */
async function stats(page, id) {
  return page.evaluate((i) => window.__blindspot.summary().cameras.find((c) => c.id === i), id);
}

/** Sets a camera-panel field and waits for the exact figures. @param {import('@playwright/test').Page} page @param {string} key @param {string} value */
async function setField(page, key, value) {
  await page.locator(`#cam-${key}`).fill(value);
  await page.locator(`#cam-${key}`).press('Enter');
  await waitSettled(page);
}

/** Zooms the view in around a plan point until 1 m is at least `pxPerM` pixels. */
async function zoomTo(page, x, y, pxPerM) {
  for (let k = 0; k < 12; k++) {
    const s = await page.evaluate(() => { const a = window.__blindspot.worldToClient(0, 0), b = window.__blindspot.worldToClient(1, 0); return b.x - a.x; });
    if (s >= pxPerM) break;
    const p = await page.evaluate(([a, b]) => window.__blindspot.worldToClient(a, b), [x, y]);
    await page.mouse.move(p.x, p.y);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(250); // the full redraw after the view rests
}

test('height and tilt: the dead zone appears under the camera, is drawn, and coverage drops as the core says', async ({ page }) => {
  await openApp(page);
  await clickCamera(page, 'east-salon');
  // Make it a flat cone first: no height, no dead zone.
  await setField(page, 'height', '');
  let cam = await camera(page, 'east-salon');
  expect(cam.height_m).toBeUndefined();
  expect(cam.tilt_deg).toBeUndefined();
  await expect(page.locator('#cam-tilt')).toBeDisabled();
  expect((await stats(page, 'east-salon')).dead_zone_m2).toBeUndefined();
  const deadBefore = await page.evaluate(() => window.__blindspot.layerCount('dead'));
  const flat = await page.evaluate(() => window.__blindspot.summary());
  const flatZone = flat.zones.find((z) => z.id === 'east-salon');

  // Mount it at 4 m, tilted 10°: a dead zone under it, which is blind.
  await setField(page, 'height', '4');
  await setField(page, 'tilt', '10');
  cam = await camera(page, 'east-salon');
  expect(cam.height_m).toBe(4);
  expect(cam.tilt_deg).toBe(10);
  const st = await stats(page, 'east-salon');
  expect(st.dead_zone_m2).toBeGreaterThan(1);
  expect(st.near_m).toBeGreaterThan(1);
  expect(await page.evaluate(() => window.__blindspot.layerCount('dead'))).toBe(deadBefore + 1);
  const mounted = await page.evaluate(() => window.__blindspot.summary());
  const zone = mounted.zones.find((z) => z.id === 'east-salon');
  expect(zone.covered_area_m2).toBeLessThan(flatZone.covered_area_m2 - 1);
  expect(mounted.covered_area_m2).toBeLessThan(flat.covered_area_m2 - 1);
  expect(mounted.blind_area_m2).toBeGreaterThan(flat.blind_area_m2 + 1);
  await expect(page.locator('[data-out="dead"]')).toContainText(`${one(st.dead_zone_m2)} m²`);
  await expect(page.locator('[data-out="floor"]')).toContainText('from');

  // The dead zone is drawn: a point in it, between the camera and the near edge, changes
  // when the "Dead zones" layer is switched off.
  const h = (cam.heading_deg * Math.PI) / 180;
  const d = 0.6 * st.near_m;
  const inDead = [cam.position[0] + Math.cos(h) * d, cam.position[1] + Math.sin(h) * d];
  await zoomTo(page, inDead[0], inDead[1], 70);
  const at = await page.evaluate(([x, y]) => window.__blindspot.worldToClient(x, y), inDead);
  await page.mouse.move(10, 10);
  await frames(page);
  const withDead = await page.evaluate(([x, y]) => window.__blindspot.pixel(x, y), [at.x, at.y]);
  await page.locator('#show-dead').uncheck();
  await frames(page);
  const withoutDead = await page.evaluate(([x, y]) => window.__blindspot.pixel(x, y), [at.x, at.y]);
  expect(withDead).not.toEqual(withoutDead);
  // Dead zones are darker than what is under them.
  expect(withDead[0] + withDead[1] + withDead[2]).toBeLessThan(withoutDead[0] + withoutDead[1] + withoutDead[2]);
  await page.locator('#show-dead').check();
  await page.locator('#btn-fit').click();

  // Tilt by dragging the ⇕ handle down: more tilt, the near edge comes in, the far edge too.
  await clickCamera(page, 'east-salon');
  const handle = await point(page, 'east-salon', 'tilt');
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) await page.mouse.move(handle.x, handle.y + 10 * k);
  await page.mouse.up();
  await waitSettled(page);
  cam = await camera(page, 'east-salon');
  expect(cam.tilt_deg).toBe(40); // 120 px at 0.25° per px
  const tilted = await stats(page, 'east-salon');
  expect(tilted.near_m).toBeLessThan(st.near_m);
  expect(tilted.far_m).toBeLessThan(st.far_m);
  expect(tilted.far_m).toBeLessThan(20); // the top of the view now meets the target height inside the range
  await expect(page.locator('#cam-tilt')).toHaveValue('40');
  // One undo step for the drag.
  await page.locator('#btn-undo').click();
  expect((await camera(page, 'east-salon')).tilt_deg).toBe(10);
  await page.locator('#btn-redo').click();
  await waitSettled(page);

  // The figures on screen are the core's for the saved file.
  const file = await save(page, `mounted-${test.info().workerIndex}.json`);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(saved.cameras.find((c) => c.id === 'east-salon')).toMatchObject({ height_m: 4, tilt_deg: 40 });
  const report = cliReport(file);
  if (!report) return;
  expect(await shownCoverage(page)).toBe(one(report.coverage * 100));
  await expect(page.locator('#stat-blind')).toHaveText(`${one(report.blind_area_m2)} m²`);
  const rz = report.zones.find((z) => z.id === 'east-salon');
  await expect(page.locator('.zone-row[data-zone="east-salon"] .zone-pct')).toHaveText(`${one(rz.required_coverage * 100)} %`);
  const rc = report.cameras.find((c) => c.id === 'east-salon');
  await expect(page.locator('[data-out="dead"]')).toContainText(`${one(rc.dead_zone_m2)} m²`);
  // The blind-spot list (from blindSpots(), not the full report) is the CLI's.
  const areas = await page.locator('.blind-item .blind-area').allTextContents();
  const top = report.blind_spots.map((b) => b.area_m2).sort((a, b) => b - a).slice(0, 10);
  expect(areas).toEqual(top.map((a) => `${one(a)} m²`));
});

test('costs: shown with the currency, lines add up to the total, example prices said, equal to the CLI', async ({ page }) => {
  await openApp(page);
  const total = page.locator('#cost-total');
  await expect(total).toHaveText('€3,480');
  await expect(page.locator('#cost-example')).toBeVisible();
  await expect(page.locator('#cost-notes .example-note')).toContainText('Example prices');
  const lines = await page.locator('#cost-lines .cost-line').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(lines.reduce((a, b) => a + b, 0)).toBe(Number(await total.getAttribute('data-value')));
  // Change a camera's model: the lines follow.
  await clickCamera(page, 'quay-east');
  await page.locator('#cam-model').selectOption('varifocal-4mp-2.8-12mm');
  await waitSettled(page);
  await expect(page.locator('#cost-lines tr[data-model="varifocal-4mp-2.8-12mm"] .cost-count')).toHaveText('1 ×');
  await expect(page.locator('#cost-lines tr[data-model="bullet-8mp-6mm"]')).toHaveCount(0);
  await expect(total).toHaveText('€3,600'); // 640 out, 760 in
  await expect(page.locator('[data-out="price"]')).toContainText('€560 + €200 installation');
  await expect(page.locator('[data-out="price"] .example-tag')).toBeVisible();
  const file = await save(page, `costs-${test.info().workerIndex}.json`);
  const report = cliReport(file);
  if (!report) return;
  expect(Number(await total.getAttribute('data-value'))).toBe(report.costs.total);
  for (const l of report.costs.lines) {
    await expect(page.locator(`#cost-lines tr[data-model="${l.model}"] .cost-line`)).toHaveAttribute('data-value', String(l.total));
  }
});

test('detail bands: drawn as rings inside the views, switched off and on from the layer bar', async ({ page }) => {
  await openApp(page);
  const levels = await page.evaluate(() => window.__blindspot.levels().map((l) => l.name));
  expect(levels).toEqual(['identify', 'recognise', 'observe', 'detect']);
  expect(await page.evaluate(() => window.__blindspot.layerCount('bands'))).toBeGreaterThan(6);
  // A point inside gallery-west's identify band (on its axis, half its radius out).
  const cam = await camera(page, 'gallery-west');
  const st = await stats(page, 'gallery-west');
  const ident = st.levels.find((l) => l.name === 'identify');
  expect(ident.radius_m).toBeGreaterThan(st.near_m);
  const h = (cam.heading_deg * Math.PI) / 180;
  const r = (st.near_m + ident.radius_m) / 2;
  const p = [cam.position[0] + Math.cos(h) * r, cam.position[1] + Math.sin(h) * r];
  await zoomTo(page, p[0], p[1], 40);
  const at = await page.evaluate(([x, y]) => window.__blindspot.worldToClient(x, y), p);
  await page.mouse.move(5, 5);
  await frames(page);
  const on = await page.evaluate(([x, y]) => window.__blindspot.pixel(x, y), [at.x, at.y]);
  await page.locator('#show-bands').uncheck();
  await frames(page);
  const off = await page.evaluate(([x, y]) => window.__blindspot.pixel(x, y), [at.x, at.y]);
  expect(on).not.toEqual(off);
  // The bands darken the view where it sees more detail.
  expect(on[0] + on[1] + on[2]).toBeLessThan(off[0] + off[1] + off[2]);
  await page.locator('#show-bands').check();
  await frames(page);
  expect(await page.evaluate(([x, y]) => window.__blindspot.pixel(x, y), [at.x, at.y])).toEqual(on);
  // The selected camera lists how far each level reaches, as the core says.
  await page.locator('#btn-fit').click();
  await clickCamera(page, 'gallery-west');
  await expect(page.locator('[data-out="bands"] li[data-level="identify"]')).toContainText(`to ${Math.round(ident.radius_m * 10) / 10} m`);
  await expect(page.locator('#level-list li')).toHaveCount(4);
});

test('catalogue: add, edit, refuse a bad value with the core message, delete unused, currency; every change undoes', async ({ page }) => {
  await openApp(page);
  const total = page.locator('#cost-total');
  await expect(total).toHaveText('€3,480');
  const loads0 = await page.evaluate(() => window.__blindspot.sceneLoads());
  await page.locator('#btn-catalog').click();
  const dialog = page.locator('#catalog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('#cat-rows tr')).toHaveCount(4);
  // A used model cannot be deleted; an unused one can.
  await expect(dialog.locator('[data-delete="dome-4mp-2.8mm"]')).toBeDisabled();
  await expect(dialog.locator('[data-delete="varifocal-4mp-2.8-12mm"]')).toBeEnabled();

  // Edit the 2.8 mm dome's price (4 cameras): the total follows, and the price is no longer an example.
  await dialog.locator('tr[data-model="dome-4mp-2.8mm"]').click();
  await dialog.locator('#catm-price').fill('350');
  await dialog.locator('#catm-price').press('Enter');
  await expect(total).toHaveText('€3,720'); // + 4 × 60
  expect(await page.evaluate(() => window.__blindspot.scenario().catalog.find((m) => m.id === 'dome-4mp-2.8mm'))).not.toHaveProperty('example_prices');
  expect(await page.evaluate(() => window.__blindspot.sceneLoads())).toBe(loads0 + 1);

  // A bad value: the core's message, and nothing changes.
  await dialog.locator('#catm-install').fill('-20');
  await dialog.locator('#catm-install').press('Enter');
  await expect(dialog.locator('#cat-error')).toBeVisible();
  await expect(dialog.locator('#cat-error')).toContainText('catalog[0].install_cost');
  await expect(dialog.locator('#catm-install')).toHaveClass(/invalid/);
  await expect(total).toHaveText('€3,720');
  expect(await page.evaluate(() => window.__blindspot.scenario().catalog[0].install_cost)).toBe(160);
  // Clearing a field a camera depends on is refused too, with the camera named.
  await dialog.locator('#catm-res-0').fill('');
  await dialog.locator('#catm-res-1').fill('');
  await dialog.locator('#catm-res-1').press('Enter');
  await dialog.locator('#catm-range').fill('');
  await dialog.locator('#catm-range').press('Enter');
  await expect(dialog.locator('#cat-error')).toContainText('cameras[');

  // Undo in the dialog: the price edit goes, the example flag comes back.
  const undos = await page.evaluate(() => window.__blindspot.scenario().catalog[0]);
  expect(undos.range_m).toBe(30);
  await dialog.locator('#cat-undo').click(); // the resolution cleared
  await dialog.locator('#cat-undo').click(); // the price
  await expect(total).toHaveText('€3,480');
  expect(await page.evaluate(() => window.__blindspot.scenario().catalog[0].example_prices)).toBe(true);
  await expect(dialog.locator('#catm-price')).toHaveValue('290');

  // Add a PTZ from the starter catalogue, then delete it and the unused varifocal.
  await dialog.locator('#cat-starter').selectOption('ptz-4mp-25x');
  await dialog.locator('#cat-add-starter').click();
  await expect(dialog.locator('#cat-rows tr')).toHaveCount(5);
  await expect(dialog.locator('tr[data-model="ptz-4mp-25x"]')).toContainText('PTZ (at current aim)');
  await expect(dialog.locator('.catalog-form')).toContainText('planned at its current aim');
  await dialog.locator('[data-delete="ptz-4mp-25x"]').click();
  await dialog.locator('[data-delete="varifocal-4mp-2.8-12mm"]').click();
  await expect(dialog.locator('#cat-rows tr')).toHaveCount(3);
  await dialog.locator('#cat-undo').click();
  await expect(dialog.locator('#cat-rows tr')).toHaveCount(4);

  // The currency: a code shows its symbol; an empty one is refused with the core's message.
  await dialog.locator('#cat-currency').fill('GBP');
  await dialog.locator('#cat-currency').press('Enter');
  await expect(total).toHaveText('£3,480');
  await dialog.locator('#cat-currency').fill('');
  await dialog.locator('#cat-currency').press('Enter');
  await expect(dialog.locator('#cat-error')).toContainText('settings.currency');
  await expect(total).toHaveText('£3,480');
  await dialog.locator('#cat-close').click();
  await expect(dialog).toBeHidden();
  // The toolbar's undo continues the same history.
  await page.locator('#btn-undo').click();
  await expect(total).toHaveText('€3,480');
});

test('placing a camera: the model and height picked in the add bar; PTZ cameras are labelled at their current aim', async ({ page }) => {
  await openApp(page, '?sample=museum-wing-doubled.json');
  await page.locator('#btn-add').click();
  await expect(page.locator('#mode-hint')).toBeVisible();
  await page.locator('#add-model').selectOption('bullet-8mp-6mm');
  await page.locator('#add-height').fill('3');
  await page.locator('#add-height').press('Enter');
  const spot = await page.evaluate(() => window.__blindspot.worldToClient(10, 20));
  await page.mouse.click(spot.x, spot.y);
  const id = await page.evaluate(() => window.__blindspot.selectedId());
  const cam = await camera(page, /** @type {string} */ (id));
  expect(cam).toMatchObject({ model: 'bullet-8mp-6mm', height_m: 3, tilt_deg: 20 });
  expect(cam.hfov_deg).toBeUndefined();
  await waitSettled(page);
  await expect(page.locator('#cam-model')).toHaveValue('bullet-8mp-6mm');
  expect((await stats(page, /** @type {string} */ (id))).dead_zone_m2).toBeGreaterThan(0);
  await expect(page.locator('#cost-lines tr[data-model="bullet-8mp-6mm"] .cost-count')).toHaveText('3 ×');
  // The PTZ.
  await clickCamera(page, 'quay-pole');
  await expect(page.locator('[data-out="kind"]')).toHaveText('PTZ (at current aim)');
  await expect(page.locator('#cam-focal')).toHaveValue('6');
  // Its focal length is a field, within the lens's range.
  await setField(page, 'focal', '200');
  await expect(page.locator('#banner')).toContainText('between 4.8 and 120');
  expect((await camera(page, 'quay-pole')).focal_mm).toBe(6);
  await page.locator('#banner-close').click();
  const before = (await stats(page, 'quay-pole')).hfov_deg;
  await setField(page, 'focal', '24');
  expect((await stats(page, 'quay-pole')).hfov_deg).toBeLessThan(before / 3);
});

test('issue 3 follow-ups: undoing a delete puts the camera back in place without a reload; renaming does not reload', async ({ page }) => {
  await openApp(page);
  const ids0 = await page.evaluate(() => window.__blindspot.scenario().cameras.map((c) => c.id));
  const figures0 = await page.evaluate(() => JSON.stringify(window.__blindspot.summary()));
  const loads0 = await page.evaluate(() => window.__blindspot.sceneLoads());
  await clickCamera(page, 'gallery-east');
  await page.locator('#btn-delete').click();
  await waitSettled(page);
  expect(await page.evaluate(() => window.__blindspot.scenario().cameras.length)).toBe(ids0.length - 1);
  await page.locator('#btn-undo').click();
  await waitSettled(page);
  expect(await page.evaluate(() => window.__blindspot.scenario().cameras.map((c) => c.id))).toEqual(ids0);
  expect(await page.evaluate(() => JSON.stringify(window.__blindspot.summary()))).toBe(figures0);
  // Rename the plan: the core is told, nothing is rebuilt, the report carries the name.
  await page.locator('#scenario-name').fill('Option C');
  await page.locator('#scenario-name').press('Enter');
  await waitSettled(page);
  expect(await page.evaluate(() => window.__blindspot.report().name)).toBe('Option C');
  expect(await page.evaluate(() => window.__blindspot.sceneLoads())).toBe(loads0);
  // The blind-spot list after a drag is the full report's.
  const from = await point(page, 'west-salon');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(from.x - 6 * k, from.y + 4 * k);
  await page.mouse.up();
  await waitSettled(page);
  const listed = await page.evaluate(() => window.__blindspot.blindSpots().blind_spots.map((b) => b.area_m2));
  const full = await page.evaluate(() => window.__blindspot.report().blind_spots.map((b) => b.area_m2));
  expect(listed).toEqual(full);
  expect(await page.evaluate(() => window.__blindspot.sceneLoads())).toBe(loads0);
});

test('drag frames use the lean calls (totals, cameraSummary, cameraLayers) and they equal the full ones', async ({ page }) => {
  await openApp(page);
  const from = await point(page, 'gallery-west');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    await page.mouse.move(from.x + 7 * k, from.y + 2 * k);
    await frames(page);
  }
  // Mid-drag: the page is in lean mode and what it draws and shows equals the full calls.
  const mid = await page.evaluate(() => window.__blindspot.leanCheck());
  expect(mid).toEqual({ inLean: true, leanSummary: true, summary: true, views: true, dead: true, bands: true });
  await page.mouse.up();
  await waitSettled(page);
  const after = await page.evaluate(() => window.__blindspot.leanCheck());
  expect(after).toEqual({ inLean: false, leanSummary: false, summary: true, views: true, dead: true, bands: true });
});
