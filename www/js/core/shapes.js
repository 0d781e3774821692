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
