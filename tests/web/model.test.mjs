// Unit tests of the page's pure modules (www/js/model, www/js/view, tools' pure helpers),
// in Node: `node --test tests/web/` (scripts/test.sh runs them). Expected values are worked
// out by hand from the rules in docs/cameras.md and docs/web-app.md.
import test from 'node:test';
import assert from 'node:assert/strict';
import { withCamera, withoutCamera, freshCameraId, roundTo } from '../../www/js/model/scenario.js';
import { Store } from '../../www/js/model/history.js';
import { fromFile, toFile, withLayoutAdded, withLayoutRemoved, layoutsOf, activeLayout, cameraDiff } from '../../www/js/model/layouts.js';
import { toScreen, toWorld, toDevice, deviceMatrix, zoomAt, fitView } from '../../www/js/view/transform.js';
import { toggledMarks } from '../../www/js/tools/mark-tool.js';
import { dragResult } from '../../www/js/tools/camera-tool.js';

/** A small scenario: two cameras, one model. */
function scenario() {
  return {
    blindspot: 1, name: 'Test',
    plan: { walls: [], zones: [] },
    catalog: [{ id: 'dome', name: 'Dome', kind: 'dome', hfov_deg: 100, range_m: 15 }],
    cameras: [
      { id: 'a', model: 'dome', position: [0, 0], heading_deg: 0 },
      { id: 'b', position: [5, 5], heading_deg: 90, hfov_deg: 60, range_m: 10 },
    ],
  };
}

test('edits share every part they do not change', () => {
  const s = scenario();
  const t = withCamera(s, 1, { heading_deg: 180, hfov_deg: undefined });
  assert.equal(t.plan, s.plan);
  assert.equal(t.catalog, s.catalog);
  assert.equal(t.cameras[0], s.cameras[0]);
  assert.notEqual(t.cameras[1], s.cameras[1]);
  assert.equal(t.cameras[1].heading_deg, 180);
  assert.equal('hfov_deg' in t.cameras[1], false, 'an undefined patch value removes the field');
  assert.deepEqual(withoutCamera(s, 0).cameras.map((c) => c.id), ['b']);
  assert.equal(freshCameraId({ ...s, cameras: [...s.cameras, { id: 'cam-1', position: [0, 0], heading_deg: 0 }] }), 'cam-2');
});

test('history: quick repeated edits of one kind are one undo step; a gesture is one step', () => {
  const store = new Store();
  const s0 = scenario();
  store.reset(s0);
  const s1 = withCamera(s0, 0, { position: [0.1, 0] });
  const s2 = withCamera(s1, 0, { position: [0.2, 0] });
  store.commit(s1, 'Move', { coalesce: 'move:a' });
  store.commit(s2, 'Move', { coalesce: 'move:a' });
  assert.equal(store.undoStack.length, 1);
  store.beginGesture();
  store.preview(withCamera(s2, 1, { heading_deg: 10 }));
  store.preview(withCamera(s2, 1, { heading_deg: 20 }));
  assert.equal(store.endGesture('Rotate'), true);
  assert.equal(store.undoStack.length, 2);
  store.undo();
  assert.equal(store.scenario, s2);
  store.undo();
  assert.equal(store.scenario, s0);
  assert.equal(store.canUndo(), false);
});

test('layouts: a file with options opens as layouts and saves back the same', () => {
  const file = { ...scenario(), options: [{ name: 'B', cameras: [scenario().cameras[1]] }] };
  const s = fromFile(file, 1);
  assert.equal(activeLayout(s), 1);
  assert.equal(s.name, 'B');
  assert.deepEqual(toFile(s), file);
  const added = withLayoutAdded(s, 'C', []);
  assert.deepEqual(layoutsOf(added).map((l) => l.name), ['Test', 'B', 'C']);
  assert.equal(activeLayout(added), 2);
  // Removing the layout shown shows its neighbour.
  const removed = withLayoutRemoved(added, 2);
  assert.equal(removed.name, 'B');
  const d = cameraDiff(scenario().cameras, [{ ...scenario().cameras[0], heading_deg: 45 }, { id: 'c', position: [1, 1], heading_deg: 0 }]);
  assert.deepEqual([d.added.map((c) => c.id), d.changed.map((c) => c.id), d.removed.map((c) => c.id)], [['c'], ['a'], ['b']]);
});

test('the view transform: screen and plan points go back and forth, and the canvas matrix agrees', () => {
  const v = { scale: 12.5, tx: 300, ty: 420 };
  // By hand: x = 2 m -> 2 * 12.5 + 300 = 325; y = 4 m -> -4 * 12.5 + 420 = 370.
  assert.deepEqual(toScreen(v, 2, 4), [325, 370]);
  assert.deepEqual(toWorld(v, 325, 370), [2, 4]);
  assert.deepEqual(toDevice(v, 2, 2, 4), [650, 740]);
  const [a, b, c, d, e, f] = deviceMatrix(v, 2);
  assert.deepEqual([a * 2 + c * 4 + e, b * 2 + d * 4 + f], [650, 740]);
  // Zooming keeps the point under the cursor still.
  const z = zoomAt(v, 2, 325, 370);
  assert.deepEqual(toScreen(z, 2, 4), [325, 370]);
  // Fitting a 10 x 10 m box into 200 x 100 px with no padding: 10 px/m, centred.
  const fit = fitView({ minX: 0, minY: 0, maxX: 10, maxY: 10 }, 200, 100, 0);
  assert.equal(fit.scale, 10);
  assert.deepEqual(toScreen(fit, 5, 5), [100, 50]);
});

test('marks: a click adds a place, a click near one removes it', () => {
  const m1 = toggledMarks([], 1.234, 5.678, 0.5);
  assert.deepEqual(m1, [[1.23, 5.68]]);
  const m2 = toggledMarks(m1, 3, 3, 0.5);
  assert.equal(m2.length, 2);
  assert.deepEqual(toggledMarks(m2, 1.4, 5.5, 0.5), [[3, 3]]);
});

test('dragging handles: heading follows the pointer, the field of view is symmetric, range is the distance', () => {
  const s = scenario();
  const cam = s.cameras[1]; // at (5, 5), heading 90
  assert.equal(dragResult(s, 1, cam, 'heading', 5, 0, [0, 0])?.cameras[1].heading_deg, 270);
  // The edge 30° from the axis on either side: a 60° field of view.
  const edge = [5 + 4 * Math.cos((60 * Math.PI) / 180), 5 + 4 * Math.sin((60 * Math.PI) / 180)];
  assert.equal(dragResult(s, 1, cam, 'fovLeft', edge[0], edge[1], [0, 0])?.cameras[1].hfov_deg, 60);
  assert.equal(dragResult(s, 1, cam, 'range', 8, 9, [0, 0])?.cameras[1].range_m, 5);
  assert.deepEqual(dragResult(s, 1, cam, 'move', 1, 2, [0.5, -0.25])?.cameras[1].position, [1.5, 1.75]);
  assert.equal(dragResult(s, 1, cam, 'range', 5, 5, [0, 0]), null, 'a drag onto the camera itself has no direction');
  assert.equal(roundTo(1.23456, 2), 1.23);
});
