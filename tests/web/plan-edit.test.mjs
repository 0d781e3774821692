// Unit tests of the plan editor's pure modules (www/js/model/plan.js, snap.js), in Node:
// `node --test tests/web/`. Expected values are worked out by hand.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  addWall, moveCorner, insertWallVertex, deleteWallVertex, splitWall, deleteWalls, setWallProps,
  addZone, setZoneProps, moveZoneVertex, deleteZoneVertex, isPlanEdit, pathLength,
} from '../../www/js/model/plan.js';
import { snapPoint, atLength, gridStep } from '../../www/js/model/snap.js';

/** Two walls meeting at (10, 0) and one zone. */
function plan() {
  return {
    walls: [
      { id: 'a', kind: 'wall', path: [[0, 0], [10, 0]] },
      { id: 'b', kind: 'wall', path: [[10, 0], [10, 8]] },
    ],
    zones: [{ id: 'z', name: 'Room', kind: 'room', priority: 1, polygon: [[0, 0], [10, 0], [10, 8], [0, 8]], holes: [] }],
  };
}

test('a moved corner moves every wall meeting there, and nothing else is copied', () => {
  const p = plan();
  const q = moveCorner(p, [10, 0], [12, 1.23456]);
  assert.deepEqual(q.walls[0].path, [[0, 0], [12, 1.235]]);
  assert.deepEqual(q.walls[1].path, [[12, 1.235], [10, 8]]);
  assert.equal(q.zones, p.zones, 'zones shared');
  assert.deepEqual(p.walls[0].path, [[0, 0], [10, 0]], 'the old plan is untouched');
  assert.ok(isPlanEdit(p, q) && isPlanEdit(q, p));
  assert.ok(isPlanEdit(p, moveCorner(q, [12, 1.235], [11, 0])), 'a series of edits');
  assert.ok(!isPlanEdit(p, plan()), 'another plan');
  assert.equal(moveCorner(p, [5, 5], [6, 6]), p, 'no corner there: unchanged');
});

test('walls: add with fresh ids, insert, delete and split corners, delete walls', () => {
  const p = plan();
  const { plan: q, id } = addWall(p, [[0, 8], [0, 0]]);
  assert.equal(id, 'wall-1');
  assert.equal(q.walls.length, 3);
  assert.equal(addWall(q, [[1, 1], [2, 2]], 'door').id, 'door-1');
  const r = insertWallVertex(p, 0, 0, [5, -1]);
  assert.deepEqual(r.walls[0].path, [[0, 0], [5, -1], [10, 0]]);
  assert.deepEqual(deleteWallVertex(r, 0, 1).walls[0].path, [[0, 0], [10, 0]]);
  assert.equal(deleteWallVertex(p, 0, 0).walls.length, 1, 'a wall left with one point goes');
  const s = splitWall(r, 0, 1);
  assert.deepEqual(s.plan.walls.map((w) => [w.id, w.path]), [['a', [[0, 0], [5, -1]]], ['a-1', [[5, -1], [10, 0]]], ['b', [[10, 0], [10, 8]]]]);
  assert.deepEqual(deleteWalls(p, ['a']).walls.map((w) => w.id), ['b']);
  assert.equal(pathLength([[0, 0], [3, 4], [3, 10]]), 11);
});

test('wall properties keep only what applies to the kind', () => {
  let p = setWallProps(plan(), 'a', { kind: 'door', open: true, exterior: true });
  assert.deepEqual(p.walls[0], { id: 'a', kind: 'door', path: [[0, 0], [10, 0]], open: true, exterior: true });
  p = setWallProps(p, 'a', { kind: 'window', opaque: false });
  assert.deepEqual(p.walls[0], { id: 'a', kind: 'window', path: [[0, 0], [10, 0]], opaque: false, exterior: true });
  p = setWallProps(p, 'a', { opaque: null, exterior: false });
  assert.deepEqual(p.walls[0], { id: 'a', kind: 'window', path: [[0, 0], [10, 0]] });
  p = setWallProps(p, 'a', { kind: 'wall', opaque: true });
  assert.deepEqual(p.walls[0], { id: 'a', kind: 'wall', path: [[0, 0], [10, 0]] });
});

test('zones: add, properties (a required level set and cleared), corners', () => {
  const { plan: p, id } = addZone(plan(), [[20, 0], [30, 0], [30, 5]], []);
  assert.equal(id, 'zone-1');
  assert.equal(p.zones[1].name, 'Room 2');
  let q = setZoneProps(p, id, { name: 'Vault', kind: 'asset', priority: 5, required_level: 'identify' });
  assert.deepEqual({ ...q.zones[1], polygon: undefined }, { id, name: 'Vault', kind: 'asset', priority: 5, required_level: 'identify', holes: [], polygon: undefined });
  q = setZoneProps(q, id, { required_level: null });
  assert.ok(!('required_level' in q.zones[1]));
  assert.deepEqual(moveZoneVertex(q, 1, 0, 2, [30, 6]).zones[1].polygon, [[20, 0], [30, 0], [30, 6]]);
  assert.equal(deleteZoneVertex(q, 1, 0, 0), q, 'a triangle keeps its three corners');
});

test('snapping: corners first, then walls, then 15° steps on the grid, then the grid; Alt none', () => {
  const p = plan();
  const o = { tol: 0.3, grid: 0.5 };
  assert.deepEqual(snapPoint(p, [9.8, 0.1], o), { point: [10, 0], kind: 'vertex' });
  assert.deepEqual(snapPoint(p, [4.1, 0.2], o), { point: [4.1, 0], kind: 'wall' });
  // From (20, 20) toward about 44°: the 45° ray, length 7.07 rounded to the grid: 7.0.
  const s = snapPoint(p, [25, 24.9], { ...o, from: [20, 20] });
  assert.equal(s.kind, 'angle');
  assert.equal(s.angle, 45);
  assert.ok(Math.abs(s.point[0] - (20 + 7 * Math.SQRT1_2)) < 1e-12 && Math.abs(s.point[1] - (20 + 7 * Math.SQRT1_2)) < 1e-12);
  assert.deepEqual(snapPoint(p, [21.2, 23.9], o), { point: [21, 24], kind: 'grid' });
  assert.deepEqual(snapPoint(p, [9.8, 0.1], { ...o, off: true }), { point: [9.8, 0.1], kind: 'none' });
  // A corner dragged from (10, 0) snaps neither back to itself nor to the pieces it ends.
  const skip = (/** @type {number} */ i, /** @type {number} */ k) => (i === 0 && k === 1) || (i === 1 && k === 0);
  assert.deepEqual(snapPoint(p, [9.8, 0.1], { ...o, skip, not: [10, 0] }), { point: [10, 0], kind: 'grid' });
  assert.deepEqual(snapPoint(p, [9.6, 0.1], { ...o, skip, not: [10, 0] }), { point: [9.5, 0], kind: 'grid' });
});

test('a typed length: the point at that distance toward the pointer', () => {
  assert.deepEqual(atLength([20, 6], [27.5, 6], 4.25), [24.25, 6]);
  const q = atLength([0, 0], [3, 4], 10);
  assert.deepEqual(q, [6, 8]);
  assert.equal(atLength([0, 0], [0, 0], 2), null);
  assert.equal(atLength([0, 0], [1, 0], 0), null);
  assert.equal(atLength([0, 0], [1, 0], NaN), null);
  assert.equal(gridStep(25), 0.5);
  assert.equal(gridStep(300), 0.05);
});
