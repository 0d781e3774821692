// @ts-check
// The renderer's level of detail and what it repaints (www/js/render/wall-mask.js,
// plan.js, coverage.js): a plan of 20,000 wall segments zoomed out has its walls stamped
// as pixels, zoomed in stroked; either way the walls are where the plan puts them (the
// oracle is the plan itself: the pixels on a wall's line are the wall colour, the pixels
// midway between two walls are not). A camera drag repaints the blind layer only where
// its polygons changed, and the result equals the layer drawn whole.
const { test, expect } = require('@playwright/test');
const { openApp, waitSettled, point } = require('./helpers');

/** #1d232b (palette.js WALL) */
const WALL = [29, 35, 43, 255];

/**
 * 100 straight walls along x from 0 to 200 m, 4 m apart (y = 0, 4, ..., 396), each a
 * polyline of 200 one-metre pieces: 20,000 segments. One exterior zone, no camera.
 */
function stripes() {
  const walls = [];
  for (let k = 0; k < 100; k++) {
    const path = [];
    for (let x = 0; x <= 200; x++) path.push([x, 4 * k]);
    walls.push({ id: `w${k}`, kind: 'wall', path });
  }
  return {
    blindspot: 1,
    name: 'Stripes',
    plan: { walls, zones: [{ id: 'site', name: 'Site', kind: 'exterior', priority: 1, polygon: [[0, 0], [200, 0], [200, 396], [0, 396]], holes: [] }] },
    catalog: [{ id: 'omni', name: '360° test camera', hfov_deg: 360, range_m: 10 }],
    cameras: [],
  };
}

/** The colour at plan point (x, y). @param {import('@playwright/test').Page} page @param {number} x @param {number} y */
async function colourAt(page, x, y) {
  return page.evaluate(([a, b]) => {
    const p = window.__blindspot.worldToClient(a, b);
    return window.__blindspot.pixel(p.x, p.y);
  }, [x, y]);
}

test('zoomed out, 20,000 wall segments are stamped as pixels where the walls are; zoomed in, stroked', async ({ page }) => {
  const log = await openApp(page);
  await page.locator('#file-input').setInputFiles({ name: 'stripes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(stripes())) });
  await expect(page.locator('#scenario-name')).toHaveValue('Stripes', { timeout: 30_000 });
  await waitSettled(page);
  const scale = () => page.evaluate(() => {
    const a = window.__blindspot.worldToClient(0, 0), b = window.__blindspot.worldToClient(1, 0);
    return b.x - a.x;
  });
  // Fitted: 396 m tall in the canvas's height, about 2 px per metre: a wall stamped 3 px
  // high (its row and one each side) leaves the row midway between two walls clear.
  const s0 = await scale();
  expect(s0).toBeLessThan(11);
  expect(s0).toBeGreaterThan(1);
  await expect.poll(() => page.evaluate(() => window.__blindspot.lod().walls)).toBe('pixels');
  for (const [x, k] of [[50, 10], [100, 50], [150, 90], [100.5, 0], [199.5, 99]]) {
    expect(await colourAt(page, x, 4 * k), `on wall ${k} at x ${x}`).toEqual(WALL);
    if (k < 99) expect(await colourAt(page, x, 4 * k + 2), `between walls ${k} and ${k + 1}`).not.toEqual(WALL);
  }
  // Beyond the walls' ends: no wall.
  expect(await colourAt(page, 203, 200)).not.toEqual(WALL);

  // Zoomed in over the middle (walls wider than their thinnest): stroked again. From 14 px
  // per metre a wall is over 3 px wide, so the pixel at its line is wholly inside it.
  const mid = await page.evaluate(() => window.__blindspot.worldToClient(100, 200));
  await page.mouse.move(mid.x, mid.y);
  for (let i = 0; i < 6 && (await scale()) < 14; i++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(150);
  }
  expect(await scale()).toBeGreaterThan(13.7);
  await waitSettled(page);
  await expect.poll(() => page.evaluate(() => window.__blindspot.lod().walls)).toBe('paths');
  for (const [x, k] of [[100, 50], [101.5, 49], [98.5, 51]]) {
    expect(await colourAt(page, x, 4 * k), `on wall ${k} at x ${x}, zoomed in`).toEqual(WALL);
    expect(await colourAt(page, x, 4 * k + 2), `between walls ${k} and ${k + 1}, zoomed in`).not.toEqual(WALL);
  }
  expect(log.errors).toEqual([]);
});

test('a camera drag repaints the blind layer where its polygons changed, and it equals the layer drawn whole', async ({ page }) => {
  const log = await openApp(page, '?sample=large.json');
  const from = await point(page, 'cam-28');
  const raf = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.evaluate(() => window.__blindspotPerf.reset());
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    await page.mouse.move(from.x + 3 * k, from.y + 2 * k);
    await raf();
  }
  const parts = await page.evaluate(() => window.__blindspotPerf.parts.map((p) => Object.keys(p.redrawn)));
  expect(parts.flat()).toContain('blind (part)');
  expect(await page.evaluate(() => window.__blindspot.renderDiff('blind'))).toMatchObject({ differing: 0 });
  expect(await page.evaluate(() => window.__blindspot.renderDiff())).toMatchObject({ differing: 0 });
  await page.mouse.up();
  await waitSettled(page);
  expect(await page.evaluate(() => window.__blindspot.renderDiff('blind'))).toMatchObject({ differing: 0 });
  expect(log.errors).toEqual([]);
});
