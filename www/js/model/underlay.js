// @ts-check
/**
 * The underlay: a scanned plan drawn under the plan to trace over (docs/scenario-format.md,
 * "Underlay"). Pure data and pure edits: where an image unit lies on the plan, and the
 * placement after a move, a turn or a calibration. No DOM; the image's bytes live in
 * IndexedDB (underlay/storage.js), keyed by `image.sha256`.
 *
 * An image unit is a pixel of a PNG or JPEG, a point (1/72 in) of a PDF page; u runs right
 * and v down from the image's top-left corner, which lies at `position`. The plan point of
 * (u, v) is position + scale · (u cos θ + v sin θ, u sin θ − v cos θ), θ = rotation_deg.
 */

/**
 * @typedef {{name: string, type: 'image/png'|'image/jpeg'|'application/pdf', bytes: number, sha256: string,
 *   width: number, height: number}} UnderlayImage
 * @typedef {{image: UnderlayImage, position: [number, number], rotation_deg?: number, scale: number,
 *   opacity?: number, locked?: boolean}} Underlay
 * @typedef {import('./scenario.js').Scenario} Scenario
 */

/** The types the page draws, and what they are called on screen. */
export const UNDERLAY_TYPES = /** @type {Record<UnderlayImage['type'], string>} */ ({
  'image/png': 'PNG', 'image/jpeg': 'JPEG', 'application/pdf': 'PDF',
});

/** The opacity a new underlay gets: the plan's lines stay readable over a dark scan. */
export const NEW_OPACITY = 0.6;

/** @param {Underlay} u */
const theta = (u) => ((u.rotation_deg ?? 0) * Math.PI) / 180;

/**
 * The canvas matrix (a, b, c, d, e, f) from image units to plan metres, for
 * `ctx.transform` after the view's plan-to-device matrix.
 * @param {Underlay} u @returns {[number, number, number, number, number, number]}
 */
export function imageMatrix(u) {
  const t = theta(u), s = u.scale;
  const c = Math.cos(t) * s, n = Math.sin(t) * s;
  return [c, n, n, -c, u.position[0], u.position[1]];
}

/**
 * The limits the core's reader puts on a placement (src/scenario/read/underlay.rs, which
 * refuses a file beyond them): the page checks an edit against them before it is made, so
 * that the autosave and a saved file always open again.
 */
export const PLACEMENT_LIMITS = { maxCoordinateM: 1_000_000, maxScale: 1_000_000 };

/**
 * Why a placement would be refused when the file is read again, or null when it is fine.
 * @param {Underlay} u @returns {string|null}
 */
export function placementProblem(u) {
  const { maxCoordinateM: c, maxScale } = PLACEMENT_LIMITS;
  if (!(u.scale > 0) || u.scale > maxScale) {
    return `That scale (${u.scale} m per image unit) is beyond what a plan file holds (above 0, at most ${maxScale}): ` +
      'check the distance typed and that A and B are apart on the image.';
  }
  const [x, y] = u.position;
  if (!(Math.abs(x) <= c && Math.abs(y) <= c)) return `That would put the underlay's corner at (${x}, ${y}), beyond ±${c} m.`;
  return null;
}

/** The plan point of image point (iu, iv). @param {Underlay} u @param {number} iu @param {number} iv @returns {[number, number]} */
export function toPlan(u, iu, iv) {
  const [a, b, c, d, e, f] = imageMatrix(u);
  return [a * iu + c * iv + e, b * iu + d * iv + f];
}

/** The image point of plan point (x, y). @param {Underlay} u @param {number} x @param {number} y @returns {[number, number]} */
export function toImage(u, x, y) {
  const t = theta(u), s = u.scale;
  const dx = x - u.position[0], dy = y - u.position[1];
  const c = Math.cos(t), n = Math.sin(t);
  return [(dx * c + dy * n) / s, (dx * n - dy * c) / s];
}

/** The image's corners on the plan: top-left, top-right, bottom-right, bottom-left. @param {Underlay} u @returns {[number, number][]} */
export function corners(u) {
  const { width: w, height: h } = u.image;
  return [toPlan(u, 0, 0), toPlan(u, w, 0), toPlan(u, w, h), toPlan(u, 0, h)];
}

/** The plan point at the image's centre. @param {Underlay} u */
export function centre(u) {
  return toPlan(u, u.image.width / 2, u.image.height / 2);
}

/** Whether plan point (x, y) lies on the image. @param {Underlay} u @param {number} x @param {number} y */
export function contains(u, x, y) {
  const [iu, iv] = toImage(u, x, y);
  return iu >= 0 && iv >= 0 && iu <= u.image.width && iv <= u.image.height;
}

/** The scenario with this underlay (or none). @param {Scenario} s @param {Underlay|undefined} u @returns {Scenario} */
export function withUnderlay(s, u) {
  if (u) return { ...s, underlay: u };
  const { underlay: _drop, ...rest } = s;
  return rest;
}

/**
 * A new underlay for `image`, centred on plan point `at` and `span` metres across its
 * longer side (the page passes most of the view, so the whole scan is in sight for
 * calibration), unrotated.
 * @param {UnderlayImage} image @param {[number, number]} at @param {number} span @returns {Underlay}
 */
export function placeNew(image, at, span) {
  const scale = span / Math.max(image.width, image.height);
  return {
    image, scale, rotation_deg: 0, opacity: NEW_OPACITY, locked: false,
    position: [at[0] - (image.width / 2) * scale, at[1] + (image.height / 2) * scale],
  };
}

/**
 * The same placement for another file (Replace, or the image loaded again): the new image
 * keeps the old one's scale per unit when its size is the same, else spans the same width.
 * @param {Underlay} u @param {UnderlayImage} image @returns {Underlay}
 */
export function withImage(u, image) {
  const same = image.width === u.image.width && image.height === u.image.height;
  return { ...u, image, scale: same ? u.scale : (u.scale * u.image.width) / image.width };
}

/** Moved by (dx, dy) metres. @param {Underlay} u @param {number} dx @param {number} dy @returns {Underlay} */
export function moved(u, dx, dy) {
  return { ...u, position: [u.position[0] + dx, u.position[1] + dy] };
}

/**
 * Turned to `deg` (counter-clockwise from +x) about its centre, which stays where it is.
 * @param {Underlay} u @param {number} deg @returns {Underlay}
 */
export function rotatedTo(u, deg) {
  const [cx, cy] = centre(u);
  const d = ((deg % 360) + 540) % 360 - 180;
  const turned = { ...u, rotation_deg: d };
  const [nx, ny] = centre(turned);
  return moved(turned, cx - nx, cy - ny);
}

/**
 * Calibrated: image points `a` and `b` are `metres` apart. The scale follows, and the
 * plan point under `a` stays where it is (what the user clicked first does not jump).
 * Returns null when the points coincide or the distance is not a positive number.
 * @param {Underlay} u @param {[number, number]} a @param {[number, number]} b @param {number} metres @returns {Underlay|null}
 */
export function calibrated(u, a, b, metres) {
  const units = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (!(units > 0) || !(metres > 0) || !Number.isFinite(metres)) return null;
  const at = toPlan(u, a[0], a[1]);
  const scaled = { ...u, scale: metres / units };
  const [nx, ny] = toPlan(scaled, a[0], a[1]);
  return moved(scaled, at[0] - nx, at[1] - ny);
}

/** The distance in metres between image points a and b at the underlay's scale. @param {Underlay} u
 * @param {[number, number]} a @param {[number, number]} b */
export function distanceM(u, a, b) {
  return Math.hypot(b[0] - a[0], b[1] - a[1]) * u.scale;
}
