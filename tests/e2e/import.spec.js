// @ts-check
// Importing drawings in the page (issue 10): a DXF dropped on the page opens the import
// dialog, its layers are mapped with the mouse, and the walls it gives stop sight as the
// hand-worked coverage says; a hostile file changes nothing and names its place; a large
// import shows progress and can be cancelled; GeoJSON export from the page.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { openApp, waitSettled, shownCoverage } = require('./helpers');
const { twoRoomsDxf, museumDxf } = require('./drawings');

const FIXTURES = path.resolve(__dirname, '../fixtures/import');
const SHOTS = process.env.SHOTS_DIR ?? '';

/**
 * Drops a file on the plan as a browser does: dragenter, dragover and drop with a
 * DataTransfer holding it, after the mouse moved over the plan.
 * @param {import('@playwright/test').Page} page @param {string} name @param {string} type @param {string|Buffer} content
 */
async function dropFile(page, name, type, content) {
  const box = await page.locator('#plan').boundingBox();
  if (!box) throw new Error('no plan on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const b64 = Buffer.from(content).toString('base64');
  const dt = await page.evaluateHandle(({ name, type, b64 }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type }));
    return dt;
  }, { name, type, b64 });
  for (const ev of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('#plan', ev, { dataTransfer: dt });
}

/** @param {import('@playwright/test').Page} page @param {string} name */
async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The area of a ring, by the shoelace formula. @param {number[][]} ring */
function ringArea(ring) {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[(i + 1) % ring.length];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

test('a DXF dropped on the page: its layers mapped with the mouse, its walls stop sight as worked by hand', async ({ page }) => {
  const log = await openApp(page);
  await dropFile(page, 'two-rooms.dxf', 'image/vnd.dxf', twoRoomsDxf());
  const dialog = page.locator('#import');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#import-h')).toHaveText('Import two-rooms.dxf');
  const rows = dialog.locator('#import-layer-rows tr');
  await expect(rows).toHaveCount(4);
  // A count per layer, by entity type.
  await expect(dialog.locator('tr[data-layer="AREAS"] .import-holds')).toHaveText('2 LWPOLYLINE');
  await expect(dialog.locator('tr[data-layer="INNER"] .import-holds')).toHaveText('1 LINE');
  await expect(dialog.locator('tr[data-layer="NOTES"] .import-holds')).toHaveText('1 TEXT');
  await expect(page.locator('#import-units')).toContainText('1 m per unit');
  await expect(page.locator('#import-units-note')).toHaveText('The plan will be 10 m × 5 m.');
  await shot(page, 'import-dialog-guessed');

  // Map the layers: two layers of walls, one of rooms, the notes ignored.
  await dialog.locator('select[data-layer="OUTER"]').selectOption('wall');
  await dialog.locator('select[data-layer="INNER"]').selectOption('wall');
  await dialog.locator('select[data-layer="AREAS"]').selectOption('room');
  await dialog.locator('select[data-layer="NOTES"]').selectOption('ignore');
  await expect(page.locator('#import-legend')).toContainText('Walls (2 layers)');
  await expect(page.locator('#import-legend')).toContainText('Zones: rooms (1 layer)');
  // The preview draws each layer in its kind's colour: the partition (x = 5 m, the middle) is a wall's ink.
  const sketch = page.locator('#import-sketch');
  // Wall ink (dark and grey, not the rooms' green) across the partition's place, the
  // middle of the sketch, in a few rows.
  const wallInk = async () => sketch.evaluate((c) => {
    const cv = /** @type {HTMLCanvasElement} */ (c);
    const g = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    let n = 0;
    for (const fy of [0.3, 0.4, 0.6, 0.7]) {
      const d = g.getImageData(Math.round(cv.width / 2) - 4, Math.round(cv.height * fy), 9, 1).data;
      for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) < 110 && Math.abs(d[i + 1] - d[i]) < 25) n++;
    }
    return n;
  });
  expect(await wallInk()).toBeGreaterThan(0);
  await dialog.locator('select[data-layer="INNER"]').selectOption('ignore');
  expect(await wallInk()).toBe(0);
  await dialog.locator('select[data-layer="INNER"]').selectOption('wall');
  expect(await wallInk()).toBeGreaterThan(0);
  await dialog.locator('tr[data-layer="INNER"]').hover();
  await shot(page, 'import-dialog-mapped');
  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-done')).toBeVisible();
  await expect(page.locator('#import-done-summary')).toContainText('2 zones');
  await expect(page.locator('#toast')).toContainText('Imported two-rooms.dxf');
  await shot(page, 'import-done');
  await dialog.locator('#import-run').click();
  await expect(dialog).toBeHidden();
  await waitSettled(page);

  // The plan: two zones of 25 m² each (worked by hand), walls on the outline and the partition.
  const plan = await page.evaluate(() => window.__blindspot.scenario().plan);
  expect(plan.zones.map((z) => ringArea(z.polygon))).toEqual([25, 25]);
  expect(await page.locator('#scenario-name').inputValue()).toBe('two-rooms');

  // A 360° camera with a 20 m range in the west room sees exactly that room: 25 of 50 m².
  await page.locator('#btn-add').click();
  await page.locator('#add-model').selectOption('');
  const spot = await page.evaluate(() => window.__blindspot.worldToClient(2.5, 2.5));
  await page.mouse.click(spot.x, spot.y);
  await waitSettled(page);
  for (const [key, value] of [['hfov', '360'], ['range', '20']]) {
    await page.locator(`#cam-${key}`).fill(value);
    await page.locator(`#cam-${key}`).press('Enter');
    await waitSettled(page);
  }
  expect(await shownCoverage(page)).toBe('50.0');
  await shot(page, 'import-coverage');
  expect(log.errors).toEqual([]);
  // Only the page's own files were requested.
  const origin = new URL(page.url()).origin;
  expect(log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});

test('a hostile or broken drawing changes nothing and names its place', async ({ page }) => {
  await openApp(page);
  const before = { name: await page.locator('#scenario-name').inputValue(), coverage: await shownCoverage(page) };
  const banner = page.locator('#banner');
  const dialog = page.locator('#import');

  // An entity-expansion bomb: refused before parsing, with the limit.
  await page.locator('#file-input').setInputFiles(path.join(FIXTURES, 'bomb.svg'));
  await expect(banner).toContainText('Could not import bomb.svg');
  await expect(banner).toContainText('entity-expansion bomb');
  await expect(banner).toContainText('the current plan is unchanged');
  await expect(dialog).toBeHidden();
  await shot(page, 'import-hostile-svg');
  await page.locator('#banner-close').click();

  // An external entity: never loaded, an error at its line.
  await dropFile(page, 'xxe.svg', 'image/svg+xml', fs.readFileSync(path.join(FIXTURES, 'xxe.svg')));
  await expect(banner).toContainText('Could not import xxe.svg');
  await expect(banner).toContainText(/line \d+/);
  await page.locator('#banner-close').click();

  // A truncated DXF: the line where it ends.
  const dxf = twoRoomsDxf();
  await dropFile(page, 'cut.dxf', 'image/vnd.dxf', dxf.slice(0, Math.floor(dxf.length / 2)));
  await expect(banner).toContainText('Could not import cut.dxf');
  await expect(banner).toContainText(/line \d+/);
  await page.locator('#banner-close').click();

  // GeoJSON with wrong nesting: the feature and member named.
  await page.locator('#file-input').setInputFiles(path.join(FIXTURES, 'bad-nesting.geojson'));
  await expect(banner).toContainText('features[');
  await expect(banner).toContainText('nested');
  await page.locator('#banner-close').click();

  // A drawing whose mapping leaves nothing: the error in the dialog, the plan untouched.
  await dropFile(page, 'two-rooms.dxf', 'image/vnd.dxf', dxf);
  await expect(dialog).toBeVisible();
  for (const layer of ['OUTER', 'INNER', 'AREAS', 'NOTES']) await dialog.locator(`select[data-layer="${layer}"]`).selectOption('ignore');
  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-error')).toContainText('the current plan is unchanged');
  await shot(page, 'import-error-in-dialog');
  await dialog.locator('#import-close').click();
  await expect(dialog).toBeHidden();

  await expect(page.locator('#scenario-name')).toHaveValue(before.name);
  expect(await shownCoverage(page)).toBe(before.coverage);
  const outcomes = await page.evaluate(() => window.__blindspot.imports().map((r) => r.outcome));
  expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused', 'previewed', 'refused']);
});

test('a large import (50,400 entities) shows progress, keeps the page responsive, can be cancelled, then imports', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const before = { name: await page.locator('#scenario-name').inputValue(), coverage: await shownCoverage(page) };
  const { text, entities } = museumDxf(3600);
  expect(entities).toBe(50_400);
  await dropFile(page, 'museum.dxf', 'image/vnd.dxf', text);
  const dialog = page.locator('#import');
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog.locator('tr[data-layer="A-WALL"] .import-holds')).toHaveText('28,800 LINE');

  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-progress')).toBeVisible();
  await expect(page.locator('#import-progress-phase')).toHaveText(/Reading the drawing|Cleaning the walls/);
  const frames = await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const t0 = performance.now();
    const tick = () => { n++; if (performance.now() - t0 < 500) requestAnimationFrame(tick); else resolve(n); };
    requestAnimationFrame(tick);
  }));
  expect(frames, 'animation frames in 500 ms while the worker imports').toBeGreaterThan(10);
  await shot(page, 'import-progress');
  await dialog.locator('#import-close').click();
  await expect(page.locator('#import-progress')).toBeHidden();
  await expect(page.locator('#toast')).toContainText('Import cancelled: museum.dxf was not imported');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#scenario-name')).toHaveValue(before.name);
  expect(await shownCoverage(page)).toBe(before.coverage);

  // Again, to the end: the plan is replaced as one undoable step.
  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-done')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('#import-done-summary')).toContainText('3,600 zones');
  const recs = await page.evaluate(() => window.__blindspot.imports());
  const rec = recs[recs.length - 1];
  console.log(`page import of ${entities} entities (${(text.length / 1e6).toFixed(1)} MB): preview ${recs[0].previewMs.toFixed(0)} ms; ` +
    `import ${rec.importMs.toFixed(0)} ms (worker ${rec.workerMs.toFixed(0)} ms, the page's load ${rec.pageMs.toFixed(0)} ms)`);
  await dialog.locator('#import-run').click();
  await waitSettled(page);
  expect(await page.evaluate(() => window.__blindspot.scenario().plan.zones.length)).toBe(3600);
  expect(await page.evaluate(() => window.__blindspot.imports().map((r) => r.outcome))).toEqual(['previewed', 'cancelled', 'imported']);
  await page.locator('#btn-undo').click();
  await expect(page.locator('#scenario-name')).toHaveValue(before.name);
  expect(await shownCoverage(page)).toBe(before.coverage);
});

test('GeoJSON export from the page: plan metres without a georeference; WGS84 with one typed at import', async ({ page }) => {
  await openApp(page);
  await page.locator('#btn-export').click();
  await expect(page.locator('#export-geojson-note')).toContainText('in plan metres');
  await page.locator('#export-geojson').click();
  const plain = await page.evaluate(() => window.__blindspot.exporter.last);
  expect(plain.name).toMatch(/\.geojson$/);
  const fc = JSON.parse(plain.text);
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.blindspot.coordinates).toBe('plan_m');
  await page.locator('#export-close').click();

  // Import the two rooms with a typed georeference; the export is then longitude/latitude around it.
  await dropFile(page, 'two-rooms.dxf', 'image/vnd.dxf', twoRoomsDxf());
  const dialog = page.locator('#import');
  await dialog.locator('select[data-layer="OUTER"]').selectOption('wall');
  await dialog.locator('select[data-layer="AREAS"]').selectOption('room');
  await dialog.locator('input[name="import-georef"][value="typed"]').check();
  await page.locator('#import-geo-lon').fill('2.3376');
  await page.locator('#import-geo-lat').fill('48.8606');
  await page.locator('#import-geo-rot').fill('0');
  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-done-summary')).toContainText('Georeferenced: origin 2.3376');
  await dialog.locator('#import-run').click();
  await waitSettled(page);
  await page.locator('#btn-export').click();
  await expect(page.locator('#export-geojson-note')).toContainText('WGS84');
  await page.locator('#export-geojson').click();
  const geo = JSON.parse((await page.evaluate(() => window.__blindspot.exporter.last)).text);
  expect(geo.blindspot.coordinates).toBe('wgs84');
  const zones = geo.features.filter((/** @type {any} */ f) => f.properties.layer === 'zones');
  expect(zones).toHaveLength(2);
  // 10 m east of the origin is 10 / (111,320 cos 48.86°) ≈ 0.000136° of longitude.
  const lons = zones.flatMap((/** @type {any} */ z) => z.geometry.coordinates[0].map((/** @type {number[]} */ p) => p[0]));
  expect(Math.min(...lons)).toBeCloseTo(2.3376, 6);
  expect(Math.max(...lons) - Math.min(...lons)).toBeCloseTo(10 / (111_320 * Math.cos((48.8606 * Math.PI) / 180)), 6);
});

test('two drawings chosen together import as one level each, bottom to top in the order given', async ({ page }) => {
  await openApp(page);
  const dialog = page.locator('#import');
  const levels = path.join(FIXTURES, 'levels');
  await page.locator('#file-input').setInputFiles([path.join(levels, 'ground.dxf'), path.join(levels, 'first.dxf')]);
  await expect(dialog).toBeVisible();
  await expect(page.locator('#import-h')).toHaveText('Import 2 drawings as levels');
  await expect(page.locator('#import-lead')).toContainText('bottom to top in this order: ground.dxf, first.dxf');
  // Every file's layers once: the walls' row counts both files' entities.
  await expect(dialog.locator('tr[data-layer="A-WALL"] .import-holds')).toHaveText('2 LWPOLYLINE, 1 LINE');
  // Two points are picked on one drawing: not offered for several.
  await expect(page.locator('#import-georef-points-choice')).toBeHidden();
  await shot(page, 'import-two-levels');
  await dialog.locator('#import-run').click();
  await expect.poll(() => page.evaluate(() => window.__blindspot.imports().at(-1)?.outcome)).not.toBe('importing');
  const record = await page.evaluate(() => window.__blindspot.imports().at(-1));
  expect(record.name).toBe('ground.dxf + first.dxf');
  // The core's levels: each file's zones on its level, the elevations guessed 3 m apart.
  expect(record.report.levels.map((/** @type {any} */ l) => [l.id, l.elevation_m, l.elevation_from, l.zones])).toEqual([
    ['ground', 0, 'guessed', 2], ['first', 3, 'guessed', 1],
  ]);
  expect(record.report.zones).toBe(3);
  // The page opens the site: a tab per level, bottom first; the site's totals are both
  // floors' 80 m² (no cameras yet), and the stair marked on both floors is a connection.
  expect(record.outcome).toBe('imported');
  await expect(page.locator('#import-done-summary')).toContainText('1 connection from the stair and lift layers');
  await dialog.locator('#import-run').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#level-tabs [role="tab"]')).toHaveText([/ground/, /first/]);
  await expect.poll(() => page.evaluate(() => window.__blindspot.site().complete)).toBe(true);
  await expect(page.locator('#site-table td.pending')).toHaveCount(0);
  await expect(page.locator('#site-table tr[data-level=""] [data-fig="coverage"]')).toContainText('of 160.0 m²');
  await expect(page.locator('#site-table tr[data-level="ground"] [data-fig="coverage"]')).toContainText('of 80.0 m²');
  const scenario = await page.evaluate(() => window.__blindspot.scenario());
  expect(scenario.connections.map((/** @type {any} */ c) => [c.id, c.from.level, c.to.level])).toEqual([['stair-1', 'ground', 'first']]);
  await shot(page, 'import-two-levels-opened');
});

test('a DXF of floor blocks: the dialog says which blocks become levels, and One plan imports the model as drawn', async ({ page }) => {
  await openApp(page);
  const dialog = page.locator('#import');
  await page.locator('#file-input').setInputFiles(path.join(FIXTURES, 'levels', 'floor-blocks.dxf'));
  await expect(dialog).toBeVisible();
  await expect(page.locator('#import-levels-part')).toBeVisible();
  await expect(page.locator('#import-lead')).toContainText('become 2 levels');
  await expect(page.locator('#import-lead')).toContainText('block "GROUND FLOOR"');
  await shot(page, 'import-floor-blocks');
  // One plan: previewed again without levels; the model space as drawn, floors side by side.
  await page.locator('#import-levels').selectOption('none');
  await expect(page.locator('#import-lead')).not.toContainText('levels');
  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-done')).toBeVisible();
  const record = await page.evaluate(() => window.__blindspot.imports().at(-1));
  expect(record.outcome).toBe('imported');
  expect(record.report.zones).toBe(3);
  expect(record.report.levels).toBeUndefined();
});

test('a DXF of floor blocks imported as the drawing says opens as a site: a level per block at its INSERT\'s z', async ({ page }) => {
  await openApp(page);
  const dialog = page.locator('#import');
  await page.locator('#file-input').setInputFiles(path.join(FIXTURES, 'levels', 'floor-blocks.dxf'));
  await expect(page.locator('#import-lead')).toContainText('become 2 levels');
  await dialog.locator('#import-run').click();
  await expect(page.locator('#import-done')).toBeVisible();
  await expect(page.locator('#import-done-summary')).toContainText('GROUND FLOOR at 0 m (INSERT z; 2 zones), FIRST FLOOR at 5.5 m (INSERT z; 1 zone)');
  await dialog.locator('#import-run').click();
  await expect(page.locator('#level-tabs [role="tab"]')).toHaveText([/GROUND FLOOR/, /FIRST FLOOR/]);
  await expect.poll(() => page.evaluate(() => window.__blindspot.site().complete)).toBe(true);
  await expect(page.locator('#site-table tr[data-level=""] [data-fig="coverage"]')).toContainText('of 160.0 m²');
  const levels = await page.evaluate(() => window.__blindspot.scenario().levels);
  expect(levels.map((/** @type {any} */ l) => [l.id, l.elevation_m])).toEqual([['ground-floor', 0], ['first-floor', 5.5]]);
});
