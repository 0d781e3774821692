// @ts-check
/**
 * Walls at a level of detail: when a view is zoomed out over tens of thousands of wall
 * segments, each only a few pixels long, stroking them as paths costs seconds of the
 * canvas's raster (a 650,000-segment plan took 10 s), while what reaches the screen is a
 * few pixels per segment. Here each segment is stepped pixel by pixel in device space and
 * a square of the wall's width is stamped at each step into a label buffer (one label per
 * look: walls, doors, windows, ...; later looks over earlier ones), which becomes one
 * image. The cost is the segments' length on screen, not their number times the stroker.
 *
 * No anti-aliasing: used only where walls are at their thinnest (a few device pixels).
 * Pure: no DOM; the caller puts the pixels on a canvas.
 */

/** @typedef {[number, number][]} Path */
/** @typedef {{scale: number, tx: number, ty: number}} View */

/**
 * A `#rrggbb` colour as [r, g, b, 255]. @param {string} hex @returns {[number, number, number, number]}
 */
export function rgbaOf(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`wall-mask: colour ${JSON.stringify(hex)} is not #rrggbb`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/**
 * Clips the segment (x0, y0)-(x1, y1) to [lo, hiX] x [lo, hiY] (Liang–Barsky); null when
 * it misses. @param {number} x0 @param {number} y0 @param {number} x1 @param {number} y1
 * @param {number} lo @param {number} hiX @param {number} hiY @returns {[number, number, number, number]|null}
 */
export function clipSegment(x0, y0, x1, y1, lo, hiX, hiY) {
  const dx = x1 - x0, dy = y1 - y0;
  let t0 = 0, t1 = 1;
  const p = [-dx, dx, -dy, dy];
  const q = [x0 - lo, hiX - x0, y0 - lo, hiY - y0];
  for (let k = 0; k < 4; k++) {
    if (p[k] === 0) {
      if (q[k] < 0) return null;
    } else {
      const t = q[k] / p[k];
      if (p[k] < 0) {
        if (t > t1) return null;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return null;
        if (t < t1) t1 = t;
      }
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

/**
 * Stamps the walls into a label buffer of W x H device pixels: label g + 1 for the
 * paths of `groups[g]`, later groups over earlier ones. A point at device (X, Y) lies in
 * pixel (floor X, floor Y); each segment is stepped at most one pixel at a time and a
 * square of side 2r + 1 centred on each step's pixel is labelled.
 * @param {Path[][]} groups @param {View} v @param {number} dpr @param {number} W @param {number} H
 * @param {number} r half the stamp's side, in whole device pixels
 * @param {Uint8Array} [out] reused when it has W * H entries
 * @returns {{labels: Uint8Array, steps: number}}
 */
export function stampWalls(groups, v, dpr, W, H, r, out) {
  if (groups.length > 254) throw new Error(`wall-mask: ${groups.length} looks, at most 254`);
  const labels = out && out.length === W * H ? out : new Uint8Array(W * H);
  labels.fill(0);
  const s = v.scale * dpr, ox = v.tx * dpr, oy = v.ty * dpr;
  let steps = 0;
  for (let g = 0; g < groups.length; g++) {
    const label = g + 1;
    for (const path of groups[g]) {
      for (let k = 0; k + 1 < path.length; k++) {
        const c = clipSegment(path[k][0] * s + ox, oy - path[k][1] * s, path[k + 1][0] * s + ox, oy - path[k + 1][1] * s,
          -r - 1, W + r + 1, H + r + 1);
        if (!c) continue;
        const [X0, Y0, X1, Y1] = c;
        const n = Math.max(1, Math.ceil(Math.max(Math.abs(X1 - X0), Math.abs(Y1 - Y0))));
        steps += n + 1;
        for (let i = 0; i <= n; i++) {
          const t = i / n;
          const px = Math.floor(X0 + (X1 - X0) * t), py = Math.floor(Y0 + (Y1 - Y0) * t);
          const xa = Math.max(0, px - r), xb = Math.min(W - 1, px + r);
          const ya = Math.max(0, py - r), yb = Math.min(H - 1, py + r);
          for (let y = ya; y <= yb; y++) {
            const row = y * W;
            for (let x = xa; x <= xb; x++) labels[row + x] = label;
          }
        }
      }
    }
  }
  return { labels, steps };
}

/**
 * The label buffer as RGBA pixels: label 0 transparent, label g + 1 `colours[g]`.
 * @param {Uint8Array} labels @param {[number, number, number, number][]} colours @param {Uint8ClampedArray} rgba W * H * 4
 */
export function paintLabels(labels, colours, rgba) {
  if (rgba.length !== labels.length * 4) throw new Error('wall-mask: the pixel buffer does not match the labels');
  rgba.fill(0);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === 0) continue;
    const c = colours[l - 1];
    const o = 4 * i;
    rgba[o] = c[0];
    rgba[o + 1] = c[1];
    rgba[o + 2] = c[2];
    rgba[o + 3] = c[3];
  }
}
