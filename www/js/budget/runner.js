// @ts-check
/**
 * Runs the optimiser in a module Web Worker (budget/worker.js) with its own wasm
 * instance, so the page never freezes; one run at a time. Cancel terminates the worker at
 * once and the next run starts a fresh one; so does a run that ended in a trap of the
 * core (its memory is not to be trusted after it).
 */

/** @typedef {import('../model/scenario.js').Camera} Camera */

/**
 * @typedef {{cameras: Camera[], added: string[], moved: string[], removed: string[], cost: number,
 *   estimated_coverage: number, upper_bound: number, guarantee: number, target_reached: boolean,
 *   warnings: string[], stats: {samples: number, sample_step_m: number, candidates: number,
 *   greedy_evaluations: number, local_search_evaluations: number, greedy_value: number}}} Proposal
 * @typedef {{budget: number, cost: number, estimated_coverage: number, refined: boolean, cameras: Camera[]}} CurvePoint
 * @typedef {{initMs: number, totalMs: number, phases: {phase: string, startMs: number, ms: number}[]}} Timing
 * @typedef {{phase: string, done: number, total: number, at: number}} Progress
 */

/** What each phase of the core is called on screen. */
export const PHASE_TEXT = /** @type {Record<string, string>} */ ({
  loading: 'Reading the plan',
  sampling: 'Laying sample points over the zones',
  candidate_views: 'Working out what each candidate camera would see',
  selection: 'Choosing cameras',
  local_search: 'Improving the choice',
  done: 'Finishing',
});

/** A run stopped by the user. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Runs the optimiser in a module worker; one run at a time. */
export class OptimizerRunner {
  /** @param {URL|string} url */
  constructor(url) {
    this.url = url;
    /** @type {Worker|null} */
    this.worker = null;
    /** @type {{id: number, resolve: (v: any) => void, reject: (e: Error) => void, onProgress: (p: Progress) => void}|null} */
    this.run = null;
    this.nextId = 1;
    /** How many workers were started (a cancel makes the next run start a fresh one). */
    this.started = 0;
  }

  /** Starts the worker (and its wasm) now, so a run starts warm. */
  warm() {
    if (this.worker) return this.worker;
    const w = new Worker(this.url, { type: 'module' });
    this.started++;
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail(new Error(`the optimiser could not start${e.message ? `: ${e.message}` : ''}`));
      w.terminate();
      if (this.worker === w) this.worker = null;
    };
    w.postMessage({ type: 'init' });
    this.worker = w;
    return w;
  }

  get busy() {
    return this.run !== null;
  }

  /**
   * @param {{type: 'optimize'|'curve', scenario: string, request: string, maxBudget?: number, steps?: number, refine?: number}} msg
   * @param {(p: Progress) => void} onProgress
   * @returns {Promise<{result: any, timing: Timing}>}
   */
  start(msg, onProgress) {
    if (this.run) return Promise.reject(new Error('the optimiser is already running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.run = { id, resolve, reject, onProgress };
      this.warm().postMessage({ ...msg, id });
    });
  }

  /** Stops the run at once: the worker is terminated; the next run starts a new one. */
  cancel() {
    const r = this.run;
    if (!r) return;
    this.run = null;
    this.worker?.terminate();
    this.worker = null;
    r.reject(new Cancelled());
  }

  /** @param {Error} e */
  fail(e) {
    const r = this.run;
    this.run = null;
    r?.reject(e);
  }

  /** @param {any} d */
  onMessage(d) {
    const r = this.run;
    if (d.type === 'error' && d.id === 0) { this.fail(new Error(d.message)); return; }
    if (!r || d.id !== r.id) return;
    if (d.type === 'progress') r.onProgress(d);
    else if (d.type === 'result') { this.run = null; r.resolve({ result: d.result, timing: d.timing }); }
    else if (d.type === 'error') {
      this.run = null;
      // After a trap the worker's core is unusable: the next run starts a fresh worker.
      if (d.trap) { this.worker?.terminate(); this.worker = null; }
      r.reject(new Error(d.message));
    }
  }
}
