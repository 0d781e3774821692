// @ts-check
/**
 * The view transform between plan metres (y north, up) and canvas CSS pixels (y down):
 * screen = (x * scale + tx, -y * scale + ty). This file is the only place that writes the
 * transform out; drawing, hit tests and tools all go through it.
 */

/** @typedef {{scale: number, tx: number, ty: number}} View */
/** @typedef {{minX: number, minY: number, maxX: number, maxY: number}} Box */

export const MIN_SCALE = 0.05; // px per metre
export const MAX_SCALE = 400;

/** A plan point in CSS pixels. @param {View} v @param {number} x @param {number} y @returns {[number, number]} */
export function toScreen(v, x, y) {
  return [x * v.scale + v.tx, -y * v.scale + v.ty];
}

/** A plan point in device pixels (CSS pixels times `dpr`). @param {View} v @param {number} dpr
 * @param {number} x @param {number} y @returns {[number, number]} */
export function toDevice(v, dpr, x, y) {
  return [(x * v.scale + v.tx) * dpr, (-y * v.scale + v.ty) * dpr];
}

/**
 * The transform as a canvas matrix (a, b, c, d, e, f) from plan metres to device pixels,
 * for `ctx.setTransform`: paths traced in plan coordinates under it land where `toDevice`
 * puts their points.
 * @param {View} v @param {number} dpr @returns {[number, number, number, number, number, number]}
 */
export function deviceMatrix(v, dpr) {
  const s = v.scale * dpr;
  return [s, 0, 0, -s, v.tx * dpr, v.ty * dpr];
}

/** @param {View} v @param {number} sx @param {number} sy @returns {[number, number]} */
export function toWorld(v, sx, sy) {
  return [(sx - v.tx) / v.scale, -(sy - v.ty) / v.scale];
}

/**
 * A view showing `box` centred in a `w` x `h` pixel area, leaving `pad` pixels around
 * (a number, or per side to keep clear of overlays).
 * @param {Box} box @param {number} w @param {number} h
 * @param {number|{l: number, r: number, t: number, b: number}} [pad] @returns {View}
 */
export function fitView(box, w, h, pad = 48) {
  const p = typeof pad === 'number' ? { l: pad, r: pad, t: pad, b: pad } : pad;
  const bw = Math.max(box.maxX - box.minX, 1e-3);
  const bh = Math.max(box.maxY - box.minY, 1e-3);
  const aw = Math.max(w - p.l - p.r, 40), ah = Math.max(h - p.t - p.b, 40);
  const scale = clamp(Math.min(aw / bw, ah / bh), MIN_SCALE, MAX_SCALE);
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const sx = p.l + aw / 2, sy = p.t + ah / 2;
  return { scale, tx: sx - cx * scale, ty: sy + cy * scale };
}

/** Zooms by `factor` keeping the screen point (sx, sy) fixed. @param {View} v @param {number} factor
 * @param {number} sx @param {number} sy @returns {View} */
export function zoomAt(v, factor, sx, sy) {
  const scale = clamp(v.scale * factor, MIN_SCALE, MAX_SCALE);
  const f = scale / v.scale;
  return { scale, tx: sx - (sx - v.tx) * f, ty: sy - (sy - v.ty) * f };
}

/** @param {View} v @param {number} dx @param {number} dy @returns {View} */
export function panBy(v, dx, dy) {
  return { scale: v.scale, tx: v.tx + dx, ty: v.ty + dy };
}

/** Bounding box of points given as [x, y] pairs (a box, not geometry). @param {Iterable<[number, number]>} pts
 * @returns {Box|null} */
export function boxOf(pts) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of pts) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/** The box around the plan's walls, zones and cameras. @param {import('../model/scenario.js').Scenario} s */
export function planBox(s) {
  /** @type {[number, number][]} */
  const pts = [];
  for (const w of s.plan.walls) for (const p of w.path) pts.push(p);
  for (const z of s.plan.zones) for (const p of z.polygon) pts.push(p);
  for (const c of s.cameras) pts.push(c.position);
  return boxOf(pts) ?? { minX: -10, minY: -10, maxX: 10, maxY: 10 };
}

/** @param {number} x @param {number} lo @param {number} hi */
export function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}
