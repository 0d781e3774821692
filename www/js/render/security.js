// @ts-check
/**
 * The security analysis on the plan (docs/security.md): the places seen by 1, 2, 3 or
 * more cameras (flat tints; 0 is the blind hatch), the parts of zones seen but below
 * their required level (amber hatching, the other diagonal from the blind spots'), what
 * turns blind if the chosen camera fails (purple), and the `security` overlay: the
 * opening focused in the openings panel with the cameras that see it ringed, and the
 * route with its unseen stretches, detections and critical detection point.
 */

import * as P from '../palette.js';
import { deviceMatrix, toScreen } from '../view/transform.js';
import { inPlanCoordinates, haloText, FONT } from './paths.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').SecurityOverlay} SecurityOverlay */
/** @typedef {import('./coverage.js').ShapePathCache} ShapePathCache */
/** @typedef {import('./coverage.js').PathItem} PathItem */

/** How strongly the seen-by tints show (the layer is drawn opaque, then composited). */
export const SEEN_BY_ALPHA = 0.32;

/**
 * The seen-by tints, opaque: at least 1, then at least 2 over it, then 3 or more.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {ShapePathCache} paths
 */
export function drawSeenBy(ctx, f, paths) {
  const layers = f.core.security.seenBy;
  if (!layers) return;
  inPlanCoordinates(ctx, f, () => {
    layers.forEach((sh, k) => {
      ctx.fillStyle = P.SEEN_BY[k];
      for (const it of paths.get(sh, `seen${k + 1}`)) ctx.fill(it.path, 'evenodd');
    });
  });
}

/**
 * The shortfall hatch and the failure region.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {ShapePathCache} paths @param {CanvasPattern|null} hatch
 */
export function drawShortfallAndFailure(ctx, f, paths, hatch) {
  const { shortfall, failure } = f.core.security;
  const [s, , , , tx, ty] = deviceMatrix(f.view, f.view.dpr);
  const d = f.view.dpr;
  inPlanCoordinates(ctx, f, () => {
    if (shortfall) {
      if (hatch) hatch.setTransform(new DOMMatrix([1 / s, 0, 0, -1 / s, -tx / s, ty / s]));
      ctx.fillStyle = hatch ?? P.SHORT_FILL;
      ctx.strokeStyle = P.SHORT;
      ctx.lineWidth = (1.2 * d) / s;
      for (const it of paths.get(shortfall, 'shortfall')) {
        ctx.fill(it.path, 'evenodd');
        ctx.stroke(it.path);
      }
    }
    if (failure) {
      ctx.fillStyle = P.withAlpha(P.FAILURE, 0.28);
      ctx.strokeStyle = P.FAILURE;
      ctx.lineWidth = (2 * d) / s;
      ctx.setLineDash([(5 * d) / s, (3 * d) / s]);
      for (const it of paths.get(failure, 'failure')) {
        ctx.fill(it.path, 'evenodd');
        ctx.stroke(it.path);
      }
      ctx.setLineDash([]);
    }
  });
}

/** The amber hatch tile (stripes from top left to bottom right). @param {CanvasRenderingContext2D} ctx @param {number} dpr */
export function shortfallPattern(ctx, dpr) {
  const size = Math.round(8 * dpr);
  const pc = document.createElement('canvas');
  pc.width = size;
  pc.height = size;
  const g = /** @type {CanvasRenderingContext2D} */ (pc.getContext('2d'));
  g.fillStyle = P.SHORT_FILL;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = P.SHORT;
  g.lineWidth = 1.5 * dpr;
  g.lineCap = 'square';
  g.beginPath();
  for (const o of [-size, 0, size]) {
    g.moveTo(o, 0);
    g.lineTo(o + size, size);
  }
  g.stroke();
  return ctx.createPattern(pc, 'repeat');
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {SecurityOverlay} o */
export function drawSecurityOverlay(ctx, f, o) {
  const d = f.view.dpr;
  ctx.save();
  ctx.scale(d, d);
  ctx.font = `600 12px ${FONT}`;
  if (o.opening) drawOpening(ctx, f, o.opening);
  for (const i of o.cameras) ringCamera(ctx, f, i);
  if (o.route) drawRoute(ctx, f, o.route, o.routeStale);
  if (o.start) startMark(ctx, f, o.start);
  ctx.restore();
}

/** The focused opening: a yellow band along its wall. @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {string} id */
function drawOpening(ctx, f, id) {
  const w = f.doc.plan.walls.find((x) => x.id === id);
  if (!w || w.path.length < 2) return;
  ctx.beginPath();
  w.path.forEach((p, k) => {
    const [X, Y] = toScreen(f.view, p[0], p[1]);
    if (k === 0) ctx.moveTo(X, Y);
    else ctx.lineTo(X, Y);
  });
  ctx.lineCap = 'round';
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 16;
  ctx.stroke();
  ctx.strokeStyle = P.HIGHLIGHT;
  ctx.lineWidth = 12;
  ctx.stroke();
}

/** A ring round camera i (it sees the focused opening). @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {number} i */
function ringCamera(ctx, f, i) {
  const cam = f.doc.cameras[i];
  if (!cam) return;
  const [X, Y] = toScreen(f.view, cam.position[0], cam.position[1]);
  ctx.beginPath();
  ctx.arc(X, Y, 17, 0, 2 * Math.PI);
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 7;
  ctx.stroke();
  ctx.strokeStyle = P.HIGHLIGHT;
  ctx.lineWidth = 4;
  ctx.stroke();
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {[number, number]} at */
function startMark(ctx, f, at) {
  const [X, Y] = toScreen(f.view, at[0], at[1]);
  ctx.beginPath();
  ctx.arc(X, Y, 7, 0, 2 * Math.PI);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = P.ROUTE_UNSEEN;
  ctx.lineWidth = 3;
  ctx.stroke();
  haloText(ctx, 'start', X + 10, Y - 8, P.INK, 1);
}

/**
 * The points of `pts` between distances a and b along it (metres), as screen points.
 * @param {Frame} f @param {[number, number][]} pts @param {number[]} cum distance at each point @param {number} a @param {number} b
 * @returns {[number, number][]}
 */
export function slice(f, pts, cum, a, b) {
  /** @type {[number, number][]} */
  const out = [];
  const at = (/** @type {number} */ t) => {
    let k = 1;
    while (k < cum.length - 1 && cum[k] < t) k++;
    const span = cum[k] - cum[k - 1];
    const u = span > 0 ? Math.max(0, Math.min(1, (t - cum[k - 1]) / span)) : 0;
    const p = pts[k - 1], q = pts[k];
    return toScreen(f.view, p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u);
  };
  out.push(at(a));
  for (let k = 0; k < pts.length; k++) if (cum[k] > a && cum[k] < b) out.push(toScreen(f.view, pts[k][0], pts[k][1]));
  out.push(at(b));
  return out;
}

/** Cumulative distance along a polyline, metres. @param {[number, number][]} pts */
export function cumulative(pts) {
  const cum = [0];
  for (let k = 1; k < pts.length; k++) cum.push(cum[k - 1] + Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]));
  return cum;
}

/** @param {CanvasRenderingContext2D} ctx @param {[number, number][]} line */
function polyline(ctx, line) {
  ctx.beginPath();
  line.forEach(([X, Y], k) => (k ? ctx.lineTo(X, Y) : ctx.moveTo(X, Y)));
}

/**
 * The route: unseen stretches thick crimson, seen ones dark blue, each detection a dot,
 * the critical detection point a black-and-yellow diamond, the asset end a square.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {import('../core/types.js').PathReport} r @param {boolean} stale
 */
function drawRoute(ctx, f, r, stale) {
  const pts = r.points;
  if (pts.length < 2) return;
  const cum = cumulative(pts);
  const total = cum[cum.length - 1];
  if (stale) ctx.globalAlpha = 0.45;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const all = slice(f, pts, cum, 0, total);
  polyline(ctx, all);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 9;
  ctx.stroke();
  polyline(ctx, all);
  ctx.strokeStyle = P.ROUTE_UNSEEN;
  ctx.lineWidth = 5;
  ctx.stroke();
  for (const s of r.seen_stretches) {
    polyline(ctx, slice(f, pts, cum, s.from_m, s.to_m));
    ctx.strokeStyle = P.ROUTE_SEEN;
    ctx.lineWidth = 5;
    ctx.stroke();
  }
  for (const det of r.detections) {
    const [X, Y] = toScreen(f.view, det.at[0], det.at[1]);
    ctx.beginPath();
    ctx.arc(X, Y, 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = P.ROUTE_SEEN;
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  const end = toScreen(f.view, pts[pts.length - 1][0], pts[pts.length - 1][1]);
  ctx.fillStyle = P.INK;
  ctx.fillRect(end[0] - 6, end[1] - 6, 12, 12);
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.strokeRect(end[0] - 6, end[1] - 6, 12, 12);
  if (r.critical_point) {
    const [X, Y] = toScreen(f.view, r.critical_point.at[0], r.critical_point.at[1]);
    ctx.beginPath();
    ctx.moveTo(X, Y - 10);
    ctx.lineTo(X + 10, Y);
    ctx.lineTo(X, Y + 10);
    ctx.lineTo(X - 10, Y);
    ctx.closePath();
    ctx.fillStyle = P.HIGHLIGHT;
    ctx.fill();
    ctx.strokeStyle = P.INK;
    ctx.lineWidth = 2.5;
    ctx.stroke();
    haloText(ctx, 'critical detection point', X + 12, Y - 12, P.INK, 1);
  }
  if (stale) haloText(ctx, 'route updates when you let go', end[0] + 10, end[1] + 4, P.INK, 1);
  ctx.globalAlpha = 1;
}
