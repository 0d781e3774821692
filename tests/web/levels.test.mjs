// Unit tests of the page's levels (www/js/model/levels.js with layouts.js): a site of
// several levels is split into the level shown and the rest, edits stay on their level,
// and the file form gives every level back. Expected values are worked out by hand from
// tests/fixtures/levels/quay-and-two-floors.json (docs/scenario-format.md, "Levels").
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fromFile, toFile, coreScenario, withLayoutActive, withLayoutAdded, allLayoutCameras, withEveryLayoutCameras } from '../../www/js/model/layouts.js';
import { connectionsOf, splitLevels, mergeLevels, withLevelShown, shownLevel, hasLevels, levelSlice, isLevelSwitch, cameraIdsElsewhere, planOfLevel } from '../../www/js/model/levels.js';
import { freshCameraId, withAddedCamera, withCamera } from '../../www/js/model/scenario.js';
import { addWall, freshPlanId, withPlan } from '../../www/js/model/plan.js';

const FIXTURE = new URL('../fixtures/levels/quay-and-two-floors.json', import.meta.url);
/** The fixture as the page opens it (the core's canonical form has the same items in the same order). */
const file = () => JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const ids = (/** @type {{id: string}[]} */ xs) => xs.map((x) => x.id);

test('a site opens on its first level; the other levels are kept aside', () => {
  const s = splitLevels(fromFile(file()));
  assert.equal(hasLevels(s), true);
  assert.equal(shownLevel(s), 'site');
  // The quay: its untagged wall, zone and camera.
  assert.deepEqual(ids(s.plan.walls), ['quay-edge']);
  assert.deepEqual(ids(s.plan.zones), ['quay']);
  assert.deepEqual(ids(s.cameras), ['q1']);
  assert.deepEqual(ids(planOfLevel(s, 'ground').walls), ['room-a', 'room-b']);
  assert.deepEqual(ids(planOfLevel(s, 'first').zones), ['gallery', 'case-1']);
  // The option "Domes upstairs" has no camera on the quay.
  assert.deepEqual(s.layouts.list[1].cameras, []);
  assert.deepEqual(ids(s.layouts.list[1].levelCameras.first), ['f1']);
});

test('showing a level swaps its items in and keeps each level\'s parts (the same objects)', () => {
  const s = splitLevels(fromFile(file()));
  const g = withLevelShown(s, 'ground');
  assert.equal(shownLevel(g), 'ground');
  assert.equal(isLevelSwitch(s, g), true);
  assert.deepEqual(ids(g.plan.walls), ['room-a', 'room-b']);
  assert.deepEqual(ids(g.cameras), ['g1']);
  const back = withLevelShown(withLevelShown(g, 'first'), 'site');
  assert.equal(back.plan.walls, s.plan.walls);
  assert.equal(back.cameras, s.cameras);
  assert.equal(withLevelShown(g, 'ground'), g);
});

test('the core gets the slice of the level shown: that level only, no connections', () => {
  const f = withLevelShown(splitLevels(fromFile(file())), 'first');
  const core = coreScenario(f);
  assert.deepEqual(core.levels, [{ id: 'first', name: 'First floor', elevation_m: 5.5 }]);
  assert.equal(core.connections, undefined);
  assert.equal(core.site, undefined);
  assert.deepEqual(ids(core.plan.walls), ['gallery']);
  assert.deepEqual(ids(core.cameras), ['f1']);
  // The other layout's cameras on this level go along as its option.
  assert.deepEqual(core.options.map((o) => [o.name, ids(o.cameras)]), [['Domes upstairs', ['f1']]]);
  assert.equal(levelSlice(core), core);
});

test('the file form gives every level back, each item on its level; a round trip changes nothing', () => {
  const original = file();
  const s = splitLevels(fromFile(original));
  const again = toFile(withLevelShown(withLevelShown(s, 'first'), 'ground'));
  assert.deepEqual(again.plan, original.plan);
  assert.deepEqual(again.cameras, original.cameras);
  assert.deepEqual(again.options, original.options);
  assert.deepEqual(again.levels, original.levels);
  assert.deepEqual(again.connections, original.connections);
  assert.equal(again.site, undefined);
  // A file of one level is untouched by all of it.
  const one = { blindspot: 1, name: 'One', plan: { walls: [], zones: [] }, catalog: [], cameras: [] };
  const page = splitLevels(fromFile(one));
  assert.equal(hasLevels(page), false);
  assert.equal(mergeLevels(page), page);
  assert.deepEqual(toFile(page), one);
});

test('a camera added on a level is tagged with it in the file; its id is unique over the site', () => {
  const g = withLevelShown(splitLevels(fromFile(file())), 'first');
  assert.deepEqual([...cameraIdsElsewhere(g)].sort(), ['g1', 'q1']);
  const id = freshCameraId(g, 'q1');
  assert.equal(id, 'q1-1');
  const added = withAddedCamera(g, { id: 'cam-1', position: [3, 3], heading_deg: 0 });
  const moved = withCamera(added, 0, { position: [6, 6] });
  const out = toFile(moved);
  assert.deepEqual(out.cameras.map((c) => [c.id, c.level ?? null, c.position]),
    [['q1', null, [10, 5]], ['g1', 'ground', [5, 5]], ['f1', 'first', [6, 6]], ['cam-1', 'first', [3, 3]]]);
});

test('a wall drawn on a level gets an id no level uses, and lands on that level', () => {
  const g = withLevelShown(splitLevels(fromFile(file())), 'site');
  // `gallery` (a wall upstairs) and `room-a` are taken elsewhere.
  assert.equal(freshPlanId(g.plan, 'gallery'), 'gallery-1');
  const { plan, id } = addWall(g.plan, [[0, 20], [5, 20]]);
  assert.equal(id, 'wall-1');
  const out = toFile(withPlan(g, plan));
  assert.equal(out.plan.walls.find((w) => w.id === id).level, undefined, 'the first level\'s items may stay untagged');
  const up = withLevelShown(withPlan(g, plan), 'first');
  const { plan: p2, id: id2 } = addWall(up.plan, [[0, 30], [5, 30]]);
  assert.equal(id2, 'wall-2', 'the id just used on the quay is taken');
  const out2 = toFile(withPlan(up, p2));
  assert.equal(out2.plan.walls.find((w) => w.id === id2).level, 'first');
  assert.deepEqual(ids(out2.plan.walls), ['quay-edge', 'wall-1', 'room-a', 'room-b', 'gallery', 'wall-2']);
});

test('layouts span the site: another layout shows its cameras of the level; a new layout keeps the other levels', () => {
  const g = withLevelShown(splitLevels(fromFile(file())), 'first');
  const opt = withLayoutActive(g, 1);
  assert.equal(opt.cameras[0].model, 'dome');
  const added = withLayoutAdded(g, 'Option B', []);
  const out = toFile(added);
  // The new layout: no camera upstairs, the main layout's quay and ground cameras.
  assert.deepEqual(out.options.map((o) => [o.name, ids(o.cameras)]), [['Domes upstairs', ['g1', 'f1']], ['Option B', ['q1', 'g1']]]);
  // A catalogue fix reaches every level's cameras, and the catalogue counts them all.
  assert.equal(allLayoutCameras(g).filter((c) => c.model === 'dome').length, 3);
  const fixed = withEveryLayoutCameras(g, (c) => (c.model === 'dome' ? { ...c, model: 'bullet' } : c));
  assert.deepEqual(toFile(fixed).cameras.map((c) => c.model), ['bullet', 'bullet', 'hd']);
});

test('a scenario without connections gives the same empty list every time (the renderer keys its cached layers by identity)', () => {
  const one = { name: 'one level', plan: { walls: [], zones: [] }, cameras: [] };
  const a = connectionsOf(/** @type {any} */ (one)), b = connectionsOf(/** @type {any} */ ({ ...one }));
  assert.equal(a.length, 0);
  assert.equal(a, b);
});
