// @ts-check
/**
 * The page's UI state, as named slices: the viewport, the selection, what the pointer is
 * over, what a list highlights, the layers shown, the add bar's choices and the places
 * marked for the optimiser. Each slice is replaced, never mutated (the renderer compares
 * identities), through a setter that asks for a frame. Tools keep their own gesture
 * state; the document lives in the store (model/history.js).
 */

/** @typedef {import('../view/transform.js').View} View */
/** @typedef {import('../view/frame.js').Show} Show */

export class UiState {
  /** @param {() => void} changed asks for a frame */
  constructor(changed) {
    this.changed = changed;
    /** The view transform and the canvas size (CSS px); `moving` while a pan or zoom is under way. */
    this.viewport = { view: /** @type {View} */ ({ scale: 10, tx: 0, ty: 0 }), width: 0, height: 0, moving: false };
    /** @type {{cameraId: string|null}} */
    this.selection = { cameraId: null };
    /** What the pointer is over. @type {{camera: number, zone: string|null, blind: number}} */
    this.hover = { camera: -1, zone: null, blind: -1 };
    /** What a list highlights or the view was zoomed to. @type {{blind: number, zone: string|null}} */
    this.focus = { blind: -1, zone: null };
    /** @type {Show} */
    this.show = { views: true, blind: true, multi: false, labels: true, bands: true, dead: true, shortfall: true, seenby: false };
    /** The add bar: the model for the next camera (null: as the selected camera; '': no model) and its height. */
    this.add = { model: /** @type {string|null} */ (null), height: 3.5 };
    /** Places marked for the optimiser, and the plan they belong to (a new plan clears them). */
    this.marks = { points: /** @type {[number, number][]} */ ([]), plan: /** @type {unknown} */ (null) };
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.viewTimer = null;
  }

  /** A view set at once (fit, zoom to a box): frames draw it in full. @param {View} view */
  setView(view) {
    this.viewport = { ...this.viewport, view };
    this.changed();
  }

  /** A view change from a pan, pinch or wheel: frames reproject the last one until the view rests. @param {View} view */
  moveView(view) {
    this.viewport = { ...this.viewport, view, moving: true };
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => {
      this.viewTimer = null;
      this.viewport = { ...this.viewport, moving: false };
      this.changed();
    }, 140);
    this.changed();
  }

  /** @param {number} width @param {number} height CSS px */
  setSize(width, height) {
    this.viewport = { ...this.viewport, width, height };
    this.changed();
  }

  /** @param {string|null} cameraId */
  select(cameraId) {
    if (cameraId === this.selection.cameraId) return;
    this.selection = { cameraId };
    this.changed();
  }

  /** @param {Partial<UiState['hover']>} patch */
  setHover(patch) {
    this.hover = { ...this.hover, ...patch };
    this.changed();
  }

  /** @param {Partial<UiState['focus']>} patch */
  setFocus(patch) {
    this.focus = { ...this.focus, ...patch };
    this.changed();
  }

  /** @param {keyof Show} layer @param {boolean} on */
  setShow(layer, on) {
    this.show = { ...this.show, [layer]: on };
    this.changed();
  }

  /** @param {Partial<UiState['add']>} patch */
  setAdd(patch) {
    this.add = { ...this.add, ...patch };
    this.changed();
  }

  /** @param {[number, number][]} points @param {unknown} plan */
  setMarks(points, plan) {
    this.marks = { points, plan };
    this.changed();
  }

  /** Forgets what belonged to the plan shown before (a file opened). */
  resetForNewPlan() {
    this.selection = { cameraId: null };
    this.focus = { blind: -1, zone: null };
    this.add = { ...this.add, model: null };
    this.changed();
  }
}
