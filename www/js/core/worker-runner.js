// @ts-check
/**
 * Runs jobs in a module Web Worker that has its own instance of the core (the optimiser's
 * budget/worker.js, the file opener's core/open-worker.js), one job at a time, with
 * progress. Cancel terminates the worker at once (a job in the core cannot be interrupted
 * otherwise); the next job starts a fresh worker. So does a job that ended in a trap of
 * the worker's core (its memory is not to be trusted after it).
 *
 * The protocol: the page posts `{type: 'init'}` (warm-up) and `{...job, id}`; the worker
 * answers `{type: 'progress', id, ...}`, `{type: 'result', id, result, timing}` or
 * `{type: 'error', id, message, trap}` (id 0: the worker itself could not start).
 */

/** A job stopped by the user. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * @template P the progress messages
 * @template R the result
 */
export class WorkerRunner {
  /** @param {URL|string} url the worker's module */
  constructor(url) {
    this.url = url;
    /** @type {Worker|null} */
    this.worker = null;
    /** @type {{id: number, resolve: (v: {result: R, timing: any}) => void, reject: (e: Error) => void, onProgress: (p: P) => void}|null} */
    this.run = null;
    this.nextId = 1;
    /** How many workers were started (a cancel or a trap makes the next job start a fresh one). */
    this.started = 0;
  }

  /** Starts the worker (and its core) now, so a job starts warm. */
  warm() {
    if (this.worker) return this.worker;
    const w = new Worker(this.url, { type: 'module' });
    this.started++;
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail(new Error(`the worker could not start${e.message ? `: ${e.message}` : ''}`));
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
   * @param {Record<string, unknown>} job posted with its id (structured clone: Files and typed arrays cross as they are)
   * @param {(p: P) => void} onProgress
   * @returns {Promise<{result: R, timing: any}>}
   */
  start(job, onProgress) {
    if (this.run) return Promise.reject(new Error('a job is already running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.run = { id, resolve, reject, onProgress };
      this.warm().postMessage({ ...job, id });
    });
  }

  /** Stops the job at once: the worker is terminated; the next job starts a new one. */
  cancel() {
    const r = this.run;
    if (!r) return;
    this.run = null;
    this.stop();
    r.reject(new Cancelled());
  }

  stop() {
    this.worker?.terminate();
    this.worker = null;
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
      if (d.trap) this.stop();
      r.reject(new Error(d.message));
    }
  }
}
