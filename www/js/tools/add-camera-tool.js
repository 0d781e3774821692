// @ts-check
/**
 * The add-camera tool (+ Camera, or N): a ghost follows the pointer; a click places a
 * camera there (Shift+click places several), Enter places one in the middle of the view,
 * Escape goes back to the camera tool. What the camera gets (model, height, defaults) is
 * the app's (model/optics.js `newCamera`). The selected camera keeps its handles and keys.
 */

import { toWorld } from '../view/transform.js';
import { selectionOverlays } from './camera-tool.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */

/**
 * @typedef {{
 *   frame: () => Frame|null,
 *   selected: () => number,
 *   addCameraAt: (x: number, y: number) => void,
 *   done: () => void,
 *   cameraKeys: (e: KeyboardEvent) => boolean,
 *   requestFrame: () => void,
 * }} AddCameraContext
 * `done` goes back to the camera tool; `cameraKeys` are the camera tool's keys, which go
 * on working on the selected camera.
 */

/** @implements {Tool} */
export class AddCameraTool {
  /** @param {AddCameraContext} ctx */
  constructor(ctx) {
    this.id = 'add-camera';
    this.ctx = ctx;
    /** Where the next camera would go (plan metres), under the pointer. @type {[number, number]|null} */
    this.ghost = null;
  }

  activate() {}

  deactivate() {
    this.ghost = null;
  }

  hitTest() {
    return null;
  }

  /** @param {ScreenPoint} p @param {unknown} _hit @param {PointerEvent} e */
  down(p, _hit, e) {
    const f = this.ctx.frame();
    if (!f) return true;
    const [wx, wy] = toWorld(f.view, p[0], p[1]);
    this.ctx.addCameraAt(wx, wy);
    if (!e.shiftKey) this.ctx.done();
    return true;
  }

  move() {}

  up() {}

  /** @param {ScreenPoint} p */
  hover(p) {
    const f = this.ctx.frame();
    this.ghost = f ? toWorld(f.view, p[0], p[1]) : null;
    this.ctx.requestFrame();
  }

  leave() {
    this.ghost = null;
    this.ctx.requestFrame();
  }

  tap() {}

  cursor() {
    return 'crosshair';
  }

  /** @param {Frame} f */
  overlays(f) {
    const out = selectionOverlays(this.ctx.selected(), f);
    if (this.ghost) out.push({ kind: 'ghost', at: this.ghost });
    return out;
  }

  /** @param {KeyboardEvent} e */
  key(e) {
    if (e.key === 'Escape') {
      this.ctx.done();
      return true;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      const f = this.ctx.frame();
      if (f) {
        const [wx, wy] = toWorld(f.view, f.view.width / 2, f.view.height / 2);
        this.ctx.addCameraAt(wx, wy);
      }
      this.ctx.done();
      return true;
    }
    return this.ctx.cameraKeys(e);
  }
}
