// @ts-check
/**
 * The plan editor (toolbar *Edit plan*, or E): draw and edit walls and zones.
 *
 * Modes: **select** (V) — click a wall or a zone, Shift+click adds walls, Shift+drag
 * selects walls with a box; drag a corner to move it (every wall meeting there moves with
 * it), drag the dot in the middle of a selected wall's piece to insert a corner, Delete
 * removes the selected corner, walls or zone, S splits the selected wall at the selected
 * corner. **walls** (W) — click, click…, Enter or a double-click finishes, a click on the
 * first point closes the outline, Esc cancels; digits type the next piece's exact length
 * (Enter places it). **zones** (Z) — the same for a zone's outline; **hole** (H) for the
 * selected zone. **room** (R) — a click inside walls makes that room's zone (the core's
 * `roomAt`). Points snap to corners, onto walls, to 15° steps and to the grid (Alt: no
 * snapping), and the snap is drawn.
 *
 * Every edit goes through the context (preview during a drag, one commit at the end),
 * so undo, autosave and the core's validation apply; a refused edit leaves the plan as
 * it was and its reason is shown at the place.
 */

import { toScreen, toWorld } from '../view/transform.js';
import { snapPoint, atLength, gridStep } from '../model/snap.js';
import {
  withPlan, addWall, addZone, addZoneHole, moveCorner, moveZoneVertex, insertWallVertex,
  deleteWallVertex, deleteWalls, deleteZones, deleteZoneVertex, splitWall, mm,
} from '../model/plan.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Plan} Plan */
/** @typedef {import('../model/scenario.js').Pt} Pt */
/** @typedef {import('../model/snap.js').Snap} Snap */
/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {import('../view/frame.js').PlanSelection} PlanSelection */
/** @typedef {import('./tool.js').Tool} Tool */
/** @typedef {import('./tool.js').ScreenPoint} ScreenPoint */
/** @typedef {import('../core/types.js').RoomFound} RoomFound */

/** @typedef {'select'|'wall'|'zone'|'hole'|'room'} PlanMode */

/**
 * @typedef {{kind: 'vertex', wall: number, k: number, at: Pt}
 *   | {kind: 'zone-vertex', zone: number, ring: number, k: number, at: Pt}
 *   | {kind: 'mid', wall: number, k: number, at: Pt}
 *   | {kind: 'wall', wall: number, k: number}} PlanHit
 * `mid`: the middle of piece k-1..k of a selected wall (drag it to insert a corner).
 */

/**
 * @typedef {{
 *   frame: () => Frame|null,
 *   scenario: () => Scenario,
 *   beginGesture: () => void,
 *   preview: (next: Scenario) => boolean,
 *   endGesture: (label: string) => void,
 *   commit: (next: Scenario, label: string) => boolean,
 *   roomAt: (x: number, y: number) => RoomFound,
 *   zonesAt: (x: number, y: number) => string[],
 *   requestFrame: (work?: () => void) => void,
 *   changed: () => void,
 *   announce: (text: string) => void,
 *   done: () => void,
 *   lastPlanEditMs: () => number,
 * }} PlanToolContext
 * `zonesAt` names the zones under a plan point (the core's pick); `changed` tells the
 * panels that the mode or the selection changed; `done` leaves plan editing;
 * `lastPlanEditMs` is how long the core took to take the last plan edit.
 */

/**
 * Above this (ms) for the core to take one plan edit, a drag no longer sends the plan on
 * every frame: the moved walls follow the pointer as a sketch and the core gets the plan
 * when the pointer rests (PAUSE_MS) and when it is released, so the page never freezes.
 */
export const SLOW_EDIT_MS = 40;
const PAUSE_MS = 160;

/** How far (CSS px) a pointer of each kind reaches. @param {string} pointerType */
function reachOf(pointerType) {
  return pointerType === 'touch' ? 20 : 8;
}

/** @param {Pt} a @param {Pt} b */
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/** @implements {Tool} */
export class PlanTool {
  /** @param {PlanToolContext} ctx */
  constructor(ctx) {
    this.id = 'plan';
    this.ctx = ctx;
    /** @type {PlanMode} */
    this.mode = 'select';
    /** The kind new walls get. */
    this.newKind = 'wall';
    this.gridOn = true;
    /** @type {{walls: string[], zone: string|null, vertex: {wall: string, k: number}|null}} */
    this.sel = { walls: [], zone: null, vertex: null };
    /** Points placed so far while drawing (plan metres). @type {Pt[]} */
    this.draft = [];
    /** Where the next point would go. @type {Snap|null} */
    this.aim = null;
    /** The exact length typed for the next piece (text as typed). */
    this.typed = '';
    /** @type {PlanHit|null} */
    this.hoverHit = null;
    /**
     * The drag in progress.
     * `to` is where the pointer is, `sent` the point last previewed.
     * @type {null | {kind: 'corner', at: Pt, base: Plan, to: Pt|null, sent?: Pt}
     *   | {kind: 'zone-vertex', zone: number, ring: number, k: number, base: Plan, to: Pt|null, sent?: Pt}
     *   | {kind: 'insert', wall: number, k: number, base: Plan, to: Pt|null, sent?: Pt}
     *   | {kind: 'box', a: ScreenPoint, b: ScreenPoint, add: boolean}
     *   | {kind: 'click'}}
     */
    this.drag = null;
    /** A refusal or a note shown at a place on the plan. @type {{at: Pt, text: string}|null} */
    this.note = null;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.noteTimer = null;
    this.altHeld = false;
    /** The selected zone's corner (its ring and index), for Delete. @type {{ring: number, k: number}|null} */
    this.zoneVertex = null;
    /** The drag sketches instead of previewing (the core is slow on this plan). */
    this.sketching = false;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.pauseTimer = null;
  }

  activate() {
    this.setMode('select');
  }

  deactivate() {
    this.draft = [];
    this.aim = null;
    this.typed = '';
    this.drag = null;
    this.hoverHit = null;
    this.ctx.changed();
  }

  /** @param {PlanMode} mode */
  setMode(mode) {
    if (mode === 'hole' && !this.selectedZoneIndex(this.ctx.scenario().plan).valid) {
      this.showNote(null, 'Select a zone first, then draw its hole');
      return;
    }
    this.mode = mode;
    this.draft = [];
    this.typed = '';
    this.aim = null;
    const words = {
      select: 'Select: click a wall or a zone; drag a corner to move it',
      wall: 'Draw walls: click to place corners; Enter or a double-click finishes; type a length for an exact piece',
      zone: 'Draw a zone: click its corners; Enter finishes',
      hole: 'Draw a hole in the selected zone: click its corners; Enter finishes',
      room: 'Room zone: click inside a room closed by walls to make its zone',
    };
    this.ctx.announce(words[mode]);
    this.ctx.changed();
    this.ctx.requestFrame();
  }

  /** @param {string[]} walls @param {string|null} zone */
  select(walls, zone) {
    this.sel = { walls, zone, vertex: null };
    this.ctx.changed();
    this.ctx.requestFrame();
  }

  /** @param {Plan} plan */
  selectedZoneIndex(plan) {
    const i = this.sel.zone === null ? -1 : plan.zones.findIndex((z) => z.id === this.sel.zone);
    return { i, valid: i >= 0 };
  }

  /** Shows `text` at plan point `at` (or the middle of the view) for a few seconds. @param {Pt|null} at @param {string} text */
  showNote(at, text) {
    const f = this.ctx.frame();
    const where = at ?? (f ? toWorld(f.view, f.view.width / 2, 40) : [0, 0]);
    this.note = { at: where, text };
    this.ctx.announce(text);
    if (this.noteTimer) clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => { this.note = null; this.ctx.requestFrame(); }, 4500);
    this.ctx.requestFrame();
  }

  /** Commits a new plan; a refusal is shown at `at`. @param {Plan} plan @param {string} label @param {Pt|null} at */
  commitPlan(plan, label, at) {
    const ok = this.ctx.commit(withPlan(this.ctx.scenario(), plan), label);
    if (!ok) this.showNote(at, `${label}: refused (see the message above the plan); nothing changed`);
    return ok;
  }

  // ---- hit testing ----

  /** @param {ScreenPoint} p @param {Frame} f @param {string} pointerType @returns {PlanHit|null} */
  hitTest(p, f, pointerType) {
    if (this.mode !== 'select') return null;
    const plan = f.doc.plan;
    const v = f.view;
    const reach = reachOf(pointerType);
    /** @param {Pt} q */
    const d = (q) => { const [x, y] = toScreen(v, q[0], q[1]); return Math.hypot(x - p[0], y - p[1]); };
    const zi = this.selectedZoneIndex(plan).i;
    if (zi >= 0) {
      const z = plan.zones[zi];
      const rings = [z.polygon, ...(z.holes ?? [])];
      for (let r = 0; r < rings.length; r++) {
        for (let k = 0; k < rings[r].length; k++) {
          if (d(rings[r][k]) <= reach) return { kind: 'zone-vertex', zone: zi, ring: r, k, at: rings[r][k] };
        }
      }
    }
    /** @type {PlanHit|null} */
    let best = null, bestD = reach;
    plan.walls.forEach((w, i) => {
      w.path.forEach((q, k) => {
        const dq = d(q);
        if (dq <= bestD) { best = { kind: 'vertex', wall: i, k, at: q }; bestD = dq; }
      });
    });
    if (best) return best;
    const selected = new Set(this.sel.walls);
    plan.walls.forEach((w, i) => {
      if (!selected.has(w.id)) return;
      for (let k = 1; k < w.path.length; k++) {
        /** @type {Pt} */
        const m = [(w.path[k - 1][0] + w.path[k][0]) / 2, (w.path[k - 1][1] + w.path[k][1]) / 2];
        const dm = d(m);
        if (dm <= bestD) { best = { kind: 'mid', wall: i, k, at: m }; bestD = dm; }
      }
    });
    if (best) return best;
    bestD = reach * 0.75;
    plan.walls.forEach((w, i) => {
      for (let k = 1; k < w.path.length; k++) {
        const a = toScreen(v, w.path[k - 1][0], w.path[k - 1][1]);
        const b = toScreen(v, w.path[k][0], w.path[k][1]);
        const dx = b[0] - a[0], dy = b[1] - a[1];
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
        const ds = Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
        if (ds <= bestD) { best = { kind: 'wall', wall: i, k }; bestD = ds; }
      }
    });
    return best;
  }

  /** The snapped plan point under screen point p. @param {ScreenPoint} p @param {Frame} f
   * @param {{from?: Pt|null, skip?: (wall: number, k: number) => boolean}} [o] */
  snapAt(p, f, o = {}) {
    const raw = toWorld(f.view, p[0], p[1]);
    return snapPoint(f.doc.plan, raw, {
      tol: 9 / f.view.scale, grid: this.gridOn ? gridStep(f.view.scale) : 0, from: o.from ?? null, skip: o.skip, off: this.altHeld,
      extra: this.draft,
    });
  }

  // ---- pointer ----

  /** @param {ScreenPoint} p @param {PlanHit|null} hit @param {PointerEvent} e */
  down(p, hit, e) {
    const f = this.ctx.frame();
    if (!f) return true;
    this.altHeld = e.altKey;
    const plan = f.doc.plan;
    if (this.mode === 'room') {
      this.roomAt(toWorld(f.view, p[0], p[1]));
      this.drag = { kind: 'click' };
      return true;
    }
    if (this.mode !== 'select') {
      const from = this.draft.length ? this.draft[this.draft.length - 1] : null;
      const snap = this.snapAt(p, f, { from });
      this.aim = snap;
      if (e.detail >= 2 && this.draft.length >= (this.mode === 'wall' ? 2 : 3)) {
        // The first click of the double-click placed the point already.
        this.finish();
      } else {
        this.place(snap.point);
      }
      this.drag = { kind: 'click' };
      return true;
    }
    if (!hit) {
      if (e.shiftKey) {
        this.drag = { kind: 'box', a: p, b: p, add: true };
        return true;
      }
      return false;
    }
    if (hit.kind === 'vertex') {
      const w = plan.walls[hit.wall];
      this.sel = { walls: this.sel.walls.includes(w.id) ? this.sel.walls : [w.id], zone: null, vertex: { wall: w.id, k: hit.k } };
      this.ctx.changed();
      this.drag = { kind: 'corner', at: hit.at, base: plan, to: null };
      this.ctx.beginGesture();
      return true;
    }
    if (hit.kind === 'zone-vertex') {
      this.sel = { ...this.sel, vertex: null };
      this.drag = { kind: 'zone-vertex', zone: hit.zone, ring: hit.ring, k: hit.k, base: plan, to: null };
      this.zoneVertex = { ring: hit.ring, k: hit.k };
      this.ctx.beginGesture();
      return true;
    }
    if (hit.kind === 'mid') {
      this.drag = { kind: 'insert', wall: hit.wall, k: hit.k, base: plan, to: null };
      this.ctx.beginGesture();
      return true;
    }
    // A wall: select it (Shift adds or removes it).
    const id = plan.walls[hit.wall].id;
    const walls = e.shiftKey
      ? (this.sel.walls.includes(id) ? this.sel.walls.filter((x) => x !== id) : [...this.sel.walls, id])
      : [id];
    this.select(walls, null);
    this.drag = { kind: 'click' };
    return true;
  }

  /** @param {ScreenPoint} p @param {PointerEvent} e */
  move(p, e) {
    const g = this.drag;
    const f = this.ctx.frame();
    if (!g || !f) return;
    this.altHeld = e.altKey;
    if (g.kind === 'box') {
      g.b = p;
      this.ctx.requestFrame();
      return;
    }
    if (g.kind === 'click') return;
    let skip;
    /** @type {Pt|null} */
    let not = null;
    if (g.kind === 'corner') {
      const at = g.at;
      not = at;
      skip = (/** @type {number} */ i, /** @type {number} */ k) => same(g.base.walls[i]?.path[k] ?? [NaN, NaN], at);
    } else if (g.kind === 'zone-vertex') {
      const z = g.base.zones[g.zone];
      not = [z.polygon, ...(z.holes ?? [])][g.ring][g.k];
    }
    const snap = snapPoint(g.base, toWorld(f.view, p[0], p[1]), {
      tol: 9 / f.view.scale, grid: this.gridOn ? gridStep(f.view.scale) : 0, skip, not, off: e.altKey,
    });
    this.aim = snap;
    g.to = snap.point;
    if (this.ctx.lastPlanEditMs() > SLOW_EDIT_MS) {
      // Too slow for every frame: sketch now, send the plan when the pointer rests.
      this.sketching = true;
      if (this.pauseTimer) clearTimeout(this.pauseTimer);
      this.pauseTimer = setTimeout(() => { this.pauseTimer = null; this.previewDrag(); this.ctx.requestFrame(); }, PAUSE_MS);
      this.ctx.requestFrame();
      return;
    }
    // One preview a frame, with the latest point.
    this.ctx.requestFrame(() => this.previewDrag());
  }

  previewDrag() {
    const g = this.drag;
    if (g) this.previewDrag0(g);
  }

  /** Previews drag `g` at its latest point, unless that point was sent already. @param {NonNullable<PlanTool['drag']>} g */
  previewDrag0(g) {
    if (g.kind === 'box' || g.kind === 'click' || !g.to) return;
    if (g.sent && same(g.sent, g.to)) return;
    const next = this.dragPlan(g.base, g, g.to);
    if (next && this.ctx.preview(withPlan(this.ctx.scenario(), next))) g.sent = g.to;
  }

  /**
   * The plan a drag makes. @param {Plan} base
   * @param {{kind: 'corner', at: Pt} | {kind: 'zone-vertex', zone: number, ring: number, k: number} | {kind: 'insert', wall: number, k: number}} g
   * @param {Pt} to @returns {Plan|null}
   */
  dragPlan(base, g, to) {
    if (g.kind === 'corner') return moveCorner(base, g.at, to);
    if (g.kind === 'zone-vertex') return moveZoneVertex(base, g.zone, g.ring, g.k, to);
    return insertWallVertex(base, g.wall, g.k - 1, to);
  }

  /** @param {ScreenPoint} p @param {PointerEvent} e @param {boolean} cancelled */
  up(p, e, cancelled) {
    const g = this.drag;
    this.drag = null;
    if (!g) return;
    const f = this.ctx.frame();
    if (g.kind === 'click') return;
    if (g.kind === 'box') {
      if (!f || cancelled) { this.ctx.requestFrame(); return; }
      const [a, b] = [toWorld(f.view, g.a[0], g.a[1]), toWorld(f.view, g.b[0], g.b[1])];
      const lo = [Math.min(a[0], b[0]), Math.min(a[1], b[1])], hi = [Math.max(a[0], b[0]), Math.max(a[1], b[1])];
      const inside = f.doc.plan.walls.filter((w) => w.path.every((q) => q[0] >= lo[0] && q[0] <= hi[0] && q[1] >= lo[1] && q[1] <= hi[1]));
      const ids = [...new Set([...this.sel.walls, ...inside.map((w) => w.id)])];
      this.select(ids, null);
      this.ctx.announce(`${ids.length} wall${ids.length === 1 ? '' : 's'} selected`);
      return;
    }
    if (this.pauseTimer) { clearTimeout(this.pauseTimer); this.pauseTimer = null; }
    this.sketching = false;
    // A drag: apply the last point (unless cancelled), then one undo step.
    if (!cancelled && g.to) this.previewDrag0(g);
    if (g.kind === 'insert' && g.to) {
      const w = g.base.walls[g.wall];
      this.sel = { walls: [w.id], zone: null, vertex: { wall: w.id, k: g.k } };
    }
    if (g.kind === 'corner' && g.to && this.sel.vertex) this.sel.vertex = { ...this.sel.vertex };
    this.ctx.endGesture(g.kind === 'corner' ? 'Move corner' : g.kind === 'insert' ? 'Insert corner' : 'Move zone corner');
    this.ctx.changed();
  }

  /** @param {ScreenPoint} p @param {PlanHit|null} hit */
  hover(p, hit) {
    const f = this.ctx.frame();
    if (!f) return;
    this.hoverHit = hit;
    if (this.mode === 'wall' || this.mode === 'zone' || this.mode === 'hole') {
      const from = this.draft.length ? this.draft[this.draft.length - 1] : null;
      this.aim = this.snapAt(p, f, { from });
    } else {
      this.aim = null;
    }
    this.ctx.requestFrame();
  }

  leave() {
    this.hoverHit = null;
    this.aim = null;
    this.ctx.requestFrame();
  }

  /** A click on the background in select mode: the zone under it, else nothing. @param {ScreenPoint} p */
  tap(p) {
    const f = this.ctx.frame();
    if (!f || this.mode !== 'select') return;
    const [x, y] = toWorld(f.view, p[0], p[1]);
    const zones = this.ctx.zonesAt(x, y);
    // The innermost (last drawn) zone under the point.
    this.select([], zones.length ? zones[zones.length - 1] : null);
  }

  // ---- drawing ----

  /** @param {Pt} point */
  place(point) {
    // Kept to the millimetre, as the file holds it (a 15° step's cosine is not exact).
    const q = mm(point);
    const first = this.draft[0];
    const last = this.draft[this.draft.length - 1];
    if (last && same(last, q)) return;
    if (first && this.draft.length >= 2 && same(first, q)) {
      // Back at the first point: the outline closes.
      if (this.mode === 'wall') this.draft.push(q);
      this.finish();
      return;
    }
    this.draft.push(q);
    this.typed = '';
    this.ctx.requestFrame();
  }

  finish() {
    const s = this.ctx.scenario();
    const pts = this.draft;
    const at = pts[pts.length - 1] ?? null;
    if (this.mode === 'wall') {
      if (pts.length < 2) return this.cancelDraft();
      const { plan, id } = addWall(s.plan, pts, this.newKind);
      if (this.commitPlan(plan, `Draw ${this.newKind}`, at)) this.sel = { walls: [id], zone: null, vertex: null };
    } else if (this.mode === 'zone') {
      if (pts.length < 3) { this.showNote(at, 'A zone needs at least three corners'); return; }
      const { plan, id } = addZone(s.plan, pts, []);
      if (this.commitPlan(plan, 'Draw zone', at)) this.sel = { walls: [], zone: id, vertex: null };
    } else if (this.mode === 'hole') {
      const zi = this.selectedZoneIndex(s.plan).i;
      if (pts.length < 3) { this.showNote(at, 'A hole needs at least three corners'); return; }
      if (zi >= 0) this.commitPlan(addZoneHole(s.plan, zi, pts), 'Add hole', at);
    }
    this.draft = [];
    this.typed = '';
    this.ctx.changed();
    this.ctx.requestFrame();
  }

  cancelDraft() {
    this.draft = [];
    this.typed = '';
    this.ctx.requestFrame();
  }

  /** The zone of the room around plan point q (the core finds the face of the walls). @param {Pt} q */
  roomAt(q) {
    let room;
    try {
      room = this.ctx.roomAt(q[0], q[1]);
    } catch (e) {
      this.showNote(q, `The room could not be found: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (room.found === 'on_wall') { this.showNote(q, 'That point is on a wall: click inside the room'); return; }
    if (room.found === 'open') {
      this.showNote(q, 'No closed room here: the walls around this point leave a gap to the outside');
      return;
    }
    const s = this.ctx.scenario();
    const { plan, id } = addZone(s.plan, room.polygon, room.holes);
    if (this.commitPlan(plan, 'Room zone', q)) {
      this.sel = { walls: [], zone: id, vertex: null };
      this.ctx.announce(`Zone made from the room: ${room.area_m2.toFixed(1)} m²`);
      this.ctx.changed();
    }
  }

  // ---- keys ----

  /** @param {KeyboardEvent} e */
  key(e) {
    this.altHeld = e.altKey;
    const drawing = this.mode === 'wall' || this.mode === 'zone' || this.mode === 'hole';
    if (drawing && this.draft.length > 0) {
      if (/^[0-9]$/.test(e.key) || (e.key === '.' && !this.typed.includes('.')) || (e.key === ',' && !this.typed.includes('.'))) {
        this.typed += e.key === ',' ? '.' : e.key;
        e.preventDefault();
        this.ctx.requestFrame();
        return true;
      }
      if (e.key === 'Backspace' && this.typed) {
        this.typed = this.typed.slice(0, -1);
        e.preventDefault();
        this.ctx.requestFrame();
        return true;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.typed) {
          const from = this.draft[this.draft.length - 1];
          const toward = this.aim?.point ?? [from[0] + 1, from[1]];
          const q = atLength(from, toward, Number(this.typed));
          if (!q) { this.showNote(from, `Not a length: ${this.typed} (type metres, like 4.25)`); this.typed = ''; return true; }
          this.place(q);
          this.typed = '';
          this.aim = null;
        } else {
          this.finish();
        }
        return true;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        if (this.typed) this.typed = '';
        else this.cancelDraft();
        this.ctx.requestFrame();
        return true;
      }
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (this.mode !== 'select') this.setMode('select');
      else if (this.sel.walls.length || this.sel.zone) this.select([], null);
      else this.ctx.done();
      return true;
    }
    if (e.ctrlKey || e.metaKey) return false;
    /** @type {Record<string, PlanMode>} */
    const modes = { v: 'select', w: 'wall', z: 'zone', r: 'room', h: 'hole' };
    const m = modes[e.key.toLowerCase()];
    if (m) { e.preventDefault(); this.setMode(m); return true; }
    if (e.key === 'g' || e.key === 'G') {
      this.gridOn = !this.gridOn;
      this.ctx.announce(this.gridOn ? 'Grid snapping on' : 'Grid snapping off');
      this.ctx.changed();
      return true;
    }
    if (this.mode === 'select' && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      this.deleteSelection();
      return true;
    }
    if (this.mode === 'select' && (e.key === 's' || e.key === 'S')) {
      this.splitSelected();
      return true;
    }
    return false;
  }

  /** Deletes the selected corner, else the selected walls, else the selected zone. */
  deleteSelection() {
    const plan = this.ctx.scenario().plan;
    const vx = this.sel.vertex;
    if (vx) {
      const i = plan.walls.findIndex((w) => w.id === vx.wall);
      if (i >= 0) {
        const at = plan.walls[i].path[vx.k];
        if (this.commitPlan(deleteWallVertex(plan, i, vx.k), 'Delete corner', at)) this.select(plan.walls[i].path.length > 2 ? [vx.wall] : [], null);
        return;
      }
    }
    if (this.sel.walls.length) {
      const n = this.sel.walls.length;
      if (this.commitPlan(deleteWalls(plan, this.sel.walls), n === 1 ? 'Delete wall' : `Delete ${n} walls`, null)) this.select([], null);
      return;
    }
    const zi = this.selectedZoneIndex(plan).i;
    if (zi >= 0 && this.zoneVertex) {
      const { ring, k } = this.zoneVertex;
      this.zoneVertex = null;
      const next = deleteZoneVertex(plan, zi, ring, k);
      if (next === plan) { this.showNote(plan.zones[zi].polygon[0], 'A zone ring keeps at least three corners'); return; }
      this.commitPlan(next, 'Delete zone corner', null);
      return;
    }
    if (zi >= 0 && this.commitPlan(deleteZones(plan, [plan.zones[zi].id]), 'Delete zone', null)) this.select([], null);
  }

  /** Splits the selected wall at the selected corner into two walls. */
  splitSelected() {
    const plan = this.ctx.scenario().plan;
    const vx = this.sel.vertex;
    const i = vx ? plan.walls.findIndex((w) => w.id === vx.wall) : -1;
    if (!vx || i < 0 || vx.k === 0 || vx.k === plan.walls[i].path.length - 1) {
      this.showNote(vx && i >= 0 ? plan.walls[i].path[vx.k] : null, 'Select a corner inside a wall (not at its ends) to split the wall there');
      return;
    }
    const { plan: next, id } = splitWall(plan, i, vx.k);
    if (this.commitPlan(next, 'Split wall', plan.walls[i].path[vx.k])) this.select([plan.walls[i].id, id], null);
  }

  // ---- drawing what the tool shows ----

  /** @param {PlanHit|null} hit @param {boolean} pressed */
  cursor(hit, pressed) {
    if (this.mode === 'room') return 'copy';
    if (this.mode !== 'select') return 'crosshair';
    if (!hit) return 'default';
    if (hit.kind === 'wall') return 'pointer';
    return pressed ? 'grabbing' : 'move';
  }

  /** @param {Frame} f @returns {Overlay[]} */
  overlays(f) {
    const plan = f.doc.plan;
    const walls = new Set(this.sel.walls);
    /** @type {PlanSelection} */
    const sel = {
      walls: plan.walls.flatMap((w, i) => (walls.has(w.id) ? [i] : [])),
      zone: this.selectedZoneIndex(plan).i,
      vertex: (() => {
        const vx = this.sel.vertex;
        if (!vx) return null;
        const w = plan.walls.find((x) => x.id === vx.wall);
        return w && w.path[vx.k] ? w.path[vx.k] : null;
      })(),
    };
    const h = this.hoverHit;
    const drawing = this.mode === 'wall' || this.mode === 'zone' || this.mode === 'hole';
    const last = this.draft[this.draft.length - 1];
    let next = this.aim && drawing ? this.aim.point : null;
    if (next && last && this.typed) next = atLength(last, next, Number(this.typed)) ?? next;
    const g = this.drag;
    /** The pieces a sketched drag moves: from their fixed ends to the pointer. @type {[Pt, Pt][]} */
    const ghost = [];
    if (this.sketching && g && g.kind !== 'box' && g.kind !== 'click' && g.to) {
      const to = g.to;
      if (g.kind === 'corner') {
        for (const w of g.base.walls) {
          w.path.forEach((q, k) => {
            if (!same(q, g.at)) return;
            if (k > 0) ghost.push([w.path[k - 1], to]);
            if (k < w.path.length - 1) ghost.push([w.path[k + 1], to]);
          });
        }
      } else if (g.kind === 'insert') {
        const w = g.base.walls[g.wall];
        ghost.push([w.path[g.k - 1], to], [w.path[g.k], to]);
      } else {
        const ring = [g.base.zones[g.zone].polygon, ...(g.base.zones[g.zone].holes ?? [])][g.ring];
        ghost.push([ring[(g.k + ring.length - 1) % ring.length], to], [ring[(g.k + 1) % ring.length], to]);
      }
    }
    return [{
      kind: 'plan-edit',
      ghost,
      mode: this.mode,
      sel,
      hover: h && h.kind !== 'wall' ? h.at : null,
      hoverWall: h && h.kind === 'wall' ? h.wall : -1,
      draft: drawing ? this.draft : [],
      next,
      snap: this.aim && (drawing || (g && g.kind !== 'box' && g.kind !== 'click')) ? this.aim.kind : 'none',
      snapAt: this.aim ? this.aim.point : null,
      typed: this.typed,
      closed: this.mode !== 'wall',
      box: g && g.kind === 'box' ? [g.a, g.b] : null,
      note: this.note,
    }];
  }
}
