// @ts-check
/**
 * Wiring only: loads the core, creates the store, the UI state and the scene mirror,
 * mounts the panels and dialogs, registers the tools and starts. Edits flow one way:
 * tool or panel -> commands (core first, then the store) -> frame -> canvas and panels.
 * The folders say what the parts are (docs/web-app.md, "Architecture").
 */

import { loadCore } from './core/load.js';
import { SceneMirror, errorMessage } from './core/mirror.js';
import { LayoutFigures } from './core/figures.js';
import { Store } from './model/history.js';
import { Autosave, FileText } from './model/autosave.js';
import { autosaveDb } from './files/autosave-db.js';
import { sameShapes, takeShapes } from './core/shapes.js';
import { toFile, activeLayout } from './model/layouts.js';
import { withName, cameraIndex } from './model/scenario.js';
import { UiState } from './app/ui-state.js';
import { Messages, showFatal } from './app/messages.js';
import { FrameLoop, perf } from './app/frame.js';
import { Commands } from './app/commands.js';
import { CameraCommands, snapOnDrop } from './app/camera-commands.js';
import { LayoutCommands } from './app/layout-commands.js';
import { LevelCommands } from './app/level-commands.js';
import { Viewport } from './app/viewport.js';
import { Hover } from './app/hover.js';
import { SidePanel } from './app/side-panel.js';
import { Files } from './app/open.js';
import { installTestHooks, renderDiff, freshFrameTiming } from './app/test-hooks.js';
import { Recovery } from './app/recovery.js';
import { Renderer } from './render/renderer.js';
import { drawSwatch } from './render/swatch.js';
import { ToolHost } from './tools/pointer.js';
import { installKeys } from './tools/keys.js';
import { CameraTool } from './tools/camera-tool.js';
import { AddCameraTool } from './tools/add-camera-tool.js';
import { MarkTool, marksOverlay } from './tools/mark-tool.js';
import { PlanTool, SLOW_EDIT_MS } from './tools/plan-tool.js';
import { PlanPanel } from './panels/plan-editor.js';
import { withPlan, setWallProps, setZoneProps } from './model/plan.js';
import { Toolbar } from './panels/toolbar.js';
import { LayoutTabs } from './panels/layout-tabs.js';
import { LevelTabs } from './panels/level-tabs.js';
import { SiteOverview } from './panels/site-overview.js';
import { levelNamed, shownLevel } from './model/levels.js';
import { Tooltip } from './panels/tooltip.js';
import { buildLegend } from './panels/legend.js';
import { $, dialog, input } from './panels/dom.js';
import { CatalogEditor } from './dialogs/catalog.js';
import { ImportDialog } from './dialogs/import.js';
import { WorkerRunner } from './core/worker-runner.js';
import { CompareView } from './dialogs/compare.js';
import { Help } from './dialogs/help.js';
import { NewPlanDialog } from './dialogs/new-plan.js';
import { BudgetUI } from './budget/dialog.js';
import { installDropZone } from './files/files.js';
import { ExportDialog } from './app/export-dialog.js';
import { Headline } from './panels/headline.js';
import { Presenter } from './app/present.js';
import { installPrintView } from './app/print-view.js';
import { fmtNum } from './format.js';
import { fmtBearing } from './model/compass.js';
import { SecurityAnalysis } from './security/analysis.js';
import { SecurityUI } from './security/security-ui.js';
import { RoutePointTool } from './tools/route-point-tool.js';
import { UnderlayTool } from './tools/underlay-tool.js';
import { UnderlayUI } from './underlay/underlay-ui.js';
import { isUnderlayFile } from './underlay/load.js';

let core;
try {
  core = await loadCore();
} catch (e) {
  showFatal('The planner could not start', `Loading the WebAssembly core failed: ${errorMessage(e)}. ` +
    'If you are running from a checkout, build it with scripts/build-web.sh and serve the www folder.');
  throw e;
}

const canvas = /** @type {HTMLCanvasElement} */ ($('plan'));
const messages = new Messages();
const store = new Store();
const mirror = new SceneMirror(core);
const limits = core.Scene.limits();
const ui = new UiState(() => loop.request());
// `?render=flat` (benchmarks): the layers drawn into the one canvas, to compare with the stack.
const renderer = new Renderer(canvas, { stacked: new URLSearchParams(location.search).get('render') !== 'flat' });
renderer.rasterPhases = new URLSearchParams(location.search).get('perf') === 'phases';
const figures = new LayoutFigures(mirror);
const scenario = () => /** @type {import('./model/scenario.js').Scenario} */ (store.scenario);
const storage = (() => { try { return window.localStorage; } catch { return null; } })();
// The autosave keeps every layout (the file form: main layout and options) and which one is
// shown; a plan's text is written out once per plan (fileText), large plans go to IndexedDB.
const fileText = new FileText();
const autosave = new Autosave(storage, 400, (s) => ({ text: fileText.of(toFile(s)), active: activeLayout(s), level: shownLevel(s) ?? undefined }),
  (message) => messages.showError('Autosave failed: a reload would lose your latest changes', `${message} — save the plan as a file (Save).`), autosaveDb);
const recovery = new Recovery({ mirror, store, messages, restarted: () => { side.reset(); commands.afterEdit(0); } });
const coreFailed = (/** @type {unknown} */ e, /** @type {string} */ what) => recovery.handle(e, what);

/** @type {FrameLoop} */
const loop = new FrameLoop({
  store, mirror, ui, renderer, canvas, flush: ['flush', 'phases'].includes(new URLSearchParams(location.search).get('perf') ?? ''),
  overlays: (f) => [...security.overlays(f), ...tools.tool().overlays(f), ...(budget.dialog.open && ui.marks.plan === f.doc.plan ? marksOverlay(ui.marks.points) : [])],
  security: (show) => security.layers(show),
  underlay: (s) => underlay.frame(s),
  refreshPanels: (figs, live) => {
    side.refresh(scenario(), commands.selectedIndex(), figs, live, store.inGesture, mirror.modelRules());
    refreshSite(live);
    security.refresh(figs, live);
    headline.update(figs, scenario().cameras.length);
    toolbar.showName(scenario().name);
  },
  failed: (e) => { if (!coreFailed(e, 'Drawing')) messages.showError('The core failed', errorMessage(e)); },
});
const view = new Viewport({ ui, store, mirror, messages });
const analysis = new SecurityAnalysis(mirror, new WorkerRunner(new URL('./security/worker.js', import.meta.url)),
  () => security.workerDone(), (e) => messages.showError('The security analysis failed', errorMessage(e)), (file) => fileText.of(file));
const security = new SecurityUI({
  analysis, scenario: () => store.scenario, met: limits.met_fraction, inGesture: () => store.inGesture,
  zoomToBox: (b, m) => view.zoomToBox(b, m), select: (i, why) => commands.select(i, why), requestFrame: () => loop.request(),
  pickPoint: () => { tools.use('route-point'); messages.toast('Click on the plan where the intruder starts (Esc cancels)'); },
  failed: (e, what) => { if (!coreFailed(e, what)) messages.showError(`${what} failed`, errorMessage(e)); },
});
const commands = new Commands({
  store, mirror, ui, loop, messages, perf, coreFailed, planChanged: () => view.fit(), edited: () => updateChrome(),
  showBlindSpots: (spots) => side.showBlindSpots(spots, scenario()),
  selected: (i, why) => {
    const cam = scenario().cameras[i];
    if (why === 'keyboard' || why === 'list') view.ensureVisible(cam.position);
    const o = cams.optics(i);
    messages.announce(`Camera ${cam.id} selected: at ${fmtNum(cam.position[0], 1)}, ${fmtNum(cam.position[1], 1)}; bearing ${fmtBearing(cam.heading_deg)}; field of view ${fmtNum(o.hfov, 0)} degrees; range ${fmtNum(o.range, 1)} metres.`);
  },
});
const cams = new CameraCommands({ commands, mirror, ui, messages, coreFailed });
const layouts = new LayoutCommands({ commands, ui, messages, mirror, figures, perf });
const levels = new LevelCommands({ commands, ui, messages, perf });
const levelTabs = new LevelTabs({ show: (id) => levels.show(id) });
const siteOverview = new SiteOverview({ show: (id) => levels.show(id) });
/** The site panel and the level shown (a site of several levels; hidden otherwise); `live` during a drag. @param {boolean} [live] */
function refreshSite(live = false) {
  const s = store.scenario;
  const shown = s ? shownLevel(s) : null;
  const tag = $('stat-level');
  tag.hidden = shown === null;
  tag.textContent = s && shown !== null ? levelNamed(s, shown)?.name ?? shown : '';
  try {
    siteOverview.update(s ? mirror.site.view(s, live) : undefined);
  } catch (e) {
    if (!coreFailed(e, 'The site figures')) messages.showError('The site figures could not be computed', errorMessage(e));
  }
}
mirror.site.changed = () => refreshSite();
// The other levels of a site are prepared in a worker of their own (the file opener's code).
mirror.site.runner = new WorkerRunner(new URL('./files/open-worker.js', import.meta.url));
mirror.site.failed = (/** @type {unknown} */ e, /** @type {string} */ id) => { if (!coreFailed(e, `Preparing the level ${id}`)) messages.showError(`The level ${id} could not be prepared`, errorMessage(e)); };
const tooltip = new Tooltip();
const hover = new Hover({ ui, mirror, loop, tooltip, messages, coreFailed, selected: () => commands.selectedIndex() });
const catalog = new CatalogEditor(dialog('catalog'), {
  scenario, commit: (next, label, onError) => commands.commit(next, label, { onError }), undo: () => commands.undo(), redo: () => commands.redo(),
  canUndo: () => store.canUndo(), canRedo: () => store.canRedo(), starter: () => mirror.guarded(() => mirror.core().Scene.starterCatalog()), summary: () => mirror.summary(),
});
const side = new SidePanel({
  commitCamera: (i, p, l, c) => cams.commitCamera(i, p, l, c), changeModel: (i, id) => cams.changeModel(i, id), fovPatch: (c, h) => cams.fovPatch(c, h),
  openCatalog: (id) => catalog.open(id), showError: (t, m) => messages.showError(t, m), selected: () => commands.selectedIndex(), scenario,
  select: (i, why) => commands.select(i, why), zoomToZone: (id) => view.zoomToZone(id), highlightZone: (id) => ui.setFocus({ zone: id }),
  zoomToBlindSpot: (k) => view.zoomToBlindSpot(k), highlightBlindSpot: (k) => ui.setFocus({ blind: k }),
  changeCost: (before, after) => mirror.changeCost(before, after), mountAt: (x, y) => mirror.mountAt(x, y),
}, limits);
const files = new Files({
  store, mirror, ui, messages, commands, perf, coreFailed, fileText,
  opened: () => { ui.resetForNewPlan(); side.reset(); security.reset(); view.fit(); },
  importDrawing: (f, format) => importer.open(f, format), importDrawings: (list) => importer.openSeveral(list),
});
const importer = new ImportDialog({
  worker: new WorkerRunner(new URL('./files/import-worker.js', import.meta.url)),
  open: (text, source, snapshot) => files.openText(text, source, { snapshot }),
  showError: (t, m) => messages.showError(t, m), toast: (t) => messages.toast(t),
});
const budget = new BudgetUI({
  scenario, currency: () => mirror.summary().costs.currency, addLayout: (n, c, m, l) => layouts.add(n, c, m, l), figures: () => layouts.allFigures(),
  exactWeighted: () => mirror.summary().weighted_coverage, totalCost: () => mirror.summary().costs.total,
  showError: (t, m) => messages.showError(t, m), toast: (t) => messages.toast(t),
  setMarking: (on) => setMarking(on), marked: () => (ui.marks.plan === scenario().plan ? ui.marks.points : []),
  changeCost: (before, after) => mirror.changeCost(before, after),
});
const compare = new CompareView(dialog('compare'), {
  scenario, figures, switchTo: (k) => layouts.switchTo(k), currency: () => mirror.summary().costs.currency, levels: () => mirror.levels(),
  limits, rules: () => mirror.modelRules(), changeCost: (before, after) => mirror.changeCost(before, after),
  active: () => ({ summary: mirror.summary(), layers: { views: mirror.layer('views'), blind: mirror.layer('blind'), dead: mirror.layer('dead') } }),
});
const help = new Help();
const headline = new Headline(limits);
const exporter = new ExportDialog({
  wasm: () => mirror.wasm, scene: () => mirror.scene, scenario, viewport: () => ui.viewport, show: () => ui.show,
  showError: (t, m) => messages.showError(t, m), toast: (t) => messages.toast(t),
});
const presenter = new Presenter({
  scenario: () => store.scenario, switchTo: (k) => layouts.switchTo(k), fit: () => view.fit(), selected: () => commands.selectedIndex(),
  deselect: () => commands.select(-1), announce: (t) => messages.announce(t), changed: () => loop.request(),
});
installPrintView({ scene: () => mirror.scene, name: () => store.scenario?.name ?? '', summary: () => (store.scenario ? mirror.summary() : null), met: limits.met_fraction });
const drawer = $('btn-drawer');
drawer.addEventListener('click', () => {
  const open = !document.body.classList.contains('drawer-open');
  document.body.classList.toggle('drawer-open', open);
  drawer.setAttribute('aria-expanded', String(open));
});
const tabs = new LayoutTabs({ scenario: () => store.scenario, switchTo: (k) => layouts.switchTo(k), rename: (k, n) => layouts.rename(k, n), remove: (k) => layouts.remove(k) });
const toolbar = new Toolbar({
  rename: (n) => commands.commit(withName(scenario(), n), 'Rename plan'), setShow: (k, on) => ui.setShow(k, on),
  setAddModel: (id) => ui.setAdd({ model: id }), setAddHeight: (h) => ui.setAdd({ height: h }),
  showError: (t, m) => messages.showError(t, m), focusPlan: () => canvas.focus({ preventScroll: true }),
}, ui.show, limits);

// ---- Tools: exactly one active; the plan editor registers its wall and zone tools here. ----
/** @type {ToolHost} */
const tools = new ToolHost(canvas, {
  frame: () => loop.current, view: () => ui.viewport.view, moveView: (v) => ui.moveView(v), requestFrame: (w) => loop.request(w),
  changed: () => updateChrome(),
});
const cameraTool = new CameraTool({
  frame: () => loop.current, scenario, selected: () => commands.selectedIndex(), select: (i, why) => commands.select(i, why), optics: (i) => cams.optics(i),
  beginGesture: () => commands.beginGesture(), preview: (next) => commands.preview(next), endGesture: (label) => commands.endGesture(label),
  commitCamera: (i, p, l, c) => cams.commitCamera(i, p, l, c), fovPatch: (c, h) => cams.fovPatch(c, h), deleteSelected: () => cams.deleteSelected(),
  hoverAt: (p) => hover.at(p), hoverLeave: () => hover.leave(), requestFrame: (w) => loop.request(w), toast: (t) => messages.toast(t),
  snap: (cam, at) => snapOnDrop(mirror, cam, at),
});
const cameraKeys = (/** @type {KeyboardEvent} */ e) => cameraTool.key(e);
tools.register(cameraTool);
tools.register(new AddCameraTool({
  frame: () => loop.current, selected: () => commands.selectedIndex(), addCameraAt: (x, y) => cams.addCameraAt(x, y),
  done: () => tools.use('cameras'), cameraKeys, requestFrame: () => loop.request(),
}));
tools.register(new RoutePointTool({ frame: () => loop.current, picked: (at) => security.pointPicked(at), done: () => tools.use('cameras') }));
tools.register(new MarkTool({
  frame: () => loop.current, selected: () => commands.selectedIndex(), marks: () => ui.marks.points,
  setMarks: (points) => { ui.setMarks(points, scenario().plan); toolbar.showMarkCount(points.length); }, done: () => setMarking(false), cameraKeys,
}));
const planTool = new PlanTool({
  frame: () => loop.current, scenario,
  beginGesture: () => commands.beginGesture(), preview: (next) => commands.preview(next), endGesture: (label) => commands.endGesture(label),
  commit: (next, label) => commands.commit(next, label), roomAt: (x, y) => mirror.roomAt(x, y), zonesAt: (x, y) => mirror.pick(x, y).zones,
  requestFrame: (w) => loop.request(w), changed: () => updateChrome(), announce: (t) => messages.announce(t), done: () => setEditing(false),
  lastPlanEditMs: () => mirror.lastPlanEditMs,
});
tools.register(planTool);
const underlayTool = new UnderlayTool({
  frame: () => loop.current, scenario,
  beginGesture: () => commands.beginGesture(), preview: (next) => commands.preview(next), endGesture: (label) => commands.endGesture(label),
  commit: (next, label, opts) => commands.commit(next, label, opts), requestFrame: () => loop.request(), changed: () => updateChrome(),
  done: () => underlay.toolDone(), refused: (t) => messages.showError('Not possible', t),
});
tools.register(underlayTool);
const underlay = new UnderlayUI({
  scenario: () => store.scenario, commit: (next, label, opts) => commands.commit(next, label, opts), tool: underlayTool,
  activeTool: () => tools.activeId, useTool: (id) => tools.use(id), viewport: () => ({ view: ui.viewport.view, width: ui.viewport.width, height: ui.viewport.height }),
  showError: (t, m) => messages.showError(t, m), toast: (t) => messages.toast(t), announce: (t) => messages.announce(t),
  requestFrame: () => loop.request(), changed: () => updateChrome(),
});
const planPanel = new PlanPanel({
  setMode: (m) => planTool.setMode(/** @type {import('./tools/plan-tool.js').PlanMode} */ (m)),
  setNewKind: (k) => { planTool.newKind = k; updateChrome(); },
  setGrid: (on) => { planTool.gridOn = on; updateChrome(); },
  setWalls: (ids, patch) => {
    let plan = scenario().plan;
    for (const id of ids) plan = setWallProps(plan, id, patch);
    commands.commit(withPlan(scenario(), plan), ids.length === 1 ? 'Wall properties' : `Properties of ${ids.length} walls`);
  },
  setZone: (id, patch) => { commands.commit(withPlan(scenario(), setZoneProps(scenario().plan, id, patch)), 'Zone properties'); },
  deleteSelection: () => planTool.deleteSelection(), split: () => planTool.splitSelected(), done: () => setEditing(false),
  underlay: () => underlay.reveal(),
});
const newPlan = new NewPlanDialog({
  starter: () => mirror.guarded(() => mirror.core().Scene.starterCatalog()),
  open: (s) => files.openText(JSON.stringify(s), 'a new plan'), startEditing: () => setEditing(true),
});
/** Plan editing (Edit plan, or E) or the camera tool. @param {boolean} on */
function setEditing(on) {
  tools.use(on ? 'plan' : 'cameras');
  if (on) messages.announce('Editing the plan: W draws walls, Z a zone, R makes a zone from the room under a click. E or Done goes back to cameras.');
}
/** Marking places for the optimiser: from the budget dialog, back to it when done. @param {boolean} on */
function setMarking(on) {
  if (on) {
    if (ui.marks.plan !== scenario().plan) ui.setMarks([], scenario().plan);
    toolbar.showMarkCount(ui.marks.points.length);
    tools.use('marks');
    messages.announce('Click on the plan to mark places where the optimiser may put a camera; click a mark to remove it. Escape or Done ends.');
  } else {
    tools.use('cameras');
    budget.open();
  }
}
/** @param {boolean} on */
function setAdding(on) {
  if (on === (tools.activeId === 'add-camera')) return;
  tools.use(on ? 'add-camera' : 'cameras');
  if (on) messages.announce('Click on the plan to place a camera, or press Enter to place it in the middle of the view. Escape cancels.');
}
installKeys(tools, {
  undo: () => commands.undo(), redo: () => commands.redo(), save: () => files.save(), open: () => openPicker(), duplicate: () => cams.duplicateSelected(),
  help: () => help.open(), fit: () => view.fit(), zoomBy: (k) => view.zoomBy(k), panBy: (dx, dy) => view.panBy(dx, dy),
  toggleAdd: () => { if (tools.activeId !== 'marks') setAdding(tools.activeId !== 'add-camera'); },
  togglePlan: () => { if (tools.activeId !== 'marks') setEditing(tools.activeId !== 'plan'); },
});

/** Toolbar, add bar and layout tabs, after any edit, selection or tool change. */
function updateChrome() {
  const adding = tools.activeId === 'add-camera';
  if (adding && $('mode-hint').hidden && store.scenario) toolbar.fillAddBar(scenario(), mirror.summary().costs.currency, cams.addModelId(), ui.add.height);
  toolbar.update({ undoLabel: store.peekUndo()?.label ?? null, redoLabel: store.peekRedo()?.label ?? null,
    hasSelection: store.scenario !== null && cameraIndex(scenario(), ui.selection.cameraId) >= 0, tool: tools.activeId });
  tabs.update(store.scenario);
  levelTabs.update(store.scenario);
  presenter.update(store.scenario);
  const editing = tools.activeId === 'plan';
  $('btn-edit-plan').setAttribute('aria-pressed', String(editing));
  if (store.scenario) {
    /** @type {string[]} */
    let levels = [];
    try { levels = mirror.levels().map((l) => l.name); } catch { /* the core is restarting: the panel shows no levels until it is back */ }
    planPanel.update(scenario(), { active: editing, mode: planTool.mode, newKind: planTool.newKind, gridOn: planTool.gridOn,
      walls: planTool.sel.walls, zone: planTool.sel.zone, vertex: planTool.sel.vertex !== null,
      prepareMs: mirror.lastPlanEditMs, slow: mirror.lastPlanEditMs > SLOW_EDIT_MS }, levels);
    underlay.update({ editing });
  }
}

const fileInput = input('file-input');
const openPicker = () => { fileInput.value = ''; fileInput.click(); };
// A PNG, JPEG or PDF is an underlay to trace over; anything else a plan or a drawing.
const openAny = (/** @type {File} */ f) => (isUnderlayFile(f) ? underlay.load(f) : files.openFile(f));
fileInput.addEventListener('change', () => {
  const list = [...(fileInput.files ?? [])];
  if (list.length > 1) files.importSeveral(list); else if (list[0]) openAny(list[0]);
});
installDropZone($('drop-overlay'), openAny, (list) => files.importSeveral(list));
toolbar.wire({
  'btn-open': openPicker, 'btn-save': () => files.save(), 'btn-undo': () => commands.undo(), 'btn-redo': () => commands.redo(),
  'btn-add': () => setAdding(tools.activeId !== 'add-camera'), 'btn-duplicate': () => cams.duplicateSelected(), 'btn-delete': () => cams.deleteSelected(),
  'btn-duplicate-2': () => cams.duplicateSelected(), 'btn-delete-2': () => cams.deleteSelected(), 'btn-fit': () => view.fit(),
  'btn-zoom-in': () => view.zoomBy(1.25), 'btn-zoom-out': () => view.zoomBy(0.8), 'btn-help': () => help.open(),
  'btn-catalog': () => catalog.open(), 'btn-catalog-2': () => catalog.open(), 'btn-layout-dup': () => layouts.duplicate(),
  'btn-optimize': () => budget.open(), 'btn-curve': () => (budget.curve ? budget.showCurve() : budget.open()), 'btn-compare': () => compare.open(),
  'mark-done': () => setMarking(false), 'btn-export': () => exporter.open(), 'btn-present': () => presenter.toggle(),
  'btn-edit-plan': () => setEditing(tools.activeId !== 'plan'), 'btn-new-plan': () => newPlan.open(),
});
canvas.addEventListener('focus', () => loop.request());
canvas.addEventListener('blur', () => loop.request());
// Keep the canvas the size of its box; keep the plan centred where it was.
new ResizeObserver(() => {
  const r = /** @type {HTMLElement} */ (canvas.parentElement).getBoundingClientRect();
  const w = Math.max(1, Math.floor(r.width)), h = Math.max(1, Math.floor(r.height));
  const vp = ui.viewport;
  if (w === vp.width && h === vp.height) return;
  const first = vp.width === 0;
  if (!first) ui.setView({ ...vp.view, tx: vp.view.tx + (w - vp.width) / 2, ty: vp.view.ty + (h - vp.height) / 2 });
  ui.setSize(w, h);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  if (first) view.fit();
}).observe(/** @type {HTMLElement} */ (canvas.parentElement));
matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener?.('change', () => loop.request());
store.subscribe((ev) => {
  if (ev.type !== 'preview') autosave.schedule(ev.next);
  updateChrome();
  if (ev.type !== 'preview' && catalog.isOpen) catalog.refresh();
});
window.addEventListener('pagehide', () => autosave.flush());
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') autosave.flush(); });
buildLegend($('legend'), drawSwatch);
Object.assign(window, { __blindspotPerf: perf });
installTestHooks({ store, mirror, ui, renderer, canvas, budget, compare, figures, tools, extra: {
  exporter, presenter, coreFailures: () => recovery.failures.slice(), coreRestarts: () => mirror.restarts,
  opens: () => files.opens.slice(), autosaved: () => autosave.writing,
  /** The whole file as Save writes it (every level, every layout). */
  fileForm: () => (store.scenario ? toFile(store.scenario) : null),
  /** The site of several levels: the level shown, the other levels' preparation, the site's figures as shown. */
  site: () => ({ shown: store.scenario ? shownLevel(store.scenario) : null, prepared: mirror.site.prepared, prepareMs: { ...mirror.site.prepareMs },
    adoptMs: { ...mirror.site.adoptMs }, complete: mirror.site.figures?.complete() ?? false, levelHits: mirror.levelHits, view: store.scenario ? mirror.site.view(store.scenario) ?? null : null, levelMs: perf.levelMs.slice() }),
  /** Whether what the open worker computed (kept as the scene's) equals the page's core's fresh calls. */
  firstFiguresCheck: () => mirror.guarded(() => ({
    blind: sameShapes(mirror.layer('blind'), mirror.freshLayer('blind')),
    labels: JSON.stringify([...mirror.zoneLabels()]) === JSON.stringify([...mirror.scene.zoneLabels()]),
    blindSpots: JSON.stringify(mirror.blindSpots()) === JSON.stringify(mirror.scene.blindSpots()),
    shortfall: sameShapes(/** @type {import('./core/shapes.js').Shapes} */ (analysis.shortfall()), takeShapes(mirror.scene.shortfallLayer())),
  })),
  openWorkersStarted: () => files.opener.started,
  underlay: () => ({ records: underlay.records.slice(), busy: underlay.busy, tool: { mode: underlayTool.mode, points: underlayTool.points.length },
    status: store.scenario?.underlay ? underlay.images.entry(store.scenario.underlay.image).status : null }),
  imports: () => importer.records.slice(), importWorkersStarted: () => importer.worker.started,
  planEdit: () => ({ last: mirror.lastPlanEdit, ms: mirror.lastPlanEditMs, mode: planTool.mode }),
  renderDiff: (/** @type {string|undefined} */ layer) => renderDiff(renderer, loop.current, layer),
  redrawn: () => ({ ...renderer.redrawn }),
  freshFrame: () => freshFrameTiming(loop.current),
  security: () => ({ openings: analysis.openings(), audit: analysis.audit(), route: analysis.route(), routeDue: analysis.routeDue(),
    auditCurrent: analysis.full?.version === mirror.version, computing: analysis.computing(), workersStarted: analysis.runner.started,
    timings: { ...analysis.timings }, focused: security.focused, failureCamera: security.failureCamera, stale: { shortfall: analysis.stale('shortfall') } }),
  securityLayerCount: (/** @type {'shortfall'|'seen1'|'seen2'|'seen3'} */ name) => {
    const sh = name === 'shortfall' ? analysis.shortfall() : analysis.seenBy()?.[Number(name.slice(4)) - 1];
    return sh ? sh.polygonOffsets.length - 1 : 0;
  },
} });

await files.start(autosave);
updateChrome();
loop.request();
