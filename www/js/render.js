// @ts-check
/**
 * Draws a frame: a pure function of (scenario, layers from the core, view transform, UI
 * state) onto the canvas. Static parts (zones, walls, labels) and the views of cameras
 * that are not being edited are memoised in offscreen canvases keyed on what they depend
 * on, so a drag redraws only what moves.
 */

import * as P from './palette.js';
import { cameraOptics } from './state.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */
/** @typedef {import('./scene.js').Shapes} Shapes */
/** @typedef {import('./view.js').View} View */

/**
 * @typedef {{
 *   scenario: Scenario,
 *   layers: {views: Shapes|null, blind: Shapes|null, multi: Shapes|null, dead: Shapes|null, bands: Shapes|null},
 *   stats: import('./scene.js').CameraStats[],
 *   levels: import('./scene.js').Level[],
 *   labels: Float64Array|null,
 *   tiltDrag?: boolean,
 *   view: View, width: number, height: number, dpr: number,
 *   show: {views: boolean, blind: boolean, multi: boolean, labels: boolean, bands: boolean, dead: boolean},
 *   selected: number, hoverCamera: number, activeIndex: number,
 *   hoverZone: string|null, highlight: Ring[][]|null, ghost: [number, number]|null,
 *   focused: boolean, viewMoving?: boolean, live?: boolean,
 * }} Frame
 * `highlight` is a polygon (rings of [x, y]) to outline, e.g. a hovered blind spot.
 * `activeIndex` is the camera being edited: its view is drawn live, the others from cache.
 * `live` is true while a camera is being dragged.
 * `viewMoving` (a pan or zoom in progress) lets the renderer reproject the last full frame
 * instead of redrawing it, when nothing but the view changed.
 */
/** @typedef {[number, number][]} Ring */

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
const DEG = Math.PI / 180;

/**
 * Screen (CSS px) positions of a camera's handles. The same numbers drive drawing and hit
 * tests. The optics (field of view, range, near and far edge) are the core's, from the
 * summary (`stats`); the handles only place them on screen.
 * @param {View} view @param {Scenario} s @param {Camera} cam @param {import('./scene.js').CameraStats|undefined} stats
 */
export function cameraHandles(view, s, cam, stats) {
  const spec = cameraOptics(s, cam, stats);
  const cx = cam.position[0] * view.scale + view.tx;
  const cy = -cam.position[1] * view.scale + view.ty;
  const R = spec.range * view.scale;
  const dH = Math.min(Math.max(0.55 * R, 40), 110, Math.max(R - 24, R * 0.5));
  const h = cam.heading_deg * DEG;
  const half = (Math.min(spec.hfov, 360) / 2) * DEG;
  const at = (/** @type {number} */ ang, /** @type {number} */ d) => /** @type {[number, number]} */ ([cx + Math.cos(ang) * d, cy - Math.sin(ang) * d]);
  // The field of view is dragged for cameras that choose it (no model, a model without
  // optics, a varifocal lens), or that already override a fixed lens.
  const fovHandles = spec.hfov < 360 && (spec.lens !== 'fixed' || cam.hfov_deg !== undefined);
  return {
    centre: /** @type {[number, number]} */ ([cx, cy]),
    R, dH, spec, fovHandles,
    heading: at(h, dH),
    fovLeft: at(h + half, dH),
    fovRight: at(h - half, dH),
    range: at(h, R),
    /** Behind the camera (usually over the wall it hangs on): drag up or down to tilt. */
    tilt: spec.mounted ? at(h + Math.PI, 30) : null,
  };
}

export class Renderer {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    /** @type {{key: string, plan: any, canvas: HTMLCanvasElement|null}} */
    this.base = { key: '', plan: null, canvas: null };
    /** @type {{key: string, plan: any, cameras?: Camera[], canvas: HTMLCanvasElement|null}} */
    this.top = { key: '', plan: null, canvas: null };
    /** @type {{key: string, plan: any, catalog: any, settings: any, cameras: Camera[], active: number, canvas: HTMLCanvasElement|null}} */
    this.viewsCache = { key: '', plan: null, catalog: null, settings: null, cameras: [], active: -2, canvas: null };
    /** @type {{key: string, scenario: Scenario|null, cameras: Camera[], state: string, canvas: HTMLCanvasElement|null}} */
    this.camerasCache = { key: '', scenario: null, cameras: [], state: '', canvas: null };
    /** @type {Map<number, CanvasPattern|null>} */
    this.patterns = new Map();
    /** The last full-quality frame without handles and scale bar, for pans and zooms. */
    this.snapshot = { canvas: /** @type {HTMLCanvasElement|null} */ (null), inputs: /** @type {any[]} */ ([]), view: /** @type {View|null} */ (null), dpr: 0 };
    /** Path2D per blind/multi polygon in plan coordinates, by a hash of its coordinates. */
    this.paths = new ShapePathCache();
    /** @type {Map<string, ShapeLayer>} */
    this.shapeLayers = new Map();
  }

  /** @param {Frame} f */
  render(f) {
    const { ctx, canvas } = this;
    const W = Math.round(f.width * f.dpr);
    const H = Math.round(f.height * f.dpr);
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    const key = `${W}x${H}@${f.dpr}|${f.view.scale}|${f.view.tx}|${f.view.ty}`;
    const inputs = [f.scenario, f.layers.views, f.layers.blind, f.layers.multi, f.layers.dead, f.layers.bands, f.show.views,
      f.show.blind, f.show.multi, f.show.labels, f.show.bands, f.show.dead, f.labels, f.selected, f.hoverCamera, f.hoverZone, f.highlight, f.activeIndex, f.focused, W, H];
    const snap = this.snapshot;
    if (f.viewMoving && snap.canvas && snap.view && snap.dpr === f.dpr && inputs.every((v, i) => v === snap.inputs[i])) {
      // Only the view moved: reproject the last full frame (one image draw) until it rests.
      const k = f.view.scale / snap.view.scale;
      const dx = (f.view.tx - snap.view.tx * k) * f.dpr, dy = (f.view.ty - snap.view.ty * k) * f.dpr;
      ctx.fillStyle = P.PAPER;
      ctx.fillRect(0, 0, W, H);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(snap.canvas, dx, dy, W * k, H * k);
      this.drawOverlays(f);
      return;
    }

    // Three full-canvas images per frame: plan and other cameras' views; blind spots;
    // walls, labels and other cameras' icons. The active camera is drawn live between them.
    const active = f.activeIndex >= 0 && f.activeIndex < f.scenario.cameras.length;
    ctx.drawImage(this.viewsLayer(f, key, W, H), 0, 0);
    if (active && f.show.views && f.layers.views) drawView(ctx, f, f.layers.views, f.activeIndex, true);
    if (f.show.multi && f.layers.multi) ctx.drawImage(this.shapeLayer(f, key, W, H, 'multi'), 0, 0);
    // Blind spots and dead zones share one offscreen canvas: one image per frame, not two.
    if ((f.show.blind && f.layers.blind) || (f.show.dead && f.layers.dead)) ctx.drawImage(this.shapeLayer(f, key, W, H, 'blind'), 0, 0);
    ctx.drawImage(this.camerasLayer(f, key, W, H), 0, 0);
    if (f.hoverZone) drawZoneOutline(ctx, f, f.hoverZone);
    if (f.highlight) drawHighlight(ctx, f, f.highlight);
    if (active) drawCameras(ctx, f, f.activeIndex, f.activeIndex + 1);
    // Keep this frame for reprojection during pans and zooms (not while a camera is being
    // dragged: the frame after the drag will do).
    if (f.live) {
      snap.inputs = [];
      this.drawOverlays(f);
      return;
    }
    const sc = snap.canvas ?? document.createElement('canvas');
    if (sc.width !== W || sc.height !== H) {
      sc.width = W;
      sc.height = H;
    }
    const sctx = /** @type {CanvasRenderingContext2D} */ (sc.getContext('2d'));
    sctx.clearRect(0, 0, W, H);
    sctx.drawImage(this.canvas, 0, 0);
    Object.assign(snap, { canvas: sc, inputs, view: { ...f.view }, dpr: f.dpr });
    this.drawOverlays(f);
  }

  /** What is drawn on top of every frame: handles, the placing ghost, the scale bar. @param {Frame} f */
  drawOverlays(f) {
    const ctx = this.ctx;
    if (f.selected >= 0 && f.selected < f.scenario.cameras.length) drawHandles(ctx, f, f.selected);
    if (f.ghost) drawGhost(ctx, f, f.ghost);
    drawScaleBar(ctx, f);
  }

  /** Background, grid and zones. @param {Frame} f @param {string} key @param {number} W @param {number} H */
  baseLayer(f, key, W, H) {
    const c = this.base;
    if (c.canvas && c.key === key && c.plan === f.scenario.plan) return c.canvas;
    const cv = c.canvas ?? document.createElement('canvas');
    cv.width = W;
    cv.height = H;
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    ctx.fillStyle = P.PAPER;
    ctx.fillRect(0, 0, W, H);
    drawGrid(ctx, f, W, H);
    drawZones(ctx, f);
    Object.assign(c, { key, plan: f.scenario.plan, canvas: cv });
    return cv;
  }

  /** Walls and labels, drawn above coverage. @param {Frame} f @param {string} key @param {number} W @param {number} H */
  topLayer(f, key, W, H) {
    const c = this.top;
    const k = `${key}|${f.show.labels}`;
    // Room labels step clear of cameras: they follow the cameras, except during a drag
    // (the labels catch up when it ends), so a drag never redraws every wall.
    if (c.canvas && c.key === k && c.plan === f.scenario.plan && (f.live || !f.show.labels || c.cameras === f.scenario.cameras)) return c.canvas;
    const cv = c.canvas ?? document.createElement('canvas');
    cv.width = W;
    cv.height = H;
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    ctx.clearRect(0, 0, W, H);
    drawWalls(ctx, f);
    if (f.show.labels) {
      drawZoneLabels(ctx, f);
      drawOpeningLabels(ctx, f);
    }
    Object.assign(c, { key: k, plan: f.scenario.plan, cameras: f.scenario.cameras, canvas: cv });
    return cv;
  }

  /**
   * The plan underlay with the views of every camera except the active one. A camera's
   * view depends only on the camera, its model and the walls, so the cache stays valid
   * while every camera but the active one keeps its identity. @param {Frame} f @param {string} key @param {number} W @param {number} H
   */
  viewsLayer(f, key, W, H) {
    const c = this.viewsCache;
    const cams = f.scenario.cameras;
    const show = f.show.views && f.layers.views !== null;
    const k = `${key}|${show}|${f.show.bands}|${f.levels.length}`;
    const valid = c.canvas !== null && c.key === k && c.plan === f.scenario.plan && c.catalog === f.scenario.catalog &&
      c.settings === f.scenario.settings && c.active === f.activeIndex && c.cameras.length === cams.length &&
      othersUnchanged(c.cameras, cams, f.activeIndex);
    if (valid && c.canvas) return c.canvas;
    const cv = c.canvas ?? document.createElement('canvas');
    cv.width = W;
    cv.height = H;
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    ctx.drawImage(this.baseLayer(f, key, W, H), 0, 0);
    if (show) {
      const views = /** @type {Shapes} */ (f.layers.views);
      const n = Math.min(cams.length, views.polygonOffsets.length - 1);
      for (let i = 0; i < n; i++) if (i !== f.activeIndex) drawView(ctx, f, views, i, false);
    }
    Object.assign(c, { key: k, plan: f.scenario.plan, catalog: f.scenario.catalog, settings: f.scenario.settings, cameras: cams.slice(), active: f.activeIndex, canvas: cv });
    return cv;
  }

  /**
   * Walls and labels with the icons of every camera except the active one (same validity
   * rule as the views cache, plus the hover and focus state). @param {Frame} f @param {string} key @param {number} W @param {number} H
   */
  camerasLayer(f, key, W, H) {
    const c = this.camerasCache;
    const cams = f.scenario.cameras;
    const state = `${key}|${f.activeIndex}|${f.selected}|${f.hoverCamera}|${f.focused}|${cams.length}|${f.show.labels}`;
    const valid = c.canvas !== null && c.state === state && c.scenario?.catalog === f.scenario.catalog &&
      c.scenario?.plan === f.scenario.plan && othersUnchanged(c.cameras, cams, f.activeIndex);
    if (valid && c.canvas) return c.canvas;
    const cv = c.canvas ?? document.createElement('canvas');
    cv.width = W;
    cv.height = H;
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    ctx.clearRect(0, 0, W, H);
    ctx.drawImage(this.topLayer(f, key, W, H), 0, 0);
    drawCameras(ctx, f, 0, cams.length, f.activeIndex);
    Object.assign(c, { state, scenario: f.scenario, cameras: cams.slice(), canvas: cv });
    return cv;
  }

  /** @param {number} dpr @param {ShapeKind} kind */
  pattern(dpr, kind) {
    const k = dpr * 10 + (kind === 'blind' ? 1 : kind === 'multi' ? 2 : 3);
    if (this.patterns.has(k)) return this.patterns.get(k) ?? null;
    const size = Math.round(9 * dpr);
    const pc = document.createElement('canvas');
    pc.width = size;
    pc.height = size;
    const g = /** @type {CanvasRenderingContext2D} */ (pc.getContext('2d'));
    if (kind === 'blind') {
      // Tint and stripes in one tile, so each blind spot takes a single fill.
      g.fillStyle = P.BLIND_FILL;
      g.fillRect(0, 0, size, size);
      g.strokeStyle = P.BLIND;
      g.lineWidth = 2.2 * dpr;
      g.lineCap = 'square';
      g.beginPath();
      // Diagonal stripes that tile seamlessly.
      for (const o of [-size, 0, size]) {
        g.moveTo(o, size);
        g.lineTo(o + size, 0);
      }
      g.stroke();
    } else if (kind === 'dead') {
      // The dead zone under a camera: dark cross-hatching on grey, unlike the crimson
      // blind spots it also counts as.
      g.fillStyle = P.DEAD_FILL;
      g.fillRect(0, 0, size, size);
      g.strokeStyle = P.DEAD;
      g.lineWidth = 1.1 * dpr;
      g.beginPath();
      for (const o of [-size, 0, size]) {
        g.moveTo(o, size);
        g.lineTo(o + size, 0);
        g.moveTo(o, 0);
        g.lineTo(o + size, size);
      }
      g.stroke();
    } else {
      g.fillStyle = P.withAlpha(P.MULTI, 0.1);
      g.fillRect(0, 0, size, size);
      g.fillStyle = P.withAlpha(P.MULTI, 0.75);
      const r = 1.3 * dpr;
      for (const [x, y] of [[size / 4, size / 4], [(3 * size) / 4, (3 * size) / 4]]) {
        g.beginPath();
        g.arc(x, y, r, 0, 2 * Math.PI);
        g.fill();
      }
    }
    const pat = this.ctx.createPattern(pc, 'repeat');
    this.patterns.set(k, pat);
    return pat;
  }

  /**
   * The blind-spot or multi-coverage layer, kept in an offscreen canvas. When only the
   * active camera changed since the last frame, these regions can only have changed
   * inside its old and new view, so only that rectangle is redrawn.
   * @param {Frame} f @param {string} key @param {number} W @param {number} H @param {ShapeKind} kind
   */
  shapeLayer(f, key, W, H, kind) {
    const sh = /** @type {Shapes} */ (f.layers[kind]);
    let c = this.shapeLayers.get(kind);
    if (!c) {
      c = { key: '', shapes: null, extra: null, plan: null, catalog: null, settings: null, cameras: [], active: -2, activeRect: null, canvas: null };
      this.shapeLayers.set(kind, c);
    }
    const cams = f.scenario.cameras;
    const activeRect = f.layers.views ? viewRect(f, f.layers.views, f.activeIndex) : null;
    // The blind layer's canvas also holds the dead zones, drawn over the blind spots.
    const extra = kind === 'blind' && f.show.dead ? f.layers.dead : null;
    const own = kind === 'blind' && !f.show.blind ? null : sh;
    if (c.canvas && c.shapes === own && c.extra === extra && c.key === key) return c.canvas;
    let partial = c.canvas !== null && c.key === key && (c.shapes === null) === (own === null) && (c.extra === null) === (extra === null) && c.plan === f.scenario.plan && c.catalog === f.scenario.catalog &&
      c.settings === f.scenario.settings && c.active === f.activeIndex && f.activeIndex >= 0 && c.cameras.length === cams.length && f.layers.views !== null;
    if (partial) {
      for (let i = 0; i < cams.length; i++) {
        if (i !== f.activeIndex && c.cameras[i] !== cams[i]) { partial = false; break; }
      }
    }
    const cv = c.canvas ?? document.createElement('canvas');
    if (cv.width !== W || cv.height !== H) {
      cv.width = W;
      cv.height = H;
      partial = false;
    }
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    /** @type {[number, number, number, number]|null} */
    let rect = null;
    if (partial) {
      rect = unionRect(c.activeRect, activeRect);
      if (rect) {
        const m = 4 * f.dpr;
        const x0 = Math.max(0, Math.floor(rect[0] - m)), y0 = Math.max(0, Math.floor(rect[1] - m));
        const x1 = Math.min(W, Math.ceil(rect[2] + m)), y1 = Math.min(H, Math.ceil(rect[3] + m));
        rect = x1 > x0 && y1 > y0 ? [x0, y0, x1, y1] : null;
      }
    }
    if (partial && !rect) {
      // Nothing on screen can have changed.
    } else {
      ctx.save();
      if (rect) {
        ctx.beginPath();
        ctx.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
        ctx.clip();
        ctx.clearRect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
      } else {
        ctx.clearRect(0, 0, W, H);
      }
      if (own) this.drawShapes(ctx, f, own, kind, rect);
      if (extra) this.drawShapes(ctx, f, extra, 'dead', rect);
      ctx.restore();
    }
    Object.assign(c, { key, shapes: own, extra, plan: f.scenario.plan, catalog: f.scenario.catalog, settings: f.scenario.settings, cameras: cams.slice(),
      active: f.activeIndex, activeRect, canvas: cv });
    return cv;
  }

  /**
   * Fills polygons with a screen-aligned pattern and outlines them; with `rect` (device
   * px), only those whose box meets it. Paths are cached in plan coordinates and drawn
   * through the view transform.
   * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} sh @param {ShapeKind} kind
   * @param {[number, number, number, number]|null} rect
   */
  drawShapes(ctx, f, sh, kind, rect) {
    const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
    const pat = this.pattern(f.dpr, kind);
    const stroke = kind === 'blind' ? P.BLIND : kind === 'dead' ? P.DEAD : P.withAlpha(P.MULTI, 0.55);
    const lw = kind === 'blind' ? 1.6 : kind === 'dead' ? 1.4 : 1;
    const items = this.paths.get(sh, kind);
    ctx.setTransform(s, 0, 0, -s, tx, ty);
    if (pat) pat.setTransform(new DOMMatrix([1 / s, 0, 0, -1 / s, -tx / s, ty / s]));
    ctx.fillStyle = pat ?? stroke;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = (lw * f.dpr) / s;
    ctx.lineJoin = 'miter';
    // The rectangle in plan coordinates, to skip polygons outside it.
    const wx0 = rect ? (rect[0] - tx) / s : -Infinity, wx1 = rect ? (rect[2] - tx) / s : Infinity;
    const wy0 = rect ? (ty - rect[3]) / s : -Infinity, wy1 = rect ? (ty - rect[1]) / s : Infinity;
    for (const it of items) {
      if (it.maxX < wx0 || it.minX > wx1 || it.maxY < wy0 || it.minY > wy1) continue;
      ctx.fill(it.path, 'evenodd');
      ctx.stroke(it.path);
    }
  }
}

/** @typedef {'blind'|'multi'|'dead'} ShapeKind */
/**
 * @typedef {{key: string, shapes: Shapes|null, extra: Shapes|null, plan: any, catalog: any, settings: any, cameras: Camera[], active: number,
 *   activeRect: [number, number, number, number]|null, canvas: HTMLCanvasElement|null}} ShapeLayer
 */

/** Device-pixel box of camera i's view polygon, or null. @param {Frame} f @param {Shapes} views @param {number} i
 * @returns {[number, number, number, number]|null} */
function viewRect(f, views, i) {
  if (i < 0 || i + 1 >= views.polygonOffsets.length) return null;
  const r0 = views.polygonOffsets[i], r1 = views.polygonOffsets[i + 1];
  if (r1 <= r0) return null;
  const a = views.ringOffsets[r0], b = views.ringOffsets[r1];
  const c = views.coords;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = a; k < b; k++) {
    const x = c[2 * k], y = c[2 * k + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!(minX <= maxX)) return null;
  const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
  return [minX * s + tx, -maxY * s + ty, maxX * s + tx, -minY * s + ty];
}

/** @param {[number, number, number, number]|null} a @param {[number, number, number, number]|null} b
 * @returns {[number, number, number, number]|null} */
function unionRect(a, b) {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** @typedef {{path: Path2D, minX: number, minY: number, maxX: number, maxY: number}} PathItem */

/**
 * Path2D objects for the polygons of a layer, in plan coordinates, kept across frames
 * and keyed by a 64-bit hash of each polygon's coordinates.
 */
class ShapePathCache {
  constructor() {
    /** @type {Map<string, Map<string, PathItem>>} */
    this.byKind = new Map();
    /** @type {Map<string, {sh: Shapes, paths: PathItem[]}>} */
    this.last = new Map();
  }

  /** @param {Shapes} sh @param {string} kind @returns {PathItem[]} */
  get(sh, kind) {
    const last = this.last.get(kind);
    if (last && last.sh === sh) return last.paths;
    const old = this.byKind.get(kind) ?? new Map();
    /** @type {Map<string, PathItem>} */
    const next = new Map();
    const { coords, ringOffsets, polygonOffsets } = sh;
    const bits = new Uint32Array(coords.buffer, coords.byteOffset, coords.length * 2);
    /** @type {PathItem[]} */
    const paths = [];
    const np = polygonOffsets.length - 1;
    for (let p = 0; p < np; p++) {
      const r0 = polygonOffsets[p], r1 = polygonOffsets[p + 1];
      if (r1 <= r0) continue;
      const a = ringOffsets[r0], b = ringOffsets[r1];
      // Two 32-bit FNV-1a style hashes over the raw float bits, plus the ring layout.
      let h1 = 0x811c9dc5 ^ (r1 - r0), h2 = 0x01000193 ^ (b - a);
      for (let k = 4 * a; k < 4 * b; k++) {
        h1 = Math.imul(h1 ^ bits[k], 0x01000193);
        h2 = Math.imul(h2 ^ bits[k], 0x5bd1e995) ^ (h2 >>> 15);
      }
      for (let r = r0; r <= r1; r++) h1 = Math.imul(h1 ^ ringOffsets[r], 0x01000193);
      const key = `${h1 >>> 0}:${h2 >>> 0}`;
      let item = old.get(key) ?? next.get(key);
      if (!item) {
        const path = new Path2D();
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (let r = r0; r < r1; r++) {
          const ra = ringOffsets[r], rb = ringOffsets[r + 1];
          if (rb - ra < 3) continue;
          path.moveTo(coords[2 * ra], coords[2 * ra + 1]);
          for (let k = ra + 1; k < rb; k++) path.lineTo(coords[2 * k], coords[2 * k + 1]);
          path.closePath();
          for (let k = ra; k < rb; k++) {
            const x = coords[2 * k], y = coords[2 * k + 1];
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
        item = { path, minX, minY, maxX, maxY };
      }
      next.set(key, item);
      paths.push(item);
    }
    this.byKind.set(kind, next);
    this.last.set(kind, { sh, paths });
    return paths;
  }
}

// ---------------------------------------------------------------------------------------

/** Adds polygon p of `sh` to the current path, in device pixels. Returns false if empty.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} sh @param {number} p */
function tracePolygon(ctx, f, sh, p) {
  const { coords, ringOffsets, polygonOffsets } = sh;
  const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
  const r0 = polygonOffsets[p], r1 = polygonOffsets[p + 1];
  if (r1 <= r0) return false;
  for (let r = r0; r < r1; r++) {
    const a = ringOffsets[r], b = ringOffsets[r + 1];
    if (b - a < 3) continue;
    ctx.moveTo(coords[2 * a] * s + tx, -coords[2 * a + 1] * s + ty);
    for (let k = a + 1; k < b; k++) ctx.lineTo(coords[2 * k] * s + tx, -coords[2 * k + 1] * s + ty);
    ctx.closePath();
  }
  return true;
}

/** Adds rings given as [x, y] arrays to the current path. @param {CanvasRenderingContext2D} ctx
 * @param {Frame} f @param {Ring[]} rings */
function traceRings(ctx, f, rings) {
  const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
  for (const ring of rings) {
    if (!ring || ring.length < 2) continue;
    ctx.moveTo(ring[0][0] * s + tx, -ring[0][1] * s + ty);
    for (let k = 1; k < ring.length; k++) ctx.lineTo(ring[k][0] * s + tx, -ring[k][1] * s + ty);
    ctx.closePath();
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} views @param {number} i @param {boolean} active */
function drawView(ctx, f, views, i, active) {
  if (i + 1 >= views.polygonOffsets.length) return;
  ctx.beginPath();
  if (!tracePolygon(ctx, f, views, i)) return;
  const col = P.cameraColour(i);
  const sel = i === f.selected;
  ctx.fillStyle = P.withAlpha(col, sel ? 0.24 : 0.13);
  ctx.fill('evenodd');
  if (f.show.bands && f.layers.bands) drawBands(ctx, f, f.layers.bands, i, col, sel);
  ctx.beginPath();
  tracePolygon(ctx, f, views, i);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = P.withAlpha(col, sel ? 1 : 0.8);
  ctx.lineWidth = (sel ? 2.2 : active ? 1.6 : 1.2) * f.dpr;
  ctx.stroke();
}

/**
 * Camera i's pixel-density bands as rings inside its view: each level's region (nested,
 * densest innermost) adds a little of the camera's colour, and its edge is a fine line,
 * so the view reads darker where it sees more detail.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} bands @param {number} i
 * @param {string} col @param {boolean} sel
 */
function drawBands(ctx, f, bands, i, col, sel) {
  const L = f.levels.length;
  if (!L) return;
  const first = i * L;
  if (first + L >= bands.polygonOffsets.length) return;
  // Sparsest first, so the densest ring's edge is drawn last, on top.
  for (let l = L - 1; l >= 0; l--) {
    ctx.beginPath();
    if (!tracePolygon(ctx, f, bands, first + l)) continue;
    ctx.fillStyle = P.withAlpha(col, sel ? 0.12 : 0.08);
    ctx.fill('evenodd');
    ctx.strokeStyle = P.withAlpha(col, sel ? 0.95 : 0.6);
    ctx.lineWidth = (sel ? 1.3 : 0.9) * f.dpr;
    ctx.setLineDash(BAND_DASH[Math.min(l, BAND_DASH.length - 1)].map((x) => x * f.dpr));
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Dashes of the band edges, densest first: identify solid, then finer dashes. */
const BAND_DASH = [[], [6, 3], [3, 3], [1.5, 3]];

/** A light metric grid whose step keeps lines at least ~48 px apart. @param {CanvasRenderingContext2D} ctx
 * @param {Frame} f @param {number} W @param {number} H */
function drawGrid(ctx, f, W, H) {
  const steps = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
  const step = steps.find((st) => st * f.view.scale >= 48) ?? 5000;
  const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
  const x0 = Math.floor(-tx / s / step) * step;
  const x1 = (W - tx) / s;
  const y0 = Math.floor((ty - H) / s / step) * step;
  const y1 = ty / s;
  ctx.strokeStyle = '#ebe8e1';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = x0; x <= x1; x += step) {
    const X = Math.round(x * s + tx) + 0.5;
    ctx.moveTo(X, 0);
    ctx.lineTo(X, H);
  }
  for (let y = y0; y <= y1; y += step) {
    const Y = Math.round(-y * s + ty) + 0.5;
    ctx.moveTo(0, Y);
    ctx.lineTo(W, Y);
  }
  ctx.stroke();
}

/** Zones drawn under everything: rooms first, then exterior, then assets on top.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f */
function drawZones(ctx, f) {
  const order = { exterior: 0, room: 1, asset: 2 };
  const zones = f.scenario.plan.zones.slice().sort((a, b) =>
    (order[/** @type {keyof order} */ (a.kind)] ?? 1) - (order[/** @type {keyof order} */ (b.kind)] ?? 1));
  for (const z of zones) {
    ctx.beginPath();
    traceRings(ctx, f, [z.polygon, ...(z.holes ?? [])]);
    ctx.fillStyle = P.zoneFill(z.kind, z.priority ?? 1);
    ctx.fill('evenodd');
    ctx.strokeStyle = P.zoneStroke(z.kind);
    ctx.lineWidth = (z.kind === 'asset' ? 1.5 : 1) * f.dpr;
    ctx.setLineDash(z.kind === 'exterior' ? [6 * f.dpr, 4 * f.dpr] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** Wall stroke width in device px for this zoom. @param {Frame} f */
function wallWidth(f) {
  return Math.min(Math.max(0.22 * f.view.scale, 2.5), 9) * f.dpr;
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {[number, number][]} path */
function tracePath(ctx, f, path) {
  const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
  ctx.moveTo(path[0][0] * s + tx, -path[0][1] * s + ty);
  for (let k = 1; k < path.length; k++) ctx.lineTo(path[k][0] * s + tx, -path[k][1] * s + ty);
}

/**
 * Walls by kind. Plain walls are batched into one path; the rarer kinds get their own
 * symbols. Exterior openings get black-and-yellow hazard bands underneath.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f
 */
function drawWalls(ctx, f) {
  const ww = wallWidth(f);
  const walls = f.scenario.plan.walls;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  // Hazard bands under exterior openings.
  const ext = walls.filter((w) => w.exterior && w.path.length >= 2);
  if (ext.length) {
    ctx.beginPath();
    for (const w of ext) tracePath(ctx, f, w.path);
    ctx.lineCap = 'butt';
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = ww + 9 * f.dpr;
    ctx.stroke();
    ctx.strokeStyle = P.HAZARD_YELLOW;
    ctx.setLineDash([7 * f.dpr, 7 * f.dpr]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineCap = 'round';
  }
  // Closed loops of wall (pillars, cores) are solid.
  ctx.beginPath();
  for (const w of walls) if (w.kind === 'wall' && isClosed(w.path)) tracePath(ctx, f, w.path);
  ctx.fillStyle = P.WALL;
  ctx.fill();
  ctx.beginPath();
  for (const w of walls) if (w.kind === 'wall' && w.path.length >= 2) tracePath(ctx, f, w.path);
  ctx.strokeStyle = P.WALL;
  ctx.lineWidth = ww;
  ctx.lineCap = 'square';
  ctx.lineJoin = 'miter';
  ctx.stroke();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const w of walls) {
    if (w.kind === 'wall' || w.path.length < 2) continue;
    drawWallSymbol(ctx, f, w, ww);
  }
}

/** @param {[number, number][]} path */
function isClosed(path) {
  const n = path.length;
  return n >= 4 && path[0][0] === path[n - 1][0] && path[0][1] === path[n - 1][1];
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {import('./state.js').Wall} w @param {number} ww */
function drawWallSymbol(ctx, f, w, ww) {
  ctx.beginPath();
  tracePath(ctx, f, w.path);
  const d = f.dpr;
  switch (w.kind) {
    case 'door': {
      if (w.open) {
        ctx.strokeStyle = P.DOOR;
        ctx.lineWidth = 2 * d;
        ctx.setLineDash([4 * d, 4 * d]);
        ctx.stroke();
        ctx.setLineDash([]);
      } else {
        ctx.strokeStyle = P.DOOR;
        ctx.lineWidth = ww * 0.8;
        ctx.lineCap = 'butt';
        ctx.stroke();
        ctx.lineCap = 'round';
      }
      drawJambs(ctx, f, w.path, ww);
      break;
    }
    case 'window': {
      const opaque = w.opaque ?? true;
      ctx.lineCap = 'butt';
      ctx.strokeStyle = P.WINDOW;
      ctx.lineWidth = ww * 1.15;
      ctx.stroke();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = ww * 0.55;
      ctx.stroke();
      if (opaque) {
        ctx.strokeStyle = P.WINDOW;
        ctx.lineWidth = 1.2 * d;
        ctx.stroke();
      }
      ctx.lineCap = 'round';
      drawJambs(ctx, f, w.path, ww);
      break;
    }
    case 'glass': {
      ctx.strokeStyle = P.GLASS;
      ctx.lineWidth = Math.max(2.5 * d, ww * 0.55);
      ctx.stroke();
      if (w.opaque) {
        ctx.strokeStyle = P.INK;
        ctx.lineWidth = 1 * d;
        ctx.stroke();
      }
      break;
    }
    case 'railing': {
      ctx.strokeStyle = P.RAILING;
      if (w.opaque) {
        ctx.lineWidth = ww * 0.6;
        ctx.stroke();
      } else {
        // A thin rail with posts: reads as see-through.
        ctx.lineWidth = 1.6 * d;
        ctx.stroke();
        ctx.lineWidth = Math.max(5 * d, ww * 0.7);
        ctx.setLineDash([0.1 * d, 7 * d]);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      break;
    }
    default: {
      ctx.strokeStyle = P.WALL;
      ctx.lineWidth = ww;
      ctx.stroke();
    }
  }
}

/** Short ticks across both ends of an opening. @param {CanvasRenderingContext2D} ctx @param {Frame} f
 * @param {[number, number][]} path @param {number} ww */
function drawJambs(ctx, f, path, ww) {
  const s = f.view.scale * f.dpr, tx = f.view.tx * f.dpr, ty = f.view.ty * f.dpr;
  const ends = [[path[0], path[1]], [path[path.length - 1], path[path.length - 2]]];
  ctx.beginPath();
  for (const [p, q] of ends) {
    const X = p[0] * s + tx, Y = -p[1] * s + ty;
    const dx = q[0] * s + tx - X, dy = -q[1] * s + ty - Y;
    const len = Math.hypot(dx, dy) || 1;
    const nx = (-dy / len) * ww * 1.1, ny = (dx / len) * ww * 1.1;
    ctx.moveTo(X + nx, Y + ny);
    ctx.lineTo(X - nx, Y - ny);
  }
  ctx.strokeStyle = P.WALL;
  ctx.lineWidth = Math.max(1.5 * f.dpr, ww * 0.45);
  ctx.lineCap = 'butt';
  ctx.stroke();
  ctx.lineCap = 'round';
}

/** Text with a light halo so it reads over any fill. @param {CanvasRenderingContext2D} ctx
 * @param {string} text @param {number} x @param {number} y @param {string} colour @param {number} dpr */
function haloText(ctx, text, x, y, colour, dpr) {
  ctx.lineWidth = 3.5 * dpr;
  ctx.strokeStyle = 'rgba(251, 250, 247, 0.92)';
  ctx.lineJoin = 'round';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

/** Zone names: rooms and exteriors at the point the core finds well inside them (a
 * bounding-box corner can lie outside an L-shaped room), assets above the case.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f */
function drawZoneLabels(ctx, f) {
  const d = f.dpr;
  const s = f.view.scale * d, tx = f.view.tx * d, ty = f.view.ty * d;
  const zones = f.scenario.plan.zones;
  const many = zones.length > 60;
  const lp = f.labels && f.labels.length === 2 * zones.length ? f.labels : null;
  zones.forEach((z, k) => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of z.polygon) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const left = minX * s + tx, right = maxX * s + tx, top = -maxY * s + ty, bottom = -minY * s + ty;
    const wpx = right - left;
    if (z.kind === 'asset') {
      ctx.font = `600 ${12 * d}px ${FONT}`;
      const tw = ctx.measureText(z.name).width;
      if (wpx < 10 * d || (many && wpx < tw)) return;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      haloText(ctx, z.name, (left + right) / 2, top - 4 * d, '#5c4505', d);
      return;
    }
    const size = z.kind === 'exterior' ? 13 : 15;
    ctx.font = `${z.kind === 'exterior' ? 'italic 600' : '700'} ${size * d}px ${FONT}`;
    const tw = ctx.measureText(z.name).width;
    if (tw + 16 * d > wpx || bottom - top < 22 * d) return;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const X = lp ? lp[2 * k] * s + tx : (left + right) / 2;
    const Y = lp ? -lp[2 * k + 1] * s + ty : (top + bottom) / 2;
    // Keep the text inside the zone's box when the point is near an edge.
    const x = Math.min(Math.max(X, left + tw / 2 + 6 * d), right - tw / 2 - 6 * d);
    // Step clear of a camera icon sitting on the label (a ceiling camera mid-room).
    const clash = f.scenario.cameras.some((c) => {
      const cx = c.position[0] * s + tx, cy = -c.position[1] * s + ty;
      return Math.abs(cy - Y) < 16 * d && cx > x - tw / 2 - 14 * d && cx < x + tw / 2 + 14 * d;
    });
    const y = clash ? Y - 24 * d : Y;
    haloText(ctx, z.name, x, y, z.kind === 'exterior' ? '#2f4a3a' : '#3a3630', d);
  });
}

/** A black tag with yellow text naming each exterior opening. @param {CanvasRenderingContext2D} ctx @param {Frame} f */
function drawOpeningLabels(ctx, f) {
  const d = f.dpr;
  const s = f.view.scale * d, tx = f.view.tx * d, ty = f.view.ty * d;
  const ext = f.scenario.plan.walls.filter((w) => w.exterior && w.path.length >= 2);
  if (ext.length > 80) return;
  ctx.font = `700 ${11.5 * d}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  /** Tags already placed, to skip any that would overlap. @type {[number, number, number, number][]} */
  const placed = [];
  for (const w of ext) {
    // Midpoint of the longest piece; the tag sits to the screen-down or screen-right side.
    let best = 0, bi = 0;
    for (let k = 0; k + 1 < w.path.length; k++) {
      const l = Math.hypot(w.path[k + 1][0] - w.path[k][0], w.path[k + 1][1] - w.path[k][1]);
      if (l > best) { best = l; bi = k; }
    }
    const [ax, ay] = w.path[bi], [bx, by] = w.path[bi + 1];
    const X = ((ax + bx) / 2) * s + tx, Y = -((ay + by) / 2) * s + ty;
    const horizontal = Math.abs(bx - ax) >= Math.abs(by - ay);
    const text = `▲ ${w.id}`;
    const tw = ctx.measureText(text).width + 12 * d;
    const th = 19 * d;
    const off = 28 * d + th / 2;
    const cx = horizontal ? X : X + off + tw / 2 - th / 2;
    const cy = horizontal ? Y + off : Y;
    const box = /** @type {[number, number, number, number]} */ ([cx - tw / 2 - 3 * d, cy - th / 2 - 3 * d, cx + tw / 2 + 3 * d, cy + th / 2 + 3 * d]);
    if (placed.some((q) => q[0] < box[2] && box[0] < q[2] && q[1] < box[3] && box[1] < q[3])) continue;
    placed.push(box);
    ctx.fillStyle = '#111111';
    roundRect(ctx, cx - tw / 2, cy - th / 2, tw, th, 4 * d);
    ctx.fill();
    ctx.fillStyle = P.HAZARD_YELLOW;
    ctx.fillText(text, cx, cy + 0.5 * d);
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {number} x @param {number} y @param {number} w @param {number} h @param {number} r */
function roundRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {string} id */
function drawZoneOutline(ctx, f, id) {
  const z = f.scenario.plan.zones.find((zz) => zz.id === id);
  if (!z) return;
  ctx.beginPath();
  traceRings(ctx, f, [z.polygon, ...(z.holes ?? [])]);
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2.5 * f.dpr;
  ctx.setLineDash([8 * f.dpr, 5 * f.dpr]);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Ring[][]} polys */
function drawHighlight(ctx, f, polys) {
  ctx.beginPath();
  for (const rings of polys) traceRings(ctx, f, rings);
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 7 * f.dpr;
  ctx.stroke();
  ctx.strokeStyle = P.BLIND;
  ctx.lineWidth = 3.5 * f.dpr;
  ctx.stroke();
}

/** Cameras from..to-1 (except `skip`) as icons: a disc in its colour with a lens wedge
 * along its heading. Icons shrink a little when many cameras crowd the view.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {number} from @param {number} to @param {number} [skip] */
function drawCameras(ctx, f, from, to, skip = -1) {
  const d = f.dpr;
  const cams = f.scenario.cameras;
  const showIds = cams.length <= 60 || f.view.scale >= 8;
  const small = cams.length > 60 && f.view.scale < 8;
  for (let i = from; i < to; i++) {
    if (i === skip) continue;
    const cam = cams[i];
    const X = (cam.position[0] * f.view.scale + f.view.tx) * d;
    const Y = (-cam.position[1] * f.view.scale + f.view.ty) * d;
    const sel = i === f.selected;
    const hov = i === f.hoverCamera;
    const r = (sel ? 9.5 : hov ? 8.5 : small ? 5.5 : 7.5) * d;
    const col = P.cameraColour(i);
    const spec = cameraOptics(f.scenario, cam, f.stats[i]);
    const h = cam.heading_deg * DEG;
    const ux = Math.cos(h), uy = -Math.sin(h);
    // Lens wedge.
    if (spec.hfov < 360) {
      const tip = r + (small ? 5 : 8) * d;
      ctx.beginPath();
      ctx.moveTo(X + ux * tip, Y + uy * tip);
      ctx.lineTo(X - uy * r * 0.8, Y + ux * r * 0.8);
      ctx.lineTo(X + uy * r * 0.8, Y - ux * r * 0.8);
      ctx.closePath();
      ctx.fillStyle = P.INK;
      ctx.fill();
    }
    ctx.beginPath();
    ctx.arc(X, Y, r + 1.5 * d, 0, 2 * Math.PI);
    ctx.fillStyle = P.INK;
    ctx.fill();
    ctx.beginPath();
    ctx.arc(X, Y, r, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.beginPath();
    ctx.arc(X, Y, r - 2 * d, 0, 2 * Math.PI);
    ctx.fillStyle = col;
    ctx.fill();
    if (spec.hfov >= 360) {
      ctx.beginPath();
      ctx.arc(X, Y, r * 0.38, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    }
    if (sel) {
      ctx.beginPath();
      ctx.arc(X, Y, r + 6 * d, 0, 2 * Math.PI);
      ctx.strokeStyle = f.focused ? P.INK : P.withAlpha(P.INK, 0.7);
      ctx.lineWidth = 2 * d;
      ctx.setLineDash(f.focused ? [] : [3 * d, 3 * d]);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (showIds || sel || hov) {
      // The id goes beside the camera, across its heading (on the lower side): behind it
      // is usually the wall it hangs on, and openings, which must stay visible.
      let bx = -uy, by = ux;
      if (by < -0.2 || (Math.abs(by) <= 0.2 && bx < 0)) { bx = -bx; by = -by; }
      if (spec.hfov >= 360) { bx = 0.7; by = 0.7; }
      const gap = r + 7 * d;
      ctx.textAlign = bx > 0.35 ? 'left' : bx < -0.35 ? 'right' : 'center';
      ctx.textBaseline = by > 0.35 ? 'top' : by < -0.35 ? 'bottom' : 'middle';
      ctx.font = `${sel ? 800 : 600} ${(sel ? 13 : 11.5) * d}px ${FONT}`;
      haloText(ctx, cam.id, X + bx * gap, Y + by * gap, P.INK, d);
    }
  }
}

/** The nominal sector outline, the near and far edges, the band distances and the drag
 * handles of the selected camera.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {number} i */
function drawHandles(ctx, f, i) {
  const d = f.dpr;
  const cam = f.scenario.cameras[i];
  const stats = f.stats[i];
  const hd = cameraHandles(f.view, f.scenario, cam, stats);
  const [cx, cy] = hd.centre;
  const h = cam.heading_deg * DEG;
  const half = (Math.min(hd.spec.hfov, 360) / 2) * DEG;
  const col = P.cameraColour(i);
  const sc = f.view.scale;
  const full = hd.spec.hfov >= 360;
  /** An arc of the sector at radius r (CSS px). @param {number} r */
  const arc = (r) => {
    if (full) ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    else {
      ctx.moveTo(cx + Math.cos(h - half) * r, cy - Math.sin(h - half) * r);
      ctx.arc(cx, cy, r, -(h - half), -(h + half), true);
    }
  };
  const near = hd.spec.near, far = hd.spec.far;
  // A tilted camera stops seeing the floor at its far edge, before its range.
  const farCut = hd.spec.mounted && far !== undefined && far < hd.spec.range - 0.01;
  const Rs = farCut ? /** @type {number} */ (far) * sc : hd.R;
  ctx.save();
  ctx.scale(d, d);
  // Nominal sector (what the lens would see with no walls).
  ctx.beginPath();
  if (!full) {
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + Math.cos(h + half) * Rs, cy - Math.sin(h + half) * Rs);
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + Math.cos(h - half) * Rs, cy - Math.sin(h - half) * Rs);
  }
  arc(Rs);
  ctx.strokeStyle = P.withAlpha(P.INK, 0.55);
  ctx.lineWidth = 1.25;
  ctx.setLineDash([5, 4]);
  ctx.stroke();
  ctx.setLineDash([]);
  // Near and far edges of a mounted camera's footprint on the floor.
  /** @type {[string, number][]} */
  const marks = [];
  if (hd.spec.mounted && near !== undefined && near * sc > 2) {
    ctx.beginPath();
    arc(near * sc);
    ctx.strokeStyle = P.DEAD;
    ctx.lineWidth = 2;
    ctx.stroke();
    marks.push([`near ${fmtM(near)}`, near * sc]);
  }
  if (farCut && far !== undefined) {
    ctx.beginPath();
    arc(far * sc);
    ctx.strokeStyle = P.INK;
    ctx.lineWidth = 2;
    ctx.stroke();
    marks.push([`far ${fmtM(far)}`, far * sc]);
  }
  // Where each density level ends, along the axis.
  for (const lv of stats?.levels ?? []) {
    if (lv.radius_m > 0 && lv.area_m2 > 0 && !(far !== undefined && lv.radius_m >= far - 0.01) && lv.radius_m < hd.spec.range - 0.01) {
      marks.push([`${lv.name} ${fmtM(lv.radius_m)}`, lv.radius_m * sc]);
    }
  }
  // Axis to the range handle (dotted beyond the far edge, where the range no longer counts).
  ctx.beginPath();
  ctx.moveTo(cx, cy);
  ctx.lineTo(cx + Math.cos(h) * Rs, cy - Math.sin(h) * Rs);
  ctx.strokeStyle = P.withAlpha(P.INK, 0.7);
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (farCut) {
    ctx.beginPath();
    ctx.moveTo(cx + Math.cos(h) * Rs, cy - Math.sin(h) * Rs);
    ctx.lineTo(hd.range[0], hd.range[1]);
    ctx.setLineDash([2, 4]);
    ctx.strokeStyle = P.withAlpha(P.INK, 0.45);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  drawAxisMarks(ctx, cx, cy, h, marks, hd.dH);
  // Field-of-view edge handles.
  if (hd.fovHandles) {
    for (const [x, y] of [hd.fovLeft, hd.fovRight]) {
      ctx.beginPath();
      ctx.arc(x, y, 6.5, 0, 2 * Math.PI);
      ctx.fillStyle = col;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x, y, 8, 0, 2 * Math.PI);
      ctx.strokeStyle = P.INK;
      ctx.lineWidth = 1.25;
      ctx.stroke();
    }
  }
  // Range handle: a square on the range arc.
  const [rx, ry] = hd.range;
  ctx.save();
  ctx.translate(rx, ry);
  ctx.rotate(-h);
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.fillRect(-6, -6, 12, 12);
  ctx.strokeRect(-6, -6, 12, 12);
  ctx.restore();
  // Heading handle: a round knob.
  const [hx, hy] = hd.heading;
  ctx.beginPath();
  ctx.arc(hx, hy, 9, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(hx, hy, 4.5, 0, 2 * Math.PI);
  ctx.fillStyle = P.INK;
  ctx.fill();
  // Tilt handle: a pill with up and down chevrons behind the camera; drag it up or down.
  if (hd.tilt) drawTiltHandle(ctx, hd.tilt, cam, hd.spec.tilt, f.tiltDrag === true, f.width);
  ctx.restore();
}

/** @param {number} m */
function fmtM(m) {
  return `${m >= 10 ? Math.round(m) : Math.round(m * 10) / 10} m`;
}

/**
 * Small labels across the axis at given distances (CSS px from the camera), skipping any
 * that would crowd the previous one or the heading knob.
 * @param {CanvasRenderingContext2D} ctx @param {number} cx @param {number} cy @param {number} h
 * @param {[string, number][]} marks @param {number} knob distance of the heading knob
 */
function drawAxisMarks(ctx, cx, cy, h, marks, knob) {
  marks.sort((a, b) => a[1] - b[1]);
  const ux = Math.cos(h), uy = -Math.sin(h);
  // Labels go on the screen-lower side of the axis.
  let nx = -uy, ny = ux;
  if (ny < 0 || (Math.abs(ny) < 0.2 && nx < 0)) { nx = -nx; ny = -ny; }
  ctx.font = `600 11px ${FONT}`;
  ctx.textBaseline = 'middle';
  let last = -Infinity;
  for (const [text, r] of marks) {
    if (r - last < 16 || Math.abs(r - knob) < 14 || r < 14) continue;
    last = r;
    const x = cx + ux * r, y = cy + uy * r;
    ctx.beginPath();
    ctx.moveTo(x - nx * 5, y - ny * 5);
    ctx.lineTo(x + nx * 5, y + ny * 5);
    ctx.strokeStyle = P.INK;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.textAlign = nx > 0.3 ? 'left' : nx < -0.3 ? 'right' : 'center';
    const tx = x + nx * 9, ty = y + ny * 9 + (Math.abs(nx) <= 0.3 ? 5 : 0);
    haloText(ctx, text, tx, ty, P.INK, 1);
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number]} p @param {Camera} cam @param {number} tilt
 * @param {boolean} active @param {number} width of the canvas, CSS px */
function drawTiltHandle(ctx, p, cam, tilt, active, width) {
  const [x, y] = p;
  const w = 16, hh = 24;
  roundRect(ctx, x - w / 2, y - hh / 2, w, hh, 7);
  ctx.fillStyle = active ? P.INK : '#ffffff';
  ctx.fill();
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x - 4, y - 3); ctx.lineTo(x, y - 8); ctx.lineTo(x + 4, y - 3);
  ctx.moveTo(x - 4, y + 3); ctx.lineTo(x, y + 8); ctx.lineTo(x + 4, y + 3);
  ctx.strokeStyle = active ? '#ffffff' : P.INK;
  ctx.lineWidth = 1.8;
  ctx.stroke();
  const text = `${cam.height_m} m · tilt ${Math.round(tilt * 10) / 10}°`;
  ctx.font = `700 11.5px ${FONT}`;
  ctx.textAlign = 'center';
  // Above the handle, or below it at the top edge; never cut by the sides.
  const tw = ctx.measureText(text).width;
  const tx = Math.min(Math.max(x, tw / 2 + 4), width - tw / 2 - 4);
  const below = y - hh / 2 - 18 < 0;
  ctx.textBaseline = below ? 'top' : 'bottom';
  haloText(ctx, text, tx, below ? y + hh / 2 + 3 : y - hh / 2 - 3, P.INK, 1);
}

/** A translucent camera under the pointer while placing one. @param {CanvasRenderingContext2D} ctx
 * @param {Frame} f @param {[number, number]} p */
function drawGhost(ctx, f, p) {
  const d = f.dpr;
  const X = (p[0] * f.view.scale + f.view.tx) * d;
  const Y = (-p[1] * f.view.scale + f.view.ty) * d;
  ctx.beginPath();
  ctx.arc(X, Y, 9 * d, 0, 2 * Math.PI);
  ctx.fillStyle = P.withAlpha(P.cameraColour(f.scenario.cameras.length), 0.6);
  ctx.fill();
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2 * d;
  ctx.setLineDash([3 * d, 3 * d]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(X - 16 * d, Y);
  ctx.lineTo(X + 16 * d, Y);
  ctx.moveTo(X, Y - 16 * d);
  ctx.lineTo(X, Y + 16 * d);
  ctx.lineWidth = 1 * d;
  ctx.stroke();
}

/** A scale bar and north arrow in the bottom-right corner. @param {CanvasRenderingContext2D} ctx @param {Frame} f */
function drawScaleBar(ctx, f) {
  const d = f.dpr;
  const nice = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000];
  const m = nice.find((n) => n * f.view.scale >= 70) ?? 5000;
  const L = m * f.view.scale;
  const x1 = f.width - 22, y = f.height - 22, x0 = x1 - L;
  ctx.save();
  ctx.scale(d, d);
  ctx.fillStyle = 'rgba(251, 250, 247, 0.9)';
  ctx.fillRect(x0 - 10, y - 26, L + 20 + 0, 36);
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x0, y - 6);
  ctx.lineTo(x0, y);
  ctx.lineTo(x1, y);
  ctx.lineTo(x1, y - 6);
  ctx.moveTo((x0 + x1) / 2, y);
  ctx.lineTo((x0 + x1) / 2, y - 4);
  ctx.stroke();
  ctx.font = `600 12px ${FONT}`;
  ctx.fillStyle = P.INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${m} m`, (x0 + x1) / 2, y - 7);
  // North arrow.
  const nx = x0 - 30, ny = y - 4;
  ctx.beginPath();
  ctx.moveTo(nx, ny - 20);
  ctx.lineTo(nx + 6, ny - 4);
  ctx.lineTo(nx, ny - 8);
  ctx.lineTo(nx - 6, ny - 4);
  ctx.closePath();
  ctx.fill();
  ctx.textBaseline = 'top';
  ctx.font = `700 11px ${FONT}`;
  ctx.fillText('N', nx, ny - 3);
  ctx.restore();
}

/**
 * Draws one legend swatch; the legend uses the same strokes as the plan.
 * @param {CanvasRenderingContext2D} ctx @param {string} kind @param {number} w @param {number} h @param {number} dpr
 */
export function drawSwatch(ctx, kind, w, h, dpr) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const my = h / 2;
  const line = (/** @type {string} */ col, /** @type {number} */ lw, /** @type {number[]} */ dash = [], /** @type {CanvasLineCap} */ cap = 'butt') => {
    ctx.beginPath();
    ctx.moveTo(4, my);
    ctx.lineTo(w - 4, my);
    ctx.strokeStyle = col;
    ctx.lineWidth = lw;
    ctx.setLineDash(dash);
    ctx.lineCap = cap;
    ctx.stroke();
    ctx.setLineDash([]);
  };
  const box = (/** @type {string} */ fill, /** @type {string} */ stroke, /** @type {number[]} */ dash = []) => {
    ctx.fillStyle = fill;
    ctx.fillRect(3, 3, w - 6, h - 6);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    ctx.strokeRect(3, 3, w - 6, h - 6);
    ctx.setLineDash([]);
  };
  switch (kind) {
    case 'wall': line(P.WALL, 4.5); break;
    case 'door': line(P.DOOR, 3.5); break;
    case 'door-open': line(P.DOOR, 2, [4, 4]); break;
    case 'window': line(P.WINDOW, 6); line('#ffffff', 3); line(P.WINDOW, 1.2); break;
    case 'glass': line(P.GLASS, 3); break;
    case 'railing': line(P.RAILING, 1.6); line(P.RAILING, 5, [0.1, 7], 'round'); break;
    case 'exterior':
      line('#111111', 12); line(P.HAZARD_YELLOW, 12, [7, 7]); line(P.WINDOW, 6); line('#ffffff', 3); break;
    case 'view': box(P.withAlpha(P.CAMERA[0], 0.2), P.withAlpha(P.CAMERA[0], 0.8)); break;
    case 'bands': {
      box(P.withAlpha(P.CAMERA[0], 0.13), P.withAlpha(P.CAMERA[0], 0.8));
      const dashes = [[], [6, 3], [3, 3]];
      [0.62, 0.42, 0.22].forEach((fx, k) => {
        ctx.beginPath();
        ctx.rect(3, 3, (w - 6) * fx, h - 6);
        ctx.fillStyle = P.withAlpha(P.CAMERA[0], 0.12);
        ctx.fill();
        ctx.beginPath();
        ctx.moveTo(3 + (w - 6) * fx, 3);
        ctx.lineTo(3 + (w - 6) * fx, h - 3);
        ctx.strokeStyle = P.withAlpha(P.CAMERA[0], 0.9);
        ctx.lineWidth = 1.2;
        ctx.setLineDash(dashes[2 - k]);
        ctx.stroke();
        ctx.setLineDash([]);
      });
      break;
    }
    case 'dead': {
      box(P.DEAD_FILL, P.DEAD);
      ctx.save();
      ctx.beginPath();
      ctx.rect(3, 3, w - 6, h - 6);
      ctx.clip();
      ctx.beginPath();
      for (let x = -h; x < w + h; x += 6) { ctx.moveTo(x, h); ctx.lineTo(x + h, 0); ctx.moveTo(x, 0); ctx.lineTo(x + h, h); }
      ctx.strokeStyle = P.DEAD;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.restore();
      break;
    }
    case 'multi': {
      box(P.withAlpha(P.MULTI, 0.1), P.withAlpha(P.MULTI, 0.55));
      ctx.fillStyle = P.withAlpha(P.MULTI, 0.75);
      for (let x = 6; x < w - 4; x += 4.5) for (let y = 6; y < h - 4; y += 4.5) {
        if (((x + y) / 4.5) % 2 < 1) { ctx.beginPath(); ctx.arc(x, y, 1.2, 0, 2 * Math.PI); ctx.fill(); }
      }
      break;
    }
    case 'blind': {
      box(P.BLIND_FILL, P.BLIND);
      ctx.save();
      ctx.beginPath();
      ctx.rect(3, 3, w - 6, h - 6);
      ctx.clip();
      ctx.beginPath();
      for (let x = -h; x < w + h; x += 9) { ctx.moveTo(x, h); ctx.lineTo(x + h, 0); }
      ctx.strokeStyle = P.BLIND;
      ctx.lineWidth = 2.2;
      ctx.stroke();
      ctx.restore();
      break;
    }
    case 'room': box(P.zoneFill('room', 1), P.zoneStroke('room')); break;
    case 'room-high': box(P.zoneFill('room', 5), P.zoneStroke('room')); break;
    case 'asset': box(P.zoneFill('asset', 5), P.zoneStroke('asset')); break;
    case 'exterior-zone': box(P.zoneFill('exterior', 2), P.zoneStroke('exterior'), [4, 3]); break;
    case 'camera': {
      const X = w / 2, Y = my;
      ctx.beginPath(); ctx.moveTo(X + 14, Y); ctx.lineTo(X, Y - 6); ctx.lineTo(X, Y + 6); ctx.closePath();
      ctx.fillStyle = P.INK; ctx.fill();
      ctx.beginPath(); ctx.arc(X, Y, 8, 0, 2 * Math.PI); ctx.fill();
      ctx.beginPath(); ctx.arc(X, Y, 6.5, 0, 2 * Math.PI); ctx.fillStyle = '#fff'; ctx.fill();
      ctx.beginPath(); ctx.arc(X, Y, 4.5, 0, 2 * Math.PI); ctx.fillStyle = P.CAMERA[0]; ctx.fill();
      break;
    }
    default: break;
  }
}

/**
 * True when every camera but the active one is the same object as in the cached
 * list (cameras are replaced, never mutated, so identity says "unchanged").
 * @param {readonly unknown[]} cached @param {readonly unknown[]} cams @param {number} active
 */
function othersUnchanged(cached, cams, active) {
  for (let i = 0; i < cams.length; i++) {
    if (i !== active && cached[i] !== cams[i]) return false;
  }
  return true;
}
