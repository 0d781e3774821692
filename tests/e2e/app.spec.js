// @ts-check
// End-to-end tests of the web app: the real page, the real wasm core, real pointer input.
const { test, expect } = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { openApp, waitSettled, shownCoverage, point, camera, drag, clickCamera } = require('./helpers');

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'target/release/blindspot');
const ARTIFACTS = path.join(__dirname, 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

test('loads the default sample with no console errors and no requests to other origins', async ({ page, baseURL }) => {
  const log = await openApp(page);
  await expect(page.locator('#scenario-name')).toHaveValue('Museum wing — as is');
  await expect(page.locator('#stat-coverage')).toHaveText(/^\d+\.\d$/);
  await expect(page.locator('#blind-list li')).not.toHaveCount(0);
  // The CSP is in force.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  // Hover a bit and open the help, so more of the page runs.
  const c = await point(page, 'quay-east');
  await page.mouse.move(c.x - 120, c.y + 60);
  await page.keyboard.press('?');
  await expect(page.locator('#help')).toBeVisible();
  await page.locator('#help-close').click();
  await page.waitForTimeout(300);
  const origin = new URL(/** @type {string} */ (baseURL)).origin;
  const foreign = log.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign, `requests to other origins: ${foreign.join(', ')}`).toEqual([]);
  expect(log.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(log.errors, log.errors.join('\n')).toEqual([]);
});

test('dragging a camera changes coverage, and the figure shown is what the core reports for the saved file', async ({ page }, info) => {
  await openApp(page);
  const before = await shownCoverage(page);
  const cam0 = await camera(page, 'quay-east');
  const from = await point(page, 'quay-east');
  // Drag the quay camera 14 m west, in front of the balcony.
  const to = await page.evaluate(([x, y]) => window.__blindspot.worldToClient(x, y), [cam0.position[0] - 14, cam0.position[1] - 3]);
  await drag(page, from, to, 20);
  await waitSettled(page);
  const cam1 = await camera(page, 'quay-east');
  expect(cam1.position[0]).toBeLessThan(cam0.position[0] - 10);
  const after = await shownCoverage(page);
  expect(after).not.toBe(before);
  // The drag recorded frame timings for the benchmark.
  expect(await page.evaluate(() => window.__blindspotPerf.frames.length)).toBeGreaterThan(3);
  expect(await page.evaluate(() => window.__blindspotPerf.settle.length)).toBeGreaterThan(0);

  // Save through the button and check the saved scenario is the one on screen.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-save').click()]);
  expect(download.suggestedFilename()).toBe('museum-wing-as-is.json');
  const saved = path.join(ARTIFACTS, `saved-${info.workerIndex}.json`);
  await download.saveAs(saved);
  const scenario = JSON.parse(fs.readFileSync(saved, 'utf8'));
  expect(scenario.cameras.find((c) => c.id === 'quay-east').position).toEqual(cam1.position);

  const shown = {
    coverage: after,
    weighted: (await page.locator('#stat-weighted').textContent())?.trim(),
    blind: (await page.locator('#stat-blind').textContent())?.trim(),
  };
  // Without the CLI the comparison cannot run: the test is reported skipped, with why (never passed).
  test.skip(!fs.existsSync(CLI), `${CLI} is missing: build it (cargo build --release --bin blindspot) to compare the page with the CLI's report`);
  const report = JSON.parse(execFileSync(CLI, ['report', saved, '--format', 'json'], { encoding: 'utf8' }));
  const one = (x) => (Math.round(x * 10) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  expect(shown.coverage).toBe(one(report.coverage * 100));
  expect(shown.weighted).toBe(`${one(report.weighted_coverage * 100)} %`);
  expect(shown.blind).toBe(`${one(report.blind_area_m2)} m²`);
  // Per zone too: the share seen at the required level (what the table shows) and plain coverage.
  for (const z of report.zones) {
    const row = page.locator(`.zone-row[data-zone="${z.id}"] .zone-pct`);
    await expect(row).toHaveText(`${one(z.required_coverage * 100)} %`);
    expect(one(Number(await row.getAttribute('data-coverage')) * 100)).toBe(one(z.coverage * 100));
  }
  // Each density level of the whole target.
  for (const l of report.levels) {
    await expect(page.locator(`#level-list li[data-level="${l.name}"] .level-pct`)).toHaveText(`${one(l.coverage * 100)} %`);
  }
});

test('the heading, field-of-view and range handles turn, widen and extend the camera', async ({ page }) => {
  await openApp(page);
  await clickCamera(page, 'quay-east');
  const c0 = await camera(page, 'quay-east');
  expect(c0.heading_deg).toBe(0);
  const areaBefore = await page.evaluate(() => window.__blindspot.summary().cameras[0].view_area_m2);
  // A fixed lens has no field-of-view handles: its view is the lens's.
  const fixedEdge = await point(page, 'quay-east', 'fovLeft');
  await page.mouse.move(fixedEdge.x, fixedEdge.y);
  await expect(page.locator('#tooltip')).not.toContainText('widen');

  // Heading: drag the knob a quarter turn round the camera, to point west (180°).
  const centre = await point(page, 'quay-east');
  const knob = await point(page, 'quay-east', 'heading');
  const r = Math.hypot(knob.x - centre.x, knob.y - centre.y);
  await page.mouse.move(knob.x, knob.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    const a = (Math.PI * i) / 12; // 0 -> 180° counter-clockwise; screen y is down
    await page.mouse.move(centre.x + r * Math.cos(a), centre.y - r * Math.sin(a));
  }
  await page.mouse.up();
  await waitSettled(page);
  const c1 = await camera(page, 'quay-east');
  expect(Math.abs(c1.heading_deg - 180)).toBeLessThan(2);

  // Give it the varifocal model (in the plan's catalogue, unused so far): now the edge
  // handles zoom the lens. Dragging an edge inwards in angle narrows the view: a longer
  // focal length, within the lens's range, and a smaller area.
  await page.locator('#cam-model').selectOption('varifocal-4mp-2.8-12mm');
  await waitSettled(page);
  expect((await camera(page, 'quay-east')).model).toBe('varifocal-4mp-2.8-12mm');
  await expect(page.locator('#cam-focal')).toHaveValue('2.8');
  const fovBefore = await page.evaluate(() => window.__blindspot.summary().cameras[0]);
  expect(fovBefore.hfov_deg).toBeGreaterThan(80);
  const edge = await point(page, 'quay-east', 'fovLeft');
  const ang = Math.atan2(-(edge.y - centre.y), edge.x - centre.x) - (fovBefore.hfov_deg / 4) * (Math.PI / 180);
  const d = Math.hypot(edge.x - centre.x, edge.y - centre.y);
  await drag(page, edge, { x: centre.x + d * Math.cos(ang), y: centre.y - d * Math.sin(ang) }, 8);
  await waitSettled(page);
  const c2 = await camera(page, 'quay-east');
  expect(c2.hfov_deg).toBeUndefined();
  expect(c2.focal_mm).toBeGreaterThan(3.5);
  expect(c2.focal_mm).toBeLessThanOrEqual(12);
  const fovAfter = await page.evaluate(() => window.__blindspot.summary().cameras[0]);
  // The core's view follows the lens: about half the angle it had.
  expect(fovAfter.hfov_deg).toBeGreaterThan(fovBefore.hfov_deg * 0.4);
  expect(fovAfter.hfov_deg).toBeLessThan(fovBefore.hfov_deg * 0.6);
  expect(fovAfter.view_area_m2).toBeLessThan(fovBefore.view_area_m2);
  await expect(page.locator('#cam-focal')).toHaveValue(String(c2.focal_mm));
  await expect(page.locator('#cam-hfov')).toHaveValue(String(Math.round(fovAfter.hfov_deg * 10) / 10));

  // Range: pull the square handle in to about half.
  const rangeHandle = await point(page, 'quay-east', 'range');
  await drag(page, rangeHandle, { x: (rangeHandle.x + centre.x) / 2, y: (rangeHandle.y + centre.y) / 2 }, 8);
  await waitSettled(page);
  const c3 = await camera(page, 'quay-east');
  expect(c3.range_m).toBeGreaterThan(18);
  expect(c3.range_m).toBeLessThan(32);
  expect(areaBefore).not.toBe(await page.evaluate(() => window.__blindspot.summary().cameras[0].view_area_m2));
  // Each gesture is one undo step.
  await page.locator('#btn-undo').click();
  expect((await camera(page, 'quay-east')).range_m).toBeUndefined();
});

test('add, duplicate, delete, undo and redo (buttons and keys)', async ({ page }) => {
  await openApp(page);
  const count = () => page.evaluate(() => window.__blindspot.scenario().cameras.length);
  expect(await count()).toBe(6);

  // Add with the toolbar button, then a click on the plan.
  await page.locator('#btn-add').click();
  await expect(page.locator('#mode-hint')).toBeVisible();
  const spot = await page.evaluate(() => window.__blindspot.worldToClient(12, 18));
  await page.mouse.click(spot.x, spot.y);
  expect(await count()).toBe(7);
  const added = await page.evaluate(() => window.__blindspot.selectedId());
  expect(added).toBe('cam-1');
  const cam = await camera(page, 'cam-1');
  expect(cam.position[0]).toBeCloseTo(12, 0);
  expect(cam.position[1]).toBeCloseTo(18, 0);
  await waitSettled(page);
  await expect(page.locator('#stat-cameras')).toHaveText('7');

  // Duplicate (button), then delete (Delete key).
  await page.locator('#btn-duplicate').click();
  expect(await count()).toBe(8);
  const dup = await page.evaluate(() => window.__blindspot.selectedId());
  expect(dup).not.toBe('cam-1');
  await page.locator('#plan').focus();
  await page.keyboard.press('Delete');
  expect(await count()).toBe(7);
  expect(await page.evaluate((id) => window.__blindspot.scenario().cameras.some((c) => c.id === id), dup)).toBe(false);

  // Undo the delete (Ctrl+Z), the duplicate (button); redo one (Ctrl+Shift+Z).
  await page.keyboard.press('Control+z');
  expect(await count()).toBe(8);
  await page.locator('#btn-undo').click();
  expect(await count()).toBe(7);
  await page.keyboard.press('Control+Shift+z');
  expect(await count()).toBe(8);
  await page.locator('#btn-undo').click();
  await page.locator('#btn-undo').click();
  expect(await count()).toBe(6);
  await expect(page.locator('#btn-undo')).toBeDisabled();
  await page.locator('#btn-redo').click();
  expect(await count()).toBe(7);
  await waitSettled(page);

  // Add by keyboard alone: N, then Enter places it in the middle of the view.
  await page.locator('#plan').focus();
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  expect(await count()).toBe(8);
  // Delete button removes the selected one.
  await page.locator('#btn-delete').click();
  expect(await count()).toBe(7);
});

test('keyboard: Tab selects cameras, arrows move, brackets rotate, edits undo as one step', async ({ page }) => {
  await openApp(page);
  await page.locator('#plan').focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => window.__blindspot.selectedId())).toBe('quay-east');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => window.__blindspot.selectedId())).toBe('gallery-west');
  await page.keyboard.press('Shift+Tab');
  const c0 = await camera(page, 'quay-east');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('[');
  const c1 = await camera(page, 'quay-east');
  expect(c1.position[0]).toBeCloseTo(c0.position[0] - 0.5, 6);
  expect(c1.position[1]).toBeCloseTo(c0.position[1] + 1, 6);
  expect(c1.heading_deg).toBe(5);
  // A fixed lens cannot be widened: the page says so and changes nothing.
  await page.keyboard.press('Period');
  await expect(page.locator('#toast')).toContainText('fixed lens');
  expect((await camera(page, 'quay-east')).hfov_deg).toBeUndefined();
  // Tilt keys: ' tilts down, ; up, 1° a press.
  await page.keyboard.press("'");
  await page.keyboard.press("'");
  await page.keyboard.press(';');
  expect((await camera(page, 'quay-east')).tilt_deg).toBe(c0.tilt_deg + 1);
  // The five nudges left and the one up are one "move" step.
  await page.keyboard.press('Control+z'); // tilt
  expect((await camera(page, 'quay-east')).tilt_deg).toBe(c0.tilt_deg);
  await page.keyboard.press('Control+z'); // rotate
  await page.keyboard.press('Control+z'); // move
  expect((await camera(page, 'quay-east')).position).toEqual(c0.position);
  // The side panel fields edit the camera too. The heading is shown as a bearing:
  // bearing 180 (south) is the file's heading 270.
  await page.locator('#cam-heading').fill('180');
  await page.locator('#cam-heading').press('Enter');
  expect((await camera(page, 'quay-east')).heading_deg).toBe(270);
  await page.locator('#cam-hfov').fill('0');
  await page.locator('#cam-hfov').press('Enter');
  await expect(page.locator('#banner')).toBeVisible();
  expect((await camera(page, 'quay-east')).hfov_deg).toBeUndefined();
});

test('a bad file shows a readable error and keeps the current scenario', async ({ page }) => {
  await openApp(page);
  const before = await shownCoverage(page);
  const good = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/samples/museum-wing.json'), 'utf8'));
  good.cameras[0].position = 'here';
  good.cameras[1].colour = 'red';
  await page.locator('#file-input').setInputFiles({ name: 'broken-plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  const banner = page.locator('#banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Could not open broken-plan.json');
  await expect(banner).toContainText('cameras[0].position');
  await expect(banner).toContainText('the current plan is unchanged');
  await expect(page.locator('#scenario-name')).toHaveValue('Museum wing — as is');
  expect(await shownCoverage(page)).toBe(before);
  expect(await page.evaluate(() => window.__blindspot.scenario().cameras.length)).toBe(6);

  // Not JSON at all.
  await page.locator('#file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('camera 1 at the door') });
  await expect(banner).toContainText('Could not open notes.txt');
  await expect(banner).toContainText('JSON');
  expect(await shownCoverage(page)).toBe(before);

  // A good file opens (via drag and drop onto the page), and undo brings the old one back.
  const doubled = fs.readFileSync(path.join(ROOT, 'www/samples/museum-wing-doubled.json'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'doubled.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, doubled);
  await expect.poll(async () => ({
    name: await page.locator('#scenario-name').inputValue(),
    banner: (await banner.isVisible()) ? await banner.textContent() : null,
  })).toEqual({ name: 'Museum wing — cameras doubled', banner: null });
  await waitSettled(page);
  expect(Number(await shownCoverage(page))).toBeGreaterThan(Number(before));
  await page.locator('#btn-undo').click();
  await expect(page.locator('#scenario-name')).toHaveValue('Museum wing — as is');
});

// A file of several levels opens level by level: tests/e2e/levels.spec.js.

test('reload restores the autosaved plan', async ({ page }) => {
  await openApp(page, './');
  await clickCamera(page, 'gallery-west');
  const from = await point(page, 'gallery-west');
  await drag(page, from, { x: from.x + 80, y: from.y + 60 });
  await waitSettled(page);
  const moved = (await camera(page, 'gallery-west')).position;
  await page.locator('#scenario-name').fill('Option B — gallery camera moved');
  await page.locator('#scenario-name').press('Enter');
  const coverage = await shownCoverage(page);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('blindspot.autosave.v1')?.includes('Option B') ?? false)).toBe(true);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await waitSettled(page);
  await expect(page.locator('#scenario-name')).toHaveValue('Option B — gallery camera moved');
  expect((await camera(page, 'gallery-west')).position).toEqual(moved);
  expect(await shownCoverage(page)).toBe(coverage);
  await expect(page.locator('#toast')).toContainText('Restored');
});

test('samples menu, hover details and blind spot list', async ({ page }) => {
  await openApp(page);
  // Hover the balcony: a blind spot in front of an exterior opening.
  const p = await page.evaluate(() => window.__blindspot.worldToClient(40, -1));
  await page.mouse.move(p.x, p.y);
  const tip = page.locator('#tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Blind spot');
  await expect(tip).toContainText('Balcony');
  await expect(tip).toContainText('0.0 % covered');
  // Clicking a listed blind spot zooms the plan to it.
  const scale0 = await page.evaluate(() => { const a = window.__blindspot.worldToClient(0, 0), b = window.__blindspot.worldToClient(1, 0); return b.x - a.x; });
  await page.locator('.blind-item').nth(1).click();
  const scale1 = await page.evaluate(() => { const a = window.__blindspot.worldToClient(0, 0), b = window.__blindspot.worldToClient(1, 0); return b.x - a.x; });
  expect(scale1).toBeGreaterThan(scale0 * 1.5);
  await page.locator('#btn-fit').click();
  // The doubled sample from the menu covers the balcony.
  await page.locator('#sample-select').selectOption('museum-wing-doubled.json');
  await expect(page.locator('#scenario-name')).toHaveValue('Museum wing — cameras doubled');
  await waitSettled(page);
  await expect(page.locator('.zone-row[data-zone="balcony-deck"] .zone-pct')).toHaveText('100.0 %');
  await expect(page.locator('#stat-cameras')).toHaveText('12');
});

test('screenshots of the samples are not blank', async ({ page }) => {
  await openApp(page);
  const shots = [['museum-wing.json', 'as-is'], ['museum-wing-doubled.json', 'doubled']];
  for (const [file, name] of shots) {
    if (file !== 'museum-wing.json') {
      await page.locator('#sample-select').selectOption(file);
      await waitSettled(page);
    }
    const png = await page.screenshot({ path: path.join(ARTIFACTS, `sample-${name}.png`) });
    // Decode the screenshot in the page and measure pixel variance of the plan area.
    const stats = await page.evaluate(async (b64) => {
      // (fetch of a data: URL is refused by the page's CSP; an <img> may load it.)
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const g = /** @type {OffscreenCanvasRenderingContext2D} */ (c.getContext('2d'));
      g.drawImage(img, 0, 0);
      const r = document.getElementById('plan').getBoundingClientRect();
      const d = g.getImageData(Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)).data;
      let n = 0, sum = 0, sum2 = 0;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4 * 7) {
        const v = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
        sum += v; sum2 += v * v; n++;
        colours.add((d[i] >> 4) * 256 + (d[i + 1] >> 4) * 16 + (d[i + 2] >> 4));
      }
      const mean = sum / n;
      return { variance: sum2 / n - mean * mean, colours: colours.size };
    }, png.toString('base64'));
    expect(stats.variance, `variance of ${name}`).toBeGreaterThan(200);
    expect(stats.colours, `distinct colours in ${name}`).toBeGreaterThan(40);
  }
  // Mid-drag, as a board would see it.
  await page.locator('#sample-select').selectOption('museum-wing.json');
  await waitSettled(page);
  await clickCamera(page, 'quay-east');
  const from = await point(page, 'quay-east');
  const to = await page.evaluate(() => window.__blindspot.worldToClient(39, -4));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.screenshot({ path: path.join(ARTIFACTS, 'mid-drag.png') });
  await page.mouse.up();
});

test('pan, wheel zoom and Fit; touch: drag a camera with a finger and pinch to zoom', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await openApp(page);
  const view = () => page.evaluate(() => {
    const a = window.__blindspot.worldToClient(0, 0), b = window.__blindspot.worldToClient(1, 0);
    return { x: a.x, y: a.y, scale: b.x - a.x };
  });
  const v0 = await view();

  // Wheel over the plan zooms in around the pointer.
  const box = /** @type {{x: number, y: number, width: number, height: number}} */ (await page.locator('#plan').boundingBox());
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await view()).scale).toBeGreaterThan(v0.scale * 1.3);
  // Dragging empty background pans.
  await page.locator('#btn-fit').click();
  const empty = await page.evaluate(() => window.__blindspot.worldToClient(-4, 20));
  const v1 = await view();
  await drag(page, empty, { x: empty.x + 120, y: empty.y + 50 }, 6);
  const v2 = await view();
  expect(v2.x - v1.x).toBeCloseTo(120, 0);
  expect(v2.y - v1.y).toBeCloseTo(50, 0);
  expect(await page.evaluate(() => window.__blindspot.selectedId())).toBeNull();
  // Fit brings the whole plan back.
  await page.locator('#btn-fit').click();
  const v3 = await view();
  expect(v3.scale).toBeCloseTo(v0.scale, 6);
  expect(v3.x).toBeCloseTo(v0.x, 3);

  // Touch input through the DevTools protocol: real touch events, turned into pointer events by Chromium.
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const c0 = await camera(page, 'east-salon');
  const p = await point(page, 'east-salon');
  await touch('touchStart', [[p.x, p.y]]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [[p.x - 8 * i, p.y + 6 * i]]);
  await touch('touchEnd', []);
  await waitSettled(page);
  const c1 = await camera(page, 'east-salon');
  expect(c1.position[0]).toBeLessThan(c0.position[0] - 2);
  expect(c1.position[1]).toBeLessThan(c0.position[1] - 1);

  // Two fingers spreading apart zoom in.
  const before = (await view()).scale;
  const mid = await page.evaluate(() => window.__blindspot.worldToClient(-4, 6));
  await touch('touchStart', [[mid.x - 30, mid.y], [mid.x + 30, mid.y]]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [[mid.x - 30 - 10 * i, mid.y], [mid.x + 30 + 10 * i, mid.y]]);
  await touch('touchEnd', []);
  await expect.poll(async () => (await view()).scale).toBeGreaterThan(before * 2);
  await context.close();
});

test('when the wasm core cannot load, the page says so instead of hanging', async ({ page }) => {
  await page.route('**/pkg/blindspot_bg.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('?fresh');
  await expect(page.locator('#fatal')).toBeVisible();
  await expect(page.locator('#fatal-title')).toHaveText('The planner could not start');
  await expect(page.locator('#fatal-message')).toContainText('scripts/build-web.sh');
  expect(await page.evaluate(() => document.body.dataset.ready)).toBe('failed');
  // The error is rethrown after being shown, so it is also visible to tools.
  await expect.poll(() => errors.length).toBeGreaterThan(0);
});
