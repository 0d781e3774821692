// @ts-check
/**
 * Wiring: loads the wasm core, connects the store, the scene mirror, the renderer, the
 * interaction and the panels, and runs the frame loop. Edits flow one way:
 * input -> new scenario -> scene (validated by the core) -> store -> frame -> canvas + panels.
 */

import { Store, Autosave, withCamera, withAddedCamera, withoutCamera, withName, freshCameraId, cameraOptics, modelOf, kindLabel, isFisheye, roundTo } from './state.js';
import { SceneMirror, errorMessage } from './scene.js';
import { CatalogEditor } from './catalog.js';
import { Renderer, cameraHandles } from './render.js';
import { Interaction } from './interaction.js';
import { Panels, buildLegend, el } from './panels.js';
import { readFileText, downloadText, fileNameFor, installDropZone, loadSampleList, fetchSample } from './files.js';
import { fitView, planBox, boxOf, toWorld, zoomAt } from './view.js';
import { fmtArea, fmtPct, fmtNum, fmtMoney } from './format.js';
import { layoutsOf, activeLayout, fromFile, toFile, withLayoutActive, withLayoutAdded, withLayoutRenamed, withLayoutRemoved, freshLayoutName, uniqueLayoutName } from './layouts.js';
import { BudgetUI, proposalBody } from './budget.js';
import { CompareView, LayoutFigures } from './compare.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */
/** @typedef {import('./view.js').View} View */

const DEFAULT_SAMPLE = 'museum-wing.json';
/** How often the live figures refresh during a drag (ms). */
const LIVE_FIGURES_MS = 60;
/** `?perf=flush`: force the canvas to rasterise inside the timed frame (benchmarks only:
 * a read-back every frame would slow a GPU canvas down). */
const FLUSH = new URLSearchParams(location.search).get('perf') === 'flush';

/** Per-frame timings a benchmark reads (ms). */
const perf = {
  /** core update + layers + redraw, per frame of a drag */
  frames: /** @type {number[]} */ ([]),
  /** time between successive drag frames (what the user sees) */
  intervals: /** @type {number[]} */ ([]),
  /** from the end of a drag to the exact report shown */
  settle: /** @type {number[]} */ ([]),
  loadMs: 0,
  warmupMs: 0,
  /** ms to show another layout (commit: the scene follows with the cheapest calls or a reload) */
  switchMs: /** @type {number[]} */ ([]),
  reset() { this.frames.length = 0; this.intervals.length = 0; this.settle.length = 0; },
};
Object.assign(window, { __blindspotPerf: perf });

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

// ---- Loading the core; a failure must show, not hang. ----

/** @param {string} title @param {string} message */
function showFatal(title, message) {
  const box = $('fatal');
  $('fatal-title').textContent = title;
  $('fatal-message').textContent = message;
  box.hidden = false;
  $('loading').hidden = true;
  document.body.dataset.ready = 'failed';
}

let wasm;
try {
  wasm = await import('../pkg/blindspot.js');
  await wasm.default();
} catch (e) {
  showFatal('The planner could not start', `Loading the WebAssembly core failed: ${errorMessage(e)}. ` +
    'If you are running from a checkout, build it with scripts/build-web.sh and serve the www folder.');
  throw e;
}

// ---- State ----

const store = new Store();
const mirror = new SceneMirror(wasm);
// The autosave keeps every layout (the file form: main layout and options) and which one is shown.
const autosave = new Autosave(safeStorage(), 400, (s) => ({ text: JSON.stringify(toFile(s)), active: activeLayout(s) }));
const canvas = /** @type {HTMLCanvasElement} */ ($('plan'));
const renderer = new Renderer(canvas);

const ui = {
  /** @type {View} */
  view: { scale: 10, tx: 0, ty: 0 },
  width: 0,
  height: 0,
  sized: false,
  /** @type {string|null} */
  selectedId: null,
  addMode: false,
  /** @type {[number, number]|null} */
  ghost: null,
  hoverCamera: -1,
  /** @type {string|null} */
  hoverZone: null,
  hoverBlind: -1,
  /** blind spot highlighted from the list or after zooming to it */
  focusBlind: -1,
  /** @type {string|null} */
  focusZone: null,
  show: { views: true, blind: true, multi: false, labels: true, bands: true, dead: true },
  /** model picked for the next camera placed ('' = no model) */
  /** @type {string|null} */
  addModel: null,
  addHeight: 3.5,
  /** a tilt handle is being dragged */
  tiltDrag: false,
  /** the summary last shown during a drag, and when it was fetched */
  /** @type {import('./scene.js').Summary|null} */
  liveSummary: null,
  liveSummaryAt: 0,
  liveSkipped: 0,
  /** a drag frame changed the scenario since the last frame */
  dragDirty: false,
  lastDragFrameAt: 0,
  dragEndAt: 0,
  /** @type {ReturnType<typeof setTimeout>|null} */
  settleTimer: null,
  panelKey: '',
  viewMoving: false,
  /** @type {ReturnType<typeof setTimeout>|null} */
  viewTimer: null,
  /** marking places for the optimiser */
  marking: false,
  justMarked: false,
  /** @type {[number, number][]} */
  marks: [],
  /** the plan the marks belong to */
  marksPlan: /** @type {any} */ (null),
};

function safeStorage() {
  try { return window.localStorage; } catch { return null; }
}

function scenario() {
  return /** @type {Scenario} */ (store.scenario);
}

function selectedIndex() {
  if (ui.selectedId === null || !store.scenario) return -1;
  return store.scenario.cameras.findIndex((c) => c.id === ui.selectedId);
}

// ---- Messages ----

/** @param {string} title @param {string} message */
function showError(title, message) {
  $('banner-title').textContent = title;
  $('banner-message').textContent = message;
  $('banner').hidden = false;
}

function hideError() {
  $('banner').hidden = true;
}

/** @type {ReturnType<typeof setTimeout>|null} */
let toastTimer = null;
/** @param {string} text */
function toast(text) {
  const t = $('toast');
  t.textContent = text;
  t.hidden = false;
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 3500);
}

/** Tells screen-reader users what changed. @param {string} text */
function announce(text) {
  $('sr-status').textContent = text;
}

// ---- Edits: every change goes through the core first, so a refused edit changes nothing. ----

/**
 * @param {Scenario} next @param {string} label
 * @param {{coalesce?: string, onError?: (message: string) => void}} [opts] `onError` shows a
 *   refusal where the edit was made (the catalogue dialog) instead of the banner
 * @returns {boolean}
 */
function commit(next, label, opts = {}) {
  try {
    const planChanged = scenario().plan !== next.plan;
    mirror.sync(next);
    store.commit(next, label, { coalesce: opts.coalesce });
    if (planChanged) fitToPlan();
    afterEdit(80);
    return true;
  } catch (e) {
    if (opts.onError) opts.onError(errorMessage(e));
    else showError(`${label}: not possible`, errorMessage(e));
    requestFrame();
    return false;
  }
}

/** @param {Scenario} next */
function preview(next) {
  try {
    mirror.sync(next);
    store.preview(next);
    ui.dragDirty = true;
    return true;
  } catch (e) {
    showError('That position is not possible', errorMessage(e));
    return false;
  }
}

/** @param {number} delayMs until the exact report; 0 computes it now (end of a drag, a load) */
function afterEdit(delayMs) {
  updateToolbar();
  if (delayMs <= 0) {
    if (ui.settleTimer) clearTimeout(ui.settleTimer);
    settle();
  } else {
    scheduleSettle(delayMs);
  }
  requestFrame();
}

/** The exact report once edits pause (debounced). @param {number} delayMs */
function scheduleSettle(delayMs) {
  if (ui.settleTimer) clearTimeout(ui.settleTimer);
  ui.settleTimer = setTimeout(settle, delayMs);
}

/** The exact figures: the summary is exact already; the blind-spot list (not the heavy
 * full report) completes them. */
function settle() {
  ui.settleTimer = null;
  if (store.inGesture || !store.scenario) return;
  try {
    const spots = mirror.blindSpots();
    refreshPanels(mirror.summary(), false);
    panels.updateBlindSpots(spots, scenario(), false);
    document.body.dataset.settled = String(mirror.version);
    if (ui.dragEndAt) {
      // Force style and layout so the time includes the figures being laid out on screen.
      void $('side').offsetHeight;
      perf.settle.push(performance.now() - ui.dragEndAt);
      ui.dragEndAt = 0;
    }
    requestFrame();
  } catch (e) {
    showError('The report could not be computed', errorMessage(e));
  }
}

/** @param {number} i @param {Partial<Camera>} patch @param {string} label @param {string} [coalesce] */
function commitCamera(i, patch, label, coalesce) {
  const s = scenario();
  if (i < 0 || i >= s.cameras.length) return;
  const renamed = patch.id !== undefined && patch.id !== s.cameras[i].id;
  if (commit(withCamera(s, i, patch), label, { coalesce }) && renamed) ui.selectedId = /** @type {string} */ (patch.id);
}

/** The model the next camera gets: the one picked in the add bar, else the selected
 * camera's, else the first in the catalogue. */
function addModelId() {
  const s = scenario();
  if (ui.addModel !== null && (ui.addModel === '' || s.catalog.some((m) => m.id === ui.addModel))) return ui.addModel;
  const sel = selectedIndex();
  return (sel >= 0 ? s.cameras[sel].model : undefined) ?? s.catalog[0]?.id ?? '';
}

/** @param {number} x @param {number} y */
function addCameraAt(x, y) {
  if (ui.marking) { toggleMark(x, y); return; }
  const s = scenario();
  const sel = selectedIndex();
  const like = sel >= 0 ? s.cameras[sel] : null;
  /** @type {Camera} */
  const cam = { id: freshCameraId(s), position: [roundTo(x, 2), roundTo(y, 2)], heading_deg: like?.heading_deg ?? 0 };
  const modelId = addModelId();
  const model = s.catalog.find((m) => m.id === modelId);
  if (model) {
    cam.model = model.id;
    // The model's optics apply; a camera states only what the model leaves open.
    if (model.hfov_deg === undefined && !(model.focal_mm !== undefined || model.focal_range_mm) && !isFisheye(model)) cam.hfov_deg = 90;
    if (model.range_m === undefined) cam.range_m = 20;
    const mountable = model.vfov_deg !== undefined || model.resolution_px !== undefined || model.sensor_mm !== undefined || isFisheye(model);
    if (mountable && Number.isFinite(ui.addHeight) && ui.addHeight > 0) {
      cam.height_m = ui.addHeight;
      if (!isFisheye(model)) cam.tilt_deg = 20;
    }
  } else {
    // No model: a flat cone with its own field of view and range.
    const o = like ? cameraOptics(s, like, mirror.summary().cameras[sel]) : null;
    cam.hfov_deg = o && Number.isFinite(o.hfov) ? roundTo(o.hfov, 1) : 90;
    cam.range_m = o && Number.isFinite(o.range) ? roundTo(o.range, 2) : 20;
  }
  if (commit(withAddedCamera(s, cam), 'Add camera')) {
    ui.selectedId = cam.id;
    announce(`Camera ${cam.id} added${model ? `: ${model.name}` : ''}`);
    afterEdit(0);
  }
}

/**
 * The patch that gives camera `cam` a horizontal field of view of `hfov`: a focal length
 * for a varifocal lens (from the core's table), else an override of the field of view.
 * @param {Camera} cam @param {number} hfov @returns {Partial<Camera>}
 */
function fovPatch(cam, hfov) {
  const s = scenario();
  const model = modelOf(s, cam);
  if (model?.focal_range_mm && cam.hfov_deg === undefined) {
    let i = s.cameras.indexOf(cam);
    if (i < 0) i = s.cameras.findIndex((c) => c.id === cam.id);
    const f = i >= 0 ? mirror.focalFor(i, hfov) : undefined;
    if (f !== undefined) {
      const [lo, hi] = model.focal_range_mm;
      return { focal_mm: Math.min(hi, Math.max(lo, roundTo(f, 2))) };
    }
  }
  return { hfov_deg: Math.min(360, Math.max(1, roundTo(hfov, 1))) };
}

function deleteSelected() {
  const i = selectedIndex();
  if (i < 0) return;
  const id = scenario().cameras[i].id;
  if (commit(withoutCamera(scenario(), i), 'Delete camera')) {
    ui.selectedId = null;
    toast(`Deleted ${id} — Ctrl+Z to undo`);
    announce(`Camera ${id} deleted`);
  }
}

function duplicateSelected() {
  const i = selectedIndex();
  if (i < 0) return;
  const s = scenario();
  const src = s.cameras[i];
  const copy = { ...src, id: freshCameraId(s, src.id), position: /** @type {[number, number]} */ ([roundTo(src.position[0] + 1, 2), roundTo(src.position[1] - 1, 2)]) };
  if (commit(withAddedCamera(s, copy), 'Duplicate camera')) {
    ui.selectedId = copy.id;
    announce(`Camera ${copy.id} added as a copy of ${src.id}`);
  }
}

function undo() {
  const entry = store.peekUndo();
  if (!entry) return;
  try {
    const planChanged = entry.scenario.plan !== scenario().plan;
    mirror.sync(entry.scenario);
    store.undo();
    if (planChanged) fitToPlan();
    toast(`Undone: ${entry.label}`);
    afterEdit(60);
  } catch (e) {
    showError('Undo failed', errorMessage(e));
  }
}

function redo() {
  const entry = store.peekRedo();
  if (!entry) return;
  try {
    const planChanged = entry.scenario.plan !== scenario().plan;
    mirror.sync(entry.scenario);
    store.redo();
    if (planChanged) fitToPlan();
    toast(`Redone: ${entry.label}`);
    afterEdit(60);
  } catch (e) {
    showError('Redo failed', errorMessage(e));
  }
}

/** @param {number} i @param {string} [why] */
function select(i, why) {
  const s = scenario();
  const id = i >= 0 && i < s.cameras.length ? s.cameras[i].id : null;
  if (id === ui.selectedId) return;
  ui.selectedId = id;
  if (id && (why === 'keyboard' || why === 'list')) ensureVisible(s.cameras[i].position);
  if (id) {
    const cam = s.cameras[i];
    const spec = cameraOptics(s, cam, mirror.summary().cameras[i]);
    announce(`Camera ${id} selected: at ${fmtNum(cam.position[0], 1)}, ${fmtNum(cam.position[1], 1)}; heading ${fmtNum(cam.heading_deg, 0)} degrees; field of view ${fmtNum(spec.hfov, 0)} degrees; range ${fmtNum(spec.range, 1)} metres.`);
  }
  updateToolbar();
  requestFrame();
}

// ---- Opening scenarios ----

/**
 * Validates `text` with the core; on success it becomes the current scenario (an undoable
 * step), on failure the error is shown and nothing changes. A file's `options` become
 * layouts; `active` picks the one shown (the autosave remembers it).
 * @param {string} text @param {string} source shown in messages @param {{record?: boolean, active?: number}} [opts]
 */
function openText(text, source, opts = {}) {
  let parsed;
  try {
    parsed = mirror.parse(text);
  } catch (e) {
    showError(`Could not open ${source}`, `${errorMessage(e)} — the current plan is unchanged.`);
    return false;
  }
  hideError();
  const t0 = performance.now();
  const main = fromFile(parsed.scenario);
  mirror.adopt(parsed.scene, main);
  let opened = main;
  if (opts.active && opts.active > 0) {
    const shown = withLayoutActive(main, opts.active);
    try { mirror.sync(shown); opened = shown; } catch (e) { console.warn('could not show the saved layout', e); }
  }
  if (store.scenario && opts.record !== false) store.commit(opened, `Open ${source}`);
  else store.reset(opened);
  ui.selectedId = null;
  ui.focusBlind = -1;
  ui.focusZone = null;
  ui.addModel = null;
  panels.zoneKey = '';
  fitToPlan();
  const w0 = performance.now();
  try { mirror.warmUp(); } catch (e) { console.warn('warm-up failed', e); }
  perf.warmupMs = performance.now() - w0;
  perf.loadMs = performance.now() - t0;
  if (parsed.warnings.length) toast(`Opened ${source} with repairs: ${parsed.warnings.join('; ')}`);
  afterEdit(0);
  return true;
}

/** @param {string} file */
async function openSample(file) {
  try {
    const text = await fetchSample(file);
    if (openText(text, file)) toast(`Opened sample ${file}`);
  } catch (e) {
    showError(`Could not open the sample ${file}`, errorMessage(e));
  }
}

/** @param {File} file */
async function openFile(file) {
  try {
    const text = await readFileText(file);
    if (openText(text, file.name)) toast(`Opened ${file.name}`);
  } catch (e) {
    showError(`Could not read ${file.name}`, errorMessage(e));
  }
}

function saveFile() {
  const s = scenario();
  if (!s) return;
  // One file holds every layout: the main one as `cameras`, the others as `options`.
  const file = toFile(s);
  const name = fileNameFor(file.name);
  downloadText(name, `${JSON.stringify(file, null, 2)}\n`);
  toast(`Saved ${name}`);
}

// ---- View ----

function fitToPlan() {
  if (!store.scenario || !ui.width) return;
  // Keep clear of the layer and zoom bars along the top and the scale bar at the bottom.
  ui.view = fitView(planBox(scenario()), ui.width, ui.height, { l: 28, r: 28, t: 62, b: 50 });
  requestFrame();
}

/** @param {import('./view.js').Box} box @param {number} minSize metres */
function zoomToBox(box, minSize) {
  const cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2;
  const hw = Math.max(box.maxX - box.minX, minSize) / 2, hh = Math.max(box.maxY - box.minY, minSize) / 2;
  ui.view = fitView({ minX: cx - hw, minY: cy - hh, maxX: cx + hw, maxY: cy + hh }, ui.width, ui.height, 80);
  requestFrame();
}

/** Pans so a plan point is on screen. @param {[number, number]} p */
function ensureVisible(p) {
  const X = p[0] * ui.view.scale + ui.view.tx, Y = -p[1] * ui.view.scale + ui.view.ty;
  const m = 60;
  if (X < m || Y < m || X > ui.width - m || Y > ui.height - m) {
    ui.view = { ...ui.view, tx: ui.view.tx + ui.width / 2 - X, ty: ui.view.ty + ui.height / 2 - Y };
  }
}

/** A view change from a pan, pinch or wheel: frames reproject until the view rests. @param {View} v */
function setView(v) {
  ui.view = v;
  ui.viewMoving = true;
  if (ui.viewTimer) clearTimeout(ui.viewTimer);
  ui.viewTimer = setTimeout(() => {
    ui.viewMoving = false;
    ui.viewTimer = null;
    requestFrame();
  }, 140);
  requestFrame();
}

/** Blind spot k of the last list as rings for drawing. @param {number} k */
function blindRings(k) {
  const r = mirror.lastBlindSpots();
  const b = r?.blind_spots[k];
  return b ? [b.polygon] : null;
}

/** @param {number} k */
function zoomToBlindSpot(k) {
  const rings = blindRings(k);
  if (!rings) return;
  const box = boxOf(rings[0][0]);
  if (!box) return;
  ui.focusBlind = k;
  zoomToBox(box, 8);
  const b = mirror.lastBlindSpots()?.blind_spots[k];
  if (b) announce(`Blind spot of ${fmtArea(b.area_m2)} shown`);
}

/** @param {string} id */
function zoomToZone(id) {
  const z = scenario().plan.zones.find((zz) => zz.id === id);
  if (!z) return;
  const box = boxOf(z.polygon);
  if (box) zoomToBox(box, 6);
  ui.focusZone = id;
  requestFrame();
}

// ---- Hover ----

/** @param {number} sx @param {number} sy */
function hoverAt(sx, sy) {
  const s = scenario();
  const hit = interaction.hitTest(sx, sy, 'mouse');
  /** @type {{title: string, lines: string[], kind?: string}[]} */
  const blocks = [];
  ui.hoverCamera = -1;
  ui.hoverZone = null;
  ui.hoverBlind = -1;
  if (hit) {
    const cam = s.cameras[hit.index];
    const sm = mirror.summary();
    const st = sm.cameras[hit.index];
    const spec = cameraOptics(s, cam, st);
    ui.hoverCamera = hit.index;
    const lines = [];
    if (spec.model) lines.push(`${spec.model.name} · ${kindLabel(spec.model.kind)}`);
    lines.push(`Heading ${fmtNum(cam.heading_deg, 1)}° · view ${fmtNum(spec.hfov, 1)}° · range ${fmtNum(spec.range, 1)} m`);
    if (spec.mounted) {
      lines.push(`At ${fmtNum(cam.height_m ?? NaN, 2)} m, tilted ${fmtNum(spec.tilt, 1)}° · floor from ${fmtNum(spec.near ?? NaN, 1)} to ${fmtNum(spec.far ?? NaN, 1)} m`);
    }
    const va = st?.view_area_m2;
    if (va !== undefined) lines.push(`Sees ${fmtArea(va)} of floor${st?.dead_zone_m2 ? ` · ${fmtArea(st.dead_zone_m2)} dead zone below` : ''}`);
    if (hit.drag !== 'move') lines.push({ heading: 'Drag to rotate', range: 'Drag to change the range', fovLeft: 'Drag to widen or narrow the view', fovRight: 'Drag to widen or narrow the view', tilt: 'Drag up or down to tilt (; and \' keys)' }[hit.drag]);
    else lines.push('Drag to move · click to edit');
    blocks.push({ title: `Camera ${cam.id}`, lines, kind: 'camera' });
  } else {
    const [wx, wy] = toWorld(ui.view, sx, sy);
    let picked;
    try { picked = mirror.pick(wx, wy); } catch (e) { picked = { zones: [], blind_spot: null }; }
    const sm = mirror.summary();
    const zstats = new Map(sm.zones.map((z) => [z.id, z]));
    if (picked.blind_spot !== null && picked.blind_spot !== undefined) {
      const b = mirror.blindSpots().blind_spots[picked.blind_spot];
      if (b) {
        ui.hoverBlind = picked.blind_spot;
        const names = b.zone_ids.map((id) => zstats.get(id)?.name ?? id);
        blocks.push({ title: `Blind spot · ${fmtArea(b.area_m2)}`, lines: [`Not seen by any camera`, `In ${names.join(', ')}`], kind: 'blind' });
      }
    }
    const zones = picked.zones.map((id) => zstats.get(id)).filter((z) => z !== undefined);
    zones.sort((a, b) => (a.kind === 'asset' ? -1 : 0) - (b.kind === 'asset' ? -1 : 0));
    for (const z of zones) {
      const lines = [`${z.kind} · priority ${fmtNum(z.priority, 1)} · ${fmtArea(z.area_m2)}`, `${fmtPct(z.coverage)} covered (${fmtArea(z.covered_area_m2)})`];
      if (z.required_level) lines.push(`${fmtPct(z.required_coverage)} at ${z.required_level} (required)`);
      blocks.push({ title: z.name, lines, kind: 'zone' });
    }
    if (zones.length) ui.hoverZone = zones[0].id;
  }
  panels.showTooltip(sx, sy, blocks);
  requestFrame();
}

function hoverLeave() {
  ui.hoverCamera = -1;
  ui.hoverZone = null;
  ui.hoverBlind = -1;
  panels.hideTooltip();
  requestFrame();
}

// ---- Frame loop ----

let frameRequested = false;
/** @type {Set<() => void>} */
const frameWork = new Set();

/** @param {() => void} [work] run at the start of the next frame (coalesced) */
function requestFrame(work) {
  if (work) frameWork.add(work);
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(frame);
  }
}

function frame() {
  frameRequested = false;
  const t0 = performance.now();
  const work = [...frameWork];
  frameWork.clear();
  for (const w of work) w();
  const drag = ui.dragDirty;
  draw();
  if (FLUSH && drag) renderer.ctx.getImageData(0, 0, 1, 1);
  const t1 = performance.now();
  if (ui.dragDirty) {
    ui.dragDirty = false;
    perf.frames.push(t1 - t0);
    if (ui.lastDragFrameAt) perf.intervals.push(t0 - ui.lastDragFrameAt);
    ui.lastDragFrameAt = t0;
  }
}

function panelKey() {
  return `${mirror.version}|${ui.selectedId}|${store.inGesture}`;
}

function draw() {
  const s = store.scenario;
  if (!s || !ui.width) return;
  let summary, layers, levels, labels;
  // While a camera is dragged, the live figures (and the optics the handles use) are
  // fetched every third frame (about 20 times a second), or after LIVE_FIGURES_MS, rather
  // than every frame: the summary is the largest per-frame cost on big plans. The drawing
  // itself follows every frame.
  const now = performance.now();
  const fresh = !store.inGesture || !ui.liveSummary || ui.liveSkipped >= 2 || now - ui.liveSummaryAt >= LIVE_FIGURES_MS;
  ui.liveSkipped = fresh ? 0 : ui.liveSkipped + (ui.dragDirty ? 1 : 0);
  try {
    summary = fresh ? mirror.summary() : /** @type {import('./scene.js').Summary} */ (ui.liveSummary);
    if (fresh) {
      ui.liveSummary = summary;
      ui.liveSummaryAt = now;
    }
    layers = {
      // Fetched even when hidden: the blind layer's partial redraw needs the active view's extent.
      views: mirror.layer('views'),
      blind: ui.show.blind ? mirror.layer('blind') : null,
      multi: ui.show.multi ? mirror.layer('multi') : null,
      dead: ui.show.dead ? mirror.layer('dead') : null,
      bands: ui.show.bands && ui.show.views ? mirror.layer('bands') : null,
    };
    levels = mirror.levels();
    labels = ui.show.labels ? mirror.zoneLabels() : null;
  } catch (e) {
    showError('The core failed', `${errorMessage(e)}`);
    return;
  }
  const sel = selectedIndex();
  const blindK = ui.hoverBlind >= 0 ? ui.hoverBlind : ui.focusBlind;
  const highlight = blindK >= 0 && mirror.blindSpotsAreCurrent() ? blindRings(blindK) : null;
  renderer.render({
    scenario: s,
    layers,
    stats: summary.cameras,
    levels,
    labels,
    tiltDrag: ui.tiltDrag,
    view: ui.view,
    width: ui.width,
    height: ui.height,
    dpr: window.devicePixelRatio || 1,
    show: ui.show,
    selected: sel,
    activeIndex: sel,
    hoverCamera: ui.hoverCamera,
    hoverZone: ui.hoverZone ?? ui.focusZone,
    highlight,
    ghost: ui.addMode ? ui.ghost : null,
    focused: document.activeElement === canvas,
    viewMoving: ui.viewMoving,
    live: store.inGesture,
  });
  drawMarks();
  if (fresh && panelKey() !== ui.panelKey) refreshPanels(summary, store.inGesture || !mirror.blindSpotsAreCurrent());
}

/**
 * Brings the side panel and the plan name up to date with the current state.
 * @param {import('./scene.js').Summary} figures the summary, or the report once settled
 * @param {boolean} live
 */
function refreshPanels(figures, live) {
  const s = scenario();
  const sel = selectedIndex();
  ui.panelKey = panelKey();
  panels.updateStats(figures, s.cameras.length, live, s);
  updateProposalCard();
  panels.updateEditor(s, sel, figures);
  if (!store.inGesture) panels.updateCameraList(s, sel, figures);
  if (live) panels.updateBlindSpots(null, s, true);
  const nameInput = /** @type {HTMLInputElement} */ ($('scenario-name'));
  if (document.activeElement !== nameInput) nameInput.value = s.name;
}

// ---- Toolbar and page chrome ----

function updateToolbar() {
  const u = /** @type {HTMLButtonElement} */ ($('btn-undo'));
  const r = /** @type {HTMLButtonElement} */ ($('btn-redo'));
  u.disabled = !store.canUndo();
  r.disabled = !store.canRedo();
  u.title = store.canUndo() ? `Undo: ${store.peekUndo()?.label} (Ctrl+Z)` : 'Nothing to undo';
  r.title = store.canRedo() ? `Redo: ${store.peekRedo()?.label} (Ctrl+Shift+Z)` : 'Nothing to redo';
  const has = selectedIndex() >= 0;
  /** @type {HTMLButtonElement} */ ($('btn-delete')).disabled = !has;
  /** @type {HTMLButtonElement} */ ($('btn-duplicate')).disabled = !has;
  updateLayoutsBar();
  const add = $('btn-add');
  add.setAttribute('aria-pressed', ui.addMode ? 'true' : 'false');
  const hint = $('mode-hint');
  if (ui.addMode && hint.hidden) fillAddBar();
  hint.hidden = !ui.addMode;
  canvas.classList.toggle('adding', ui.addMode);
}

/** @param {boolean} on */
function setAddMode(on) {
  if (ui.marking) {
    // Marking places: a click keeps marking; Escape (or Done) ends it.
    if (!on && ui.justMarked) { ui.justMarked = false; return; }
    if (!on) { setMarking(false); return; }
  }
  ui.addMode = on;
  if (!on) ui.ghost = null;
  updateToolbar();
  requestFrame();
  if (on) announce('Click on the plan to place a camera, or press Enter to place it in the middle of the view. Escape cancels.');
}

/** The add bar's model list: the scenario's models, with their kind and example prices. */
function fillAddBar() {
  const s = scenario();
  const select = /** @type {HTMLSelectElement} */ ($('add-model'));
  const summary = mirror.summary();
  const currency = summary.costs.currency;
  select.replaceChildren(...s.catalog.map((m) => el('option', { value: m.id, text: modelOptionText(m, currency) })),
    el('option', { value: '', text: 'No model (a flat cone: own field of view and range)' }));
  select.value = addModelId();
  const h = /** @type {HTMLInputElement} */ ($('add-height'));
  h.value = String(ui.addHeight);
  h.disabled = select.value === '';
}

/** @param {import('./state.js').CameraModel} m @param {string} currency */
function modelOptionText(m, currency) {
  const bits = [m.name, kindLabel(m.kind)];
  if (m.unit_price !== undefined) bits.push(`${fmtMoney(m.unit_price, currency)}${m.example_prices ? ' (example)' : ''}`);
  return bits.join(' · ');
}

function openHelp() {
  const d = /** @type {HTMLDialogElement} */ ($('help'));
  if (!d.open) d.showModal();
}

const fileInput = /** @type {HTMLInputElement} */ ($('file-input'));
function openPicker() {
  fileInput.value = '';
  fileInput.click();
}


// ---- Layouts: several layouts of the same plan, side by side (layouts.js) ----

/** Shows layout k on the plan (an undoable step, so undo can walk back across layouts). @param {number} k */
function switchLayout(k) {
  const s = scenario();
  if (k === activeLayout(s) || k < 0 || k >= layoutsOf(s).length) return;
  const t0 = performance.now();
  const next = withLayoutActive(s, k);
  ui.selectedId = null;
  if (commit(next, `Show ${next.name}`)) {
    perf.switchMs.push(performance.now() - t0);
    afterEdit(0);
    announce(`Showing the layout ${next.name}`);
  }
}

/**
 * Adds a layout (from a duplicate, the optimiser or the curve) and shows it.
 * @param {string} name @param {Camera[]} cameras @param {import('./layouts.js').LayoutMeta} [meta]
 */
function addLayout(name, cameras, meta) {
  const s = scenario();
  const next = withLayoutAdded(s, uniqueLayoutName(s, name), cameras, meta);
  ui.selectedId = null;
  if (commit(next, `New layout ${next.name}`)) {
    afterEdit(0);
    announce(`New layout ${next.name}, shown on the plan`);
    return true;
  }
  return false;
}

function duplicateLayout() {
  const s = scenario();
  const next = withLayoutAdded(s, freshLayoutName(s), s.cameras, { kind: 'duplicate', cameras: s.cameras });
  if (commit(next, `Duplicate as ${next.name}`)) {
    toast(`"${next.name}" is a copy of "${s.name}": edit it freely, "${s.name}" stays as it is.`);
    afterEdit(0);
  }
}

/** Renames layout k in place: its tab becomes a text field (Enter keeps, Escape cancels). @param {number} k */
function renameLayout(k) {
  const s = scenario();
  const old = layoutsOf(s)[k]?.name;
  const tab = /** @type {HTMLElement|undefined} */ ($('layout-tabs').children[k]);
  if (old === undefined || !tab) return;
  const field = /** @type {HTMLInputElement} */ (el('input', { type: 'text', class: 'layout-rename', 'aria-label': `New name for ${old}`, spellcheck: 'false' }));
  field.value = old;
  tab.replaceChildren(field);
  field.focus();
  field.select();
  let done = false;
  const finish = (/** @type {boolean} */ keep) => {
    if (done) return;
    done = true;
    const name = field.value.trim();
    $('layout-tabs').dataset.key = '';
    if (keep && name && name !== old) {
      if (layoutsOf(scenario()).some((l, j) => j !== k && l.name === name)) showError('Rename: not possible', `Another layout is already called "${name}".`);
      else commit(withLayoutRenamed(scenario(), k, name), 'Rename layout');
    }
    updateLayoutsBar();
  };
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); finish(true); }
    else if (e.key === 'Escape') { e.preventDefault(); finish(false); }
    e.stopPropagation();
  });
  field.addEventListener('blur', () => finish(true));
}

/** @param {number} k */
function deleteLayout(k) {
  const s = scenario();
  const list = layoutsOf(s);
  if (list.length <= 1) return;
  const name = list[k].name;
  ui.selectedId = null;
  if (commit(withLayoutRemoved(s, k), `Delete layout ${name}`)) {
    toast(`Deleted the layout "${name}" — Ctrl+Z to undo`);
    afterEdit(0);
  }
}

/** The tabs: one per layout, the shown one pressed, with rename and delete. */
function updateLayoutsBar() {
  const s = store.scenario;
  const tabs = $('layout-tabs');
  if (!s) { tabs.replaceChildren(); return; }
  const list = layoutsOf(s);
  const act = activeLayout(s);
  const key = `${list.map((l) => l.name).join('\u0000')}|${act}`;
  if (tabs.dataset.key === key) return;
  tabs.dataset.key = key;
  tabs.replaceChildren(...list.map((l, k) => {
    const on = k === act;
    const tab = el('div', { class: `layout-tab${on ? ' active' : ''}`, 'data-name': l.name });
    const b = el('button', { type: 'button', role: 'tab', 'aria-selected': on ? 'true' : 'false', class: 'layout-pick',
      title: on ? `${l.name}: on the plan (double-click to rename)` : `Show ${l.name} on the plan` });
    b.append(el('span', { class: 'layout-tag', text: k === 0 ? 'main' : String.fromCharCode(64 + Math.min(k, 26)) }), el('span', { class: 'layout-name', text: l.name }));
    b.addEventListener('click', () => switchLayout(k));
    b.addEventListener('dblclick', () => renameLayout(k));
    tab.append(b);
    if (on) {
      const rn = el('button', { type: 'button', class: 'layout-icon', title: `Rename ${l.name}`, 'aria-label': `Rename ${l.name}`, text: '✎' });
      rn.addEventListener('click', () => renameLayout(k));
      tab.append(rn);
    }
    if (list.length > 1) {
      const del = el('button', { type: 'button', class: 'layout-icon danger', title: `Delete the layout ${l.name}`, 'aria-label': `Delete the layout ${l.name}`, text: '×' });
      del.addEventListener('click', () => deleteLayout(k));
      tab.append(del);
    }
    return tab;
  }));
}

/** The proposal card: what the optimiser or the curve said about the layout shown. */
function updateProposalCard() {
  const s = store.scenario;
  const card = $('proposal-card');
  const meta = s?.layouts?.list[s.layouts.active]?.meta;
  if (!s || !meta || (meta.kind !== 'proposal' && meta.kind !== 'curve')) { card.hidden = true; return; }
  const sm = mirror.summary();
  $('proposal-h').textContent = meta.kind === 'curve' ? 'From the cost curve' : 'Proposal';
  $('proposal-body').replaceChildren(...proposalBody(meta, s, sm.weighted_coverage, sm.costs.currency));
  card.hidden = false;
}

// ---- Marking places for the optimiser ----

/** @param {boolean} on */
function setMarking(on) {
  ui.marking = on;
  ui.justMarked = false;
  if (on) {
    ui.addMode = false;
    if (ui.marksPlan !== scenario().plan) { ui.marks = []; ui.marksPlan = scenario().plan; }
    announce('Click on the plan to mark places where the optimiser may put a camera; click a mark to remove it. Escape or Done ends.');
  }
  $('mark-hint').hidden = !on;
  canvas.classList.toggle('adding', on);
  updateMarkCount();
  requestFrame();
  if (!on) budget.open();
}

/** @param {number} x @param {number} y */
function toggleMark(x, y) {
  ui.justMarked = true;
  const r = 12 / ui.view.scale;
  const k = ui.marks.findIndex((m) => Math.hypot(m[0] - x, m[1] - y) <= r);
  if (k >= 0) ui.marks.splice(k, 1);
  else ui.marks.push([roundTo(x, 2), roundTo(y, 2)]);
  updateMarkCount();
  requestFrame();
}

function updateMarkCount() {
  const n = ui.marks.length;
  $('mark-count').textContent = `${n} place${n === 1 ? '' : 's'} marked`;
}

/** Draws the marked places over the plan. */
function drawMarks() {
  if (!ui.marks.length || (!ui.marking && !budget.dialog.open) || ui.marksPlan !== scenario().plan) return;
  const ctx = renderer.ctx;
  const d = window.devicePixelRatio || 1;
  ctx.save();
  ctx.setTransform(d, 0, 0, d, 0, 0);
  for (const [x, y] of ui.marks) {
    const X = x * ui.view.scale + ui.view.tx, Y = -y * ui.view.scale + ui.view.ty;
    ctx.fillStyle = 'rgba(255, 210, 31, 0.9)';
    ctx.strokeStyle = '#1d232b';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(X, Y, 7, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(X - 11, Y); ctx.lineTo(X + 11, Y);
    ctx.moveTo(X, Y - 11); ctx.lineTo(X, Y + 11);
    ctx.stroke();
  }
  ctx.restore();
}

// A layout's figures come from the scene kept loaded for it if there is one, else from a scene of its own.
const layoutFigures = new LayoutFigures(wasm, (s, cameras) =>
  mirror.parked.find((p) => p.scenario.cameras === cameras && p.scenario.plan === s.plan && p.scenario.catalog === s.catalog && p.scenario.settings === s.settings)?.scene ?? null);

/** Every layout's total cost and exact weighted coverage (the curve's diamonds). */
async function allLayoutFigures() {
  const s = scenario();
  const act = activeLayout(s);
  return layoutsOf(s).map((l, k) => {
    const sm = k === act ? mirror.summary() : layoutFigures.get(s, l).summary;
    return { name: l.name, cost: sm.costs.total, weighted: sm.weighted_coverage, active: k === act, index: k };
  });
}

const budget = new BudgetUI({
  scenario,
  currency: () => mirror.summary().costs.currency,
  addLayout,
  figures: allLayoutFigures,
  exactWeighted: () => mirror.summary().weighted_coverage,
  totalCost: () => mirror.summary().costs.total,
  showError,
  toast,
  setMarking,
  marked: () => (ui.marksPlan === scenario().plan ? ui.marks : []),
});

const compare = new CompareView(/** @type {HTMLDialogElement} */ ($('compare')), {
  scenario,
  figures: layoutFigures,
  active: () => ({ summary: mirror.summary(), layers: { views: mirror.layer('views'), blind: mirror.layer('blind'), dead: mirror.layer('dead') } }),
  levels: () => mirror.levels(),
  switchTo: switchLayout,
  currency: () => mirror.summary().costs.currency,
});

const panels = new Panels({
  commitCamera,
  fovPatch,
  openCatalog: (modelId) => catalog.open(modelId),
  select,
  deleteSelected,
  duplicateSelected,
  zoomToBlindSpot,
  highlightBlindSpot: (k) => { ui.focusBlind = k; requestFrame(); },
  zoomToZone,
  highlightZone: (id) => { ui.focusZone = id; requestFrame(); },
  showError,
  selected: selectedIndex,
  scenario,
});

const interaction = new Interaction(canvas, {
  scenario,
  view: () => ui.view,
  setView,
  selected: selectedIndex,
  select,
  addMode: () => ui.addMode || ui.marking,
  setAddMode,
  beginGesture: () => { store.beginGesture(); mirror.lean = true; ui.lastDragFrameAt = 0; if (ui.settleTimer) clearTimeout(ui.settleTimer); },
  preview,
  endGesture: (label) => {
    ui.dragEndAt = performance.now();
    mirror.lean = false;
    const changed = store.endGesture(label);
    if (changed) afterEdit(0);
    else { ui.dragEndAt = 0; requestFrame(); }
  },
  commitCamera,
  addCameraAt,
  deleteSelected,
  duplicateSelected,
  undo,
  redo,
  fit: fitToPlan,
  open: openPicker,
  save: saveFile,
  help: openHelp,
  hoverAt,
  hoverLeave,
  setGhost: (p) => { ui.ghost = ui.marking ? null : p; requestFrame(); },
  requestFrame,
  optics: (i) => cameraOptics(scenario(), scenario().cameras[i], mirror.summary().cameras[i]),
  stats: (i) => mirror.summary().cameras[i],
  fovPatch,
  setTiltDrag: (on) => { ui.tiltDrag = on; requestFrame(); },
  toast,
});

const catalog = new CatalogEditor(/** @type {HTMLDialogElement} */ ($('catalog')), {
  scenario,
  commit: (next, label, onError) => commit(next, label, { onError }),
  undo, redo,
  canUndo: () => store.canUndo(),
  canRedo: () => store.canRedo(),
  starter: () => JSON.parse(wasm.Scene.starterCatalog()),
  summary: () => mirror.summary(),
});

/** @param {string} id @param {() => void} fn */
function onClick(id, fn) {
  $(id).addEventListener('click', fn);
}
onClick('btn-open', openPicker);
onClick('btn-layout-dup', duplicateLayout);
onClick('btn-optimize', () => budget.open());
onClick('btn-curve', () => { budget.curve ? budget.showCurve() : budget.open(); });
onClick('btn-compare', () => compare.open());
onClick('mark-done', () => setMarking(false));
onClick('btn-save', saveFile);
onClick('btn-undo', undo);
onClick('btn-redo', redo);
onClick('btn-add', () => setAddMode(!ui.addMode));
onClick('btn-duplicate', duplicateSelected);
onClick('btn-delete', deleteSelected);
onClick('btn-duplicate-2', duplicateSelected);
onClick('btn-delete-2', deleteSelected);
onClick('btn-fit', fitToPlan);
onClick('btn-zoom-in', () => setView(zoomAt(ui.view, 1.25, ui.width / 2, ui.height / 2)));
onClick('btn-zoom-out', () => setView(zoomAt(ui.view, 0.8, ui.width / 2, ui.height / 2)));
onClick('btn-help', openHelp);
onClick('btn-catalog', () => catalog.open());
onClick('btn-catalog-2', () => catalog.open());
onClick('banner-close', hideError);
onClick('help-close', () => /** @type {HTMLDialogElement} */ ($('help')).close());
fileInput.addEventListener('change', () => {
  const f = fileInput.files?.[0];
  if (f) openFile(f);
});
installDropZone($('drop-overlay'), (f) => openFile(f));

for (const key of /** @type {(keyof typeof ui.show)[]} */ (['views', 'bands', 'blind', 'dead', 'multi', 'labels'])) {
  const box = /** @type {HTMLInputElement} */ ($(`show-${key}`));
  box.checked = ui.show[key];
  box.addEventListener('change', () => {
    ui.show[key] = box.checked;
    requestFrame();
  });
}

const nameInput = /** @type {HTMLInputElement} */ ($('scenario-name'));
nameInput.addEventListener('change', () => {
  const v = nameInput.value.trim();
  if (v && v !== scenario().name) commit(withName(scenario(), v), 'Rename plan');
  else nameInput.value = scenario().name;
});
nameInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') nameInput.blur(); });

const addSelect = /** @type {HTMLSelectElement} */ ($('add-model'));
addSelect.addEventListener('change', () => {
  ui.addModel = addSelect.value;
  /** @type {HTMLInputElement} */ ($('add-height')).disabled = addSelect.value === '';
  canvas.focus({ preventScroll: true });
});
const addHeight = /** @type {HTMLInputElement} */ ($('add-height'));
addHeight.addEventListener('change', () => {
  const v = Number(addHeight.value);
  if (addHeight.value.trim() === '' || !(v >= 0 && v <= 100)) {
    addHeight.classList.add('invalid');
    showError('Mounting height: not a valid value', `"${addHeight.value}" is not a height in metres between 0 and 100; an empty value is not allowed here (pick "No model" for a flat cone).`);
    return;
  }
  addHeight.classList.remove('invalid');
  ui.addHeight = v;
});
addHeight.addEventListener('keydown', (e) => { if (e.key === 'Enter') canvas.focus({ preventScroll: true }); });

const sampleSelect = /** @type {HTMLSelectElement} */ ($('sample-select'));
sampleSelect.addEventListener('change', () => {
  const file = sampleSelect.value;
  sampleSelect.value = '';
  if (file) openSample(file);
});

canvas.addEventListener('focus', () => requestFrame());
canvas.addEventListener('blur', () => requestFrame());

// Keep the canvas the size of its box, in device pixels.
const host = /** @type {HTMLElement} */ (canvas.parentElement);
new ResizeObserver(() => {
  const r = host.getBoundingClientRect();
  const w = Math.max(1, Math.floor(r.width)), h = Math.max(1, Math.floor(r.height));
  if (w === ui.width && h === ui.height) return;
  const first = !ui.sized;
  // Keep the plan centred where it was.
  if (!first) ui.view = { ...ui.view, tx: ui.view.tx + (w - ui.width) / 2, ty: ui.view.ty + (h - ui.height) / 2 };
  ui.width = w;
  ui.height = h;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  ui.sized = true;
  if (first) fitToPlan();
  requestFrame();
}).observe(host);
matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener?.('change', () => requestFrame());

store.subscribe((ev) => {
  if (ev.type !== 'preview') autosave.schedule(ev.next);
  updateToolbar();
  if (ev.type !== 'preview' && catalog.isOpen) catalog.refresh();
});
window.addEventListener('pagehide', () => autosave.flush());
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') autosave.flush(); });

buildLegend($('legend'));

// ---- Start: a sample from the URL, else the autosave, else the default sample. ----

async function start() {
  const params = new URLSearchParams(location.search);
  try {
    const list = await loadSampleList();
    for (const s of list) sampleSelect.append(el('option', { value: s.file, text: s.name }));
  } catch (e) {
    console.warn('no samples list', e);
  }
  const sample = params.get('sample');
  const saved = params.has('fresh') || sample ? null : autosave.load();
  let ok = false;
  if (saved) {
    ok = openText(saved.text, 'your autosaved plan', { record: false, active: saved.active });
    if (ok) toast(`Restored the plan you were working on${saved.savedAt ? ` (autosaved ${new Date(saved.savedAt).toLocaleTimeString()})` : ''}`);
  }
  if (!ok) {
    const file = sample && /^[\w.-]+\.json$/.test(sample) ? sample : DEFAULT_SAMPLE;
    try {
      ok = openText(await fetchSample(file), file, { record: false });
    } catch (e) {
      showError(`Could not open the sample ${file}`, errorMessage(e));
    }
  }
  $('loading').hidden = true;
  document.body.dataset.ready = ok ? 'true' : 'empty';
  updateToolbar();
  requestFrame();
}

// Test and benchmark hooks: read-only views of the state plus screen positions, so a
// browser test can drive the real pointer at a camera or handle.
Object.assign(window, {
  __blindspot: {
    scenario: () => store.scenario,
    selectedId: () => ui.selectedId,
    summary: () => mirror.summary(),
    report: () => mirror.report(),
    blindSpots: () => mirror.blindSpots(),
    levels: () => mirror.levels(),
    /** the number of polygons with rings in a layer @param {'views'|'blind'|'multi'|'dead'|'bands'} name */
    layerCount(name) {
      const l = mirror.layer(name);
      let n = 0;
      for (let p = 0; p + 1 < l.polygonOffsets.length; p++) if (l.polygonOffsets[p + 1] > l.polygonOffsets[p]) n++;
      return n;
    },
    /**
     * During a drag: whether the lean figures and patched layers (totals, cameraSummary,
     * cameraLayers) equal what the full calls return now.
     */
    leanCheck() {
      const same = (/** @type {import('./scene.js').Shapes} */ a, /** @type {import('./scene.js').Shapes} */ b) =>
        a.coords.length === b.coords.length && a.coords.every((v, k) => v === b.coords[k]) &&
        a.ringOffsets.length === b.ringOffsets.length && a.ringOffsets.every((v, k) => v === b.ringOffsets[k]) &&
        a.polygonOffsets.length === b.polygonOffsets.length && a.polygonOffsets.every((v, k) => v === b.polygonOffsets[k]);
      const lean = mirror.summary();
      const full = /** @type {import('./scene.js').Summary} */ (JSON.parse(mirror.scene.summary()));
      const pick = (/** @type {import('./scene.js').Summary} */ x) => JSON.stringify({
        c: x.coverage, w: x.weighted_coverage, b: x.blind_area_m2, m: x.multi_covered_area_m2, l: x.levels, k: x.costs,
        z: x.zones.map((z) => [z.id, z.coverage, z.required_coverage, z.covered_area_m2, z.multi_covered_area_m2]), cams: x.cameras,
      });
      return {
        inLean: mirror.lean,
        leanSummary: mirror.summaryCache?.lean ?? false,
        summary: pick(lean) === pick(full),
        views: same(mirror.layer('views'), mirror.freshLayer('views')),
        dead: same(mirror.layer('dead'), mirror.freshLayer('dead')),
        bands: same(mirror.layer('bands'), mirror.freshLayer('bands')),
      };
    },
    /** the layouts: name and camera count, and which is shown */
    layouts: () => ({ active: activeLayout(scenario()), list: layoutsOf(scenario()).map((l) => ({ name: l.name, cameras: l.cameras.length })) }),
    /** the optimiser's runs: wall time, the worker's timing, progress messages */
    optimizerRuns: () => budget.history.slice(),
    workersStarted: () => budget.runner.started,
    /** what the optimiser or the curve said about the layout shown (null for others) */
    activeMeta: () => {
      const s = scenario();
      const m = s.layouts?.list[s.layouts.active]?.meta;
      return m ? { kind: m.kind, proposal: m.proposal ? { ...m.proposal, cameras: m.proposal.cameras.length } : null, point: m.point ?? null, request: m.request ?? null, edited: m.cameras !== s.cameras } : null;
    },
    curvePoints: () => budget.curve?.points.map((p) => ({ budget: p.budget, cost: p.cost, estimated_coverage: p.estimated_coverage, cameras: p.cameras.length })) ?? null,
    compareMs: () => compare.lastMs.slice(),
    comparisonLoads: () => layoutFigures.loads,
    /** layout switches served by a scene kept loaded (no reload) */
    parkHits: () => mirror.parkHits,
    settledVersion: () => (mirror.blindSpotsAreCurrent() ? mirror.version : -1),
    /** how many times the scene was (re)built from a scenario: an edit that needs no reload leaves it */
    sceneLoads: () => mirror.loadVersion,
    /** the colour of the plan canvas at a client point, as [r, g, b, a] @param {number} x @param {number} y */
    pixel(x, y) {
      const r = canvas.getBoundingClientRect();
      const d = window.devicePixelRatio || 1;
      return Array.from(renderer.ctx.getImageData(Math.round((x - r.left) * d), Math.round((y - r.top) * d), 1, 1).data);
    },
    /** @param {string} id @param {'centre'|'heading'|'fovLeft'|'fovRight'|'range'|'tilt'} [which] */
    screenPoint(id, which = 'centre') {
      const s = scenario();
      const i = s.cameras.findIndex((c) => c.id === id);
      if (i < 0) return null;
      const h = cameraHandles(ui.view, s, s.cameras[i], mirror.summary().cameras[i]);
      const r = canvas.getBoundingClientRect();
      const p = h[which];
      if (!p) return null;
      return { x: r.left + p[0], y: r.top + p[1] };
    },
    /** @param {number} x @param {number} y */
    worldToClient(x, y) {
      const r = canvas.getBoundingClientRect();
      return { x: r.left + x * ui.view.scale + ui.view.tx, y: r.top - y * ui.view.scale + ui.view.ty };
    },
  },
});

await start();
