// @ts-check
// Budget options over a whole site of several levels (docs/web-app.md, "Levels"): the real
// page, the real wasm core in the budget worker, the dialog driven with the mouse. The CLI
// (`blindspot optimize --budget` on the same file, the native core's `Site`) is the oracle
// for the page's per-level figures, and its report of the layout it writes is the oracle
// for the site panel's totals once the page's proposal is applied.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { openApp, waitSettled } = require('./helpers');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/blindspot');
const FIXTURE = path.join(ROOT, 'tests/fixtures/levels/quay-and-two-floors.json');
const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** 0.1 as the page shows it. @param {number} x */
const one = (x) => (Math.round(x * 10) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** @param {import('@playwright/test').Page} page */
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

/** @param {import('@playwright/test').Page} page */
async function waitDone(page) {
  await page.waitForFunction(() => !document.body.dataset.optimizing, null, { timeout: 60_000 });
}

/** The site panel's row of a level ('' for the site) as shown. @param {import('@playwright/test').Page} page @param {string} id */
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

/**
 * The CLI's site proposal for this budget (the page's defaults: cameras kept, seed 1, 2500
 * candidates, 1 m apart, 3 m high), its per-level lines parsed, and the file it wrote.
 * @param {number} budget
 */
function cliProposal(budget) {
  const out = path.join(ARTIFACTS, `site-budget-${budget}.json`);
  const text = execFileSync(CLI, ['optimize', FIXTURE, '--budget', String(budget), '--existing', 'keep', '--output', out], { encoding: 'utf8' });
  const levels = [...text.matchAll(/^ {2}(.+): share (\d+), (\d+) camera\(s\) \((\d+) new, (\d+) moved, (\d+) removed\), cost (\d+) EUR, weighted coverage [\d.]+% exact \(([\d.]+)% estimated\)$/gm)]
    .map((m) => ({ name: m[1], share: Number(m[2]), cameras: Number(m[3]), added: Number(m[4]), cost: Number(m[7]), estimated: m[8] }));
  const site = /^site: (\d+) camera\(s\), cost (\d+) EUR of (\d+), weighted coverage [\d.]+% exact \(([\d.]+)% estimated\)/m.exec(text);
  expect(site, text).not.toBeNull();
  return { text, levels, cameras: Number(site?.[1]), cost: Number(site?.[2]), estimated: site?.[4], file: out };
}

test('the whole site\'s budget: the dialog offers it by default, the proposal splits the budget as the CLI does, and the site panel shows the layout', async ({ page }) => {
  await openSite(page);
  const asIs = await row(page, '');
  // The budget dialog, with the mouse: the span is "the whole site" unless chosen otherwise.
  await page.locator('#btn-optimize').click();
  await expect(page.locator('#optimizer')).toBeVisible();
  await expect(page.locator('#opt-span')).toBeVisible();
  await expect(page.locator('input[name=opt-span][value=site]')).toBeChecked();
  await expect(page.locator('#opt-span-level')).toHaveText('This level only (Quay)');
  // Another goal than a budget is refused over the whole site, with a message.
  await page.locator('input[name=goal][value=cameras]').click();
  await page.locator('#opt-run').click();
  await expect(page.locator('#opt-error')).toHaveText(/Over the whole site the optimiser takes a budget/);
  await page.locator('#opt-budget').click();
  await page.locator('#opt-budget').fill('2000');
  await expect(page.locator('input[name=goal][value=budget]')).toBeChecked();
  await page.locator('#optimizer').screenshot({ path: path.join(ARTIFACTS, 'site-budget-dialog.png') });
  await page.locator('#opt-run').click();
  await expect(page.locator('#opt-progress')).toBeVisible();
  await waitDone(page);
  await waitSiteSettled(page);

  const meta = await page.evaluate(() => window.__blindspot.activeMeta());
  expect(meta?.kind).toBe('proposal');
  const p = /** @type {any} */ (meta?.proposal);
  expect(p.cost).toBeLessThanOrEqual(2000);
  expect(p.levels.map((/** @type {any} */ l) => l.name)).toEqual(['Quay', 'Ground floor', 'First floor']);
  const runs = await page.evaluate(() => window.__blindspot.optimizerRuns());
  expect(runs[runs.length - 1].kind).toBe('optimizeSite');

  // The CLI on the same file and budget: the same split, level by level.
  const cli = cliProposal(2000);
  expect(cli.levels).toHaveLength(3);
  const card = page.locator('#proposal-card');
  await expect(card).toBeVisible();
  const rows = await card.locator('#site-split tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    level: tr.getAttribute('data-level'), name: tr.querySelector('th')?.textContent, share: Number(tr.getAttribute('data-share')),
    added: Number(tr.getAttribute('data-added')), cost: Number(tr.getAttribute('data-cost')), coverage: Number(tr.getAttribute('data-coverage')) })));
  expect(rows.map((r) => r.level)).toEqual(['site', 'ground', 'first']);
  rows.forEach((r, k) => {
    const c = cli.levels[k];
    expect(r.name).toBe(c.name);
    expect(Math.round(r.share)).toBe(c.share);
    expect(r.added).toBe(c.added);
    expect(Math.round(r.cost)).toBe(c.cost);
    // The CLI prints the estimate to 0.1 %: within half of that (the card's attribute is
    // rounded to 6 decimals, so a figure such as 49.75 % may print either way).
    expect(Math.abs(r.coverage * 100 - Number(c.estimated))).toBeLessThanOrEqual(0.05 + 1e-6);
    expect(r.cost).toBeLessThanOrEqual(r.share + 1e-9);
  });
  expect(Math.round(p.cost)).toBe(cli.cost);
  expect(Math.abs(p.estimated_coverage * 100 - Number(cli.estimated))).toBeLessThanOrEqual(0.05 + 1e-6);
  expect(p.cameras).toBe(cli.cameras);
  await expect(card).toContainText('Site weighted coverage, estimated');
  await expect(card).toContainText(`${(p.estimated_coverage * 100).toFixed(1)}`);

  // The layout holds every level's cameras: the site panel's totals are those of the
  // CLI's layout, as the CLI reports it (the ids differ, the cameras do not).
  const report = JSON.parse(execFileSync(CLI, ['report', cli.file, '--format', 'json'], { encoding: 'utf8' }));
  expect(await row(page, '')).toEqual(expected(report.site));
  for (const l of report.levels) expect(await row(page, l.id)).toEqual(expected(l.headline));
  expect(await row(page, '')).not.toEqual(asIs);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: path.join(ARTIFACTS, 'site-budget-card.png') });
  // On another level the layout is the same (its cameras there) and the card stays.
  await page.locator('#site-table tr[data-level="first"] button').click();
  await waitSiteSettled(page);
  await expect(card.locator('#site-split tbody tr')).toHaveCount(3);
  expect(await row(page, '')).toEqual(expected(report.site));
});

test('this level only: the run of the level shown, as before', async ({ page }) => {
  await openSite(page);
  await page.locator('#btn-optimize').click();
  await page.locator('input[name=opt-span][value=level]').click();
  await page.locator('#opt-budget').click();
  await page.locator('#opt-budget').fill('1000');
  await page.locator('#opt-run').click();
  await waitDone(page);
  await waitSiteSettled(page);
  const runs = await page.evaluate(() => window.__blindspot.optimizerRuns());
  expect(runs[runs.length - 1].kind).toBe('optimize');
  const meta = await page.evaluate(() => window.__blindspot.activeMeta());
  expect(meta?.proposal.cost).toBeLessThanOrEqual(1000);
  expect(meta?.proposal.levels).toBeUndefined();
  await expect(page.locator('#site-split')).toHaveCount(0);
});

test('a plan of one level: the dialog has no span', async ({ page }) => {
  await openApp(page);
  await page.locator('#btn-optimize').click();
  await expect(page.locator('#optimizer')).toBeVisible();
  await expect(page.locator('#opt-span')).toBeHidden();
});

test('the whole site\'s cost curve: each budget split over the levels within it, and a dot opens a layout of every level', async ({ page }) => {
  await openSite(page);
  await page.locator('#btn-curve').click();
  await expect(page.locator('#optimizer')).toBeVisible();
  await page.locator('#opt-max-budget').click();
  await page.locator('#opt-max-budget').fill('3000');
  await page.locator('#opt-run-curve').click();
  await expect(page.locator('#curve')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#curve-sub')).toContainText('The whole site, 3 levels');
  const points = /** @type {any[]} */ (await page.evaluate(() => /** @type {any} */ (window.__blindspot).budgetCurve()));
  expect(points.length).toBeGreaterThanOrEqual(3);
  for (const p of points) {
    expect(p.cost).toBeLessThanOrEqual(p.budget + 1e-6);
    expect(p.levels.map((/** @type {any} */ l) => l.level)).toEqual(['site', 'ground', 'first']);
    const spend = p.levels.reduce((/** @type {number} */ a, /** @type {any} */ l) => a + l.cost, 0);
    expect(spend).toBeCloseTo(p.cost, 6);
  }
  for (let k = 1; k < points.length; k++) expect(points[k].estimated_coverage).toBeGreaterThanOrEqual(points[k - 1].estimated_coverage - 1e-12);
  // The table has a column per level.
  await expect(page.locator('#curve-table thead th')).toHaveText(['Spend', 'Total', 'Cameras', 'Weighted coverage (estimated)', 'Quay', 'Ground floor', 'First floor', '']);
  await page.locator('#curve').screenshot({ path: path.join(ARTIFACTS, 'site-curve.png') });
  // The last point (the most spent) opens as a layout of every level.
  const k = points.length - 1;
  await page.locator('#curve .curve-dot').nth(k).click();
  await expect(page.locator('#curve')).toBeHidden();
  await waitSiteSettled(page);
  const meta = await page.evaluate(() => window.__blindspot.activeMeta());
  expect(meta?.kind).toBe('curve');
  expect(meta?.point?.cost).toBeCloseTo(points[k].cost, 6);
  await expect(page.locator('#proposal-card #site-split tbody tr')).toHaveCount(3);
  // The site panel counts every level's cameras of the point.
  expect((await row(page, '')).cameras).toBe(String(points[k].camera_count));
});

test('a whole-site run tells the level and step it is on and can be cancelled, changing nothing', async ({ page }) => {
  // A generated site of three levels, large enough to take seconds in the worker.
  const file = path.join(ARTIFACTS, 'site-budget-gen3.json');
  execFileSync(CLI, ['generate', '--walls', '5000', '--cameras', '150', '--levels', '3', '--seed', '1', '-o', file], { encoding: 'utf8', stdio: 'pipe' });
  await openApp(page);
  await page.locator('#file-input').setInputFiles({ name: 'gen3.json', mimeType: 'application/json', buffer: fs.readFileSync(file) });
  await expect.poll(() => page.evaluate(() => window.__blindspot.site().complete), { timeout: 120_000 }).toBe(true);
  const before = await page.evaluate(() => window.__blindspot.layouts());
  await page.locator('#btn-optimize').click();
  await page.locator('#opt-budget').click();
  await page.locator('#opt-budget').fill('15000');
  await page.locator('#opt-run').click();
  await expect(page.locator('#opt-progress')).toContainText(/Quay and approach, cost curve \(step 1 of 6\)/, { timeout: 30_000 });
  await page.locator('#opt-cancel').click();
  await waitDone(page);
  await expect(page.locator('#opt-progress')).toBeHidden();
  expect(await page.evaluate(() => window.__blindspot.layouts())).toEqual(before);
  const runs = await page.evaluate(() => window.__blindspot.optimizerRuns());
  expect(runs[runs.length - 1]).toMatchObject({ kind: 'optimizeSite', cancelled: true });
});
