// @ts-check
/**
 * The pointer host: pointers (mouse, touch, pen) with capture, panning by dragging the
 * background, two-finger pinch, wheel zoom, and dispatch of everything else to the one
 * active tool (tools/tool.js). Tools are registered once and switched by id.
 */

import { zoomAt, panBy } from '../view/transform.js';

/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */
/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/transform.js').View} View */

/**
 * @typedef {{
 *   frame: () => Frame|null,
 *   view: () => View,
 *   moveView: (v: View) => void,
 *   requestFrame: (work?: () => void) => void,
 *   changed: (toolId: string) => void,
 * }} HostContext
 * `frame` is the last frame drawn (what hit tests see); `changed` is told when another
 * tool becomes active.
 */

export class ToolHost {
  /** @param {HTMLCanvasElement} canvas @param {HostContext} ctx */
  constructor(canvas, ctx) {
    this.canvas = canvas;
    this.ctx = ctx;
    /** @type {Map<string, Tool>} */
    this.tools = new Map();
    /** @type {Tool|null} */
    this.active = null;
    /** Active pointers by id, in canvas CSS px. @type {Map<number, {x: number, y: number, type: string}>} */
    this.pointers = new Map();
    /**
     * The gesture in progress: the active tool's, a pan of the background, or a pinch.
     * @type {null | {kind: 'tool', pointerId: number}
     *        | {kind: 'pan', pointerId: number, start: ScreenPoint, last: ScreenPoint, moved: boolean}
     *        | {kind: 'pinch', dist: number, mid: ScreenPoint}}
     */
    this.gesture = null;
    /** @type {{p: ScreenPoint, type: string}|null} */
    this.pendingHover = null;
    this.bind();
  }

  /** Adds a tool; the first one registered starts active. @param {Tool} tool */
  register(tool) {
    if (this.tools.has(tool.id)) throw new Error(`a tool "${tool.id}" is already registered`);
    this.tools.set(tool.id, tool);
    if (!this.active) {
      this.active = tool;
      tool.activate();
    }
  }

  /** Makes tool `id` the active one (ending the old one's gesture). @param {string} id */
  use(id) {
    const next = this.tools.get(id);
    if (!next) throw new Error(`no tool "${id}"`);
    if (next === this.active) return;
    if (this.gesture?.kind === 'tool') this.endToolGesture([0, 0], null, true);
    this.active?.deactivate();
    this.active = next;
    next.activate();
    this.canvas.style.cursor = 'default';
    this.ctx.changed(id);
    this.ctx.requestFrame();
  }

  /** @returns {string} */
  get activeId() {
    return this.active?.id ?? '';
  }

  /** @returns {Tool} */
  tool() {
    if (!this.active) throw new Error('no tool is registered');
    return this.active;
  }

  bind() {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => this.onDown(e));
    c.addEventListener('pointermove', (e) => this.onMove(e));
    c.addEventListener('pointerup', (e) => this.onUp(e, false));
    c.addEventListener('pointercancel', (e) => this.onUp(e, true));
    c.addEventListener('pointerleave', (e) => {
      if (!this.gesture && e.pointerType === 'mouse') {
        this.pendingHover = null;
        this.active?.leave();
      }
    });
    c.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    c.addEventListener('contextmenu', (e) => e.preventDefault());
  }

  /** @param {PointerEvent|WheelEvent} e @returns {ScreenPoint} */
  local(e) {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  /** @param {PointerEvent} e */
  onDown(e) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    this.canvas.focus({ preventScroll: true });
    const p = this.local(e);
    this.pointers.set(e.pointerId, { x: p[0], y: p[1], type: e.pointerType });
    this.canvas.setPointerCapture(e.pointerId);
    e.preventDefault();
    if (this.pointers.size === 2) {
      // A second finger turns any gesture into a pinch (ending the tool's gesture first).
      if (this.gesture?.kind === 'tool') this.endToolGesture(p, e, true);
      const [a, b] = [...this.pointers.values()];
      this.gesture = { kind: 'pinch', dist: Math.hypot(a.x - b.x, a.y - b.y), mid: [(a.x + b.x) / 2, (a.y + b.y) / 2] };
      return;
    }
    if (this.pointers.size > 2) return;
    const f = this.ctx.frame();
    const tool = this.tool();
    const hit = f ? tool.hitTest(p, f, e.pointerType) : null;
    this.pendingHover = null;
    if (tool.down(p, hit, e)) {
      // A press that handed over to another tool (a click that placed a camera) is done.
      if (this.active === tool) {
        this.gesture = { kind: 'tool', pointerId: e.pointerId };
        this.canvas.style.cursor = tool.cursor(hit, true);
      }
      return;
    }
    this.gesture = { kind: 'pan', pointerId: e.pointerId, start: p, last: p, moved: false };
    this.canvas.style.cursor = 'grabbing';
  }

  /** @param {PointerEvent} e */
  onMove(e) {
    const p = this.local(e);
    if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, { x: p[0], y: p[1], type: e.pointerType });
    const g = this.gesture;
    if (!g) {
      // Hover: once a frame, with what lies under the latest point.
      const first = this.pendingHover === null;
      this.pendingHover = { p, type: e.pointerType };
      if (first) this.ctx.requestFrame(() => this.flushHover());
      return;
    }
    if (g.kind === 'pinch') {
      const pts = [...this.pointers.values()];
      if (pts.length < 2) return;
      const [a, b] = pts;
      const dist = Math.hypot(a.x - b.x, a.y - b.y);
      /** @type {ScreenPoint} */
      const mid = [(a.x + b.x) / 2, (a.y + b.y) / 2];
      let v = panBy(this.ctx.view(), mid[0] - g.mid[0], mid[1] - g.mid[1]);
      if (g.dist > 0 && dist > 0) v = zoomAt(v, dist / g.dist, mid[0], mid[1]);
      g.dist = dist;
      g.mid = mid;
      this.ctx.moveView(v);
      return;
    }
    if (e.pointerId !== g.pointerId) return;
    if (g.kind === 'pan') {
      if (!g.moved && Math.hypot(p[0] - g.start[0], p[1] - g.start[1]) < 4) return;
      g.moved = true;
      const v = panBy(this.ctx.view(), p[0] - g.last[0], p[1] - g.last[1]);
      g.last = p;
      this.ctx.moveView(v);
      return;
    }
    this.tool().move(p, e);
  }

  flushHover() {
    const h = this.pendingHover;
    this.pendingHover = null;
    const f = this.ctx.frame();
    if (!h || this.gesture || !f) return;
    const tool = this.tool();
    const hit = tool.hitTest(h.p, f, h.type);
    this.canvas.style.cursor = tool.cursor(hit, false);
    tool.hover(h.p, hit);
  }

  /** @param {PointerEvent} e @param {boolean} cancel */
  onUp(e, cancel) {
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
      if (!g.moved && !cancel) this.tool().tap(this.local(e), e);
      return;
    }
    this.endToolGesture(this.local(e), e, cancel);
  }

  /** @param {ScreenPoint} p @param {PointerEvent|null} e @param {boolean} cancelled */
  endToolGesture(p, e, cancelled) {
    this.gesture = null;
    this.canvas.style.cursor = 'default';
    this.tool().up(p, /** @type {PointerEvent} */ (e), cancelled || !e);
  }

  /** @param {WheelEvent} e */
  onWheel(e) {
    e.preventDefault();
    const [sx, sy] = this.local(e);
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    // Trackpad pinch arrives as ctrl+wheel with small deltas.
    const k = e.ctrlKey ? 0.01 : 0.0016;
    const factor = Math.exp(-e.deltaY * unit * k);
    this.ctx.moveView(zoomAt(this.ctx.view(), factor, sx, sy));
  }
}
