// Unit tests of the renderer's level of detail and culling (www/js/render/wall-mask.js,
// cull.js), in Node: `node --test tests/web/`. Expected pixels and boxes are
// worked out by hand from the view transform: device X = (x * scale + tx) * dpr,
// Y = (ty - y * scale) * dpr, and a point at (X, Y) lies in pixel (floor X, floor Y).
import test from 'node:test';
import assert from 'node:assert/strict';
import { stampWalls, paintLabels, rgbaOf, clipSegment } from '../../www/js/render/wall-mask.js';
import { pathBox, visiblePlanBox, onScreen, meets, polygonBox } from '../../www/js/render/cull.js';

/** The labelled pixels as "x,y=label" strings, row by row. @param {Uint8Array} labels @param {number} W */
function labelled(labels, W) {
  const out = [];
  for (let i = 0; i < labels.length; i++) if (labels[i]) out.push(`${i % W},${Math.floor(i / W)}=${labels[i]}`);
  return out;
}

const view = { scale: 1, tx: 0, ty: 10 };

test('a horizontal wall is stamped on the pixels it crosses, one row high with r = 0', () => {
  // (1, 0.5) -> (5, 0.5): X from 1 to 5, Y = 10 - 0.5 = 9.5: row 9, columns 1 to 5.
  const { labels, steps } = stampWalls([[[[1, 0.5], [5, 0.5]]]], view, 1, 12, 12, 0);
  assert.deepEqual(labelled(labels, 12), ['1,9=1', '2,9=1', '3,9=1', '4,9=1', '5,9=1']);
  assert.equal(steps, 5);
});

test('r = 1 stamps a 3 x 3 square at each step: three rows, one column more each side', () => {
  const { labels } = stampWalls([[[[1, 0.5], [5, 0.5]]]], view, 1, 12, 12, 1);
  const want = [];
  for (const y of [8, 9, 10]) for (let x = 0; x <= 6; x++) want.push(`${x},${y}=1`);
  assert.deepEqual(labelled(labels, 12), want);
});

test('a later look is stamped over an earlier one where they cross', () => {
  // Walls: row 9 from x = 1 to 5; doors: column 3 (X = 3.5), rows 6 (Y = 10 - 3.9 = 6.1) to 9 (Y = 9.9).
  const { labels } = stampWalls([[[[1, 0.5], [5, 0.5]]], [[[3.5, 3.9], [3.5, 0.1]]]], view, 1, 12, 12, 0);
  assert.deepEqual(labelled(labels, 12), ['3,6=2', '3,7=2', '3,8=2', '1,9=1', '2,9=1', '3,9=2', '4,9=1', '5,9=1']);
});

test('the device pixel ratio scales the points; a polyline is stamped segment by segment', () => {
  // dpr 2: (1, 9.75) -> X 2, Y (10 - 9.75) * 2 = 0.5; (2, 9.75) -> X 4; then down to (2, 8.75) -> Y 2.5.
  const { labels } = stampWalls([[[[1, 9.75], [2, 9.75], [2, 8.75]]]], view, 2, 8, 8, 0);
  assert.deepEqual(labelled(labels, 8), ['2,0=1', '3,0=1', '4,0=1', '4,1=1', '4,2=1']);
});

test('a wall far longer than the canvas costs the canvas width, not its length', () => {
  const { labels, steps } = stampWalls([[[[-1e9, 0.5], [1e9, 0.5]]]], view, 1, 12, 12, 1);
  assert.ok(steps <= 12 + 2 * 2 + 2, `steps ${steps}`);
  for (let x = 0; x < 12; x++) for (const y of [8, 9, 10]) assert.equal(labels[y * 12 + x], 1, `pixel ${x},${y}`);
  assert.equal(labels[7 * 12 + 5], 0);
  assert.equal(labels[11 * 12 + 5], 0);
});

test('walls off the canvas stamp nothing; the buffer is reused and cleared', () => {
  const first = stampWalls([[[[1, 0.5], [5, 0.5]]]], view, 1, 12, 12, 0);
  const again = stampWalls([[[[20, 0.5], [30, 0.5]], [[1, 50], [5, 50]]]], view, 1, 12, 12, 0, first.labels);
  assert.equal(again.labels, first.labels);
  assert.deepEqual(labelled(again.labels, 12), []);
  assert.equal(again.steps, 0);
});

test('clipSegment keeps the part inside and drops a miss', () => {
  assert.deepEqual(clipSegment(-10, 5, 20, 5, 0, 10, 10), [0, 5, 10, 5]);
  assert.equal(clipSegment(-10, 15, 20, 15, 0, 10, 10), null);
  assert.deepEqual(clipSegment(2, 2, 3, 3, 0, 10, 10), [2, 2, 3, 3]);
});

test('labels become their look\'s colour; label 0 stays transparent', () => {
  assert.deepEqual(rgbaOf('#1d232b'), [29, 35, 43, 255]);
  assert.throws(() => rgbaOf('red'), /not #rrggbb/);
  const rgba = new Uint8ClampedArray(12);
  paintLabels(new Uint8Array([0, 1, 2]), [[1, 2, 3, 255], [4, 5, 6, 255]], rgba);
  assert.deepEqual([...rgba], [0, 0, 0, 0, 1, 2, 3, 255, 4, 5, 6, 255]);
  assert.throws(() => paintLabels(new Uint8Array(2), [], rgba), /does not match/);
});

test('the visible plan box inverts the view transform, widened by the margin', () => {
  // X = 2x + 10 in [0, 100] -> x in [-5, 45]; Y = 100 - 2y in [0, 50] -> y in [25, 50].
  const v = { scale: 2, tx: 10, ty: 100, width: 100, height: 50, dpr: 1 };
  assert.deepEqual(visiblePlanBox(v, 0), { minX: -5, maxX: 45, minY: 25, maxY: 50 });
  // dpr 2: the same plan box; a margin of 4 device px is 1 m at 4 device px per metre.
  assert.deepEqual(visiblePlanBox({ ...v, dpr: 2 }, 4), { minX: -6, maxX: 46, minY: 24, maxY: 51 });
});

test('culling keeps what meets the box (the same array when everything does)', () => {
  const box = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
  const a = { path: [[1, 1], [2, 2]] }, b = { path: [[20, 20], [30, 20]] }, c = { path: [[-5, 5], [15, 5]] }, e = { path: [] };
  assert.deepEqual(pathBox(c.path), { minX: -5, minY: 5, maxX: 15, maxY: 5 });
  assert.equal(pathBox(c.path), pathBox(c.path), 'cached per array');
  const all = [a, c];
  assert.equal(onScreen(all, (w) => w.path, box), all);
  assert.deepEqual(onScreen([b, a, e, c], (w) => w.path, box), [a, c]);
  assert.ok(meets(box, { minX: 10, minY: 10, maxX: 11, maxY: 11 }), 'touching counts');
  const sh = { coords: new Float64Array([1, 1, 2, 1, 2, 2, 20, 20, 21, 20, 21, 21]), ringOffsets: new Uint32Array([0, 3, 6]),
    polygonOffsets: new Uint32Array([0, 1, 2]) };
  assert.deepEqual(polygonBox(sh, 0), { minX: 1, minY: 1, maxX: 2, maxY: 2 });
  assert.ok(!meets(/** @type {any} */ (polygonBox(sh, 1)), box));
  const empty = { coords: new Float64Array(0), ringOffsets: new Uint32Array([0]), polygonOffsets: new Uint32Array([0, 0]) };
  assert.equal(polygonBox(empty, 0), null);
});
