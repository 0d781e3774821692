// @ts-check
/**
 * Loads the wasm core (`www/pkg/blindspot.js`, built by scripts/build-web.sh). Each call
 * gives a fresh instance with its own memory: the page starts one, a worker starts its
 * own, and the page starts another after a trap (memory after a trap is not to be
 * trusted, so nothing of the old instance is used again).
 */

/** @typedef {any} Core the generated module's exports */

let instances = 0;

/** @returns {Promise<Core>} */
export async function loadCore() {
  // A query makes a new module record, hence new module state and a new instance; the
  // .wasm file is fetched from the same URL (and the browser's cache).
  const url = instances === 0 ? '../../pkg/blindspot.js' : `../../pkg/blindspot.js?instance=${instances}`;
  instances++;
  const m = await import(url);
  await m.default();
  return m;
}
