// The autosave (www/js/model/autosave.js) in Node: the file text kept per plan, and where
// a save goes (local storage, or the large-plan store with a pointer), with fakes of both
// stores whose writes the tests finish in the order they choose.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Autosave, FileText, LARGE_TEXT } from '../../www/js/model/autosave.js';

/** A Storage with only what the autosave uses. */
function fakeStorage() {
  const items = new Map();
  const s = { items, sets: 0, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => { s.sets++; items.set(k, String(v)); } };
  return s;
}

/** A large-plan store whose puts finish when the test says (`finish(i)`). */
function fakeLarge() {
  const store = { record: null, puts: [], clears: 0 };
  return {
    store,
    put: (plan) => new Promise((resolve) => store.puts.push(() => { store.record = plan; resolve(); })),
    get: async () => store.record,
    clear: async () => { store.clears++; store.record = null; },
    finish: async (i) => { store.puts[i](); await new Promise((r) => setTimeout(r, 0)); },
  };
}

const KEY = 'blindspot.autosave.v1';

test('FileText writes what JSON.stringify writes, and each plan only once', () => {
  const plan = { walls: [{ id: 'w1', path: [[0, 0], [1.5, -2]] }], zones: [] };
  const file = { blindspot: 1, name: 'A "quoted" name', plan, skipped: undefined, cameras: [{ id: 'c', position: [1, 2] }] };
  const texts = new FileText();
  assert.equal(texts.of(file), JSON.stringify(file));
  assert.deepEqual(JSON.parse(texts.of(file)), JSON.parse(JSON.stringify(file)));
  // The plan's text is kept: another file with the same plan object uses it, whatever it says.
  texts.know(plan, '"the kept text"');
  assert.equal(texts.of({ ...file, name: 'B' }), JSON.stringify({ ...file, name: 'B', plan: 'the kept text' }));
  // Another plan object is written out afresh.
  const other = { ...file, plan: { ...plan } };
  assert.equal(texts.of(other), JSON.stringify(other));
});

test('a small plan goes to local storage, a large one to the large store with a pointer, and the newest save wins', async () => {
  const storage = fakeStorage();
  const large = fakeLarge();
  const big = 'x'.repeat(LARGE_TEXT);
  let text = 'small';
  const errors = [];
  const a = new Autosave(storage, 0, () => ({ text, active: 1 }), (m) => errors.push(m), large);

  a.schedule({});
  a.flush();
  assert.deepEqual({ ...JSON.parse(storage.getItem(KEY)), savedAt: 0 }, { savedAt: 0, text: 'small', active: 1 });
  assert.equal(large.store.clears, 1, 'a large plan of an earlier visit is removed');
  assert.equal((await a.load()).text, 'small');

  // Two large saves; the first finishes last: the pointer is the second's alone.
  text = big;
  a.schedule({});
  a.flush();
  text = `${big}y`;
  a.schedule({});
  a.flush();
  assert.equal(JSON.parse(storage.getItem(KEY)).text, 'small', 'no pointer before the write is done');
  await large.finish(1);
  const pointer = JSON.parse(storage.getItem(KEY));
  assert.equal(pointer.large, true);
  assert.equal(pointer.text, undefined);
  const sets = storage.sets;
  await large.finish(0);
  assert.equal(storage.sets, sets, 'the older write, finishing last, does not write a pointer');
  // (The fake keeps the last put to finish, the older one: the store is what load reads.)
  large.store.record = { savedAt: pointer.savedAt, text: `${big}y`, active: 1 };
  const loaded = await a.load();
  assert.equal(loaded.text.length, LARGE_TEXT + 1);
  assert.equal(loaded.active, 1);

  // A small save after a large one frees the large store.
  text = 'small again';
  a.schedule({});
  a.flush();
  assert.equal(large.store.clears, 2);
  await new Promise((r) => setTimeout(r, 0));
  assert.equal((await a.load()).text, 'small again');
  assert.deepEqual(errors, []);
});

test('a pointer whose large plan is missing is reported, not read as no autosave', async () => {
  const storage = fakeStorage();
  const large = fakeLarge();
  storage.setItem(KEY, JSON.stringify({ savedAt: '2026-12-02T06:00:00.000Z', large: true, active: 0 }));
  const a = new Autosave(storage, 0, undefined, undefined, large);
  await assert.rejects(a.load(), /autosaved large plan \(saved 2026-12-02T06:00:00.000Z\) is missing from this browser's IndexedDB/);
  // An older record than the pointer is not the plan it points to.
  large.store.record = { savedAt: '2026-12-02T05:00:00.000Z', text: 'old', active: 0 };
  await assert.rejects(a.load(), /is missing/);
  const none = new Autosave(storage, 0);
  await assert.rejects(none.load(), /no store for large plans/);
});

test('a failed large write is reported once', async () => {
  const storage = fakeStorage();
  const errors = [];
  const failing = { put: async () => { throw new Error('Autosaving the plan in this browser (IndexedDB) failed (the browser\'s storage for this page is full): quota'); },
    get: async () => null, clear: async () => {} };
  const a = new Autosave(storage, 0, () => ({ text: 'z'.repeat(LARGE_TEXT) }), (m) => errors.push(m), failing);
  for (let k = 0; k < 2; k++) {
    a.schedule({});
    a.flush();
    await a.writing;
  }
  assert.equal(errors.length, 1);
  assert.match(errors[0], /storage for this page is full/);
  assert.equal(storage.getItem(KEY), null);
});
