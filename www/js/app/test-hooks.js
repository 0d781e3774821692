// @ts-check
/**
 * Test and benchmark hooks, as `window.__blindspot`: read-only views of the state plus
 * screen positions, so a browser test can drive the real pointer at a camera or handle
 * (docs/web-app.md, "Test and benchmark hooks").
 */

import { layoutsOf, activeLayout } from '../model/layouts.js';
import { cameraIndex } from '../model/scenario.js';
import { cameraOptics } from '../model/optics.js';
import { cameraHandles } from '../view/camera-handles.js';
import { toScreen } from '../view/transform.js';
import { nonEmptyPolygons, sameShapes } from '../core/shapes.js';
import { Renderer } from '../render/renderer.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../core/mirror.js').LayerName} LayerName */

/**
 * @typedef {{
 *   store: import('../model/history.js').Store,
 *   mirror: import('../core/mirror.js').SceneMirror,
 *   ui: import('./ui-state.js').UiState,
 *   renderer: import('../render/renderer.js').Renderer,
 *   canvas: HTMLCanvasElement,
 *   budget: import('../budget/dialog.js').BudgetUI,
 *   compare: import('../dialogs/compare.js').CompareView,
 *   figures: import('../core/figures.js').LayoutFigures,
 *   tools: import('../tools/pointer.js').ToolHost,
 *   extra?: Record<string, unknown>,
 * }} HookDeps
 */

/**
 * Benchmarks: draws `frame` with a fresh renderer (no cached layer: what a first frame, a
 * zoom's settled frame or a resize costs), rasterising after each phase, and says how
 * long it took (ms) and where (`Renderer.phases`, each with its raster; `redrawn`: the
 * layers' draw calls, recorded before their raster).
 * @param {import('../view/frame.js').Frame|null} frame
 */
export function freshFrameTiming(frame) {
  if (!frame) return null;
  const fresh = new Renderer(document.createElement('canvas'));
  fresh.rasterPhases = true;
  const t0 = performance.now();
  fresh.render(frame);
  fresh.flush();
  return { ms: performance.now() - t0, phases: fresh.phases, redrawn: fresh.redrawn };
}

/**
 * How the canvas differs from the same frame drawn by a fresh renderer (no cached layer):
 * the pixels off by more than `tol` in some channel, and the largest difference. The
 * caches' oracle: a stale layer shows as pixels that a fresh draw does not have.
 * With `layer`, compares that cached layer's canvas instead (renderer.caches). A stacked
 * renderer is compared with a fresh stack (in a detached element), composited the same
 * way (`Renderer.composed`): the oracle is about stale layers, not how text antialiases
 * on a transparent canvas.
 * @param {Renderer} renderer @param {import('../view/frame.js').Frame|null} frame @param {string} [layer] @param {number} [tol]
 */
export function renderDiff(renderer, frame, layer, tol = 8) {
  if (!frame) return null;
  const host = document.createElement('div');
  const cv = host.appendChild(document.createElement('canvas'));
  const fresh = new Renderer(cv, { stacked: renderer.stack !== null });
  fresh.render(frame);
  const pick = (/** @type {Renderer} */ r) => {
    if (!layer) return r.composed();
    const c = /** @type {Record<string, import('../render/layer-cache.js').LayerCache<any>>} */ (r.caches)[layer];
    return c?.canvas ?? null;
  };
  const shown = pick(renderer), other = pick(fresh);
  if (!shown || !other) return { differing: -1, max: -1 };
  const W = shown.width, H = shown.height;
  if (other.width !== W || other.height !== H) return { differing: W * H, max: 255 };
  const get = (/** @type {HTMLCanvasElement} */ c) => /** @type {CanvasRenderingContext2D} */ (c.getContext('2d')).getImageData(0, 0, W, H).data;
  const a = get(shown), b = get(other);
  let differing = 0, max = 0;
  let x0 = W, y0 = H, x1 = -1, y1 = -1;
  for (let k = 0; k < a.length; k += 4) {
    const m = Math.max(Math.abs(a[k] - b[k]), Math.abs(a[k + 1] - b[k + 1]), Math.abs(a[k + 2] - b[k + 2]), Math.abs(a[k + 3] - b[k + 3]));
    if (m > tol) {
      differing++;
      const x = (k / 4) % W, y = Math.floor(k / 4 / W);
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
    if (m > max) max = m;
  }
  return differing ? { differing, max, box: [x0, y0, x1, y1] } : { differing, max };
}

/** @param {HookDeps} d */
export function installTestHooks(d) {
  const { store, mirror, ui, canvas } = d;
  const scenario = () => /** @type {Scenario} */ (store.scenario);
  Object.assign(window, {
    __blindspot: {
      scenario: () => store.scenario,
      selectedId: () => ui.selection.cameraId,
      summary: () => mirror.summary(),
      report: () => mirror.report(),
      blindSpots: () => mirror.blindSpots(),
      levels: () => mirror.levels(),
      mountAt: (/** @type {number} */ x, /** @type {number} */ y) => mirror.mountAt(x, y),
      /** the active tool's id */
      tool: () => d.tools.activeId,
      /** the number of polygons with rings in a layer @param {LayerName} name */
      layerCount: (/** @type {LayerName} */ name) => nonEmptyPolygons(mirror.layer(name)),
      /**
       * During a drag: whether the lean figures and patched layers (totals, cameraSummary,
       * cameraLayers) equal what the full calls return now.
       */
      leanCheck() {
        const lean = mirror.summary();
        const full = mirror.freshSummary();
        const pick = (/** @type {Summary} */ x) => JSON.stringify({
          c: x.coverage, w: x.weighted_coverage, b: x.blind_area_m2, m: x.multi_covered_area_m2, l: x.levels, k: x.costs,
          z: x.zones.map((z) => [z.id, z.coverage, z.required_coverage, z.covered_area_m2, z.multi_covered_area_m2]), cams: x.cameras,
        });
        return {
          inLean: mirror.lean,
          leanSummary: mirror.summaryCache?.lean ?? false,
          summary: pick(lean) === pick(full),
          views: sameShapes(mirror.layer('views'), mirror.freshLayer('views')),
          dead: sameShapes(mirror.layer('dead'), mirror.freshLayer('dead')),
          bands: sameShapes(mirror.layer('bands'), mirror.freshLayer('bands')),
        };
      },
      /** the layouts: name and camera count, and which is shown */
      layouts: () => ({ active: activeLayout(scenario()), list: layoutsOf(scenario()).map((l) => ({ name: l.name, cameras: l.cameras.length })) }),
      /** the optimiser's runs: wall time, the worker's timing, progress messages */
      optimizerRuns: () => d.budget.history.slice(),
      workersStarted: () => d.budget.runner.started,
      /** what the optimiser or the curve said about the layout shown (null for others) */
      activeMeta: () => {
        const s = scenario();
        const m = s.layouts?.list[s.layouts.active]?.meta;
        return m ? { kind: m.kind, proposal: m.proposal ? { ...m.proposal, cameras: m.proposal.cameras.length } : null, point: m.point ?? null, request: m.request ?? null, edited: m.cameras !== s.cameras } : null;
      },
      /** the site's curve's points with each level's part (null unless the curve is the site's) */
      budgetCurve: () => (d.budget.curve?.site ? d.budget.curve.points.map((p) => { const q = /** @type {any} */ (p); return { budget: q.budget, cost: q.cost, total: q.total, camera_count: q.camera_count, estimated_coverage: q.estimated_coverage, levels: q.levels }; }) : null),
      curvePoints: () => d.budget.curve?.points.map((p) => ({ budget: p.budget, cost: p.cost, estimated_coverage: p.estimated_coverage, cameras: p.cameras.length })) ?? null,
      compareMs: () => d.compare.lastMs.slice(),
      comparisonLoads: () => d.figures.loads,
      /** layout switches served by a scene kept loaded (no reload) */
      parkHits: () => mirror.parkHits,
      /** how the renderer's levels of detail last drew (render/renderer.js `lod`) */
      lod: () => ({ ...d.renderer.lod }),
      settledVersion: () => (mirror.blindSpotsAreCurrent() ? mirror.version : -1),
      /** how many times the scene was (re)built from a scenario: an edit that needs no reload leaves it */
      sceneLoads: () => mirror.loadVersion,
      /** the colour of the plan canvas at a client point, as [r, g, b, a] @param {number} x @param {number} y */
      pixel(x, y) {
        const r = canvas.getBoundingClientRect();
        const dpr = window.devicePixelRatio || 1;
        return d.renderer.pixel(Math.round((x - r.left) * dpr), Math.round((y - r.top) * dpr));
      },
      /** @param {string} id @param {'centre'|'heading'|'fovLeft'|'fovRight'|'range'|'tilt'} [which] */
      screenPoint(id, which = 'centre') {
        const s = scenario();
        const i = cameraIndex(s, id);
        if (i < 0) return null;
        const h = cameraHandles(ui.viewport.view, s.cameras[i], cameraOptics(s, s.cameras[i], mirror.summary().cameras[i], mirror.modelRules()));
        const r = canvas.getBoundingClientRect();
        const p = h[which];
        if (!p) return null;
        return { x: r.left + p[0], y: r.top + p[1] };
      },
      /** @param {number} x @param {number} y */
      worldToClient(x, y) {
        const r = canvas.getBoundingClientRect();
        const [sx, sy] = toScreen(ui.viewport.view, x, y);
        return { x: r.left + sx, y: r.top + sy };
      },
      ...d.extra,
    },
  });
}
