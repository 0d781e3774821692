// @ts-check
/**
 * Paths in plan coordinates. Each tracer sets the canvas to the plan-to-device matrix
 * (view/transform.js), adds the points as they are, and puts the identity back, so the
 * fill or stroke that follows uses device-pixel widths and dashes. The transform is never
 * written out here.
 */

import { deviceMatrix } from '../view/transform.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {import('../view/frame.js').Ring} Ring */

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f */
function planMatrix(ctx, f) {
  ctx.setTransform(...deviceMatrix(f.view, f.view.dpr));
}

/** @param {CanvasRenderingContext2D} ctx */
function identity(ctx) {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

/**
 * Adds polygon p of `sh` (its rings) to the current path. Returns false if it has none.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Shapes} sh @param {number} p
 */
export function tracePolygon(ctx, f, sh, p) {
  const { coords, ringOffsets, polygonOffsets } = sh;
  const r0 = polygonOffsets[p], r1 = polygonOffsets[p + 1];
  if (r1 <= r0) return false;
  planMatrix(ctx, f);
  for (let r = r0; r < r1; r++) {
    const a = ringOffsets[r], b = ringOffsets[r + 1];
    if (b - a < 3) continue;
    ctx.moveTo(coords[2 * a], coords[2 * a + 1]);
    for (let k = a + 1; k < b; k++) ctx.lineTo(coords[2 * k], coords[2 * k + 1]);
    ctx.closePath();
  }
  identity(ctx);
  return true;
}

/** Adds closed rings given as [x, y] arrays to the current path (one matrix change for all of them).
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Ring[]} rings */
export function traceRings(ctx, f, rings) {
  planMatrix(ctx, f);
  for (const ring of rings) {
    if (!ring || ring.length < 2) continue;
    ctx.moveTo(ring[0][0], ring[0][1]);
    for (let k = 1; k < ring.length; k++) ctx.lineTo(ring[k][0], ring[k][1]);
    ctx.closePath();
  }
  identity(ctx);
}

/**
 * Adds open polylines to the current path under one matrix change. Chromium maps
 * the whole current path through every `setTransform`, so one change per polyline costs
 * the square of their number: 200,000 walls took 20 s to trace that way.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {Iterable<[number, number][]>} paths
 */
export function tracePaths(ctx, f, paths) {
  planMatrix(ctx, f);
  for (const path of paths) {
    ctx.moveTo(path[0][0], path[0][1]);
    for (let k = 1; k < path.length; k++) ctx.lineTo(path[k][0], path[k][1]);
  }
  identity(ctx);
}

/**
 * Fills `sh`'s polygons given as cached `Path2D`s in plan coordinates (see coverage.js):
 * the matrix stays set while they are filled and stroked, so widths are given in plan units.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {() => void} draw
 */
export function inPlanCoordinates(ctx, f, draw) {
  planMatrix(ctx, f);
  try {
    draw();
  } finally {
    identity(ctx);
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {number} x @param {number} y @param {number} w @param {number} h @param {number} r */
export function roundRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Text with a light halo so it reads over any fill. @param {CanvasRenderingContext2D} ctx
 * @param {string} text @param {number} x @param {number} y @param {string} colour @param {number} dpr */
export function haloText(ctx, text, x, y, colour, dpr) {
  ctx.lineWidth = 3.5 * dpr;
  ctx.strokeStyle = 'rgba(251, 250, 247, 0.92)';
  ctx.lineJoin = 'round';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
