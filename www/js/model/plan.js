// @ts-check
/**
 * Pure edits on the plan: walls (polylines by kind) and zones (polygons with holes).
 * Each returns a new plan sharing every unchanged wall and zone with the old one, and
 * records where its edits started (`isPlanEdit`), so that the page keeps the
 * view where it is for an edit but fits it to a plan that was opened.
 */

import { IDS_ELSEWHERE } from './levels.js';

/** @typedef {import('./scenario.js').Scenario} Scenario */
/** @typedef {import('./scenario.js').Plan} Plan */
/** @typedef {import('./scenario.js').Wall} Wall */
/** @typedef {import('./scenario.js').Zone} Zone */
/** @typedef {import('./scenario.js').Pt} Pt */

/** The wall kinds, as the core names them. */
export const WALL_KINDS = ['wall', 'door', 'window', 'glass', 'railing'];
/** The zone kinds, as the core names them. */
export const ZONE_KINDS = ['room', 'exterior', 'asset'];

/** Plan -> the plan its edits started from (one opened, imported or started empty). @type {WeakMap<Plan, Plan>} */
const origin = new WeakMap();

/** @param {Plan} p */
function originOf(p) {
  return origin.get(p) ?? p;
}

/** True when one plan was made from the other by edits (either way: undo and redo). @param {Plan} a @param {Plan} b */
export function isPlanEdit(a, b) {
  return originOf(a) === originOf(b);
}

/** @param {Plan} from @param {Partial<Plan>} parts @returns {Plan} */
function edited(from, parts) {
  const next = { ...from, ...parts };
  origin.set(next, originOf(from));
  return next;
}

/** @param {Scenario} s @param {Plan} plan @returns {Scenario} */
export function withPlan(s, plan) {
  return { ...s, plan };
}

/** An id not used by any wall or zone, like `wall-7`. @param {Plan} plan @param {string} stem */
export function freshPlanId(plan, stem) {
  // Ids are unique over the file: on a site, the other levels' walls and zones count too.
  const elsewhere = /** @type {Set<string>|undefined} */ (/** @type {any} */ (plan)[IDS_ELSEWHERE]);
  const used = new Set([...plan.walls.map((w) => w.id), ...plan.zones.map((z) => z.id), ...(elsewhere ?? [])]);
  for (let n = 1; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Rounds plan metres to the millimetre: what a drawn point is saved as. @param {Pt} p @returns {Pt} */
export function mm(p) {
  return [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000];
}

/** @param {Plan} plan @param {Pt[]} path @param {string} [kind] @returns {{plan: Plan, id: string}} */
export function addWall(plan, path, kind = 'wall') {
  const id = freshPlanId(plan, kind === 'wall' ? 'wall' : kind);
  return { plan: edited(plan, { walls: [...plan.walls, { id, kind, path: path.map(mm) }] }), id };
}

/** @param {Plan} plan @param {number} i @param {Wall} wall */
function replaceWall(plan, i, wall) {
  const walls = plan.walls.slice();
  walls[i] = wall;
  return edited(plan, { walls });
}

/** Moves vertex k of wall i. @param {Plan} plan @param {number} i @param {number} k @param {Pt} p */
export function moveWallVertex(plan, i, k, p) {
  const w = plan.walls[i];
  const path = w.path.slice();
  path[k] = mm(p);
  return replaceWall(plan, i, { ...w, path });
}

/**
 * Moves every wall vertex at the point `at` (a corner shared by several walls moves as
 * one) to `p`. @param {Plan} plan @param {Pt} at @param {Pt} p
 */
export function moveCorner(plan, at, p) {
  const to = mm(p);
  let changed = false;
  const walls = plan.walls.map((w) => {
    if (!w.path.some((q) => q[0] === at[0] && q[1] === at[1])) return w;
    changed = true;
    return { ...w, path: w.path.map((q) => (q[0] === at[0] && q[1] === at[1] ? to : q)) };
  });
  return changed ? edited(plan, { walls }) : plan;
}

/**
 * When plan `b` is plan `a` with one corner moved (`moveCorner`: every wall vertex at
 * `from` is at `to`, nothing else changed), that move; else null. Lets the core take a
 * corner drag without the whole plan (`Scene.moveCorner`).
 * @param {Plan} a @param {Plan} b @returns {{from: Pt, to: Pt}|null}
 */
export function cornerMoved(a, b) {
  if (a.zones !== b.zones || a.walls.length !== b.walls.length) return null;
  for (const k of Object.keys(b)) if (k !== 'walls' && b[/** @type {keyof Plan} */ (k)] !== a[/** @type {keyof Plan} */ (k)]) return null;
  /** @type {Pt|null} */
  let from = null;
  /** @type {Pt|null} */
  let to = null;
  const changed = [];
  for (let i = 0; i < a.walls.length; i++) {
    const wa = a.walls[i], wb = b.walls[i];
    if (wa === wb) continue;
    if (wa.path.length !== wb.path.length) return null;
    for (const k of new Set([...Object.keys(wa), ...Object.keys(wb)])) {
      if (k !== 'path' && wa[/** @type {keyof Wall} */ (k)] !== wb[/** @type {keyof Wall} */ (k)]) return null;
    }
    for (let k = 0; k < wa.path.length; k++) {
      const p = wa.path[k], q = wb.path[k];
      if (p[0] === q[0] && p[1] === q[1]) continue;
      if (!from) { from = p; to = q; }
      if (p[0] !== from[0] || p[1] !== from[1] || !to || q[0] !== to[0] || q[1] !== to[1]) return null;
    }
    changed.push(i);
  }
  if (!from || !to) return null;
  // The core moves every vertex at `from`: none may be left there, in any wall.
  for (let i = 0; i < a.walls.length; i++) {
    if (a.walls[i] !== b.walls[i]) {
      if (b.walls[i].path.some((p) => p[0] === from[0] && p[1] === from[1])) return null;
      continue;
    }
    if (a.walls[i].path.some((p) => p[0] === from[0] && p[1] === from[1])) return null;
  }
  return changed.length ? { from, to } : null;
}

/** Inserts a vertex in wall i after vertex k. @param {Plan} plan @param {number} i @param {number} k @param {Pt} p */
export function insertWallVertex(plan, i, k, p) {
  const w = plan.walls[i];
  const path = [...w.path.slice(0, k + 1), mm(p), ...w.path.slice(k + 1)];
  return replaceWall(plan, i, { ...w, path });
}

/**
 * Deletes vertex k of wall i; a wall left with one point is deleted.
 * @param {Plan} plan @param {number} i @param {number} k
 */
export function deleteWallVertex(plan, i, k) {
  const w = plan.walls[i];
  const path = w.path.filter((_, j) => j !== k);
  if (path.length < 2) return deleteWalls(plan, [w.id]);
  return replaceWall(plan, i, { ...w, path });
}

/**
 * Splits wall i at vertex k (0 < k < last) into two walls, the second with a fresh id.
 * @param {Plan} plan @param {number} i @param {number} k @returns {{plan: Plan, id: string}}
 */
export function splitWall(plan, i, k) {
  const w = plan.walls[i];
  const id = freshPlanId(plan, w.id.replace(/-\d+$/, ''));
  const walls = plan.walls.slice();
  walls.splice(i, 1, { ...w, path: w.path.slice(0, k + 1) }, { ...w, id, path: w.path.slice(k) });
  return { plan: edited(plan, { walls }), id };
}

/** @param {Plan} plan @param {string[]} ids */
export function deleteWalls(plan, ids) {
  const gone = new Set(ids);
  return edited(plan, { walls: plan.walls.filter((w) => !gone.has(w.id)) });
}

/**
 * Sets a wall's properties: kind, open (doors), opaque (windows, glass, railings: null
 * goes back to the kind's default), exterior. Properties that do not apply to the new
 * kind are dropped: `open` is for doors, `opaque` for windows, glass and railings. @param {Plan} plan @param {string} id
 * @param {{kind?: string, open?: boolean, opaque?: boolean|null, exterior?: boolean}} patch
 */
export function setWallProps(plan, id, patch) {
  const i = plan.walls.findIndex((w) => w.id === id);
  if (i < 0) return plan;
  /** @type {Wall} */
  const w = { ...plan.walls[i] };
  if (patch.kind !== undefined) w.kind = patch.kind;
  if (patch.open !== undefined) w.open = patch.open;
  if (patch.opaque !== undefined) {
    if (patch.opaque === null) delete w.opaque;
    else w.opaque = patch.opaque;
  }
  if (patch.exterior !== undefined) w.exterior = patch.exterior;
  if (w.kind !== 'door' || !w.open) delete w.open;
  if (w.kind === 'wall' || w.kind === 'door') delete w.opaque;
  if (!w.exterior) delete w.exterior;
  return replaceWall(plan, i, w);
}

/** @param {Plan} plan @param {Pt[]} polygon @param {Pt[][]} holes @param {Partial<Zone>} props
 * @returns {{plan: Plan, id: string}} */
export function addZone(plan, polygon, holes, props = {}) {
  const id = freshPlanId(plan, 'zone');
  /** @type {Zone} */
  const zone = { id, name: props.name ?? `Room ${plan.zones.length + 1}`, kind: props.kind ?? 'room',
    priority: props.priority ?? 1, polygon: polygon.map(mm), holes: holes.map((h) => h.map(mm)) };
  if (props.required_level) zone.required_level = props.required_level;
  return { plan: edited(plan, { zones: [...plan.zones, zone] }), id };
}

/** @param {Plan} plan @param {number} i @param {Zone} zone */
function replaceZone(plan, i, zone) {
  const zones = plan.zones.slice();
  zones[i] = zone;
  return edited(plan, { zones });
}

/**
 * Sets a zone's name, kind, priority or required level ('' or null: none).
 * @param {Plan} plan @param {string} id
 * @param {{name?: string, kind?: string, priority?: number, required_level?: string|null}} patch
 */
export function setZoneProps(plan, id, patch) {
  const i = plan.zones.findIndex((z) => z.id === id);
  if (i < 0) return plan;
  /** @type {Zone} */
  const z = { ...plan.zones[i] };
  if (patch.name !== undefined) z.name = patch.name;
  if (patch.kind !== undefined) z.kind = patch.kind;
  if (patch.priority !== undefined) z.priority = patch.priority;
  if (patch.required_level !== undefined) {
    if (patch.required_level) z.required_level = patch.required_level;
    else delete z.required_level;
  }
  return replaceZone(plan, i, z);
}

/**
 * Moves vertex k of ring r of zone i (ring 0 the outline, then the holes).
 * @param {Plan} plan @param {number} i @param {number} r @param {number} k @param {Pt} p
 */
export function moveZoneVertex(plan, i, r, k, p) {
  const z = plan.zones[i];
  const rings = [z.polygon, ...(z.holes ?? [])].map((ring, j) => (j === r ? ring.map((q, m) => (m === k ? mm(p) : q)) : ring));
  return replaceZone(plan, i, { ...z, polygon: rings[0], holes: rings.slice(1) });
}

/** Deletes vertex k of ring r of zone i (refused below three points: returns the plan). @param {Plan} plan
 * @param {number} i @param {number} r @param {number} k */
export function deleteZoneVertex(plan, i, r, k) {
  const z = plan.zones[i];
  const rings = [z.polygon, ...(z.holes ?? [])];
  if (rings[r].length <= 3) return plan;
  const next = rings.map((ring, j) => (j === r ? ring.filter((_, m) => m !== k) : ring));
  return replaceZone(plan, i, { ...z, polygon: next[0], holes: next.slice(1) });
}

/** Adds a hole to zone i. @param {Plan} plan @param {number} i @param {Pt[]} ring */
export function addZoneHole(plan, i, ring) {
  const z = plan.zones[i];
  return replaceZone(plan, i, { ...z, holes: [...(z.holes ?? []), ring.map(mm)] });
}

/** @param {Plan} plan @param {string[]} ids */
export function deleteZones(plan, ids) {
  const gone = new Set(ids);
  return edited(plan, { zones: plan.zones.filter((z) => !gone.has(z.id)) });
}

/** The length of a polyline, metres. @param {Pt[]} path */
export function pathLength(path) {
  let len = 0;
  for (let k = 1; k < path.length; k++) len += Math.hypot(path[k][0] - path[k - 1][0], path[k][1] - path[k - 1][1]);
  return len;
}
