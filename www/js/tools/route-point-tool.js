// @ts-check
/**
 * The route-start tool (Route to an asset, "a point…"): one click on the plan picks where
 * an intruder starts; Escape cancels. Either way the camera tool comes back.
 */

import { toWorld } from '../view/transform.js';
import { roundTo } from '../model/scenario.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */

/** @implements {Tool} */
export class RoutePointTool {
  /** @param {{frame: () => Frame|null, picked: (at: [number, number]) => void, done: () => void}} ctx */
  constructor(ctx) {
    this.id = 'route-point';
    this.ctx = ctx;
  }

  activate() {}

  deactivate() {}

  hitTest() {
    return null;
  }

  /** @param {ScreenPoint} p */
  down(p) {
    const f = this.ctx.frame();
    if (!f) return true;
    const [x, y] = toWorld(f.view, p[0], p[1]);
    this.ctx.done();
    this.ctx.picked([roundTo(x, 2), roundTo(y, 2)]);
    return true;
  }

  move() {}

  up() {}

  hover() {}

  leave() {}

  tap() {}

  cursor() {
    return 'crosshair';
  }

  overlays() {
    return [];
  }

  /** @param {KeyboardEvent} e */
  key(e) {
    if (e.key === 'Escape') {
      this.ctx.done();
      return true;
    }
    return false;
  }
}
