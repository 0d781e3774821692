// @ts-check
/**
 * Culling to the viewport: the plan box on screen, and each path's or ring's bounding
 * box (kept per array: plan parts are replaced, never mutated, so an array's box never
 * changes), so that layers skip what lies off screen before any canvas call.
 */

/** @typedef {{minX: number, minY: number, maxX: number, maxY: number}} Box */
/** @typedef {{scale: number, tx: number, ty: number, width: number, height: number, dpr: number}} Viewport */

/** @type {WeakMap<readonly (readonly number[])[], Box>} */
const boxes = new WeakMap();

/**
 * The bounding box of a path or ring of [x, y] points (cached per array).
 * @param {readonly (readonly number[])[]} pts @returns {Box}
 */
export function pathBox(pts) {
  let b = boxes.get(pts);
  if (b) return b;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of pts) {
    const x = p[0], y = p[1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  b = { minX, minY, maxX, maxY };
  boxes.set(pts, b);
  return b;
}

/**
 * The plan box the canvas shows, widened on every side by `margin` device pixels (for
 * strokes reaching beyond a path's points). @param {Viewport} v @param {number} margin @returns {Box}
 */
export function visiblePlanBox(v, margin) {
  const s = v.scale * v.dpr;
  const W = v.width * v.dpr, H = v.height * v.dpr;
  const ox = v.tx * v.dpr, oy = v.ty * v.dpr;
  return { minX: (-margin - ox) / s, maxX: (W + margin - ox) / s, minY: (oy - H - margin) / s, maxY: (oy + margin) / s };
}

/** Whether two boxes meet (touching counts). @param {Box} a @param {Box} b */
export function meets(a, b) {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * The items whose path lies at least partly in `box`; the same array when all do.
 * @template T @param {readonly T[]} items @param {(t: T) => readonly (readonly number[])[]} pathOf @param {Box} box
 * @returns {readonly T[]}
 */
export function onScreen(items, pathOf, box) {
  /** @type {T[]|null} */
  let out = null;
  for (let i = 0; i < items.length; i++) {
    const pts = pathOf(items[i]);
    const keep = pts.length > 0 && meets(pathBox(pts), box);
    if (!keep && !out) out = items.slice(0, i);
    else if (keep && out) out.push(items[i]);
  }
  return out ?? items;
}

/**
 * The bounding box of polygon p of `sh` (flat coordinates, ring and polygon offsets), or
 * null when it has no points. @param {import('../core/shapes.js').Shapes} sh @param {number} p @returns {Box|null}
 */
export function polygonBox(sh, p) {
  const { coords, ringOffsets, polygonOffsets } = sh;
  const a = ringOffsets[polygonOffsets[p]], b = ringOffsets[polygonOffsets[p + 1]];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = a; k < b; k++) {
    const x = coords[2 * k], y = coords[2 * k + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}
