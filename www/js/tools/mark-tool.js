// @ts-check
/**
 * The mark tool: places where the optimiser may put a camera (Budget options, "Mark
 * places on the plan…"). A click marks a place, a click on a mark removes it, Enter marks
 * the middle of the view, Escape (or Done) ends and reopens the dialog. The marks belong
 * to the plan: the app keeps them (ui.marks) and forgets them when the plan changes.
 */

import { toWorld } from '../view/transform.js';
import { selectionOverlays } from './camera-tool.js';
import { roundTo } from '../model/scenario.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */

/**
 * @typedef {{
 *   frame: () => Frame|null,
 *   selected: () => number,
 *   marks: () => [number, number][],
 *   setMarks: (points: [number, number][]) => void,
 *   done: () => void,
 *   cameraKeys: (e: KeyboardEvent) => boolean,
 * }} MarkContext
 * `cameraKeys` are the camera tool's keys, which go on working on the selected camera.
 */

/** How close (CSS px) a click must be to a mark to remove it. */
const MARK_REACH = 12;

/**
 * The marks after a click at plan point (x, y): the mark within `reach` metres goes,
 * else a new one is added (rounded to the centimetre).
 * @param {[number, number][]} marks @param {number} x @param {number} y @param {number} reach
 * @returns {[number, number][]}
 */
export function toggledMarks(marks, x, y, reach) {
  const k = marks.findIndex((m) => Math.hypot(m[0] - x, m[1] - y) <= reach);
  if (k >= 0) return marks.filter((_, j) => j !== k);
  return [...marks, [roundTo(x, 2), roundTo(y, 2)]];
}

/** The places marked, as an overlay. @param {[number, number][]} points @returns {import('../view/frame.js').Overlay[]} */
export function marksOverlay(points) {
  return points.length ? [{ kind: 'marks', points }] : [];
}

/** @implements {Tool} */
export class MarkTool {
  /** @param {MarkContext} ctx */
  constructor(ctx) {
    this.id = 'marks';
    this.ctx = ctx;
  }

  activate() {}

  deactivate() {}

  hitTest() {
    return null;
  }

  /** @param {ScreenPoint} p */
  down(p) {
    this.markAt(p);
    return true;
  }

  /** @param {ScreenPoint} p */
  markAt(p) {
    const f = this.ctx.frame();
    if (!f) return;
    const [x, y] = toWorld(f.view, p[0], p[1]);
    this.ctx.setMarks(toggledMarks(this.ctx.marks(), x, y, MARK_REACH / f.view.scale));
  }

  move() {}

  up() {}

  hover() {}

  leave() {}

  tap() {}

  cursor() {
    return 'crosshair';
  }

  /** @param {Frame} f */
  overlays(f) {
    return [...selectionOverlays(this.ctx.selected(), f), ...marksOverlay(this.ctx.marks())];
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
      if (f) this.markAt([f.view.width / 2, f.view.height / 2]);
      return true;
    }
    return this.ctx.cameraKeys(e);
  }
}
