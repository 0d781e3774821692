// @ts-check
// Opening a large file (issue 8 item 3): read, checked and prepared in a worker with
// progress and Cancel; Cancel leaves the plan as it was; a bad large file is refused
// with the core's message and its place; the page stays responsive meanwhile.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { openApp, waitSettled, shownCoverage } = require('./helpers');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/blindspot');

/** A generated plan of 20,000 wall segments and 300 cameras (about 1.5 MB): big enough to open through the worker. */
function bigPlan() {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build it with cargo build --release --bin blindspot (scripts/test.sh does)`);
  return execFileSync(CLI, ['generate', '--walls', '20000', '--cameras', '300', '--seed', '4'], { maxBuffer: 64 << 20 });
}

test('a large file opens in a worker with progress and Cancel; Cancel and a bad file leave the plan as it was', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const before = { name: await page.locator('#scenario-name').inputValue(), coverage: await shownCoverage(page) };
  const big = bigPlan();
  expect(big.length).toBeGreaterThan(1_000_000);
  const panel = page.locator('#open-progress');

  // Cancel while the worker works: nothing changes, and the page kept answering.
  await page.locator('#file-input').setInputFiles({ name: 'galleries.json', mimeType: 'application/json', buffer: big });
  await expect(panel).toBeVisible();
  await expect(page.locator('#open-progress-title')).toContainText('Opening galleries.json');
  await expect(page.locator('#open-progress-phase')).toHaveText(/Checking the scenario|Preparing the plan/);
  // The page keeps serving frames while the worker works (polled: on a loaded machine a
  // single window of time can be starved by other processes, not by the page).
  const framesIn250ms = () => page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const t0 = performance.now();
    const tick = () => { n++; if (performance.now() - t0 < 250) requestAnimationFrame(tick); else resolve(n); };
    requestAnimationFrame(tick);
  }));
  await expect.poll(framesIn250ms, { message: 'animation frames in 250 ms while the worker works', timeout: 10_000 }).toBeGreaterThan(4);
  await expect(panel).toBeVisible();
  await page.locator('#open-cancel').click();
  await expect(panel).toBeHidden();
  await expect(page.locator('#toast')).toContainText('Cancelled: galleries.json was not opened');
  await expect(page.locator('#scenario-name')).toHaveValue(before.name);
  expect(await shownCoverage(page)).toBe(before.coverage);
  expect(await page.evaluate(() => window.__blindspot.opens().map((o) => o.outcome))).toEqual(['cancelled']);

  // A large file with an error deep inside: refused with the core's message and its place.
  const bad = JSON.parse(big.toString('utf8'));
  bad.cameras[250].position = 'by the door';
  await page.locator('#file-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const banner = page.locator('#banner');
  await expect(banner).toContainText('Could not open bad.json', { timeout: 60_000 });
  await expect(banner).toContainText('cameras[250].position');
  await expect(banner).toContainText('the current plan is unchanged');
  await expect(page.locator('#scenario-name')).toHaveValue(before.name);
  await page.locator('#banner-close').click();

  // Not UTF-8 (a Latin-1 byte in a name): refused with its line and column.
  const latin1 = Buffer.concat([big.subarray(0, 40), Buffer.from([0xe9]), big.subarray(40)]);
  await page.locator('#file-input').setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  await expect(banner).toContainText('not UTF-8 text: byte 40 (line');
  await page.locator('#banner-close').click();

  // Opened to the end: the new plan replaces the old as one undoable step.
  await page.locator('#file-input').setInputFiles({ name: 'galleries.json', mimeType: 'application/json', buffer: big });
  await expect(page.locator('#open-progress-phase')).toContainText('Putting it on the plan', { timeout: 60_000 });
  await expect(panel).toBeHidden({ timeout: 60_000 });
  const name = JSON.parse(big.toString('utf8')).name;
  await expect(page.locator('#scenario-name')).toHaveValue(name);
  await waitSettled(page);
  expect(await page.evaluate(() => window.__blindspot.scenario().cameras.length)).toBe(300);
  const opens = await page.evaluate(() => window.__blindspot.opens());
  expect(opens.map((o) => o.outcome)).toEqual(['cancelled', 'refused', 'refused', 'opened']);
  expect(opens[3].timing.prepareMs).toBeGreaterThan(0);
  expect(opens[3].timing.snapshotMs, 'the worker handed its scene over as a snapshot').toBeGreaterThan(0);
  // The scene rebuilt from the worker's snapshot gives the native CLI's figures exactly.
  const saved = path.join(os.tmpdir(), `open-spec-${process.pid}.json`);
  fs.writeFileSync(saved, big);
  const report = JSON.parse(execFileSync(CLI, ['report', saved, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  fs.rmSync(saved);
  const summary = await page.evaluate(() => window.__blindspot.summary());
  expect(Object.keys(summary).length).toBeGreaterThan(3);
  // (The report's cameras also carry their view polygons; the summary's do not.)
  report.cameras = report.cameras.map((/** @type {any} */ { view, ...rest }) => rest);
  for (const [key, value] of Object.entries(summary)) expect(report[key], `the page's ${key} against the CLI's`).toEqual(value);
  await page.locator('#btn-undo').click();
  await expect(page.locator('#scenario-name')).toHaveValue(before.name);
  expect(await shownCoverage(page)).toBe(before.coverage);
});

test('while a large file opens the page answers clicks; once open, the zones table builds only the rows in view, the warm-up leaves the figures exact, and a reload restores the plan from IndexedDB', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const big = bigPlan();
  const file = JSON.parse(big.toString('utf8'));
  const zones = file.plan.zones.length;
  expect(zones, 'the generated plan has far more zones than rows are built').toBeGreaterThan(1000);
  const panel = page.locator('#open-progress');

  // A click is served while the worker works: a camera of the plan shown gets selected.
  await page.locator('#file-input').setInputFiles({ name: 'galleries.json', mimeType: 'application/json', buffer: big });
  await expect(page.locator('#open-progress-phase')).toHaveText(/Checking the scenario|Preparing the plan/);
  const item = page.locator('#camera-list .cam-item').nth(1);
  await item.click();
  await expect(item).toHaveClass(/selected/);
  await expect(panel).toBeVisible();
  await expect(panel).toBeHidden({ timeout: 90_000 });
  await expect(page.locator('#scenario-name')).toHaveValue(file.name);
  await waitSettled(page);

  // The zones table: the order of the panel (priority, then name), only the rows in view built.
  const byName = new Intl.Collator().compare;
  const order = file.plan.zones.map((/** @type {any} */ z) => ({ id: z.id, name: z.name, priority: z.priority ?? 1 }))
    .sort((/** @type {any} */ a, /** @type {any} */ b) => (b.priority - a.priority) || byName(a.name, b.name));
  const list = page.locator('#zone-list');
  const rows = list.locator('.zone-row');
  const figures = await page.evaluate(() => Object.fromEntries(window.__blindspot.summary().zones.map((z) => [z.id, z])));
  /** The rows built: their place in the table, zone and percentage shown. */
  const built = () => rows.evaluateAll((els) => els.map((e) => ({
    at: Number(e.getAttribute('aria-posinset')) - 1, id: e.getAttribute('data-zone'), total: Number(e.getAttribute('aria-setsize')),
    value: Number(/** @type {HTMLElement} */ (e.querySelector('.zone-pct')).dataset.value) })));
  /** Every row built is the zone at its place with that zone's figure; the one at `at` is among them. @param {number} at */
  async function showsRowsAround(at) {
    const b = await built();
    expect(b.length, 'rows built for a table of thousands').toBeLessThan(80);
    for (const r of b) {
      expect(r.total).toBe(zones);
      expect(r.id, `row ${r.at}`).toBe(order[r.at].id);
      const z = figures[r.id];
      expect(r.value).toBe(z.required_level ? z.required_coverage : z.coverage);
    }
    return b.some((r) => r.at === at);
  }
  expect(await showsRowsAround(0)).toBe(true);
  for (const at of [Math.floor(zones / 2), zones - 1]) {
    const top = await rows.first().evaluate((e, k) => {
      const box = /** @type {HTMLElement} */ (e.parentElement);
      const pitch = /** @type {HTMLElement} */ (e.nextElementSibling).getBoundingClientRect().top - e.getBoundingClientRect().top;
      box.scrollTop = k * pitch;
      return box.scrollTop;
    }, at);
    expect(top).toBeGreaterThan(0);
    await expect.poll(() => showsRowsAround(at), { message: `row ${at} built after scrolling to it` }).toBe(true);
  }
  // The zone at the middle of the table is there to click: it zooms to that zone.
  await expect(list.locator(`.zone-row[data-zone="${order[zones - 1].id}"]`)).toBeVisible();

  // The warm-up ran in steps after the figures were shown and left the scene as it was:
  // the figures and layers kept from before it equal those computed afresh.
  await page.waitForFunction(() => document.body.dataset.warm, null, { timeout: 60_000 });
  // ('slow': it stopped after a step that took longer than a frame's worth, as on a loaded machine.)
  expect(await page.evaluate(() => document.body.dataset.warm)).toMatch(/^(warm|slow)$/);
  const check = await page.evaluate(() => window.__blindspot.leanCheck());
  expect({ summary: check.summary, views: check.views, dead: check.dead, bands: check.bands }, 'kept against fresh after the warm-up')
    .toEqual({ summary: true, views: true, dead: true, bands: true });
  // What the open worker computed from its scene equals the page's core's calls on the rebuilt one.
  expect(await page.evaluate(() => window.__blindspot.firstFiguresCheck()), 'the worker\'s first figures against fresh calls')
    .toEqual({ blind: true, labels: true, blindSpots: true, shortfall: true });

  // The autosave keeps a large plan in IndexedDB (local storage has a pointer to it), and a
  // reload opens it through the worker.
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('blindspot.autosave.v1') ?? '{}').large === true),
    { message: 'the autosave points to the large plan', timeout: 30_000 }).toBe(true);
  const coverage = await shownCoverage(page);
  await page.goto('/');
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120_000 });
  expect(await page.evaluate(() => document.body.dataset.ready)).toBe('true');
  await expect(page.locator('#scenario-name')).toHaveValue(file.name);
  await waitSettled(page);
  expect(await shownCoverage(page)).toBe(coverage);
  const opens = await page.evaluate(() => window.__blindspot.opens());
  expect(opens.map((o) => o.outcome)).toEqual(['opened']);
  expect(await page.evaluate(() => window.__blindspot.scenario().plan.zones.length)).toBe(zones);
});
