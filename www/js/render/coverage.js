// @ts-check
/**
 * Coverage layers: blind spots (crimson hatching), dead zones under mounted cameras (dark
 * cross-hatching) and areas seen by two or more cameras (indigo dots). Polygons are drawn
 * from `Path2D`s in plan coordinates, cached by a hash of their coordinates, so unchanged
 * polygons are never traced again; fills are screen-aligned patterns.
 */

import * as P from '../palette.js';
import { deviceMatrix } from '../view/transform.js';
import { inPlanCoordinates } from './paths.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {'blind'|'multi'|'dead'} ShapeKind */
/** @typedef {[number, number, number, number]} Rect device px: x0, y0, x1, y1 */
/** @typedef {{path: Path2D, minX: number, minY: number, maxX: number, maxY: number}} PathItem */

/**
 * Path2D objects for the polygons of a layer, in plan coordinates, kept across frames
 * and keyed by a 64-bit hash of each polygon's coordinates.
 */
export class ShapePathCache {
  constructor() {
    /** @type {Map<string, Map<string, PathItem>>} */
    this.byKind = new Map();
    /** @type {Map<string, {sh: Shapes, paths: PathItem[]}>} */
    this.last = new Map();
    /**
     * Per kind, the polygons the last `get` added or dropped against the one before it
     * (plan coordinates; empty when it was handed the same shapes): a layer drawn from
     * one kind need only repaint where these lie.
     * @type {Map<string, PathItem[]>}
     */
    this.changed = new Map();
  }

  /**
   * The plan-coordinate box of what changed in `kinds` at their last `get`s, or null
   * when nothing did. @param {string[]} kinds @returns {[number, number, number, number]|null}
   */
  changedBox(kinds) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const k of kinds) {
      for (const it of this.changed.get(k) ?? []) {
        if (it.minX < minX) minX = it.minX;
        if (it.minY < minY) minY = it.minY;
        if (it.maxX > maxX) maxX = it.maxX;
        if (it.maxY > maxY) maxY = it.maxY;
      }
    }
    return minX <= maxX ? [minX, minY, maxX, maxY] : null;
  }

  /** @param {Shapes} sh @param {string} kind @returns {PathItem[]} */
  get(sh, kind) {
    const last = this.last.get(kind);
    if (last && last.sh === sh) {
      this.changed.set(kind, []);
      return last.paths;
    }
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
      // Two 32-bit FNV-1a style hashes over the raw float bits, plus the ring layout
      // relative to the polygon's first point: a polygon is the same whatever changed
      // before it in the layer.
      let h1 = 0x811c9dc5 ^ (r1 - r0), h2 = 0x01000193 ^ (b - a);
      for (let k = 4 * a; k < 4 * b; k++) {
        h1 = Math.imul(h1 ^ bits[k], 0x01000193);
        h2 = Math.imul(h2 ^ bits[k], 0x5bd1e995) ^ (h2 >>> 15);
      }
      for (let r = r0; r <= r1; r++) h1 = Math.imul(h1 ^ (ringOffsets[r] - a), 0x01000193);
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
    /** @type {PathItem[]} */
    const changed = [];
    for (const [key, it] of next) if (!old.has(key)) changed.push(it);
    for (const [key, it] of old) if (!next.has(key)) changed.push(it);
    this.changed.set(kind, changed);
    this.byKind.set(kind, next);
    this.last.set(kind, { sh, paths });
    return paths;
  }
}

/** The fill patterns, one tile per kind and device pixel ratio. */
export class Patterns {
  /** @param {CanvasRenderingContext2D} ctx the context the patterns are made for */
  constructor(ctx) {
    this.ctx = ctx;
    /** @type {Map<number, CanvasPattern|null>} */
    this.cache = new Map();
  }

  /** @param {number} dpr @param {ShapeKind} kind */
  get(dpr, kind) {
    const k = dpr * 10 + (kind === 'blind' ? 1 : kind === 'multi' ? 2 : 3);
    if (this.cache.has(k)) return this.cache.get(k) ?? null;
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
    this.cache.set(k, pat);
    return pat;
  }
}

/**
 * Fills polygons with a screen-aligned pattern and outlines them: those whose box meets
 * `rect` (device px), or the canvas when it is null.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {PathItem[]} items
 * @param {CanvasPattern|null} pat @param {ShapeKind} kind @param {Rect|null} rect
 */
export function drawShapes(ctx, f, items, pat, kind, rect) {
  const [s, , , , tx, ty] = deviceMatrix(f.view, f.view.dpr);
  const stroke = kind === 'blind' ? P.BLIND : kind === 'dead' ? P.DEAD : P.withAlpha(P.MULTI, 0.55);
  const lw = kind === 'blind' ? 1.6 : kind === 'dead' ? 1.4 : 1;
  // The rectangle in plan coordinates, widened by the widest outline's reach (9 device
  // px, see Renderer.shapeLayer), to skip the polygons that cannot paint in it: a
  // polygon just outside it may still reach into it with its outline. Without one, the
  // canvas.
  const m = 9 * f.view.dpr;
  const c = rect ?? [0, 0, f.view.width * f.view.dpr, f.view.height * f.view.dpr];
  const r = [c[0] - m, c[1] - m, c[2] + m, c[3] + m];
  const wx0 = (r[0] - tx) / s, wx1 = (r[2] - tx) / s;
  const wy0 = (ty - r[3]) / s, wy1 = (ty - r[1]) / s;
  inPlanCoordinates(ctx, f, () => {
    // The pattern's own matrix undoes the plan's, so the hatching stays screen-aligned.
    if (pat) pat.setTransform(new DOMMatrix([1 / s, 0, 0, -1 / s, -tx / s, ty / s]));
    ctx.fillStyle = pat ?? stroke;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = (lw * f.view.dpr) / s;
    ctx.lineJoin = 'miter';
    // Every fill, then every outline: the same pixels whatever order the polygons come in
    // (a partial repaint keeps pixels drawn in an earlier frame's order).
    const shown = items.filter((it) => !(it.maxX < wx0 || it.minX > wx1 || it.maxY < wy0 || it.minY > wy1));
    for (const it of shown) ctx.fill(it.path, 'evenodd');
    for (const it of shown) ctx.stroke(it.path);
  });
}
