// @ts-check
// Shared helpers for the browser tests.
const { expect } = require('@playwright/test');

/**
 * Opens the page and records console errors, page errors and every request.
 * @param {import('@playwright/test').Page} page @param {string} [query]
 */
async function openApp(page, query = '?fresh') {
  const log = { errors: /** @type {string[]} */ ([]), requests: /** @type {string[]} */ ([]) };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(query);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30_000 });
  expect(await page.evaluate(() => document.body.dataset.ready)).toBe('true');
  await waitSettled(page);
  return log;
}

/** Waits until the exact report for the current state is on screen. @param {import('@playwright/test').Page} page */
async function waitSettled(page) {
  await page.waitForFunction(() => {
    const v = window.__blindspot?.settledVersion?.();
    return v !== undefined && v >= 0 && document.body.dataset.settled === String(v) &&
      document.getElementById('stat-state')?.textContent === 'exact';
  }, null, { timeout: 10_000 });
}

/** @param {import('@playwright/test').Page} page */
async function shownCoverage(page) {
  return (await page.locator('#stat-coverage').textContent())?.trim() ?? '';
}

/** @param {import('@playwright/test').Page} page @param {string} id @param {string} [which] */
async function point(page, id, which = 'centre') {
  const p = await page.evaluate(([i, w]) => window.__blindspot.screenPoint(i, /** @type {any} */ (w)), [id, which]);
  if (!p) throw new Error(`no camera ${id}`);
  return p;
}

/** @param {import('@playwright/test').Page} page @param {string} id */
async function camera(page, id) {
  return page.evaluate((i) => window.__blindspot.scenario().cameras.find((c) => c.id === i), id);
}

/** A real mouse drag in small steps. @param {import('@playwright/test').Page} page
 * @param {{x: number, y: number}} from @param {{x: number, y: number}} to */
async function drag(page, from, to, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }
  await page.mouse.up();
}

/** Selects a camera by clicking it. @param {import('@playwright/test').Page} page @param {string} id */
async function clickCamera(page, id) {
  const p = await point(page, id);
  await page.mouse.click(p.x, p.y);
  await expect.poll(() => page.evaluate(() => window.__blindspot.selectedId())).toBe(id);
}

module.exports = { openApp, waitSettled, shownCoverage, point, camera, drag, clickCamera };
