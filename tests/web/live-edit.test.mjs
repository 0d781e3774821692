// The pure pieces behind a live wall drag: patching several cameras' polygons into a
// layer at once (www/js/core/shapes.js `replacePolygonRuns`, checked against one
// `replacePolygons` per run, an independent path), and recognising a corner move
// (www/js/model/plan.js `cornerMoved`, against `moveCorner`, which makes one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replacePolygons, replacePolygonRuns } from '../../www/js/core/shapes.js';
import { moveCorner, moveWallVertex, cornerMoved } from '../../www/js/model/plan.js';

/** A random layer: `n` polygons of 0-2 rings of 3-6 points. @param {() => number} rnd @param {number} n */
function layer(rnd, n) {
  const coords = [], rings = [0], polys = [0];
  for (let p = 0; p < n; p++) {
    const k = Math.floor(rnd() * 3);
    for (let r = 0; r < k; r++) {
      const m = 3 + Math.floor(rnd() * 4);
      for (let i = 0; i < m; i++) coords.push(rnd() * 100, rnd() * 100);
      rings.push(coords.length / 2);
    }
    polys.push(rings.length - 1);
  }
  return { coords: new Float64Array(coords), ringOffsets: new Uint32Array(rings), polygonOffsets: new Uint32Array(polys) };
}

/** A small deterministic generator (mulberry32). @param {number} seed */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plain = (/** @type {{coords: Float64Array, ringOffsets: Uint32Array, polygonOffsets: Uint32Array}} */ s) =>
  ({ coords: [...s.coords], ringOffsets: [...s.ringOffsets], polygonOffsets: [...s.polygonOffsets] });

test('several runs patched at once equal one patch per run', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const rnd = rng(seed);
    const per = 1 + Math.floor(rnd() * 3);
    const cams = 1 + Math.floor(rnd() * 12);
    const full = layer(rnd, cams * per);
    const chosen = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * cams) }, () => Math.floor(rnd() * cams)))];
    const patches = chosen.map((i) => {
      const part = layer(rnd, per + 2);
      return { p: i * per, part, q: Math.floor(rnd() * 3) };
    });
    let one = full;
    for (const { p, part, q } of patches) one = replacePolygons(one, p, part, q, per);
    assert.deepEqual(plain(replacePolygonRuns(full, patches, per)), plain(one), `seed ${seed}`);
  }
});

test('a run that does not fit, or runs that overlap, are refused', () => {
  const full = layer(rng(7), 4);
  const part = layer(rng(8), 2);
  assert.throws(() => replacePolygonRuns(full, [{ p: 4, part, q: 0 }], 1), /do not fit/);
  assert.throws(() => replacePolygonRuns(full, [{ p: 0, part, q: 0 }, { p: 1, part, q: 0 }], 2), /do not fit/);
  assert.deepEqual(plain(replacePolygonRuns(full, [], 1)), plain(full));
});

/** @type {import('../../www/js/model/scenario.js').Plan} */
const PLAN = {
  walls: [
    { id: 'a', kind: 'wall', path: [[0, 0], [10, 0]] },
    { id: 'b', kind: 'wall', path: [[10, 0], [10, 8], [0, 8]] },
    { id: 'd', kind: 'door', path: [[0, 8], [0, 0]] },
  ],
  zones: [],
};

test('a corner move is recognised, with every wall at the corner moved', () => {
  const moved = moveCorner(PLAN, [10, 0], [11.25, -0.5]);
  assert.deepEqual(cornerMoved(PLAN, moved), { from: [10, 0], to: [11.25, -0.5] });
  const also = moveCorner(PLAN, [0, 8], [0.5, 8]);
  assert.deepEqual(cornerMoved(PLAN, also), { from: [0, 8], to: [0.5, 8] });
});

test('other edits are not corner moves', () => {
  assert.equal(cornerMoved(PLAN, PLAN), null);
  // One wall's vertex moved while another wall keeps a vertex at that corner.
  assert.equal(cornerMoved(PLAN, moveWallVertex(PLAN, 0, 1, [12, 0])), null);
  // Two corners moved.
  assert.equal(cornerMoved(PLAN, moveCorner(moveCorner(PLAN, [10, 0], [11, 0]), [0, 8], [1, 8])), null);
  // A wall's kind changed along with the move.
  const m = moveCorner(PLAN, [10, 0], [11, 0]);
  assert.equal(cornerMoved(PLAN, { ...m, walls: m.walls.map((w, i) => (i === 0 ? { ...w, kind: 'glass' } : w)) }), null);
  // The zones changed.
  assert.equal(cornerMoved(PLAN, { ...m, zones: [] }), null);
});
