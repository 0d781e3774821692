// @ts-check
/**
 * Polygons with holes as the core hands them over (docs/wasm-api.md, `FlatShapes`): flat
 * typed arrays, already copied out of wasm memory by the getters, so they stay valid
 * after the wasm object is freed and across memory growth.
 */

/**
 * @typedef {{coords: Float64Array, ringOffsets: Uint32Array, polygonOffsets: Uint32Array}} Shapes
 * `coords` holds x, y pairs; `ringOffsets` the point index where each ring starts (plus a
 * final end); `polygonOffsets` the ring index where each polygon starts (plus a final end).
 */

/**
 * The arrays of a core `FlatShapes`, which is then freed (each getter returns a fresh copy).
 * @param {{coords: Float64Array, ringOffsets: Uint32Array, polygonOffsets: Uint32Array, free(): void}} fs
 * @returns {Shapes}
 */
export function takeShapes(fs) {
  try {
    return { coords: fs.coords, ringOffsets: fs.ringOffsets, polygonOffsets: fs.polygonOffsets };
  } finally {
    fs.free();
  }
}

/** The number of polygons that have at least one ring. @param {Shapes} sh */
export function nonEmptyPolygons(sh) {
  let n = 0;
  for (let p = 0; p + 1 < sh.polygonOffsets.length; p++) if (sh.polygonOffsets[p + 1] > sh.polygonOffsets[p]) n++;
  return n;
}

/** The same arrays, value for value. @param {Shapes} a @param {Shapes} b */
export function sameShapes(a, b) {
  const eq = (/** @type {ArrayLike<number>} */ x, /** @type {ArrayLike<number>} */ y) => {
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
    return true;
  };
  return eq(a.coords, b.coords) && eq(a.ringOffsets, b.ringOffsets) && eq(a.polygonOffsets, b.polygonOffsets);
}

/**
 * `full` with polygons [p, p + n) replaced by polygons [q, q + n) of `part`. Throws when
 * either range is out of bounds (a patch that does not fit is a bug, never a silent no-op).
 * @param {Shapes} full @param {number} p @param {Shapes} part @param {number} q @param {number} n @returns {Shapes}
 */
export function replacePolygons(full, p, part, q, n) {
  const P = full.polygonOffsets, R = full.ringOffsets;
  if (p + n >= P.length || q + n >= part.polygonOffsets.length) {
    throw new Error(`replacePolygons: polygons ${p}..${p + n} of ${P.length - 1} or ${q}..${q + n} of ${part.polygonOffsets.length - 1} do not exist`);
  }
  const ra = P[p], rb = P[p + n];
  const ca = R[ra], cb = R[rb];
  const pr0 = part.polygonOffsets[q], pr1 = part.polygonOffsets[q + n];
  const pc0 = part.ringOffsets[pr0], pc1 = part.ringOffsets[pr1];
  const dRings = (pr1 - pr0) - (rb - ra), dPts = (pc1 - pc0) - (cb - ca);
  const coords = new Float64Array(full.coords.length + 2 * dPts);
  coords.set(full.coords.subarray(0, 2 * ca), 0);
  coords.set(part.coords.subarray(2 * pc0, 2 * pc1), 2 * ca);
  coords.set(full.coords.subarray(2 * cb), 2 * ca + 2 * (pc1 - pc0));
  const ringOffsets = new Uint32Array(R.length + dRings);
  ringOffsets.set(R.subarray(0, ra), 0);
  for (let k = pr0; k < pr1; k++) ringOffsets[ra + k - pr0] = ca + part.ringOffsets[k] - pc0;
  for (let k = rb; k < R.length; k++) ringOffsets[k + dRings] = R[k] + dPts;
  const polygonOffsets = P.slice();
  for (let k = 1; k <= n; k++) polygonOffsets[p + k] = ra + part.polygonOffsets[q + k] - pr0;
  for (let k = p + n + 1; k < P.length; k++) polygonOffsets[k] = P[k] + dRings;
  return { coords, ringOffsets, polygonOffsets };
}

/**
 * `full` with several runs of `n` polygons replaced at once (one copy of the arrays, not
 * one per run): each patch puts polygons [q, q + n) of `part` in place of [p, p + n).
 * Throws when a run is out of bounds or the runs overlap (a patch that does not fit is a
 * bug, never a silent no-op).
 * @param {Shapes} full @param {{p: number, part: Shapes, q: number}[]} patches @param {number} n @returns {Shapes}
 */
export function replacePolygonRuns(full, patches, n) {
  const P = full.polygonOffsets, R = full.ringOffsets;
  const runs = patches.slice().sort((a, b) => a.p - b.p);
  for (let k = 0; k < runs.length; k++) {
    const { p, part, q } = runs[k];
    if (p + n >= P.length || q + n >= part.polygonOffsets.length || (k > 0 && runs[k - 1].p + n > p)) {
      throw new Error(`replacePolygonRuns: polygons ${p}..${p + n} of ${P.length - 1} or ${q}..${q + n} of ${part.polygonOffsets.length - 1} do not fit`);
    }
  }
  // Sizes first.
  let pts = full.coords.length / 2, rings = R.length;
  for (const { p, part, q } of runs) {
    const pr0 = part.polygonOffsets[q], pr1 = part.polygonOffsets[q + n];
    rings += (pr1 - pr0) - (P[p + n] - P[p]);
    pts += (part.ringOffsets[pr1] - part.ringOffsets[pr0]) - (R[P[p + n]] - R[P[p]]);
  }
  const coords = new Float64Array(2 * pts);
  const ringOffsets = new Uint32Array(rings);
  const polygonOffsets = new Uint32Array(P.length);
  let op = 0, or = 0, oc = 0; // next polygon, ring and point written
  /** Copies polygons [a, b) of `src`. @param {Shapes} src @param {number} a @param {number} b */
  const copy = (src, a, b) => {
    const SP = src.polygonOffsets, SR = src.ringOffsets;
    const r0 = SP[a], r1 = SP[b], c0 = SR[r0], c1 = SR[r1];
    coords.set(src.coords.subarray(2 * c0, 2 * c1), 2 * oc);
    for (let k = r0; k < r1; k++) ringOffsets[or + k - r0] = oc + SR[k] - c0;
    for (let k = a; k < b; k++) polygonOffsets[op + k - a] = or + SP[k] - r0;
    op += b - a;
    or += r1 - r0;
    oc += c1 - c0;
  };
  let at = 0;
  for (const { p, part, q } of runs) {
    copy(full, at, p);
    copy(part, q, q + n);
    at = p + n;
  }
  copy(full, at, P.length - 1);
  polygonOffsets[op] = or;
  ringOffsets[or] = oc;
  return { coords, ringOffsets, polygonOffsets };
}
