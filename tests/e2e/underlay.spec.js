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
const { scanPng, SCAN, vectorPdf, png, floorPlanPng } = require('./underlay-files');

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
  // The hatch goes at the next frame: wait for it (reading at once raced the repaint).
  await expect.poll(async () => lum(await pixelAtImage(page, 300.5, 250.5))).toBeGreaterThan(200);
  const paper = await pixelAtImage(page, 300.5, 250.5);
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

/** Opens BLANK, enters the editor and loads the scan (calibration left with Esc). @param {import('@playwright/test').Page} page */
async function blankWithScan(page) {
  await openScenario(page, BLANK, 'traced.json');
  await page.locator('#btn-edit-plan').click();
  const rec = await loadUnderlay(page, { name: 'scan.png', mimeType: 'image/png', buffer: scanPng() });
  expect(rec.outcome).toBe('loaded');
  await expect.poll(async () => (await state(page)).status).toBe('ready');
  await page.locator('#plan').focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => window.__blindspot.tool())).toBe('plan');
  await page.locator('#show-blind').uncheck();
}

/** @param {import('@playwright/test').Page} page */
const undoLabel = (page) => page.locator('#btn-undo').getAttribute('title');

test('fade, move, turn and lock the underlay: each one undoable edit, a locked one stays put', async ({ page }) => {
  const log = await openApp(page);
  await blankWithScan(page);
  const u0 = await underlay(page);

  // Fade: the slider sets the opacity live; the dark line lightens; one undo puts it back.
  const dark = lum(await pixelAtImage(page, 300.5, 400.5));
  await page.locator('#underlay-opacity').fill('20');
  await expect.poll(async () => (await underlay(page)).opacity).toBe(0.2);
  await expect(page.locator('.underlay-pct')).toHaveText('20 %');
  await expect.poll(async () => lum(await pixelAtImage(page, 300.5, 400.5))).toBeGreaterThan(dark + 40);
  await page.locator('#btn-undo').click();
  await expect.poll(async () => (await underlay(page)).opacity).toBe(u0.opacity);

  // Move: drag the image by (+120, +60) CSS px; the position moves by that in metres.
  await page.locator('#underlay-move').click();
  await expect.poll(() => page.evaluate(() => window.__blindspot.tool())).toBe('underlay');
  await expect(page.locator('#underlay-bar')).toContainText('Move the underlay');
  const from = await imagePoint(page, 400, 300);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 12 * i, from.y + 6 * i);
  await page.mouse.up();
  await expect.poll(async () => (await underlay(page)).position[0]).not.toBe(u0.position[0]);
  const m = await underlay(page);
  const scalePx = await page.evaluate(([a, b]) => {
    const p = window.__blindspot.worldToClient(a, b), q = window.__blindspot.worldToClient(a + 1, b);
    return q.x - p.x;
  }, [0, 0]);
  expect(m.position[0] - u0.position[0]).toBeCloseTo(120 / scalePx, 6);
  expect(m.position[1] - u0.position[1]).toBeCloseTo(-60 / scalePx, 6);
  expect(await undoLabel(page)).toContain('Move underlay');
  // The keyboard: Shift+→ nudges 1 m east, one undo step.
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await underlay(page)).position[0]).toBeCloseTo(m.position[0] + 1, 9);
  expect((await underlay(page)).position[1]).toBe(m.position[1]);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await underlay(page)).position[0]).toBe(m.position[0]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-move.png') });

  // Turn: the knob above the top edge, dragged to the right of the centre: a quarter turn clockwise.
  const c = await imagePoint(page, 400, 300);
  const top = await imagePoint(page, 400, 0);
  const knob = { x: top.x, y: top.y - 30 };
  const r = c.y - knob.y;
  await page.mouse.move(knob.x, knob.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    const a = (Math.PI / 2) * (1 - i / 12);
    await page.mouse.move(c.x + r * Math.cos(a), c.y - r * Math.sin(a));
  }
  await page.mouse.up();
  await expect.poll(async () => (await underlay(page)).rotation_deg).toBeCloseTo(-90, 0);
  const t = await underlay(page);
  const centreOf = (/** @type {any} */ v) => {
    const th = (v.rotation_deg * Math.PI) / 180;
    return [v.position[0] + v.scale * (400 * Math.cos(th) + 300 * Math.sin(th)), v.position[1] + v.scale * (400 * Math.sin(th) - 300 * Math.cos(th))];
  };
  const [cx0, cy0] = centreOf(m), [cx1, cy1] = centreOf(t);
  expect(cx1).toBeCloseTo(cx0, 6);
  expect(cy1).toBeCloseTo(cy0, 6);
  await expect(page.locator('#underlay-rotation')).toHaveValue(String(Math.round(t.rotation_deg * 10) / 10));
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-turned.png') });
  await page.locator('#btn-undo').click();
  await expect.poll(async () => (await underlay(page)).rotation_deg).toBe(0);
  await page.locator('#btn-undo').click();
  await expect.poll(async () => (await underlay(page)).position).toEqual(u0.position);

  // An exact rotation typed in the card.
  await page.locator('#underlay-done').click();
  await page.locator('#underlay-rotation').fill('12.5');
  await page.locator('#underlay-rotation').press('Enter');
  await expect.poll(async () => (await underlay(page)).rotation_deg).toBe(12.5);

  // Lock: the buttons that change the placement are disabled, and a drop does not replace it.
  await page.locator('#underlay-locked').check();
  await expect.poll(async () => (await underlay(page)).locked).toBe(true);
  for (const id of ['#underlay-move', '#underlay-calibrate', '#underlay-replace', '#underlay-remove']) await expect(page.locator(id)).toBeDisabled();
  const locked = await underlay(page);
  await page.locator('#underlay-input').setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: png(10, 10, () => null) });
  await expect(page.locator('#banner')).toBeVisible();
  await expect(page.locator('#banner-message')).toContainText('locked');
  expect(await underlay(page)).toEqual(locked);
  await page.locator('#banner-close').click();
  await page.locator('#btn-undo').click();
  await expect.poll(async () => (await underlay(page)).locked).toBe(false);
  await expect(page.locator('#underlay-move')).toBeEnabled();
  expect(log.errors).toEqual([]);
});

test('a reload restores the underlay image from IndexedDB; a file whose image this browser lacks opens intact, says so, and takes the image again', async ({ page, browser }) => {
  const log = await openApp(page);
  await blankWithScan(page);
  const u = await underlay(page);
  // The autosave (0.4 s after the edit) holds the placement; IndexedDB the bytes.
  await page.waitForTimeout(800);
  // Without ?fresh: the autosave opens.
  await page.goto('./');
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 30_000 });
  await expect.poll(async () => (await state(page)).status, { timeout: 15_000 }).toBe('ready');
  expect(await underlay(page)).toEqual(u);
  await page.locator('#show-blind').uncheck();
  await expect.poll(async () => lum(await pixelAtImage(page, 300.5, 400.5))).toBeLessThan(150);

  // The saved file, opened in another browser profile (a new context: empty IndexedDB).
  const saved = { ...BLANK, name: 'Traced elsewhere', plan: { ...BLANK.plan, walls: [{ id: 'w1', kind: 'wall', path: [[2, 2], [14, 2]] }] }, underlay: u };
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  const log2 = await openApp(other);
  await openScenario(other, saved, 'traced-elsewhere.json');
  await expect.poll(async () => (await state(other)).status).toBe('missing');
  expect((await scenario(other)).plan.walls).toEqual(saved.plan.walls);
  expect(await underlay(other)).toEqual(u);
  await expect(other.locator('#underlay-card')).toBeVisible();
  await expect(other.locator('#underlay-missing-text')).toContainText('scan.png is not stored in this browser');
  await expect(other.locator('#underlay-missing-text')).toContainText('The plan is intact');
  await other.screenshot({ path: path.join(ARTIFACTS, 'underlay-missing.png') });
  const undoBefore = await undoLabel(other);
  const rec = await loadUnderlay(other, { name: 'scan.png', mimeType: 'image/png', buffer: scanPng() });
  expect(rec.outcome).toBe('restored');
  await expect.poll(async () => (await state(other)).status).toBe('ready');
  await expect(other.locator('.underlay-missing')).toBeHidden();
  expect(await underlay(other)).toEqual(u);
  expect(await undoLabel(other)).toBe(undoBefore);
  await ctx.close();
  expect(log.errors).toEqual([]);
  expect(log2.errors).toEqual([]);
});

test('a PDF underlay: its first page renders under the plan (pixels), in points', async ({ page }) => {
  const log = await openApp(page);
  await openScenario(page, BLANK, 'traced.json');
  await page.locator('#btn-edit-plan').click();
  await page.locator('#show-blind').uncheck();
  const bytes = vectorPdf();
  const rec = await loadUnderlay(page, { name: 'fire escape plan.pdf', mimeType: 'application/pdf', buffer: bytes });
  expect(rec).toEqual({ name: 'fire escape plan.pdf', outcome: 'loaded', message: '' });
  const u = await underlay(page);
  expect(u.image).toEqual({ name: 'fire escape plan.pdf', type: 'application/pdf', bytes: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'), width: 842, height: 595 });
  await expect.poll(async () => (await state(page)).status).toBe('ready');
  // The blue rectangle (x 100..400, y 100..300 pt from the bottom): blue on the canvas.
  await expect.poll(async () => {
    const [r, g, b] = await pixelAtImage(page, 250, 595 - 200);
    return b - Math.max(r, g);
  }).toBeGreaterThan(80);
  // Outside it the page's white leaves the tint alone; on the diagonal it is dark.
  const [r0, g0, b0] = await pixelAtImage(page, 600, 595 - 450);
  expect(Math.abs(b0 - r0)).toBeLessThan(30);
  expect(lum(await pixelAtImage(page, 650, 595 - 300))).toBeLessThan(lum([r0, g0, b0]) - 60);
  // The text, drawn with the standard font data pdfjs fetched from this page's origin.
  const samples = [];
  for (let u = 104; u < 200; u += 4) for (let v = 595 - 480; v < 595 - 452; v += 3) samples.push(lum(await pixelAtImage(page, u, v)));
  expect(Math.min(...samples)).toBeLessThan(lum([r0, g0, b0]) - 60);
  await expect(page.locator('#underlay-card')).toContainText('PDF · 842 × 595 pt');
  // Under the page's Content-Security-Policy as it is, and only the page's own files.
  const origin = new URL(page.url()).origin;
  expect(log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  expect(log.requests.some((u) => u.includes('/vendor/pdfjs/pdf.worker.min.mjs'))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-pdf.png') });
  expect(log.errors).toEqual([]);
});

test('a JPEG underlay (made by the browser\'s own encoder): its size from the frame header, its pixels drawn', async ({ page }) => {
  const log = await openApp(page);
  await openScenario(page, BLANK, 'traced.json');
  await page.locator('#btn-edit-plan').click();
  await page.locator('#show-blind').uncheck();
  // 640 x 480, white with a black band at rows 200..279.
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 640; c.height = 480;
    const x = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
    x.fillStyle = '#ffffff'; x.fillRect(0, 0, 640, 480);
    x.fillStyle = '#000000'; x.fillRect(0, 200, 640, 80);
    const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await /** @type {Blob} */ (blob).arrayBuffer());
    let s = '';
    for (const v of bytes) s += String.fromCharCode(v);
    return btoa(s);
  });
  const rec = await loadUnderlay(page, { name: 'photo of the map.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') });
  expect(rec.outcome).toBe('loaded');
  const u = await underlay(page);
  expect([u.image.type, u.image.width, u.image.height]).toEqual(['image/jpeg', 640, 480]);
  await expect.poll(async () => lum(await pixelAtImage(page, 320, 240))).toBeLessThan(lum(await pixelAtImage(page, 320, 100)) - 80);
  await expect(page.locator('#underlay-card')).toContainText('JPEG · 640 × 480 px');
  expect(log.errors).toEqual([]);
});

test('broken, encrypted and oversized files are refused with the file named and the reason; nothing changes', async ({ page }) => {
  const log = await openApp(page);
  await openScenario(page, BLANK, 'traced.json');
  await page.locator('#btn-edit-plan').click();
  const good = scanPng();
  const huge = Buffer.from(good);
  huge.writeUInt32BE(20000, 16);
  huge.writeUInt32BE(20000, 20);
  const cases = [
    { file: { name: 'damaged.png', mimeType: 'image/png', buffer: Buffer.concat([good.subarray(0, 33), Buffer.alloc(200, 7)]) }, words: ['damaged.png', 'could not be decoded', 'damaged or cut short'] },
    { file: { name: 'cut.png', mimeType: 'image/png', buffer: good.subarray(0, 20) }, words: ['cut.png', 'header is damaged or cut short'] },
    { file: { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('these are not pixels') }, words: ['notes.png', 'not a PNG, JPEG or PDF'] },
    { file: { name: 'enormous.png', mimeType: 'image/png', buffer: huge }, words: ['enormous.png', '20,000 x 20,000 pixels', 'too large to decode', '50 megapixels'] },
    { file: { name: 'heavy.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(26_000_000, 0xff) }, words: ['heavy.jpg', '26.0 MB', 'at most 25.0 MB'] },
    { file: { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage') }, words: ['broken.pdf', 'not a valid PDF'] },
    { file: { name: 'locked.pdf', mimeType: 'application/pdf', buffer: fs.readFileSync(path.join(__dirname, 'fixtures', 'encrypted.pdf')) }, words: ['locked.pdf', 'encrypted', 'password'] },
  ];
  const before = await scenario(page);
  const undoBefore = await undoLabel(page);
  for (const c of cases) {
    const rec = await loadUnderlay(page, c.file);
    expect(rec.outcome, c.file.name).toBe('refused');
    await expect(page.locator('#banner')).toBeVisible();
    await expect(page.locator('#banner-title')).toHaveText('Underlay not loaded');
    for (const w of c.words) await expect(page.locator('#banner-message'), c.file.name).toContainText(w);
    await expect(page.locator('#banner-message')).toContainText('Your plan is unchanged.');
    if (c.file.name === 'locked.pdf') await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-refused.png') });
    await page.locator('#banner-close').click();
    expect(await scenario(page)).toEqual(before);
    expect(await undoLabel(page)).toBe(undoBefore);
  }
  // A damaged PNG dropped on the page goes to the underlay reader too (not the scenario reader).
  const dt = await page.evaluateHandle((b64) => {
    const d = new DataTransfer();
    d.items.add(new File([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], 'dropped.png', { type: 'image/png' }));
    return d;
  }, Buffer.from('not a png at all').toString('base64'));
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(page.locator('#banner-message')).toContainText('dropped.png is not a PNG, JPEG or PDF');
  expect(await scenario(page)).toEqual(before);
  expect(log.errors).toEqual([]);
});

test('looks: tracing a scanned floor plan at 1366 x 768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const log = await openApp(page);
  await openScenario(page, { ...BLANK, plan: { walls: [], zones: [{ ...BLANK.plan.zones[0], polygon: [[0, 0], [26, 0], [26, 18], [0, 18]] }] } }, 'scan.json');
  await page.locator('#btn-edit-plan').click();
  await page.locator('#show-blind').uncheck();
  await page.locator('#show-views').uncheck();
  await loadUnderlay(page, { name: 'Ground floor — fire escape plan (scan).png', mimeType: 'image/png', buffer: floorPlanPng() });
  await expect.poll(async () => (await state(page)).status).toBe('ready');
  // Calibrate on the 10 m dimension line.
  await click(page, await imagePoint(page, 100.5, 720.5));
  const b = await imagePoint(page, 600.5, 720.5);
  await page.mouse.move(b.x - 80, b.y);
  await page.waitForTimeout(60);
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-1366-calibrating.png') });
  await click(page, b);
  await expect(page.locator('#underlay-distance')).toBeFocused();
  await page.keyboard.type('10');
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-1366-distance.png') });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await underlay(page)).scale).toBeCloseTo(0.02, 4);
  await page.locator('#btn-fit').click();
  // Trace the outer walls (snapping on, as a user would).
  await page.locator('#plan-mode-wall').click();
  for (const [u, v] of [[100, 100], [1100, 100], [1100, 650], [600, 650]]) await click(page, await imagePoint(page, u + 0.5, v + 0.5));
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await scenario(page)).plan.walls.length).toBe(1);
  await waitSettled(page);
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-1366-tracing.png') });
  await page.locator('#plan-underlay').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, 'underlay-1366-card.png') });
  expect(log.errors).toEqual([]);
});
