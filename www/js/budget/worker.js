// @ts-check
/**
 * The optimiser's Web Worker (a module worker): it loads its own instance of the wasm
 * core and runs `optimize` or `curve` (docs/wasm-api.md) off the page's main thread, so
 * the page keeps drawing and answering while it computes. Messages in:
 *   {type: 'init'}                                    load the wasm now (warm-up)
 *   {type: 'optimize', id, scenario, request}         scenario and request as JSON text
 *   {type: 'curve', id, scenario, request, maxBudget, steps, refine}
 *   {type: 'optimizeSite', id, scenario, request}     the whole site (every level), a budget goal
 *   {type: 'curveSite', id, scenario, request, maxBudget, steps, refine}
 * Messages out:
 *   {type: 'ready', initMs}
 *   {type: 'progress', id, phase, done, total, at}    at most every 40 ms, and at each new phase
 *     (a site run adds level, step, steps: the level worked on and which of the run's steps)
 *   {type: 'result', id, result, timing: {initMs, totalMs, phases: [{phase, startMs, ms}]}}
 *   {type: 'error', id, message, trap}                trap: the core failed (this worker is done)
 * The page cancels a run with `worker.terminate()` (which stops it at once) and starts a
 * fresh worker for the next run. Times are measured here, in the worker (the core has no
 * clock): `at` and `startMs` count from the moment the run's message arrived.
 */

import { loadCore, isTrap, takePanicMessage } from '../core/load.js';

const t0 = performance.now();
const core = loadCore();
/** @type {Promise<number>} */
const ready = core.then(() => performance.now() - t0);
ready.then((initMs) => postMessage({ type: 'ready', initMs }), (e) => postMessage({ type: 'error', id: 0, message: `the optimiser could not load the core: ${e?.message ?? e}` }));

self.onmessage = async (/** @type {MessageEvent} */ e) => {
  const msg = e.data;
  if (msg.type === 'init') return;
  const start = performance.now();
  const id = msg.id;
  let initMs = 0;
  try {
    const before = performance.now();
    await ready;
    initMs = performance.now() - before;
    // Before the first callback the core reads the scenario and builds its scene.
    /** @type {{phase: string, startMs: number, ms: number}[]} */
    const phases = [{ phase: 'loading', startMs: 0, ms: 0 }];
    let lastPost = -Infinity;
    let lastStep = -1;
    /** @param {string} phase @param {number} done @param {number} total @param {number} [level] @param {number} [step] @param {number} [steps] */
    const progress = (phase, done, total, level, step, steps) => {
      const at = performance.now() - start;
      const cur = phases[phases.length - 1];
      const fresh = cur.phase !== phase || (step !== undefined && step !== lastStep);
      if (fresh) {
        cur.ms = at - cur.startMs;
        phases.push({ phase, startMs: at, ms: 0 });
        if (step !== undefined) lastStep = step;
      }
      if (fresh || at - lastPost >= 40 || done >= total) {
        lastPost = at;
        postMessage({ type: 'progress', id, phase, done, total, at, ...(step === undefined ? {} : { level, step, steps }) });
      }
      return true;
    };
    const { optimize, curve, optimizeSite, curveSite } = await core;
    const result = msg.type === 'curve'
      ? curve(msg.scenario, msg.request, msg.maxBudget, msg.steps, msg.refine, progress)
      : msg.type === 'curveSite'
        ? curveSite(msg.scenario, msg.request, msg.maxBudget, msg.steps, msg.refine, progress)
        : msg.type === 'optimizeSite'
          ? optimizeSite(msg.scenario, msg.request, progress)
          : optimize(msg.scenario, msg.request, progress);
    const totalMs = performance.now() - start;
    const last = phases[phases.length - 1];
    if (!last.ms) last.ms = totalMs - last.startMs;
    postMessage({ type: 'result', id, result, timing: { initMs, totalMs, phases } });
  } catch (err) {
    // A trap leaves this worker's core unusable: the page starts a fresh worker next time.
    const trap = isTrap(err);
    const message = trap ? `the core failed: ${takePanicMessage() ?? (err instanceof Error ? err.message : String(err))}` : err instanceof Error ? err.message : String(err);
    postMessage({ type: 'error', id, message, trap });
  }
};
