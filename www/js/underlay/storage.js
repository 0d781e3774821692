// @ts-check
/**
 * The underlay images' bytes, in this browser's IndexedDB (database `blindspot`, store
 * `underlays`, keyed by the file's SHA-256). Not local storage: its 5 MB slot holds the
 * autosaved plan, and a scan is often bigger. The scenario keeps only the hash and the
 * placement (model/underlay.js), so a file saved and opened again finds its image here.
 * Every failure is reported to the caller as an Error naming what failed; nothing here
 * swallows one.
 */

const DB = 'blindspot';
const STORE = 'underlays';

/**
 * A stored file.
 * @typedef {{sha256: string, name: string, type: string, bytes: Uint8Array<ArrayBuffer>, storedAt: number}} StoredImage
 */

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
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'sha256' });
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

/** Stores a file's bytes under its hash. @param {StoredImage} item */
export function putImage(item) {
  return run('readwrite', (s) => s.put(item), `Storing ${item.name} in this browser (IndexedDB)`).then(() => undefined);
}

/** The stored file with this hash, or null when this browser does not have it. @param {string} sha256 @returns {Promise<StoredImage|null>} */
export async function getImage(sha256) {
  const v = await run('readonly', (s) => s.get(sha256), 'Reading the underlay image from this browser (IndexedDB)');
  return v ?? null;
}

/** Forgets a stored file (tests; a future "manage stored images"). @param {string} sha256 */
export function deleteImage(sha256) {
  return run('readwrite', (s) => s.delete(sha256), 'Deleting the underlay image from this browser (IndexedDB)').then(() => undefined);
}
