// @ts-check
/**
 * The frame loop: one `requestAnimationFrame` applies the work queued for it (the latest
 * pointer position of a drag), builds the `Frame` (view/frame.js) from the store, the
 * scene mirror, the UI state and the active tool's overlays, has the renderer draw it,
 * and brings the side panel up to date. Fetching from the core happens here, before
 * drawing; the renderer only draws.
 *
 * While a camera is dragged, the live figures (and the optics the handles use) are
 * fetched every third frame (about 20 times a second), or after LIVE_FIGURES_MS, rather
 * than every frame: the summary is the largest per-frame cost on big plans. The drawing
 * itself follows every frame.
 */

import { cameraOptics } from '../model/optics.js';
import { cameraIndex } from '../model/scenario.js';
import { sameKey } from '../render/layer-cache.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').CoreFrame} CoreFrame */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../model/history.js').Store} Store */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('../render/renderer.js').Renderer} Renderer */

/**
 * Where one drag frame's time went (ms): `work` the pointer's work (the core's update: a
 * camera move or `setPlan`), `build` fetching the figures and layers, `render` drawing,
 * `panels` the side panel's refresh (0 on frames that reuse the live figures); `core` the
 * part of all these spent inside the core's calls, `setPlan` the core's plan update alone
 * (0 when the frame had none), `redrawn` the cached layers redrawn and their ms
 * (`Renderer.redrawn`).
 * `flush` is the raster forced by `?perf=flush` (part of `render`), `phases` the
 * renderer's own split (`Renderer.phases`).
 * @typedef {{work: number, build: number, render: number, panels: number, core: number, setPlan: number,
 *   redrawn: Record<string, number>, flush?: number, phases?: Renderer['phases']}} FrameParts
 */

/** No live views (one array, so that cache keys holding it stay equal). @type {number[]} */
const NO_VIEWS = [];

/** How often the live figures refresh during a drag (ms). */
const LIVE_FIGURES_MS = 60;

/** Per-frame timings a benchmark reads (ms), as `window.__blindspotPerf`. */
export const perf = {
  /** core update + layers + redraw, per frame of a drag */
  frames: /** @type {number[]} */ ([]),
  /** time between successive drag frames (what the user sees) */
  intervals: /** @type {number[]} */ ([]),
  /** from the end of a drag to the exact report shown */
  settle: /** @type {number[]} */ ([]),
  /**
   * Per drag frame, where its time went (ms): the pointer's work (the core's update),
   * fetching the figures and layers, drawing, and the side panel's refresh (0 on frames
   * that reuse the live figures). A benchmark reads them to find the slow frames' cause.
   */
  parts: /** @type {FrameParts[]} */ ([]),
  loadMs: 0,
  warmupMs: 0,
  /** ms to show another layout (commit: the scene follows with the cheapest calls or a reload) */
  switchMs: /** @type {number[]} */ ([]),
  /** ms to show another level of a site (commit: a kept scene swapped in, or the level's slice loaded) */
  levelMs: /** @type {number[]} */ ([]),
  reset() { this.frames.length = 0; this.intervals.length = 0; this.settle.length = 0; this.parts.length = 0; },
};

/**
 * @typedef {{
 *   store: Store, mirror: SceneMirror, ui: UiState, renderer: Renderer, canvas: HTMLCanvasElement,
 *   overlays: (f: Frame) => Overlay[],
 *   refreshPanels: (figures: Summary, live: boolean) => void,
 *   failed: (e: unknown) => void,
 *   flush: boolean,
 *   security: (show: import('../view/frame.js').Show) => import('../view/frame.js').SecurityLayers,
 *   underlay: (s: import('../model/scenario.js').Scenario) => import('../view/frame.js').UnderlayFrame|null,
 * }} LoopDeps
 * `overlays` gives the active tool's and the open features' overlays; `failed` is told
 * when the core fails while a frame fetches from it; `flush` forces the canvas to
 * rasterise inside each timed drag frame (`?perf=flush`, benchmarks only); `security`
 * gives the security analysis's layers for the layers shown (security/analysis.js);
 * `underlay` the underlay with its image (underlay/images.js; the same object while
 * neither changed).
 */

export class FrameLoop {
  /** @param {LoopDeps} deps */
  constructor(deps) {
    this.d = deps;
    this.requested = false;
    /** @type {Set<() => void>} */
    this.work = new Set();
    /** The last frame drawn: what hit tests see. @type {Frame|null} */
    this.current = null;
    /** The summary last shown during a drag, and when it was fetched. @type {Summary|null} */
    this.liveSummary = null;
    this.liveSummaryAt = 0;
    this.liveSkipped = 0;
    /** A drag frame changed the scenario since the last frame. */
    this.dragDirty = false;
    this.lastDragFrameAt = 0;
    /** When the last drag ended (0: none waiting for its exact figures). */
    this.dragEndAt = 0;
    this.panelKey = '';
    /** @type {{deps: unknown[], core: CoreFrame}|null} */
    this.coreMemo = null;
    /** @type {{deps: unknown[], optics: CoreFrame['optics']}|null} */
    this.opticsMemo = null;
    /** @type {{polygon: [number, number][][], rings: [number, number][][][]}|null} */
    this.highlightMemo = null;
    /** Where the current frame's time goes (see `perf.parts`). @type {FrameParts} */
    this.timing = { work: 0, build: 0, render: 0, panels: 0, core: 0, setPlan: 0, redrawn: {} };
    /**
     * The gesture's live parts (see `UiFlags`): the cameras whose views changed since it
     * began (null: something else changed, draw everything from scratch), the scene
     * version they were gathered up to, and the edited walls.
     * @type {{base: unknown, version: number, cams: Set<number>|null, list: number[], walls: number[]|null, activeFree?: number[]}|null}
     */
    this.gestureLive = null;
    /** The scene version when the gesture began (-1: unknown). */
    this.gestureVersion = -1;
    /** A frame asked for so that live figures skipped during a drag catch up once the pointer rests. */
    this.catchUp = /** @type {ReturnType<typeof setTimeout>|null} */ (null);
  }

  /** @param {() => void} [work] run at the start of the next frame (coalesced) */
  request(work) {
    if (work) this.work.add(work);
    if (!this.requested) {
      this.requested = true;
      requestAnimationFrame(() => this.frame());
    }
  }

  frame() {
    this.requested = false;
    const t0 = performance.now();
    const { mirror } = this.d;
    const core0 = mirror.coreMs, edits0 = mirror.planEdits;
    const work = [...this.work];
    this.work.clear();
    for (const w of work) w();
    const drag = this.dragDirty;
    this.timing = { work: performance.now() - t0, build: 0, render: 0, panels: 0, core: 0,
      setPlan: mirror.planEdits !== edits0 ? mirror.lastPlanEditMs : 0, redrawn: {} };
    this.draw();
    const tf = performance.now();
    if (this.d.flush && drag) this.d.renderer.flush();
    const t1 = performance.now();
    this.timing.flush = t1 - tf;
    if (this.dragDirty) {
      this.dragDirty = false;
      this.timing.render = t1 - t0 - this.timing.work - this.timing.build - this.timing.panels;
      this.timing.core = mirror.coreMs - core0;
      this.timing.redrawn = this.d.renderer.redrawn;
      this.timing.phases = this.d.renderer.phases;
      perf.parts.push(this.timing);
      perf.frames.push(t1 - t0);
      if (this.lastDragFrameAt) perf.intervals.push(t0 - this.lastDragFrameAt);
      this.lastDragFrameAt = t0;
    }
  }

  /** The side panel's memo: it follows the scene version, the selection and the gesture. */
  panelState() {
    const { store, mirror, ui } = this.d;
    return `${mirror.version}|${ui.selection.cameraId}|${store.inGesture}`;
  }

  /** Shows the figures now (the exact ones once settled). @param {Summary} figures @param {boolean} live */
  refresh(figures, live) {
    this.panelKey = this.panelState();
    this.d.refreshPanels(figures, live);
  }

  /**
   * The frame for the current state, or null when there is nothing to draw yet. Fetches
   * what it needs from the core (cached there per scene version).
   * @returns {{frame: Frame, summary: Summary, fresh: boolean}|null}
   */
  build() {
    const { store, mirror, ui } = this.d;
    const s = store.scenario;
    const vp = ui.viewport;
    if (!s || !vp.width) return null;
    const now = performance.now();
    const fresh = !store.inGesture || !this.liveSummary || this.liveSkipped >= 2 || now - this.liveSummaryAt >= LIVE_FIGURES_MS;
    this.liveSkipped = fresh ? 0 : this.liveSkipped + (this.dragDirty ? 1 : 0);
    const summary = fresh ? mirror.summary() : /** @type {Summary} */ (this.liveSummary);
    if (fresh) {
      this.liveSummary = summary;
      this.liveSummaryAt = now;
    }
    const show = ui.show;
    const layers = {
      // Fetched even when hidden: the blind layer's partial redraw needs the active view's extent.
      views: mirror.layer('views'),
      blind: show.blind ? mirror.layer('blind') : null,
      multi: show.multi ? mirror.layer('multi') : null,
      dead: show.dead ? mirror.layer('dead') : null,
      bands: show.bands && show.views ? mirror.layer('bands') : null,
    };
    const levels = mirror.levels();
    const labels = show.labels ? mirror.zoneLabels() : null;
    const optics = this.opticsFor(s, summary);
    const sec = this.d.security(show);
    const deps = [layers.views, layers.blind, layers.multi, layers.dead, layers.bands, summary.cameras, optics, levels, labels,
      sec.seenBy, sec.shortfall, sec.failure];
    if (!this.coreMemo || !sameKey(this.coreMemo.deps, deps)) {
      this.coreMemo = { deps, core: { layers, cameras: summary.cameras, optics, levels, labels, security: sec } };
    }
    const sel = cameraIndex(s, ui.selection.cameraId);
    const live = this.liveParts(sel);
    const blindK = ui.hover.blind >= 0 ? ui.hover.blind : ui.focus.blind;
    const spot = blindK >= 0 && mirror.blindSpotsAreCurrent() ? mirror.lastBlindSpots()?.blind_spots[blindK] : undefined;
    const highlight = spot ? this.highlightFor(spot.polygon) : null;
    /** @type {Frame} */
    const frame = {
      doc: s,
      core: this.coreMemo.core,
      view: { ...vp.view, width: vp.width, height: vp.height, dpr: window.devicePixelRatio || 1 },
      ui: {
        show,
        selected: sel,
        active: sel,
        hoverCamera: ui.hover.camera,
        hoverZone: ui.hover.zone ?? ui.focus.zone,
        highlight,
        // During a drag the zone labels keep clear of the cameras as they were before it.
        labelCameras: store.inGesture && store.gestureBase ? store.gestureBase.cameras : s.cameras,
        focused: document.activeElement === this.d.canvas,
        live: store.inGesture,
        viewMoving: vp.moving,
        plan: live.walls && store.gestureBase ? store.gestureBase.plan : s.plan,
        editedWalls: live.walls,
        liveViews: live.views,
      },
      overlays: [],
      underlay: this.d.underlay(s),
    };
    frame.overlays = this.d.overlays(frame);
    return { frame, summary, fresh };
  }

  /**
   * What changed during the gesture so far, for the renderer to draw live: the cameras
   * whose views changed (besides the active one) and the walls a wall drag changed. Kept
   * per gesture and grown frame by frame from the mirror's change log; everything is
   * drawn from scratch (empty lists) when the log cannot say.
   * @param {number} active @returns {{views: number[], walls: number[]|null}}
   */
  liveParts(active) {
    const { store, mirror } = this.d;
    const base = store.inGesture ? store.gestureBase : null;
    if (!base) {
      this.gestureLive = null;
      return { views: NO_VIEWS, walls: null };
    }
    let g = this.gestureLive;
    if (!g || g.base !== base) {
      // From the scene version the gesture began at (its first change may be in already).
      const start = this.gestureVersion;
      g = { base, version: start, cams: start >= 0 ? new Set() : null, list: [], walls: null };
      this.gestureLive = g;
    }
    if (g.cams && g.version !== mirror.version) {
      const more = mirror.changedSince(g.version);
      if (!more) g.cams = null;
      else {
        const n = g.cams.size;
        for (const i of more) g.cams.add(i);
        if (g.cams.size !== n) g.list = [...g.cams].sort((a, b) => a - b);
      }
      g.version = mirror.version;
    }
    if (!g.cams) return { views: NO_VIEWS, walls: null };
    const s = store.scenario;
    const views = g.list.includes(active) ? g.list.filter((i) => i !== active) : g.list;
    if (views !== g.list && !sameKey(g.activeFree ?? null, views)) g.activeFree = views;
    const list = views === g.list ? g.list : /** @type {number[]} */ (g.activeFree);
    // Walls: only a drag that kept the zones and the number of walls (a corner, a vertex).
    let walls = null;
    if (s && s.plan !== base.plan && s.plan.zones === base.plan.zones && s.plan.walls.length === base.plan.walls.length) {
      const now = [];
      for (let i = 0; i < s.plan.walls.length; i++) if (s.plan.walls[i] !== base.plan.walls[i]) now.push(i);
      if (!g.walls || !sameKey(g.walls, now)) g.walls = now;
      walls = g.walls;
    }
    return { views: list, walls };
  }

  /** Each camera's optics in effect, kept while the cameras, catalogue and figures are. @param {import('../model/scenario.js').Scenario} s @param {Summary} summary */
  opticsFor(s, summary) {
    const rules = this.d.mirror.modelRules();
    const deps = [s.cameras, rules, summary.cameras];
    if (!this.opticsMemo || !sameKey(this.opticsMemo.deps, deps)) {
      this.opticsMemo = { deps, optics: s.cameras.map((c, i) => cameraOptics(s, c, summary.cameras[i], rules)) };
    }
    return this.opticsMemo.optics;
  }

  /** The same highlight object while the polygon is the same (the renderer compares identities). @param {[number, number][][]} polygon */
  highlightFor(polygon) {
    if (this.highlightMemo?.polygon !== polygon) this.highlightMemo = { polygon, rings: [polygon] };
    return this.highlightMemo.rings;
  }

  draw() {
    // While the core restarts after a failure the canvas keeps the last frame.
    if (this.d.mirror.down) return;
    let built;
    const b0 = performance.now();
    try {
      built = this.build();
      this.timing.build = performance.now() - b0;
    } catch (e) {
      this.d.failed(e);
      return;
    }
    if (!built) return;
    const { frame, summary, fresh } = built;
    this.current = frame;
    this.d.renderer.render(frame);
    const { store, mirror } = this.d;
    if (fresh && this.panelState() !== this.panelKey) {
      const p0 = performance.now();
      this.refresh(summary, store.inGesture || !mirror.blindSpotsAreCurrent());
      this.timing.panels = performance.now() - p0;
    }
    // A drag frame that skipped the live figures: if the pointer now rests, no frame would
    // follow and the panels would lag until the drag ends.
    if (!fresh && store.inGesture && !this.catchUp) {
      this.catchUp = setTimeout(() => {
        this.catchUp = null;
        this.request();
      }, LIVE_FIGURES_MS);
    }
  }
}
