// @ts-check
/**
 * Turns pointer (mouse, touch, pen), wheel and keyboard input into edits and view
 * changes. It owns no state of its own beyond the gesture in progress; everything it
 * does goes through the `Actions` the app hands it.
 */

import { cameraHandles } from './render.js';
import { normDeg, roundTo } from './state.js';
import { toWorld, zoomAt, panBy } from './view.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */
/** @typedef {import('./view.js').View} View */

/**
 * What interaction may do; implemented by main.js.
 * @typedef {{
 *   scenario: () => Scenario,
 *   view: () => View,
 *   setView: (v: View) => void,
 *   selected: () => number,
 *   select: (i: number, why?: string) => void,
 *   addMode: () => boolean,
 *   setAddMode: (on: boolean) => void,
 *   beginGesture: () => void,
 *   preview: (next: Scenario) => boolean,
 *   endGesture: (label: string) => void,
 *   commitCamera: (i: number, patch: Partial<Camera>, label: string, coalesce?: string) => void,
 *   addCameraAt: (x: number, y: number) => void,
 *   deleteSelected: () => void,
 *   duplicateSelected: () => void,
 *   undo: () => void, redo: () => void,
 *   fit: () => void, open: () => void, save: () => void, help: () => void,
 *   hoverAt: (sx: number, sy: number) => void,
 *   hoverLeave: () => void,
 *   setGhost: (p: [number, number]|null) => void,
 *   requestFrame: (work?: () => void) => void,
 *   optics: (i: number) => import('./state.js').Optics,
 *   stats: (i: number) => import('./scene.js').CameraStats|undefined,
 *   fovPatch: (cam: Camera, hfov: number) => Partial<Camera>,
 *   setTiltDrag: (on: boolean) => void,
 *   toast: (text: string) => void,
 * }} Actions
 */

/** @typedef {'move'|'heading'|'fovLeft'|'fovRight'|'range'|'tilt'} DragKind */

const LABELS = { move: 'Move camera', heading: 'Rotate camera', fovLeft: 'Change field of view', fovRight: 'Change field of view', range: 'Change range', tilt: 'Tilt camera' };

/** Degrees of tilt per CSS pixel of vertical drag on the tilt handle. */
const TILT_PER_PX = 0.25;

export class Interaction {
  /** @param {HTMLCanvasElement} canvas @param {Actions} app */
  constructor(canvas, app) {
    this.canvas = canvas;
    this.app = app;
    /** Active pointers by id, in canvas CSS px. @type {Map<number, {x: number, y: number, type: string}>} */
    this.pointers = new Map();
    /**
     * The gesture in progress.
     * @type {null | {kind: 'camera', drag: DragKind, index: number, id: string, pointerId: number, grab: [number, number], moved: boolean, start: [number, number], startTilt: number}
     *        | {kind: 'pan', pointerId: number, start: [number, number], last: [number, number], moved: boolean}
     *        | {kind: 'pinch', dist: number, mid: [number, number]}}
     */
    this.gesture = null;
    /** Latest pointer position waiting for the next frame. @type {[number, number]|null} */
    this.pendingDrag = null;
    /** @type {[number, number]|null} */
    this.pendingHover = null;
    this.bind();
  }

  bind() {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => this.onDown(e));
    c.addEventListener('pointermove', (e) => this.onMove(e));
    c.addEventListener('pointerup', (e) => this.onUp(e));
    c.addEventListener('pointercancel', (e) => this.onUp(e, true));
    c.addEventListener('pointerleave', (e) => {
      if (!this.gesture && e.pointerType === 'mouse') {
        this.app.hoverLeave();
        this.app.setGhost(null);
      }
    });
    c.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    c.addEventListener('contextmenu', (e) => e.preventDefault());
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** @param {PointerEvent|WheelEvent} e @returns {[number, number]} */
  local(e) {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  /**
   * What is under a screen point: a handle of the selected camera, a camera, or nothing.
   * @param {number} sx @param {number} sy @param {string} pointerType
   * @returns {{drag: DragKind, index: number, grab: [number, number]}|null}
   */
  hitTest(sx, sy, pointerType) {
    const s = this.app.scenario();
    const v = this.app.view();
    const slop = pointerType === 'touch' ? 22 : pointerType === 'pen' ? 14 : 11;
    const sel = this.app.selected();
    if (sel >= 0 && sel < s.cameras.length) {
      const h = cameraHandles(v, s, s.cameras[sel], this.app.stats(sel));
      /** @type {[DragKind, [number, number]][]} */
      const order = [['heading', h.heading], ['range', h.range]];
      if (h.tilt) order.push(['tilt', h.tilt]);
      if (h.fovHandles) order.push(['fovLeft', h.fovLeft], ['fovRight', h.fovRight]);
      let best = null, bestD = slop;
      for (const [kind, [x, y]] of order) {
        const d = Math.hypot(sx - x, sy - y);
        if (d < bestD) { best = kind; bestD = d; }
      }
      // The camera itself wins over a handle sitting on top of it.
      const dc = Math.hypot(sx - h.centre[0], sy - h.centre[1]);
      if (best && !(dc < 10 && dc <= bestD)) return { drag: best, index: sel, grab: [0, 0] };
    }
    // Cameras: the nearest within reach; later (drawn on top) wins ties.
    let bi = -1, bd = slop + 2;
    for (let i = 0; i < s.cameras.length; i++) {
      const [x, y] = s.cameras[i].position;
      const X = x * v.scale + v.tx, Y = -y * v.scale + v.ty;
      const d = Math.hypot(sx - X, sy - Y);
      if (d <= bd) { bd = d; bi = i; }
    }
    if (bi >= 0) {
      const [x, y] = s.cameras[bi].position;
      const [wx, wy] = toWorld(v, sx, sy);
      return { drag: 'move', index: bi, grab: [x - wx, y - wy] };
    }
    return null;
  }

  /** @param {PointerEvent} e */
  onDown(e) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    this.canvas.focus({ preventScroll: true });
    const [sx, sy] = this.local(e);
    this.pointers.set(e.pointerId, { x: sx, y: sy, type: e.pointerType });
    this.canvas.setPointerCapture(e.pointerId);
    e.preventDefault();

    if (this.pointers.size === 2) {
      // A second finger turns any gesture into a pinch (ending a camera drag first).
      if (this.gesture?.kind === 'camera') this.finishCameraDrag();
      const [a, b] = [...this.pointers.values()];
      this.gesture = { kind: 'pinch', dist: Math.hypot(a.x - b.x, a.y - b.y), mid: [(a.x + b.x) / 2, (a.y + b.y) / 2] };
      return;
    }
    if (this.pointers.size > 2) return;

    if (this.app.addMode()) {
      const [wx, wy] = toWorld(this.app.view(), sx, sy);
      this.app.addCameraAt(wx, wy);
      if (!e.shiftKey) this.app.setAddMode(false);
      this.pointers.delete(e.pointerId);
      return;
    }

    const hit = this.hitTest(sx, sy, e.pointerType);
    if (hit) {
      const s = this.app.scenario();
      if (hit.index !== this.app.selected()) this.app.select(hit.index, 'pointer');
      this.app.hoverLeave();
      this.gesture = { kind: 'camera', drag: hit.drag, index: hit.index, id: s.cameras[hit.index].id, pointerId: e.pointerId,
        grab: hit.grab, moved: false, start: [sx, sy], startTilt: this.app.optics(hit.index).tilt };
      this.canvas.style.cursor = hit.drag === 'move' ? 'grabbing' : hit.drag === 'tilt' ? 'ns-resize' : 'crosshair';
      if (hit.drag === 'tilt') this.app.setTiltDrag(true);
      return;
    }
    this.gesture = { kind: 'pan', pointerId: e.pointerId, start: [sx, sy], last: [sx, sy], moved: false };
    this.canvas.style.cursor = 'grabbing';
  }

  /** @param {PointerEvent} e */
  onMove(e) {
    const [sx, sy] = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, { x: sx, y: sy, type: e.pointerType });
    const g = this.gesture;
    if (!g) {
      if (this.app.addMode()) {
        this.app.setGhost(toWorld(this.app.view(), sx, sy));
        return;
      }
      this.pendingHover = [sx, sy];
      this.app.requestFrame(() => this.flushHover());
      return;
    }
    if (g.kind === 'pinch') {
      const pts = [...this.pointers.values()];
      if (pts.length < 2) return;
      const [a, b] = pts;
      const dist = Math.hypot(a.x - b.x, a.y - b.y);
      const mid = /** @type {[number, number]} */ ([(a.x + b.x) / 2, (a.y + b.y) / 2]);
      let v = panBy(this.app.view(), mid[0] - g.mid[0], mid[1] - g.mid[1]);
      if (g.dist > 0 && dist > 0) v = zoomAt(v, dist / g.dist, mid[0], mid[1]);
      g.dist = dist;
      g.mid = mid;
      this.app.setView(v);
      return;
    }
    if (e.pointerId !== g.pointerId) return;
    if (g.kind === 'pan') {
      if (!g.moved && Math.hypot(sx - g.start[0], sy - g.start[1]) < 4) return;
      g.moved = true;
      const v = panBy(this.app.view(), sx - g.last[0], sy - g.last[1]);
      g.last = [sx, sy];
      this.app.setView(v);
      return;
    }
    // Camera drag: coalesce pointer events; the app applies the latest once per frame.
    if (!g.moved && Math.hypot(sx - g.start[0], sy - g.start[1]) < 3) return;
    if (!g.moved) {
      g.moved = true;
      this.app.beginGesture();
    }
    this.pendingDrag = [sx, sy];
    this.app.requestFrame(() => this.flushDrag());
  }

  /** Applies the latest pointer position of a camera drag (called once per frame). */
  flushDrag() {
    const g = this.gesture;
    const p = this.pendingDrag;
    this.pendingDrag = null;
    if (!p || !g || g.kind !== 'camera') return;
    const s = this.app.scenario();
    const i = s.cameras.findIndex((c) => c.id === g.id);
    if (i < 0) return;
    const cam = s.cameras[i];
    if (g.drag === 'tilt') {
      // Down tilts down: the handle follows the pointer's vertical travel, not a point on the plan.
      const tilt = Math.min(90, Math.max(-90, Math.round((g.startTilt + (p[1] - g.start[1]) * TILT_PER_PX) * 2) / 2));
      if (tilt === cam.tilt_deg) return;
      const cameras = s.cameras.slice();
      cameras[i] = { ...cam, tilt_deg: tilt };
      this.app.preview({ ...s, cameras });
      return;
    }
    const [wx, wy] = toWorld(this.app.view(), p[0], p[1]);
    const next = dragResult(s, i, cam, g.drag, wx, wy, g.grab, this.app.fovPatch);
    if (next) this.app.preview(next);
  }

  flushHover() {
    const p = this.pendingHover;
    this.pendingHover = null;
    if (!p || this.gesture) return;
    const hit = this.hitTest(p[0], p[1], 'mouse');
    this.canvas.style.cursor = hit ? (hit.drag === 'move' ? 'grab' : hit.drag === 'tilt' ? 'ns-resize' : 'crosshair') : 'default';
    this.app.hoverAt(p[0], p[1]);
  }

  /** @param {PointerEvent} e @param {boolean} [cancel] */
  onUp(e, cancel = false) {
    this.pointers.delete(e.pointerId);
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    const g = this.gesture;
    if (!g) return;
    if (g.kind === 'pinch') {
      if (this.pointers.size < 2) this.gesture = null;
      return;
    }
    if (e.pointerId !== g.pointerId) return;
    if (g.kind === 'pan') {
      this.gesture = null;
      this.canvas.style.cursor = 'default';
      if (!g.moved && !cancel) this.app.select(-1, 'pointer');
      return;
    }
    // Apply the final position before ending, so the last frame is not lost.
    if (!cancel && g.moved) {
      const [sx, sy] = this.local(e);
      this.pendingDrag = [sx, sy];
      this.flushDrag();
    }
    this.finishCameraDrag();
  }

  finishCameraDrag() {
    const g = this.gesture;
    this.gesture = null;
    this.pendingDrag = null;
    this.canvas.style.cursor = 'default';
    if (g && g.kind === 'camera' && g.drag === 'tilt') this.app.setTiltDrag(false);
    if (g && g.kind === 'camera' && g.moved) this.app.endGesture(LABELS[g.drag]);
  }

  /** @param {WheelEvent} e */
  onWheel(e) {
    e.preventDefault();
    const [sx, sy] = this.local(e);
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    // Trackpad pinch arrives as ctrl+wheel with small deltas.
    const k = e.ctrlKey ? 0.01 : 0.0016;
    const factor = Math.exp(-e.deltaY * unit * k);
    this.app.setView(zoomAt(this.app.view(), factor, sx, sy));
  }

  /** @param {KeyboardEvent} e */
  onKey(e) {
    const t = /** @type {HTMLElement|null} */ (e.target);
    const tag = t?.tagName ?? '';
    const typing = tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || t?.isContentEditable;
    const mod = e.ctrlKey || e.metaKey;
    const app = this.app;
    if (document.querySelector('dialog[open]')) return;

    // Shortcuts that also work from a field.
    if (mod && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !typing) { e.preventDefault(); if (e.shiftKey) app.redo(); else app.undo(); return; }
      if (k === 'y' && !typing) { e.preventDefault(); app.redo(); return; }
      if (k === 's') { e.preventDefault(); app.save(); return; }
      if (k === 'o') { e.preventDefault(); app.open(); return; }
      if (k === 'd' && !typing) { e.preventDefault(); app.duplicateSelected(); return; }
      return;
    }
    if (typing) return;

    const s = app.scenario();
    const sel = app.selected();
    const cam = sel >= 0 ? s.cameras[sel] : null;
    const onCanvas = t === this.canvas;

    if (e.key === 'Tab' && onCanvas && s.cameras.length) {
      const n = s.cameras.length;
      if (!e.shiftKey && sel < n - 1) { e.preventDefault(); app.select(sel + 1, 'keyboard'); return; }
      if (e.shiftKey && sel > 0) { e.preventDefault(); app.select(sel - 1, 'keyboard'); return; }
      return; // let focus leave the canvas at either end
    }
    if (e.key === 'Escape') {
      if (app.addMode()) app.setAddMode(false);
      else app.select(-1, 'keyboard');
      app.hoverLeave();
      return;
    }
    if (e.key === 'Enter' && app.addMode()) {
      e.preventDefault();
      const v = app.view();
      const r = this.canvas.getBoundingClientRect();
      const [wx, wy] = toWorld(v, r.width / 2, r.height / 2);
      app.addCameraAt(wx, wy);
      app.setAddMode(false);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      if (cam) { e.preventDefault(); app.deleteSelected(); }
      return;
    }
    if (e.key === '?' ) { e.preventDefault(); app.help(); return; }
    if (e.key === 'n' || e.key === 'N') { e.preventDefault(); app.setAddMode(!app.addMode()); return; }
    if (e.key === 'f' || e.key === 'F' || e.key === '0') { e.preventDefault(); app.fit(); return; }
    if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_') {
      e.preventDefault();
      const r = this.canvas.getBoundingClientRect();
      const f = e.key === '+' || e.key === '=' ? 1.25 : 0.8;
      app.setView(zoomAt(app.view(), f, r.width / 2, r.height / 2));
      return;
    }

    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (e.key in arrows) {
      e.preventDefault();
      const [dx, dy] = arrows[/** @type {keyof arrows} */ (e.key)];
      if (cam) {
        const step = e.shiftKey ? 1 : e.altKey ? 0.01 : 0.1;
        const [x, y] = cam.position;
        app.commitCamera(sel, { position: [roundTo(x + dx * step), roundTo(y + dy * step)] }, 'Move camera', `move:${cam.id}`);
      } else {
        app.setView(panBy(app.view(), -dx * 60, dy * 60));
      }
      return;
    }
    if (!cam) return;
    const spec = app.optics(sel);
    const big = e.shiftKey;
    if (e.code === 'BracketLeft' || e.code === 'BracketRight') {
      e.preventDefault();
      const step = (big ? 15 : e.altKey ? 1 : 5) * (e.code === 'BracketLeft' ? 1 : -1);
      app.commitCamera(sel, { heading_deg: roundTo(normDeg(cam.heading_deg + step)) }, 'Rotate camera', `rot:${cam.id}`);
      return;
    }
    if (e.code === 'Comma' || e.code === 'Period') {
      e.preventDefault();
      if (spec.lens === 'fixed' && cam.hfov_deg === undefined) {
        app.toast(`${spec.model?.name ?? 'This model'} has a fixed lens: pick a varifocal model to change the field of view`);
        return;
      }
      const step = (big ? 15 : 5) * (e.code === 'Comma' ? -1 : 1);
      const hfov = Math.min(360, Math.max(1, roundTo(spec.hfov + step)));
      app.commitCamera(sel, app.fovPatch(cam, hfov), 'Change field of view', `fov:${cam.id}`);
      return;
    }
    if (e.code === 'Semicolon' || e.code === 'Quote') {
      e.preventDefault();
      if (!spec.mounted) {
        app.toast('Give the camera a mounting height first (in the camera panel): only a mounted camera tilts');
        return;
      }
      const step = (big ? 5 : e.altKey ? 0.5 : 1) * (e.code === 'Semicolon' ? -1 : 1);
      const tilt = Math.min(90, Math.max(-90, roundTo(spec.tilt + step, 1)));
      app.commitCamera(sel, { tilt_deg: tilt }, 'Tilt camera', `tilt:${cam.id}`);
      return;
    }
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      const step = (big ? 5 : 1) * (e.key === 'PageUp' ? 1 : -1);
      const range = Math.max(0.5, roundTo(spec.range + step));
      app.commitCamera(sel, { range_m: range }, 'Change range', `range:${cam.id}`);
    }
  }
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
      let delta = Math.abs(((ang - cam.heading_deg + 540) % 360) - 180);
      const hfov = Math.min(360, Math.max(1, roundTo(2 * delta, 1)));
      patch = fovPatch ? fovPatch(cam, hfov) : { hfov_deg: hfov };
    }
  }
  const cameras = s.cameras.slice();
  cameras[i] = { ...cam, ...patch };
  return { ...s, cameras };
}
