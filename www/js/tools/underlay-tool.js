// @ts-check
/**
 * The underlay tool (docs/web-app.md, "Tracing over a scanned plan"): two modes.
 * - `move`: drag the image to move it, drag the round knob above its top edge to turn it
 *   about its centre (0.1° steps; Shift: 15°). Each drag is one undo step. Dragging off the
 *   image pans, as everywhere.
 * - `calibrate`: click two points on the image a known distance apart (A, then B); the
 *   page then asks for the distance (underlay/underlay-ui.js) and `calibrate(metres)`
 *   sets the scale, keeping A where it is. Clicks follow the view (pan and zoom freely
 *   between them).
 * A locked underlay refuses both. Esc steps back: the last point, then the mode. In `move`,
 * the arrow keys nudge it 0.1 m (Shift 1 m, Alt 0.01 m) and [ ] turn it 1° (Shift 15°,
 * Alt 0.1°); nudges within a second are one undo step.
 */

import { toWorld, toScreen } from '../view/transform.js';
import { toImage, toPlan, contains, corners, centre, moved, rotatedTo, calibrated, distanceM, withUnderlay, placementProblem } from '../model/underlay.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').Hit} Hit */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/underlay.js').Underlay} Underlay */

/** Screen distance of the turning knob above the image's top edge (CSS px). */
const KNOB_PX = 30;
/** How near the knob a press takes it (CSS px; a finger gets more). */
const KNOB_REACH = 11;

/**
 * @typedef {{
 *   frame: () => Frame|null, scenario: () => Scenario,
 *   beginGesture: () => void, preview: (next: Scenario) => boolean, endGesture: (label: string) => void,
 *   commit: (next: Scenario, label: string, opts?: {coalesce?: string}) => boolean,
 *   requestFrame: () => void, changed: () => void, done: () => void, refused: (text: string) => void,
 * }} UnderlayToolContext
 * `changed` refreshes the bar (points chosen, mode); `done` leaves the tool; `refused` says
 * why an action cannot be done (a locked underlay).
 */

/** @implements {Tool} */
export class UnderlayTool {
  /** @param {UnderlayToolContext} ctx */
  constructor(ctx) {
    this.id = 'underlay';
    this.ctx = ctx;
    /** @type {'move'|'calibrate'} */
    this.mode = 'move';
    /** Calibration points, in image units. @type {[number, number][]} */
    this.points = [];
    /** The pointer on the plan (calibration's rubber band). @type {[number, number]|null} */
    this.pointer = null;
    /** @type {null | {kind: 'move'|'knob', start: [number, number], base: Underlay, moved: boolean}} */
    this.drag = null;
    this.hot = '';
  }

  /** @returns {Underlay|undefined} */
  underlay() {
    return this.ctx.scenario().underlay;
  }

  /** Starts a mode (the page's buttons). @param {'move'|'calibrate'} mode */
  start(mode) {
    this.mode = mode;
    this.points = [];
    this.pointer = null;
    this.ctx.changed();
    this.ctx.requestFrame();
  }

  activate() {
    this.points = [];
    this.drag = null;
  }

  deactivate() {
    this.points = [];
    this.pointer = null;
    this.drag = null;
    this.hot = '';
  }

  /** The knob's stem (middle of the top edge) and its centre, on the plan. @param {Underlay} u @param {Frame} f */
  knob(u, f) {
    const stem = toPlan(u, u.image.width / 2, 0);
    const up = toPlan(u, u.image.width / 2, -1);
    const len = Math.hypot(up[0] - stem[0], up[1] - stem[1]);
    const k = KNOB_PX / f.view.scale / len;
    /** @type {[number, number]} */
    const at = [stem[0] + (up[0] - stem[0]) * k, stem[1] + (up[1] - stem[1]) * k];
    return { stem, at };
  }

  /** @param {ScreenPoint} p @param {Frame} f @param {string} pointerType @returns {Hit|null} */
  hitTest(p, f, pointerType) {
    const u = this.underlay();
    if (!u || this.mode !== 'move' || u.locked) return null;
    const k = toScreen(f.view, ...this.knob(u, f).at);
    if (Math.hypot(p[0] - k[0], p[1] - k[1]) <= KNOB_REACH * (pointerType === 'touch' ? 2 : 1)) return { kind: 'knob' };
    const [x, y] = toWorld(f.view, p[0], p[1]);
    return contains(u, x, y) ? { kind: 'image' } : null;
  }

  /** @param {ScreenPoint} p @param {Hit|null} hit */
  down(p, hit) {
    const f = this.ctx.frame();
    const u = this.underlay();
    if (!f || !u || !hit || this.mode !== 'move') return false;
    this.drag = { kind: hit.kind === 'knob' ? 'knob' : 'move', start: toWorld(f.view, p[0], p[1]), base: u, moved: false };
    this.ctx.beginGesture();
    return true;
  }

  /** @param {ScreenPoint} p @param {PointerEvent} e */
  move(p, e) {
    const f = this.ctx.frame();
    const d = this.drag;
    if (!f || !d) return;
    const [x, y] = toWorld(f.view, p[0], p[1]);
    let next;
    if (d.kind === 'move') {
      next = moved(d.base, x - d.start[0], y - d.start[1]);
    } else {
      const [cx, cy] = centre(d.base);
      const turn = (Math.atan2(y - cy, x - cx) - Math.atan2(d.start[1] - cy, d.start[0] - cx)) * 180 / Math.PI;
      const raw = (d.base.rotation_deg ?? 0) + turn;
      const step = e.shiftKey ? 15 : 0.1;
      next = rotatedTo(d.base, Math.round(raw / step) * step);
    }
    // Beyond what a file holds: the underlay stays at the last good place.
    if (placementProblem(next)) return;
    d.moved = true;
    this.ctx.preview(withUnderlay(this.ctx.scenario(), next));
  }

  /** @param {ScreenPoint} _p @param {PointerEvent} _e @param {boolean} _cancelled */
  up(_p, _e, _cancelled) {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    this.ctx.endGesture(d.kind === 'move' ? 'Move underlay' : 'Turn underlay');
  }

  /** @param {ScreenPoint} p @param {Hit|null} hit */
  hover(p, hit) {
    const f = this.ctx.frame();
    if (!f) return;
    this.pointer = toWorld(f.view, p[0], p[1]);
    const hot = hit?.kind ?? '';
    if (hot !== this.hot || this.mode === 'calibrate') {
      this.hot = hot;
      this.ctx.requestFrame();
    }
  }

  leave() {
    this.pointer = null;
    this.hot = '';
    this.ctx.requestFrame();
  }

  /** A click: the next calibration point. @param {ScreenPoint} p */
  tap(p) {
    const f = this.ctx.frame();
    const u = this.underlay();
    if (!f || !u || this.mode !== 'calibrate') return;
    if (u.locked) {
      this.ctx.refused('The underlay is locked: unlock it in the Underlay card to calibrate it.');
      return;
    }
    if (this.points.length >= 2) this.points = [];
    const [x, y] = toWorld(f.view, p[0], p[1]);
    this.points.push(toImage(u, x, y));
    this.ctx.changed();
    this.ctx.requestFrame();
  }

  /** The distance between A and B at the current scale (metres), or null before B. */
  measured() {
    const u = this.underlay();
    return u && this.points.length === 2 ? distanceM(u, this.points[0], this.points[1]) : null;
  }

  /**
   * Sets the scale so that A to B is `metres`; one undo step. Returns the refusal's reason,
   * or null when done.
   * @param {number} metres @returns {string|null}
   */
  calibrate(metres) {
    const u = this.underlay();
    if (!u) return 'There is no underlay to calibrate.';
    if (u.locked) return 'The underlay is locked: unlock it to calibrate it.';
    if (this.points.length !== 2) return 'Click two points on the image first.';
    if (!(metres > 0) || !Number.isFinite(metres)) return 'Type the real distance from A to B in metres, a number above 0.';
    const next = calibrated(u, this.points[0], this.points[1], metres);
    if (!next) return 'A and B are the same point: click two points apart.';
    const why = placementProblem(next);
    if (why) return why;
    if (!this.ctx.commit(withUnderlay(this.ctx.scenario(), next), 'Calibrate underlay')) return 'The calibration was not applied.';
    this.points = [];
    this.ctx.done();
    return null;
  }

  /** @param {KeyboardEvent} e */
  key(e) {
    const u = this.underlay();
    const arrows = /** @type {Record<string, [number, number]>} */ ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] });
    if (this.mode === 'move' && u && !u.locked && (e.key in arrows || e.key === '[' || e.key === ']')) {
      let next;
      if (e.key in arrows) {
        const step = e.shiftKey ? 1 : e.altKey ? 0.01 : 0.1;
        const [dx, dy] = arrows[e.key];
        next = moved(u, dx * step, dy * step);
      } else {
        const step = e.shiftKey ? 15 : e.altKey ? 0.1 : 1;
        next = rotatedTo(u, (u.rotation_deg ?? 0) + (e.key === '[' ? step : -step));
      }
      e.preventDefault();
      if (!placementProblem(next)) this.ctx.commit(withUnderlay(this.ctx.scenario(), next), 'Nudge underlay', { coalesce: 'underlay-nudge' });
      return true;
    }
    if (e.key !== 'Escape') return false;
    if (this.mode === 'calibrate' && this.points.length) {
      this.points.pop();
      this.ctx.changed();
      this.ctx.requestFrame();
    } else {
      this.ctx.done();
    }
    return true;
  }

  /** @param {Frame} f @returns {Overlay[]} */
  overlays(f) {
    const u = f.doc.underlay;
    if (!u) return [];
    const points = this.points.map(([a, b]) => toPlan(u, a, b));
    const m = this.measured();
    let label = '';
    if (this.mode === 'calibrate' && points.length === 1 && this.pointer) {
      const live = distanceM(u, this.points[0], toImage(u, ...this.pointer));
      label = `${live.toFixed(2)} m at the current scale`;
    } else if (m !== null) {
      label = `${m.toFixed(2)} m at the current scale`;
    }
    return [{
      kind: 'underlay', outline: corners(u), knob: this.mode === 'move' ? this.knob(u, f) : null, locked: !!u.locked, hot: this.hot,
      points, pointer: this.mode === 'calibrate' ? this.pointer : null, label,
    }];
  }

  /** @param {Hit|null} hit @param {boolean} pressed */
  cursor(hit, pressed) {
    if (this.mode === 'calibrate') return 'crosshair';
    if (hit?.kind === 'knob') return pressed ? 'grabbing' : 'grab';
    if (hit?.kind === 'image') return 'move';
    return pressed ? 'grabbing' : 'default';
  }
}
