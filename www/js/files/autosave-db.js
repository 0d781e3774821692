// @ts-check
/**
 * Where the autosave keeps a large plan: this browser's IndexedDB (database
 * `blindspot-autosave`, store `plans`, one record under the key `current`). Local storage
 * holds about 5 million characters per site, far less than a palace or a 50 MB plan, and
 * writing it copies the text through a JSON wrapper on the main thread; IndexedDB stores
 * the text as it is, off the main thread. Every failure is reported as an Error naming
 * what failed; nothing here swallows one.
 */

import { objectStore } from '../idb.js';

const DB = 'blindspot-autosave';
const STORE = 'plans';
const KEY = 'current';

/** A saved plan. @typedef {{savedAt: string, text: string, active: number}} SavedPlan */

const run = objectStore(DB, STORE);

/** The autosave's large-plan store (model/autosave.js, `LargeStore`). */
export const autosaveDb = {
  /** @param {SavedPlan} plan */
  put: (plan) => run('readwrite', (s) => s.put(plan, KEY), 'Autosaving the plan in this browser (IndexedDB)').then(() => undefined),
  /** @returns {Promise<SavedPlan|null>} */
  get: async () => (await run('readonly', (s) => s.get(KEY), 'Reading the autosaved plan from this browser (IndexedDB)')) ?? null,
  clear: () => run('readwrite', (s) => s.delete(KEY), 'Removing the autosaved large plan from this browser (IndexedDB)').then(() => undefined),
};
