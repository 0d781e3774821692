// @ts-check
/**
 * The underlay images' bytes, in this browser's IndexedDB (database `blindspot`, store
 * `underlays`, keyed by the file's SHA-256). Not local storage: its 5 MB slot holds the
 * autosaved plan, and a scan is often bigger. The scenario keeps only the hash and the
 * placement (model/underlay.js), so a file saved and opened again finds its image here.
 * Every failure is reported to the caller as an Error naming what failed; nothing here
 * swallows one.
 */

import { objectStore } from '../idb.js';

const DB = 'blindspot';
const STORE = 'underlays';

/**
 * A stored file.
 * @typedef {{sha256: string, name: string, type: string, bytes: Uint8Array<ArrayBuffer>, storedAt: number}} StoredImage
 */

const run = objectStore(DB, STORE, { keyPath: 'sha256' });

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
