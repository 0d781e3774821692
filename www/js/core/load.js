// @ts-check
/**
 * Loads the wasm core (`www/pkg/blindspot.js`, built by scripts/build-web.sh). Each call
 * gives a fresh instance with its own memory: the page starts one, each worker its own,
 * and the page starts another after a trap.
 *
 * A panic in the core aborts: the call throws a `WebAssembly.RuntimeError` and the
 * instance's memory is not to be trusted any more, so nothing of it is used again. The
 * core's panic hook leaves its message on the JS global (`blindspotCorePanic`) before the
 * trap, so the page can say what failed and where without reading wasm memory.
 */

/** @typedef {import('./types.js').Core} Core */

let instances = 0;

/** @returns {Promise<Core>} */
export async function loadCore() {
  // A query makes a new module record, hence new module state and a new instance; the
  // .wasm file is fetched from the same URL (and the browser's cache).
  const url = instances === 0 ? '../../pkg/blindspot.js' : `../../pkg/blindspot.js?instance=${instances}`;
  instances++;
  const m = /** @type {Core} */ (await import(url));
  await m.default();
  return m;
}

/** True for a failure of the core itself (a trap), not a refusal (a JS Error with the core's message). @param {unknown} e */
export function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError;
}

const PANIC_KEY = 'blindspotCorePanic';

/**
 * What the core's panic hook said before the last trap ("panicked at src/…: …"), or null;
 * read once (cleared).
 * @returns {string|null}
 */
export function takePanicMessage() {
  const g = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis));
  const m = g[PANIC_KEY];
  delete g[PANIC_KEY];
  return typeof m === 'string' ? m : null;
}
