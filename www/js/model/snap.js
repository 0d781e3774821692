// @ts-check
/**
 * Snapping while drawing and dragging walls and zones: to wall and zone vertices, onto
 * walls, to 15° steps from the previous point, and to a grid, in that order of
 * preference; and the point at a typed length. Interaction geometry only (which point the
 * pointer means); every figure about the plan still comes from the core.
 */

/** @typedef {import('./scenario.js').Plan} Plan */
/** @typedef {import('./scenario.js').Pt} Pt */

/**
 * @typedef {{point: Pt, kind: 'vertex'|'wall'|'angle'|'grid'|'none', angle?: number}} Snap
 * `kind` says what the point snapped to (drawn as a marker); `angle` the direction in
 * degrees from the previous point when it snapped to a 15° step.
 */

/**
 * @typedef {{tol: number, grid: number, from?: Pt|null, skip?: (wall: number, k: number) => boolean,
 *   not?: Pt|null, off?: boolean, extra?: Pt[]}} SnapOptions
 * `tol` is the reach in metres (a few pixels at the current zoom); `grid` the grid step in
 * metres (0: no grid); `from` the previous point of the path being drawn (for 15° steps);
 * `skip` leaves out the wall vertices being dragged (and the pieces they end); `not` is the
 * point a dragged corner started from, which nothing snaps back to; `off` (Alt held) snaps
 * to nothing; `extra` are more corners to snap to (the points of the outline being drawn).
 */

/** The nearest point to p on segment a-b. @param {Pt} p @param {Pt} a @param {Pt} b @returns {Pt} */
function closestOn(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return [a[0] + t * dx, a[1] + t * dy];
}

/** @param {Pt} a @param {Pt} b */
function dist(a, b) {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** @param {Plan} plan @param {Pt} p @param {SnapOptions} o @returns {Snap} */
export function snapPoint(plan, p, o) {
  if (o.off) return { point: p, kind: 'none' };
  let best = null, bestD = o.tol;
  plan.walls.forEach((w, i) => {
    w.path.forEach((q, k) => {
      if (o.skip?.(i, k) || (o.not && q[0] === o.not[0] && q[1] === o.not[1])) return;
      const d = dist(p, q);
      if (d <= bestD) { best = q; bestD = d; }
    });
  });
  for (const z of plan.zones) {
    for (const ring of [z.polygon, ...(z.holes ?? [])]) {
      for (const q of ring) {
        if (o.not && q[0] === o.not[0] && q[1] === o.not[1]) continue;
        const d = dist(p, q);
        if (d <= bestD) { best = q; bestD = d; }
      }
    }
  }
  for (const q of o.extra ?? []) {
    const d = dist(p, q);
    if (d <= bestD) { best = q; bestD = d; }
  }
  if (best) return { point: [best[0], best[1]], kind: 'vertex' };
  /** @type {Pt|null} */
  let onWall = null;
  bestD = o.tol;
  plan.walls.forEach((w, i) => {
    for (let k = 1; k < w.path.length; k++) {
      if (o.skip?.(i, k) || o.skip?.(i, k - 1)) continue;
      const c = closestOn(p, w.path[k - 1], w.path[k]);
      const d = dist(p, c);
      if (d <= bestD) { onWall = c; bestD = d; }
    }
  });
  if (onWall) return { point: onWall, kind: 'wall' };
  if (o.from) {
    const dx = p[0] - o.from[0], dy = p[1] - o.from[1];
    const len = Math.hypot(dx, dy);
    if (len > 0) {
      const step = 15;
      const angle = Math.round(Math.atan2(dy, dx) * 180 / Math.PI / step) * step;
      const a = angle * Math.PI / 180;
      // Along the 15° ray, keeping the length on the grid.
      const along = o.grid > 0 ? Math.max(o.grid, Math.round(len / o.grid) * o.grid) : len;
      /** @type {Pt} */
      const q = [o.from[0] + Math.cos(a) * along, o.from[1] + Math.sin(a) * along];
      if (dist(p, q) <= o.tol * 1.5) return { point: q, kind: 'angle', angle: ((angle % 360) + 360) % 360 };
    }
  }
  if (o.grid > 0) {
    return { point: [Math.round(p[0] / o.grid) * o.grid, Math.round(p[1] / o.grid) * o.grid], kind: 'grid' };
  }
  return { point: p, kind: 'none' };
}

/**
 * The point `length` metres from `from` towards `toward` (the pointer's snapped point);
 * null when the direction is undefined (the pointer on `from`) or the length is not a
 * positive number. @param {Pt} from @param {Pt} toward @param {number} length @returns {Pt|null}
 */
export function atLength(from, toward, length) {
  const dx = toward[0] - from[0], dy = toward[1] - from[1];
  const d = Math.hypot(dx, dy);
  if (!(length > 0) || !Number.isFinite(length) || d === 0) return null;
  return [from[0] + (dx / d) * length, from[1] + (dy / d) * length];
}

/** A grid step for the zoom: the smallest of 5 cm, 10 cm, 25 cm, 50 cm, 1 m... at least
 * `minPx` pixels apart. @param {number} pxPerM @param {number} [minPx] */
export function gridStep(pxPerM, minPx = 12) {
  for (const s of [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100]) if (s * pxPerM >= minPx) return s;
  return 100;
}
