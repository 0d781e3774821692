// @ts-check
/**
 * Where the autosave keeps a large plan: this browser's IndexedDB (database
 * `blindspot-autosave`, store `plans`, one record under the key `current`). Local storage
 * holds about 5 million characters per site, far less than a palace or a 50 MB plan, and
 * writing it copies the text through a JSON wrapper on the main thread; IndexedDB stores
 * the text as it is, off the main thread. Every failure is reported as an Error naming
 * what failed; nothing here swallows one.
 */

const DB = 'blindspot-autosave';
const STORE = 'plans';
const KEY = 'current';

/** A saved plan. @typedef {{savedAt: string, text: string, active: number}} SavedPlan */

/** @type {Promise<IDBDatabase>|null} */
let opening = null;

/** @returns {Promise<IDBDatabase>} */
function db() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('this browser has no IndexedDB (a private window may turn it off)'));
        return;
      }
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(`IndexedDB "${DB}" could not be opened: ${req.error?.message ?? 'unknown error'}`));
      req.onblocked = () => reject(new Error(`IndexedDB "${DB}" is blocked by another tab of the planner: close it and try again`));
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}

/**
 * @template T
 * @param {'readonly'|'readwrite'} mode @param {(s: IDBObjectStore) => IDBRequest<T>} op @param {string} what
 * @returns {Promise<T>}
 */
async function run(mode, op, what) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = op(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    const fail = () => {
      const e = tx.error ?? req.error;
      const quota = e?.name === 'QuotaExceededError' ? ' (the browser\'s storage for this page is full)' : '';
      reject(new Error(`${what} failed${quota}: ${e?.message ?? 'unknown error'}`));
    };
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

/** The autosave's large-plan store (model/autosave.js, `LargeStore`). */
export const autosaveDb = {
  /** @param {SavedPlan} plan */
  put: (plan) => run('readwrite', (s) => s.put(plan, KEY), 'Autosaving the plan in this browser (IndexedDB)').then(() => undefined),
  /** @returns {Promise<SavedPlan|null>} */
  get: async () => (await run('readonly', (s) => s.get(KEY), 'Reading the autosaved plan from this browser (IndexedDB)')) ?? null,
  clear: () => run('readwrite', (s) => s.delete(KEY), 'Removing the autosaved large plan from this browser (IndexedDB)').then(() => undefined),
};
