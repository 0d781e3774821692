// @ts-check
/**
 * The security analysis's Web Worker (a module worker with its own instance of the
 * core): the full audit (what each camera's failure costs), the route and the chosen
 * camera's failure region, off the page's main thread, which they would hold for up to a
 * second on a big plan. Messages in:
 *   {type: 'init'}
 *   {type: 'analyse', id, load, scenario?, name, cameras, route, failure}
 *     `scenario` (JSON text) when the plan, catalogue or settings changed since `load`
 *     was last seen; otherwise the worker keeps its scene and swaps in `cameras` (JSON
 *     text, `Scene.withCameras`: the prepared plan is reused). `route`:
 *     {from: string} or {point: [x, y]}, with {to, resolution}; or null. `failure`: a
 *     camera index, or -1.
 * Messages out (core/worker-runner.js's protocol):
 *   {type: 'result', id, result: {audit, route: {report}|{error}|null, failure}, timing: {loadMs, auditMs, routeMs, totalMs}}
 *   {type: 'error', id, message, trap}
 */

import { loadCore, isTrap, takePanicMessage } from '../core/load.js';
import { takeShapes } from '../core/shapes.js';

const core = loadCore();
core.catch((e) => postMessage({ type: 'error', id: 0, message: `the security analysis could not load the core: ${e?.message ?? e}` }));

/** @type {{load: number, scene: import('../core/types.js').Scene}|null} */
let base = null;

self.onmessage = async (/** @type {MessageEvent} */ e) => {
  const msg = e.data;
  if (msg.type === 'init') return;
  const id = msg.id;
  const t0 = performance.now();
  /** @type {import('../core/types.js').Scene|null} */
  let scene = null;
  try {
    const wasm = await core;
    if (msg.scenario !== undefined || !base || base.load !== msg.load) {
      if (msg.scenario === undefined) throw new Error('the security worker has no plan for this scene (the page must send it)');
      base?.scene.free();
      base = null;
      const s = wasm.Scene.load(msg.scenario);
      base = { load: msg.load, scene: s };
    }
    scene = base.scene.withCameras(msg.name, msg.cameras);
    const t1 = performance.now();
    const audit = scene.audit();
    const t2 = performance.now();
    /** @type {{report: unknown}|{error: string}|null} */
    let route = null;
    if (msg.route) {
      try {
        const r = msg.route;
        route = { report: r.point ? scene.routeFromPoint(r.point[0], r.point[1], r.to, r.resolution) : scene.route(r.from, r.to, r.resolution) };
      } catch (err) {
        if (isTrap(err)) throw err;
        // A refusal (no such opening, a start off the plan): shown where the route was asked for.
        route = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    const t3 = performance.now();
    const failure = msg.failure >= 0 ? takeShapes(scene.failureLayer(msg.failure)) : null;
    const t4 = performance.now();
    postMessage({ type: 'result', id, result: { audit, route, failure },
      timing: { loadMs: t1 - t0, auditMs: t2 - t1, routeMs: t3 - t2, failureMs: t4 - t3, totalMs: t4 - t0 } });
  } catch (err) {
    const trap = isTrap(err);
    const message = trap ? `the core failed: ${takePanicMessage() ?? (err instanceof Error ? err.message : String(err))}` : err instanceof Error ? err.message : String(err);
    postMessage({ type: 'error', id, message, trap });
  } finally {
    scene?.free();
  }
};
