// @ts-check
/**
 * The security analysis of the layout shown (docs/security.md): the openings audit, the
 * full audit (failure costs, seen-by areas), the shortfall and seen-by layers, what one
 * camera's failure uncovers, and the route to an asset. Everything comes from the core
 * through the scene mirror, cached per scene version; nothing is computed here.
 *
 * During a drag (`mirror.lean`) the openings follow every refresh of the live figures
 * (about 20 a second: app/frame.js); what is drawn from them between refreshes uses the
 * last ones (`lastOpenings`). A layer follows live only while the core computes it
 * within LIVE_LAYER_MS; a slower one keeps its last shapes until the drag settles, and
 * says so (`stale`). The full audit (what each camera's failure costs), the route and
 * the failure region are computed in a Web Worker (security/worker.js) once edits
 * settle: on a big plan they take up to a second, which the page's thread cannot spare.
 */

import { takeShapes } from '../core/shapes.js';
import { Cancelled } from '../core/worker-runner.js';
import { coreScenario } from '../model/layouts.js';

/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {import('../core/types.js').OpeningsAudit} OpeningsAudit */
/** @typedef {import('../core/types.js').Audit} Audit */
/** @typedef {import('../core/types.js').RouteReport} RouteReport */
/** @typedef {{kind: 'opening', id: string} | {kind: 'point', at: [number, number]}} RouteStart */

/** The walk grid's cell size asked for (m); the core coarsens it on big plans and says so. */
export const ROUTE_RESOLUTION_M = 0.25;

/** A layer slower than this (ms) waits for the end of a drag. */
export const LIVE_LAYER_MS = 4;

/**
 * @template T
 * @typedef {{version: number, value: T, ms: number}} Entry
 */

export class SecurityAnalysis {
  /**
   * @param {SceneMirror} mirror
   * @param {import('../core/worker-runner.js').WorkerRunner<unknown, any>} runner the worker (security/worker.js)
   * @param {() => void} changed a worker result arrived (or a job ended)
   * @param {(e: unknown) => void} failed the worker failed
   * @param {(file: Record<string, unknown> & {plan: object}) => string} [toText] a scenario's JSON text (the page's
   *   keeps each plan's text, so a large plan is not written out again for every job)
   */
  constructor(mirror, runner, changed, failed, toText = (file) => JSON.stringify(file)) {
    this.mirror = mirror;
    this.runner = runner;
    this.changed = changed;
    this.failed = failed;
    this.toText = toText;
    /** The camera whose failure region is wanted (-1: none). */
    this.failureIndex = -1;
    /**
     * The worker's last result: for which scene version, route asked for and failure camera.
     * @type {{key: string, version: number, ask: {start: RouteStart, to: string}|null, failureIndex: number,
     *   audit: Audit, route: {report: RouteReport}|{error: string}|null, failure: Shapes|null, timing: any}|null}
     */
    this.full = null;
    /** The job running. @type {{key: string, version: number, ask: {start: RouteStart, to: string}|null, failureIndex: number}|null} */
    this.inflight = null;
    /** A job is wanted once the running one ends. */
    this.pending = false;
    /** The load version whose scenario the worker has. */
    this.sentLoad = -1;
    /** @type {Map<string, Entry<any>>} */
    this.cache = new Map();
    /** The route asked for (null: none). @type {{start: RouteStart, to: string}|null} */
    this.routeAsk = null;
    /** How long each call took last (ms; tests and the docs' figures read it). */
    /** @type {Record<string, number>} */
    this.timings = {};
  }

  /**
   * The cached value of `name`, computed now when it is out of date, unless a drag is
   * under way and it is too slow to follow it (then the last value, stale).
   * @template T @param {string} name @param {() => T} compute
   * @param {'always'|'cheap'|'settled'} live during a drag: always recomputed, while it is cheap, or never
   * @returns {T|null}
   */
  get(name, compute, live) {
    const m = this.mirror;
    const e = this.cache.get(name);
    if (e && e.version === m.version) return e.value;
    if (e && m.lean && (live === 'settled' || (live === 'cheap' && e.ms > LIVE_LAYER_MS))) return e.value;
    // A large file's open worker computed it already (files/open-worker.js).
    const first = m.firstFigure(name);
    if (first) {
      this.cache.set(name, { version: m.version, value: first.value, ms: first.ms });
      return /** @type {T} */ (first.value);
    }
    const t0 = performance.now();
    const value = m.guarded(compute);
    const ms = performance.now() - t0;
    this.timings[name] = ms;
    this.cache.set(name, { version: m.version, value, ms });
    return value;
  }

  /** Whether `name` was computed for an earlier scene than the one shown. @param {string} name */
  stale(name) {
    const e = this.cache.get(name);
    return !!e && e.version !== this.mirror.version;
  }

  /** The openings, riskiest first; follows a drag. @returns {OpeningsAudit} */
  openings() {
    return /** @type {OpeningsAudit} */ (this.get('openings', () => this.mirror.scene.auditOpenings(), 'always'));
  }

  /** The openings last computed (maybe for an earlier scene), without asking the core. @returns {OpeningsAudit|null} */
  lastOpenings() {
    return this.cache.get('openings')?.value ?? null;
  }

  /** The full audit (failure costs, seen-by areas) last computed by the worker, maybe for an earlier scene. @returns {Audit|null} */
  audit() {
    return this.full?.audit ?? null;
  }

  /** The parts of zones seen, but below their required level. @returns {Shapes|null} */
  shortfall() {
    return this.get('shortfall', () => takeShapes(this.mirror.scene.shortfallLayer()), 'cheap');
  }

  /** The places seen by at least 1, 2 and 3 cameras. @returns {Shapes[]|null} */
  seenBy() {
    return this.get('seenBy', () => this.mirror.scene.countLayers().map(takeShapes), 'cheap');
  }

  /** What turns blind if camera i fails, once the worker has it. @param {number} i @returns {Shapes|null} */
  failure(i) {
    this.failureIndex = i;
    const f = this.full;
    return f && f.failureIndex === i ? f.failure : null;
  }

  /** Asks for the route from `start` to zone `to` (the worker computes it). @param {RouteStart} start @param {string} to */
  askRoute(start, to) {
    this.routeAsk = { start, to };
  }

  clearRoute() {
    this.routeAsk = null;
  }

  /** True when the route asked for has no result for the scene shown. */
  routeDue() {
    const a = this.routeAsk, f = this.full;
    return !!a && (!f || f.ask !== a || f.version !== this.mirror.version);
  }

  /**
   * The last route computed for the route asked for (maybe for an earlier scene): its
   * report, or the core's refusal.
   * @returns {{version: number, report: RouteReport|null, error: string|null, ms: number}|null}
   */
  route() {
    const f = this.full;
    const r = f?.route;
    if (!f || !r || f.ask !== this.routeAsk) return null;
    return { version: f.version, report: 'report' in r ? r.report : null, error: 'error' in r ? r.error : null, ms: f.timing.routeMs };
  }

  /** Whether the worker is computing for the scene shown (or will once it is free). */
  computing() {
    return this.inflight !== null || this.pending;
  }

  /**
   * Has the worker compute the full audit, the route asked for and the failure region
   * for the scene shown, unless it has them already or a drag is under way. One job at a
   * time: an edit during a job is computed once it ends.
   */
  refreshFull() {
    const m = this.mirror;
    const s = m.scenario;
    if (m.lean || !s || m.down) return;
    const key = this.jobKey();
    if (this.full?.key === key || this.inflight?.key === key) return;
    if (this.runner.busy) {
      this.pending = true;
      return;
    }
    this.pending = false;
    const fresh = this.runner.worker === null || this.sentLoad !== m.loadVersion;
    const ask = this.routeAsk;
    const job = {
      type: 'analyse', load: m.loadVersion, name: s.name, cameras: JSON.stringify(s.cameras), failure: this.failureIndex,
      ...(fresh ? { scenario: this.toText(coreScenario(s)) } : {}),
      route: ask ? { ...(ask.start.kind === 'opening' ? { from: ask.start.id } : { point: ask.start.at }), to: ask.to, resolution: ROUTE_RESOLUTION_M } : null,
    };
    const inflight = { key, version: m.version, ask, failureIndex: this.failureIndex };
    this.inflight = inflight;
    this.sentLoad = m.loadVersion;
    this.runner.start(job, () => {}).then(({ result, timing }) => {
      this.timings.workerAudit = timing.auditMs;
      this.timings.workerRoute = timing.routeMs;
      this.timings.workerLoad = timing.loadMs;
      this.full = { ...inflight, audit: result.audit, route: result.route, failure: result.failure, timing };
    }, (e) => {
      // The worker could not start, or its core failed: the next job starts a fresh one.
      if (!(e instanceof Cancelled)) this.failed(e);
    }).finally(() => {
      if (this.inflight === inflight) this.inflight = null;
      this.changed();
      if (this.pending) this.refreshFull();
    });
  }

  /** What a worker job is for: the scene, the route asked for, the failure camera. */
  jobKey() {
    const a = this.routeAsk;
    return `${this.mirror.loadVersion}|${this.mirror.version}|${a ? JSON.stringify(a) : ''}|${this.failureIndex}`;
  }

  /** A new plan: everything asked for belongs to the old one. */
  reset() {
    this.cache.clear();
    this.clearRoute();
    this.failureIndex = -1;
    this.full = null;
  }
}
