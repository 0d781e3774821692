// @ts-check
/**
 * Opens a scenario file off the page's main thread: a module worker with its own core
 * reads the file (with byte progress), checks that it is UTF-8 text, and loads it (the
 * core's reading and validation, then the plan's preparation), telling the page when each
 * phase starts; then it hands the prepared scene over as a session snapshot (bytes whose
 * buffer is transferred, not copied), which the page's core rebuilds without reading or
 * preparing the file again (docs/wasm-api.md, "Snapshots"). The page's plan is never
 * touched here: the page replaces it only once this has succeeded, and Cancel terminates
 * this worker.
 *
 * Messages in: `{type: 'init'}`; `{type: 'open', id, file, level?}` (a File; `level`: the level of a
 * site to show first, else its first level); `{type: 'level', id, text}` (one level of a site, its
 * slice as JSON text: answered with `{snapshot}` alone, for core/site-scenes.js).
 * Messages out (worker-runner.js's protocol):
 *   {type: 'progress', id, phase: 'reading'|'checking'|'preparing'|'figures'|'handing', done, total, at}
 *   {type: 'result', id, result: {text, planText, warnings, snapshot, figures, level?}, timing: {readMs, checkMs, prepareMs, figuresMs, snapshotMs, planTextMs, totalMs}}
 *     (a site of several levels: `text` is the whole site, `snapshot` and `figures` are of
 *     level `level`'s scene, and `planText` is empty);
 *     `text` is the scenario as the core holds it (canonical JSON, repairs applied);
 *     `planText` its plan as the page's JSON.stringify writes it (the autosave keeps it, so
 *     the page never writes a large plan out on its main thread);
 *     `snapshot` the scene's snapshot (a Uint8Array, its buffer transferred);
 *     `figures` what the page shows first, computed here from the same scene (the page's
 *     scene rebuilt from the snapshot gives the same, bit for bit: open.spec.js checks it):
 *     {summary, summaryMs, blindSpots, labels (zoneLabels), layers: {views, blind, dead, bands},
 *     security: {shortfall: {value, ms}}}
 *     (the arrays' buffers transferred)
 *   {type: 'error', id, message, trap}
 */

import { loadCore, isTrap, takePanicMessage } from '../core/load.js';
import { takeShapes } from '../core/shapes.js';
import { decodeUtf8 } from './text.js';

/** The layers the page draws first (the views, blind spots, dead zones and detail bands are shown by default). */
const FIRST_LAYERS = ['views', 'blind', 'dead', 'bands'];

const core = loadCore();
core.catch((e) => postMessage({ type: 'error', id: 0, message: `the file opener could not load the core: ${e?.message ?? e}` }));

self.onmessage = async (/** @type {MessageEvent} */ e) => {
  const msg = e.data;
  if (msg.type === 'level') {
    prepareLevel(msg);
    return;
  }
  if (msg.type !== 'open') return;
  const id = msg.id;
  const start = performance.now();
  /** @param {string} phase @param {number} done @param {number} total */
  const progress = (phase, done, total) => postMessage({ type: 'progress', id, phase, done, total, at: performance.now() - start });
  try {
    const bytes = await readAll(/** @type {File} */ (msg.file), (done, total) => progress('reading', done, total));
    const text = decodeUtf8(bytes);
    const readMs = performance.now() - start;
    const { Scene, SiteFile } = await core;
    /** @type {Record<string, number>} */
    const starts = {};
    const phase = (/** @type {string} */ name) => {
      starts[name] = performance.now();
      progress(name, 0, 1);
    };
    // A site of several levels (a file without a "levels" key has one level for sure):
    // the level to show first is prepared here, the others by the page after it is shown.
    /** @type {{text: string, level: string, warnings: string[]}|null} */
    let site = null;
    /** @type {import('../core/types.js').Scene} */
    let scene;
    if (text.includes('"levels"')) {
      phase('checking');
      const file = SiteFile.parse(text);
      try {
        if (file.levelCount() > 1) {
          const levels = file.levels();
          const level = levels.some((l) => l.id === msg.level) ? msg.level : levels[0].id;
          site = { text: file.scenarioJson(), level, warnings: file.warnings() };
          phase('preparing');
          scene = file.levelScene(level);
        } else {
          phase('preparing');
          scene = file.intoScene();
        }
      } finally {
        if (site) file.free();
      }
    } else scene = Scene.loadWithProgress(text, phase);
    const prepared = performance.now();
    progress('figures', 0, 1);
    let result, figured;
    try {
      const s0 = performance.now();
      const summary = scene.summary();
      const summaryMs = performance.now() - s0;
      const layers = Object.fromEntries(FIRST_LAYERS.map((name) => [name, takeShapes(scene.layer(name))]));
      const f0 = performance.now();
      const shortfall = takeShapes(scene.shortfallLayer());
      const security = { shortfall: { value: shortfall, ms: performance.now() - f0 } };
      const figures = { summary, summaryMs, blindSpots: scene.blindSpots(), labels: scene.zoneLabels(), layers, security };
      figured = performance.now();
      progress('handing', 0, 1);
      result = { text: site ? site.text : scene.scenarioJson(), planText: '', warnings: site ? site.warnings : scene.warnings(), snapshot: scene.snapshot(), figures,
        ...(site ? { level: site.level } : {}) };
    } finally {
      scene.free();
    }
    const snapshotted = performance.now();
    // (A site's plan is written out per level by the page, so its text is not kept.)
    if (!site) result.planText = JSON.stringify(JSON.parse(result.text).plan);
    const end = performance.now();
    const timing = { readMs, checkMs: starts.preparing - starts.checking, prepareMs: prepared - starts.preparing, figuresMs: figured - prepared,
      snapshotMs: snapshotted - figured, planTextMs: end - snapshotted, totalMs: end - start };
    const { labels, layers, security } = result.figures;
    const transfer = [result.snapshot.buffer, labels.buffer, ...[...Object.values(layers), security.shortfall.value]
      .flatMap((sh) => [sh.coords.buffer, sh.ringOffsets.buffer, sh.polygonOffsets.buffer])];
    postMessage({ type: 'result', id, result, timing }, { transfer });
  } catch (err) {
    // A trap leaves this worker's core unusable: the page starts a fresh worker next time.
    const trap = isTrap(err);
    const message = trap ? `the planner's core failed: ${takePanicMessage() ?? (err instanceof Error ? err.message : String(err))}` : err instanceof Error ? err.message : String(err);
    postMessage({ type: 'error', id, message, trap });
  }
};

/**
 * One level of a site, prepared off the page's main thread (core/site-scenes.js): its
 * slice (a scenario of one level, JSON text) loaded, handed back as a snapshot.
 * @param {{id: number, text: string}} msg
 */
async function prepareLevel(msg) {
  const id = msg.id;
  try {
    const t0 = performance.now();
    const { Scene } = await core;
    const scene = Scene.load(msg.text);
    let snapshot;
    try {
      snapshot = scene.snapshot();
    } finally {
      scene.free();
    }
    postMessage({ type: 'result', id, result: { snapshot }, timing: { totalMs: performance.now() - t0 } }, { transfer: [snapshot.buffer] });
  } catch (err) {
    const trap = isTrap(err);
    const message = trap ? `the planner's core failed: ${takePanicMessage() ?? (err instanceof Error ? err.message : String(err))}` : err instanceof Error ? err.message : String(err);
    postMessage({ type: 'error', id, message, trap });
  }
}

/**
 * A file's bytes, read in chunks with progress (at most every 50 ms, and at the end).
 * @param {File} file @param {(done: number, total: number) => void} progress @returns {Promise<Uint8Array>}
 */
async function readAll(file, progress) {
  const reader = file.stream().getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let done = 0, last = -Infinity;
  progress(0, file.size);
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    chunks.push(r.value);
    done += r.value.length;
    const now = performance.now();
    if (now - last >= 50) { last = now; progress(done, file.size); }
  }
  progress(done, file.size);
  const bytes = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes;
}
