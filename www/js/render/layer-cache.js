// @ts-check
/**
 * One cache for every layer the renderer keeps in an offscreen canvas. A layer declares
 * `keyOf(frame)`: the parts of the frame it depends on, as a list compared item by item
 * with `===` (frame parts are replaced, never mutated, so identity says "unchanged"). When
 * the key is the same, the canvas is reused; otherwise `draw` repaints it. A layer may also
 * declare `stableOf(frame)`: when that key is unchanged although `keyOf`'s is not, `draw`
 * is told so (`partial`), and may repaint only what the active camera can have touched.
 * No layer keeps a validity rule of its own.
 */

/** @typedef {import('../view/frame.js').Frame} Frame */

/** @param {readonly unknown[]|null} a @param {readonly unknown[]} b */
export function sameKey(a, b) {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The frame's size in device pixels and its view transform: every layer drawn in screen
 * space depends on them. @param {Frame} f @returns {unknown[]}
 */
export function screenKey(f) {
  const v = f.view;
  return [Math.round(v.width * v.dpr), Math.round(v.height * v.dpr), v.dpr, v.scale, v.tx, v.ty];
}

/**
 * @template M memory a layer keeps between draws (e.g. the last active view's box)
 * @typedef {{partial: boolean, memo: M|null, W: number, H: number}} DrawInfo
 */

/** @template [M=null] */
export class LayerCache {
  /**
   * @param {(f: Frame) => unknown[]} keyOf
   * @param {(ctx: CanvasRenderingContext2D, f: Frame, info: DrawInfo<M>) => M|null|void} draw
   *   paints the layer (it is cleared first unless `partial`); what it returns is handed to the next draw
   * @param {(f: Frame) => unknown[]|null} [stableOf] null: no partial draw for this frame
   */
  constructor(keyOf, draw, stableOf) {
    this.keyOf = keyOf;
    this.draw = draw;
    this.stableOf = stableOf;
    /** @type {HTMLCanvasElement|null} the canvas drawn (null until the first draw) */
    this.canvas = null;
    /**
     * The canvas to draw into, when the layer is shown as its own element (the renderer's
     * stack); null: an offscreen canvas of its own.
     * @type {HTMLCanvasElement|null}
     */
    this.element = null;
    /** @type {unknown[]|null} */
    this.key = null;
    /** @type {unknown[]|null} */
    this.stable = null;
    /** @type {M|null} */
    this.memo = null;
    /** Draws done (tests and benchmarks read it). */
    this.draws = 0;
    /** How long the last draw took (ms) and whether it was partial (benchmarks read them). */
    this.lastMs = 0;
    this.lastPartial = false;
  }

  /** The layer for this frame, repainted only if its key changed. @param {Frame} f */
  get(f) {
    const W = Math.round(f.view.width * f.view.dpr), H = Math.round(f.view.height * f.view.dpr);
    const key = this.keyOf(f);
    const cv = this.canvas ?? this.element ?? document.createElement('canvas');
    const resized = cv.width !== W || cv.height !== H;
    if (!resized && this.canvas && sameKey(this.key, key)) return cv;
    if (resized) {
      cv.width = W;
      cv.height = H;
    }
    const stable = this.stableOf ? this.stableOf(f) : null;
    const partial = !resized && this.canvas !== null && stable !== null && sameKey(this.stable, stable);
    const ctx = /** @type {CanvasRenderingContext2D} */ (cv.getContext('2d'));
    const t0 = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (!partial) ctx.clearRect(0, 0, W, H);
    const memo = this.draw(ctx, f, { partial, memo: this.memo, W, H });
    this.lastMs = performance.now() - t0;
    this.lastPartial = partial;
    this.memo = memo ?? null;
    this.canvas = cv;
    this.key = key;
    this.stable = stable;
    this.draws++;
    return cv;
  }
}

/**
 * Every camera but the active one, for a key: a camera's view, bands and icon depend only
 * on the camera, its model and the settings (and the walls), so layers holding the other
 * cameras stay valid while those keep their identity. @param {Frame} f @returns {unknown[]}
 */
export function otherCameras(f) {
  const cams = f.doc.cameras;
  const out = new Array(cams.length + 1);
  out[0] = cams.length;
  for (let i = 0; i < cams.length; i++) out[i + 1] = i === f.ui.active ? null : cams[i];
  return out;
}
