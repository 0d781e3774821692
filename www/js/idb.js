// @ts-check
/**
 * One object store of this browser's IndexedDB, opened once and shared: the autosave's
 * large plans (files/autosave-db.js) and the underlay images (underlay/storage.js) keep
 * their bytes in one each. Every failure is reported as an Error naming what failed (a
 * full store says so); nothing here swallows one. A leaf: it imports nothing.
 */

/**
 * @param {string} dbName @param {string} storeName @param {IDBObjectStoreParameters} [params]
 * @returns {<T>(mode: 'readonly'|'readwrite', op: (s: IDBObjectStore) => IDBRequest<T>, what: string) => Promise<T>}
 *   runs one request in its own transaction and resolves with its result once the
 *   transaction has completed (so a put is on disk when it resolves)
 */
export function objectStore(dbName, storeName, params) {
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
        const req = indexedDB.open(dbName, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(storeName, params);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(`IndexedDB "${dbName}" could not be opened: ${req.error?.message ?? 'unknown error'}`));
        req.onblocked = () => reject(new Error(`IndexedDB "${dbName}" is blocked by another tab of the planner: close it and try again`));
      });
      // A failed open is tried again next time (the user may close the other tab).
      opening.catch(() => { opening = null; });
    }
    return opening;
  }

  return async (mode, op, what) => {
    const d = await db();
    return new Promise((resolve, reject) => {
      const tx = d.transaction(storeName, mode);
      const req = op(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(req.result);
      const fail = () => {
        const e = tx.error ?? req.error;
        const quota = e?.name === 'QuotaExceededError' ? ' (the browser\'s storage for this page is full)' : '';
        reject(new Error(`${what} failed${quota}: ${e?.message ?? 'unknown error'}`));
      };
      tx.onerror = fail;
      tx.onabort = fail;
    });
  };
}
