// @ts-check
/**
 * The camera tool (the page's default mode): select a camera, drag it or its handles
 * (heading, field of view, range, tilt), and the camera keys. Hit tests use the same
 * handle positions the renderer draws (view/camera-handles.js). Every drag previews on
 * each frame and ends in one undo step.
 */

import { cameraHandles } from '../view/camera-handles.js';
import { toScreen, toWorld } from '../view/transform.js';
import { normDeg, roundTo } from '../model/scenario.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../model/optics.js').Optics} Optics */
/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */
/** @typedef {'move'|'heading'|'fovLeft'|'fovRight'|'range'|'tilt'} DragKind */
/** @typedef {{kind: 'camera', drag: DragKind, index: number, grab: [number, number]}} CameraHit */

/**
 * What the camera tool may do (the app's commands).
 * @typedef {{
 *   frame: () => Frame|null,
 *   scenario: () => Scenario,
 *   selected: () => number,
 *   select: (i: number, why?: string) => void,
 *   optics: (i: number) => Optics,
 *   beginGesture: () => void,
 *   preview: (next: Scenario) => boolean,
 *   endGesture: (label: string) => void,
 *   commitCamera: (i: number, patch: Partial<Camera>, label: string, coalesce?: string) => void,
 *   fovPatch: (cam: Camera, hfov: number) => Partial<Camera>,
 *   deleteSelected: () => void,
 *   hoverAt: (p: ScreenPoint) => void,
 *   hoverLeave: () => void,
 *   requestFrame: (work?: () => void) => void,
 *   toast: (text: string) => void,
 *   snap?: (cam: Camera, at: [number, number]) => Partial<Camera>,
 * }} CameraToolContext
 */

const LABELS = { move: 'Move camera', heading: 'Rotate camera', fovLeft: 'Change field of view', fovRight: 'Change field of view', range: 'Change range', tilt: 'Tilt camera' };

/** Degrees of tilt per CSS pixel of vertical drag on the tilt handle. */
const TILT_PER_PX = 0.25;

/** How far (CSS px) a pointer of each kind reaches. @param {string} pointerType */
function reachOf(pointerType) {
  return pointerType === 'touch' ? 22 : pointerType === 'pen' ? 14 : 11;
}

/**
 * What is under a screen point: a handle of the selected camera, a camera, or nothing.
 * @param {Frame} f @param {ScreenPoint} p @param {number} selected @param {string} pointerType
 * @returns {CameraHit|null}
 */
export function hitCamera(f, p, selected, pointerType) {
  const s = f.doc;
  const v = f.view;
  const [sx, sy] = p;
  const slop = reachOf(pointerType);
  if (selected >= 0 && selected < s.cameras.length && f.core.optics[selected]) {
    const h = cameraHandles(v, s.cameras[selected], f.core.optics[selected]);
    /** @type {[DragKind, [number, number]][]} */
    const order = [['heading', h.heading], ['range', h.range]];
    if (h.tilt) order.push(['tilt', h.tilt]);
    if (h.fovHandles) order.push(['fovLeft', h.fovLeft], ['fovRight', h.fovRight]);
    /** @type {DragKind|null} */
    let best = null, bestD = slop;
    for (const [kind, [x, y]] of order) {
      const d = Math.hypot(sx - x, sy - y);
      if (d < bestD) { best = kind; bestD = d; }
    }
    // The camera itself wins over a handle sitting on top of it.
    const dc = Math.hypot(sx - h.centre[0], sy - h.centre[1]);
    if (best && !(dc < 10 && dc <= bestD)) return { kind: 'camera', drag: best, index: selected, grab: [0, 0] };
  }
  // Cameras: the nearest within reach; later (drawn on top) wins ties.
  let bi = -1, bd = slop + 2;
  for (let i = 0; i < s.cameras.length; i++) {
    const [X, Y] = toScreen(v, s.cameras[i].position[0], s.cameras[i].position[1]);
    const d = Math.hypot(sx - X, sy - Y);
    if (d <= bd) { bd = d; bi = i; }
  }
  if (bi >= 0) {
    const [x, y] = s.cameras[bi].position;
    const [wx, wy] = toWorld(v, sx, sy);
    return { kind: 'camera', drag: 'move', index: bi, grab: [x - wx, y - wy] };
  }
  return null;
}

/** The selected camera's handles, for any tool that keeps showing the selection. @param {number} selected
 * @param {Frame} f @param {boolean} [tiltActive] @returns {Overlay[]} */
export function selectionOverlays(selected, f, tiltActive = false) {
  return selected >= 0 && selected < f.doc.cameras.length ? [{ kind: 'camera-handles', index: selected, tiltActive }] : [];
}

/**
 * The scenario after dragging camera i's `drag` handle to plan point (wx, wy).
 * Plain angle arithmetic on the pointer, no plan geometry.
 * @param {Scenario} s @param {number} i @param {Camera} cam @param {DragKind} drag
 * @param {number} wx @param {number} wy @param {[number, number]} grab
 * @param {(cam: Camera, hfov: number) => Partial<Camera>} [fovPatch] turns a field of view
 *   into the camera's own terms (a focal length for a varifocal lens)
 * @returns {Scenario|null}
 */
export function dragResult(s, i, cam, drag, wx, wy, grab, fovPatch) {
  const [cx, cy] = cam.position;
  /** @type {Partial<Camera>} */
  let patch;
  if (drag === 'move') {
    patch = { position: [roundTo(wx + grab[0]), roundTo(wy + grab[1])] };
  } else {
    const dx = wx - cx, dy = wy - cy;
    if (Math.hypot(dx, dy) < 1e-6) return null;
    const ang = (Math.atan2(dy, dx) * 180) / Math.PI;
    if (drag === 'heading') {
      patch = { heading_deg: roundTo(normDeg(ang), 2) };
    } else if (drag === 'range') {
      patch = { range_m: Math.max(0.5, roundTo(Math.hypot(dx, dy), 2)) };
    } else {
      // Symmetric about the heading: the edge follows the pointer's angle from the axis.
      const delta = Math.abs(((ang - cam.heading_deg + 540) % 360) - 180);
      const hfov = Math.min(360, Math.max(1, roundTo(2 * delta, 1)));
      patch = fovPatch ? fovPatch(cam, hfov) : { hfov_deg: hfov };
    }
  }
  const cameras = s.cameras.slice();
  cameras[i] = { ...cam, ...patch };
  return { ...s, cameras };
}

/** @implements {Tool} */
export class CameraTool {
  /** @param {CameraToolContext} ctx */
  constructor(ctx) {
    this.id = 'cameras';
    this.ctx = ctx;
    /**
     * The drag in progress. @type {null | {drag: DragKind, id: string, grab: [number, number],
     *   moved: boolean, start: ScreenPoint, startTilt: number}}
     */
    this.drag = null;
    /** Latest pointer position waiting for the next frame. @type {ScreenPoint|null} */
    this.pending = null;
  }

  activate() {}

  deactivate() {
    this.drag = null;
    this.pending = null;
  }

  /** @param {ScreenPoint} p @param {Frame} f @param {string} pointerType */
  hitTest(p, f, pointerType) {
    return hitCamera(f, p, this.ctx.selected(), pointerType);
  }

  /** @param {ScreenPoint} p @param {import('./tool.js').Hit|null} hit */
  down(p, hit) {
    const h = /** @type {CameraHit|null} */ (hit);
    if (!h) return false;
    const s = this.ctx.scenario();
    if (h.index !== this.ctx.selected()) this.ctx.select(h.index, 'pointer');
    this.ctx.hoverLeave();
    this.drag = { drag: h.drag, id: s.cameras[h.index].id, grab: h.grab, moved: false, start: p, startTilt: this.ctx.optics(h.index).tilt };
    if (h.drag === 'tilt') this.ctx.requestFrame();
    return true;
  }

  /** Coalesces pointer events: the latest position is applied once per frame. @param {ScreenPoint} p */
  move(p) {
    const g = this.drag;
    if (!g) return;
    if (!g.moved && Math.hypot(p[0] - g.start[0], p[1] - g.start[1]) < 3) return;
    if (!g.moved) {
      g.moved = true;
      this.ctx.beginGesture();
    }
    const first = this.pending === null;
    this.pending = p;
    if (first) this.ctx.requestFrame(() => this.flush());
  }

  /** Applies the latest pointer position of the drag (called once per frame). */
  flush() {
    const g = this.drag;
    const p = this.pending;
    this.pending = null;
    const f = this.ctx.frame();
    if (!p || !g || !f) return;
    const s = this.ctx.scenario();
    const i = s.cameras.findIndex((c) => c.id === g.id);
    if (i < 0) return;
    const cam = s.cameras[i];
    if (g.drag === 'tilt') {
      // Down tilts down: the handle follows the pointer's vertical travel, not a point on the plan.
      const tilt = Math.min(90, Math.max(-90, Math.round((g.startTilt + (p[1] - g.start[1]) * TILT_PER_PX) * 2) / 2));
      if (tilt === cam.tilt_deg) return;
      const cameras = s.cameras.slice();
      cameras[i] = { ...cam, tilt_deg: tilt };
      this.ctx.preview({ ...s, cameras });
      return;
    }
    const [wx, wy] = toWorld(f.view, p[0], p[1]);
    let next = dragResult(s, i, cam, g.drag, wx, wy, g.grab, this.ctx.fovPatch);
    // A camera dragged near a wall snaps onto it (the core's rule), as it goes.
    if (next && g.drag === 'move' && this.ctx.snap) {
      const moved = next.cameras[i];
      const cameras = next.cameras.slice();
      cameras[i] = { ...moved, ...this.ctx.snap(moved, moved.position) };
      next = { ...next, cameras };
    }
    if (next) this.ctx.preview(next);
  }

  /** @param {ScreenPoint} p @param {PointerEvent} _e @param {boolean} cancelled */
  up(p, _e, cancelled) {
    const g = this.drag;
    // Apply the final position before ending, so the last frame is not lost.
    if (g && !cancelled && g.moved) {
      this.pending = p;
      this.flush();
    }
    this.drag = null;
    this.pending = null;
    if (g?.drag === 'tilt') this.ctx.requestFrame();
    if (g?.moved) this.ctx.endGesture(LABELS[g.drag]);
  }

  /** @param {ScreenPoint} p */
  hover(p) {
    this.ctx.hoverAt(p);
  }

  leave() {
    this.ctx.hoverLeave();
  }

  /** A click on the background deselects. */
  tap() {
    this.ctx.select(-1, 'pointer');
  }

  /** @param {import('./tool.js').Hit|null} hit @param {boolean} pressed */
  cursor(hit, pressed) {
    const h = /** @type {CameraHit|null} */ (hit);
    if (!h) return 'default';
    if (h.drag === 'move') return pressed ? 'grabbing' : 'grab';
    return h.drag === 'tilt' ? 'ns-resize' : 'crosshair';
  }

  /** @param {Frame} f */
  overlays(f) {
    return selectionOverlays(this.ctx.selected(), f, this.drag?.drag === 'tilt');
  }

  /** The camera keys (docs/web-app.md, Keyboard). @param {KeyboardEvent} e */
  key(e) {
    const ctx = this.ctx;
    const s = ctx.scenario();
    const sel = ctx.selected();
    const cam = sel >= 0 ? s.cameras[sel] : null;
    const onCanvas = e.target instanceof HTMLCanvasElement;
    if (e.key === 'Tab' && onCanvas && s.cameras.length) {
      const n = s.cameras.length;
      if (!e.shiftKey && sel < n - 1) { e.preventDefault(); ctx.select(sel + 1, 'keyboard'); return true; }
      if (e.shiftKey && sel > 0) { e.preventDefault(); ctx.select(sel - 1, 'keyboard'); return true; }
      return true; // let focus leave the canvas at either end
    }
    if (e.key === 'Escape') {
      ctx.select(-1, 'keyboard');
      ctx.hoverLeave();
      return true;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (cam) { e.preventDefault(); ctx.deleteSelected(); }
      return true;
    }
    if (!cam) return false;
    /** @type {Record<string, [number, number]>} */
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (e.key in arrows) {
      e.preventDefault();
      const [dx, dy] = arrows[e.key];
      const step = e.shiftKey ? 1 : e.altKey ? 0.01 : 0.1;
      const [x, y] = cam.position;
      ctx.commitCamera(sel, { position: [roundTo(x + dx * step), roundTo(y + dy * step)] }, 'Move camera', `move:${cam.id}`);
      return true;
    }
    const spec = ctx.optics(sel);
    const big = e.shiftKey;
    if (e.code === 'BracketLeft' || e.code === 'BracketRight') {
      e.preventDefault();
      const step = (big ? 15 : e.altKey ? 1 : 5) * (e.code === 'BracketLeft' ? 1 : -1);
      ctx.commitCamera(sel, { heading_deg: roundTo(normDeg(cam.heading_deg + step)) }, 'Rotate camera', `rot:${cam.id}`);
      return true;
    }
    if (e.code === 'Comma' || e.code === 'Period') {
      e.preventDefault();
      if (spec.lens === 'fixed' && cam.hfov_deg === undefined) {
        ctx.toast(`${spec.model?.name ?? 'This model'} has a fixed lens: pick a varifocal model to change the field of view`);
        return true;
      }
      const step = (big ? 15 : 5) * (e.code === 'Comma' ? -1 : 1);
      const hfov = Math.min(360, Math.max(1, roundTo(spec.hfov + step)));
      ctx.commitCamera(sel, ctx.fovPatch(cam, hfov), 'Change field of view', `fov:${cam.id}`);
      return true;
    }
    if (e.code === 'Semicolon' || e.code === 'Quote') {
      e.preventDefault();
      if (!spec.mounted) {
        ctx.toast('Give the camera a mounting height first (in the camera panel): only a mounted camera tilts');
        return true;
      }
      const step = (big ? 5 : e.altKey ? 0.5 : 1) * (e.code === 'Semicolon' ? -1 : 1);
      const tilt = Math.min(90, Math.max(-90, roundTo(spec.tilt + step, 1)));
      ctx.commitCamera(sel, { tilt_deg: tilt }, 'Tilt camera', `tilt:${cam.id}`);
      return true;
    }
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      const step = (big ? 5 : 1) * (e.key === 'PageUp' ? 1 : -1);
      const range = Math.max(0.5, roundTo(spec.range + step));
      ctx.commitCamera(sel, { range_m: range }, 'Change range', `range:${cam.id}`);
      return true;
    }
    return false;
  }
}
