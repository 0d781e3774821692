// @ts-check
/**
 * Imports a drawing (DXF, SVG, GeoJSON) off the page's main thread: a module worker with
 * its own core reads the file, previews it (layers, counts, units, a sketch) or imports
 * it with the options the import dialog chose (docs/import.md), telling the page how far
 * it is. The page's plan is never touched here; Cancel terminates this worker
 * (core/worker-runner.js's protocol).
 *
 * Messages in: `{type: 'init'}`; `{type: 'preview', id, file, options}`;
 *   `{type: 'import', id, file, options}` (file: a File; options: the core's import options);
 *   `{type: 'import', id, files, options}` (several Files and their options, one each): one
 *   level per file, bottom to top in the order given (the core's importDrawings).
 * Messages out:
 *   {type: 'progress', id, phase: 'reading'|'cleaning'|'checking'|'preparing', done, total, at}
 *   {type: 'result', id, result, timing: {readMs, workMs, totalMs}}
 *     preview: the core's importPreview answer (the sketch as typed arrays, transferred);
 *     import: {scenario: JSON text, report, georef, snapshot}: the imported scenario with
 *       the georeference chosen, loaded here by the core (read, validated, prepared) and
 *       handed over as the core holds it (canonical JSON) with the prepared scene's session
 *       snapshot (its buffer transferred), which the page's core rebuilds without reading
 *       or preparing it again; a scenario of several levels (several files, a DXF's layouts
 *       or floor blocks) is handed over as text with `snapshot: null` (a Scene is one
 *       level: the page's open reads the levels)
 *   {type: 'error', id, message, trap}
 *
 * `georef` (import): the dialog's georeference, typed or from two points picked on the
 * preview's sketch; it becomes `plan.georeference` (docs/scenario-format.md).
 */

import { loadCore, isTrap, takePanicMessage } from '../core/load.js';

const core = loadCore();
core.catch((e) => postMessage({ type: 'error', id: 0, message: `the importer could not load the core: ${e?.message ?? e}` }));

self.onmessage = async (/** @type {MessageEvent} */ e) => {
  const msg = e.data;
  if (msg.type !== 'preview' && msg.type !== 'import') return;
  const id = msg.id;
  const start = performance.now();
  /** @param {string} phase @param {number} done @param {number} total */
  const progress = (phase, done, total) => postMessage({ type: 'progress', id, phase, done, total, at: performance.now() - start });
  try {
    const files = /** @type {File[]} */ (msg.files ?? [msg.file]);
    const size = files.reduce((n, f) => n + f.size, 0);
    progress('reading', 0, size);
    const all = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const bytes = all[0];
    const readMs = performance.now() - start;
    const wasm = await core;
    if (msg.type === 'preview') {
      const preview = wasm.importPreview(bytes, msg.options);
      const s = preview.sketch;
      postMessage({ type: 'result', id, result: preview, timing: { readMs, workMs: performance.now() - start - readMs, totalMs: performance.now() - start } },
        { transfer: [s.coords.buffer, s.starts.buffer, s.layers.buffer] });
      return;
    }
    // Progress at most every 40 ms (the core calls back per batch of entities).
    let last = -Infinity;
    const tell = (/** @type {string} */ phase, /** @type {number} */ done, /** @type {number} */ total) => {
      const now = performance.now();
      if (now - last >= 40 || done === total) { last = now; progress(phase, done, total); }
      return true;
    };
    if (msg.files && msg.georef?.kind === 'points') throw new Error('Georeference from two points needs one drawing: type the georeference for several files');
    const imported = msg.files ? wasm.importDrawings(all, msg.options, tell) : wasm.importDrawing(bytes, msg.options, tell);
    const { text, georef } = withGeoreference(wasm, imported.scenario, imported.report, msg.georef ?? null);
    if ((imported.report.levels?.length ?? 0) > 1) {
      const end = performance.now();
      const result = { scenario: text, report: imported.report, georef, snapshot: null };
      postMessage({ type: 'result', id, result, timing: { readMs, workMs: end - start - readMs, totalMs: end - start } });
      return;
    }
    progress('preparing', 0, 1);
    const scene = wasm.Scene.load(text);
    let result;
    try {
      result = { scenario: scene.scenarioJson(), report: imported.report, georef, snapshot: scene.snapshot() };
    } finally {
      scene.free();
    }
    const end = performance.now();
    postMessage({ type: 'result', id, result, timing: { readMs, workMs: end - start - readMs, totalMs: end - start } }, { transfer: [result.snapshot.buffer] });
  } catch (err) {
    // A trap leaves this worker's core unusable: the page starts a fresh worker next time.
    const trap = isTrap(err);
    const message = trap ? `the planner's core failed: ${takePanicMessage() ?? (err instanceof Error ? err.message : String(err))}` : err instanceof Error ? err.message : String(err);
    postMessage({ type: 'error', id, message, trap });
  }
};

/**
 * The imported scenario with the georeference chosen. Two points picked on the sketch (in
 * the preview's metres) are taken to the plan as the import placed it: scaled by the units
 * chosen and moved by the report's offset; the core then finds the georeference that puts
 * them at their longitude/latitude, and the ground-to-plan ratio that checks the scale.
 * @param {any} wasm the core @param {string} scenario JSON text @param {any} report the import report
 * @param {any} choice `{kind: 'typed', origin, rotation_deg}` | `{kind: 'points', a, aLonLat, b, bLonLat, sketchMetresPerUnit}` | null
 * @returns {{text: string, georef: {origin: [number, number], rotation_deg: number, scale?: number}|null}}
 */
function withGeoreference(wasm, scenario, report, choice) {
  const s = JSON.parse(scenario);
  const had = s.plan.georeference ?? null;
  if (!choice) return { text: scenario, georef: had };
  if (choice.kind === 'typed') {
    s.plan.georeference = { origin: choice.origin, rotation_deg: choice.rotation_deg };
    return { text: JSON.stringify(s), georef: s.plan.georeference };
  }
  if (had) throw new Error('the file is in longitude/latitude, so it is georeferenced already: choose None or Typed');
  const k = report.units.metres_per_unit / choice.sketchMetresPerUnit;
  const off = report.offset_m ?? [0, 0];
  const plan = (/** @type {[number, number]} */ p) => [p[0] * k + off[0], p[1] * k + off[1]];
  const [ax, ay] = plan(choice.a), [bx, by] = plan(choice.b);
  const g = wasm.georeferenceFromTwoPoints(ax, ay, choice.aLonLat[0], choice.aLonLat[1], bx, by, choice.bLonLat[0], choice.bLonLat[1]);
  s.plan.georeference = { origin: [g.origin[0], g.origin[1]], rotation_deg: g.rotation_deg };
  return { text: JSON.stringify(s), georef: { ...s.plan.georeference, scale: g.scale } };
}
