// Unit tests of the underlay's pure parts (www/js/model/underlay.js: placement, move, turn,
// calibration; www/js/underlay/load.js: the signature and header checks), in Node:
// `node --test tests/web/`. Expected values are worked out by hand.
import test from 'node:test';
import assert from 'node:assert/strict';
import { toPlan, toImage, corners, contains, calibrated, rotatedTo, moved, placeNew, withImage, withUnderlay, distanceM, imageMatrix, placementProblem } from '../../www/js/model/underlay.js';
import { sniff, headerSize, isUnderlayFile } from '../../www/js/underlay/load.js';

const IMG = { name: 'scan.png', type: 'image/png', bytes: 10, sha256: 'a'.repeat(64), width: 800, height: 600 };
/** @returns {any} */
const u0 = (extra = {}) => ({ image: IMG, position: [10, 20], scale: 0.05, rotation_deg: 0, opacity: 0.6, locked: false, ...extra });

/** @param {number[]} a @param {number[]} b */
function near(a, b, eps = 1e-9) {
  assert.equal(a.length, b.length);
  a.forEach((x, i) => assert.ok(Math.abs(x - b[i]) < eps, `${a} vs ${b}`));
}

test('an unrotated image: u runs east, v south, from the top-left corner', () => {
  const u = u0();
  near(toPlan(u, 0, 0), [10, 20]);
  near(toPlan(u, 800, 0), [50, 20]);
  near(toPlan(u, 0, 600), [10, -10]);
  near(toImage(u, 30, 5), [400, 300]);
  near(corners(u).flat(), [10, 20, 50, 20, 50, -10, 10, -10]);
  assert.ok(contains(u, 30, 5) && !contains(u, 51, 5) && !contains(u, 30, 21));
  near(imageMatrix(u), [0.05, 0, 0, -0.05, 10, 20]);
});

test('turned 90° anticlockwise: the top edge points north, v runs east', () => {
  const u = u0({ rotation_deg: 90 });
  near(toPlan(u, 800, 0), [10, 60]);
  near(toPlan(u, 0, 600), [40, 20]);
  near(toImage(u, ...toPlan(u, 123, 456)), [123, 456]);
});

test('turning keeps the centre where it is', () => {
  const u = u0();
  const c = toPlan(u, 400, 300); // (30, 5)
  const r = rotatedTo(u, 30);
  assert.equal(r.rotation_deg, 30);
  near(toPlan(r, 400, 300), c, 1e-9);
  assert.equal(rotatedTo(u, 370).rotation_deg, 10);
  assert.equal(rotatedTo(u, -190).rotation_deg, 170);
});

test('calibration: A and B 400 px apart are 8 m, and A stays where it was', () => {
  const u = u0({ rotation_deg: 20 });
  const a = [100.5, 100.5], b = [500.5, 100.5];
  const atA = toPlan(u, ...a);
  const c = calibrated(u, a, b, 8);
  assert.ok(c);
  assert.equal(c.scale, 0.02);
  near(toPlan(c, ...a), atA, 1e-9);
  assert.equal(distanceM(c, a, b), 8);
  // A point 600 px along the top edge is then 12 m from A.
  const p = toPlan(c, 700.5, 100.5);
  assert.ok(Math.abs(Math.hypot(p[0] - atA[0], p[1] - atA[1]) - 12) < 1e-9);
  assert.equal(calibrated(u, a, a, 8), null, 'the same point twice');
  assert.equal(calibrated(u, a, b, 0), null);
  assert.equal(calibrated(u, a, b, Number.NaN), null);
});

test('a new underlay fits the span asked, centred; moving and replacing keep the rest', () => {
  const n = placeNew(IMG, [0, 0], 40);
  assert.equal(n.scale, 0.05);
  near(toPlan(n, 400, 300), [0, 0]);
  assert.equal(n.locked, false);
  const m = moved(n, 1, -2);
  near(m.position, [n.position[0] + 1, n.position[1] - 2]);
  const same = withImage(n, { ...IMG, sha256: 'b'.repeat(64) });
  assert.equal(same.scale, n.scale);
  const half = withImage(n, { ...IMG, width: 1600, height: 1200 });
  assert.equal(half.scale, 0.025, 'spans the same width');
  const s = { blindspot: 1, name: 'x', plan: { walls: [], zones: [] }, catalog: [], cameras: [] };
  assert.equal(withUnderlay(s, n).underlay, n);
  assert.ok(!('underlay' in withUnderlay(withUnderlay(s, n), undefined)));
});

test('file types by their first bytes, sizes from the headers', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x4e, 0x20, 0, 0, 0x27, 0x10]);
  assert.equal(sniff(png), 'image/png');
  assert.deepEqual(headerSize(png, 'image/png'), [20000, 10000]);
  assert.equal(headerSize(png.subarray(0, 20), 'image/png'), null, 'cut short');
  // SOI, an APP0 of 4 bytes, then SOF0: length 17, precision 8, height 600, width 800.
  const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0x02, 0x58, 0x03, 0x20, 3]);
  assert.equal(sniff(jpg), 'image/jpeg');
  assert.deepEqual(headerSize(jpg, 'image/jpeg'), [800, 600]);
  assert.equal(headerSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'image/jpeg'), null, 'scan data before a frame');
  assert.equal(sniff(new TextEncoder().encode('junk\n%PDF-1.7\n')), 'application/pdf');
  assert.equal(sniff(new TextEncoder().encode('{"blindspot": 1}')), null);
  assert.equal(sniff(new Uint8Array([0x89, 0x50])), null);
  assert.ok(isUnderlayFile(/** @type {any} */ ({ name: 'Plan.JPG', type: '' })));
  assert.ok(isUnderlayFile(/** @type {any} */ ({ name: 'scan', type: 'application/pdf' })));
  assert.ok(!isUnderlayFile(/** @type {any} */ ({ name: 'plan.json', type: 'application/json' })));
});

test('a placement the core would refuse on reading is caught before the edit', () => {
  assert.equal(placementProblem(u0()), null);
  // A and B one pixel apart, typed as 10,000 km: a scale no file may hold.
  const far = calibrated(u0(), [0, 0], [1, 0], 1e7);
  assert.ok(far);
  assert.match(String(placementProblem(far)), /at most 1000000/);
  assert.match(String(placementProblem(moved(u0(), 2e6, 0))), /beyond ±1000000 m/);
  assert.equal(placementProblem(moved(u0(), 999_000, 0)), null);
});
