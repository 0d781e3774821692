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
 * says so (`stale`). The full audit and the route wait for the drag to settle.
 */

import { takeShapes } from '../core/shapes.js';

/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {import('../core/types.js').OpeningsAudit} OpeningsAudit */
/** @typedef {import('../core/types.js').Audit} Audit */
/** @typedef {import('../core/types.js').RouteReport} RouteReport */
/** @typedef {{kind: 'opening', id: string} | {kind: 'point', at: [number, number]}} RouteStart */

/** A layer slower than this (ms) waits for the end of a drag. */
export const LIVE_LAYER_MS = 4;

/**
 * @template T
 * @typedef {{version: number, value: T, ms: number}} Entry
 */

export class SecurityAnalysis {
  /** @param {SceneMirror} mirror */
  constructor(mirror) {
    this.mirror = mirror;
    /** @type {Map<string, Entry<any>>} */
    this.cache = new Map();
    /** The route asked for (null: none), and its last result or error. */
    /** @type {{start: RouteStart, to: string}|null} */
    this.routeAsk = null;
    /** @type {{version: number, ask: {start: RouteStart, to: string}, report: RouteReport|null, error: string|null, ms: number}|null} */
    this.routeDone = null;
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

  /** The full audit (failure costs, seen-by areas); after a drag settles. @returns {Audit|null} */
  audit() {
    return this.get('audit', () => this.mirror.scene.audit(), 'settled');
  }

  /** The parts of zones seen, but below their required level. @returns {Shapes|null} */
  shortfall() {
    return this.get('shortfall', () => takeShapes(this.mirror.scene.shortfallLayer()), 'cheap');
  }

  /** The places seen by at least 1, 2 and 3 cameras. @returns {Shapes[]|null} */
  seenBy() {
    return this.get('seenBy', () => [1, 2, 3].map((k) => takeShapes(this.mirror.scene.countLayer(k))), 'cheap');
  }

  /** What turns blind if camera i fails. @param {number} i @returns {Shapes|null} */
  failure(i) {
    if (i < 0 || i >= (this.mirror.scenario?.cameras.length ?? 0)) return null;
    return this.get(`failure:${i}`, () => takeShapes(this.mirror.scene.failureLayer(i)), 'cheap');
  }

  /** Asks for the route from `start` to zone `to` (computed by `computeRoute`). @param {RouteStart} start @param {string} to */
  askRoute(start, to) {
    this.routeAsk = { start, to };
  }

  clearRoute() {
    this.routeAsk = null;
    this.routeDone = null;
  }

  /** True when the route asked for has no result for the scene shown. */
  routeDue() {
    const a = this.routeAsk, d = this.routeDone;
    return !!a && (!d || d.ask !== a || d.version !== this.mirror.version);
  }

  /**
   * Computes the route asked for on the scene shown. A refusal (no such opening, a start
   * off the plan) is kept as the route's error, shown where the route is asked for; a
   * failure of the core itself is rethrown.
   * @param {number} resolution the walk grid's cell size (m)
   */
  computeRoute(resolution) {
    const ask = this.routeAsk;
    if (!ask) return;
    const m = this.mirror;
    const t0 = performance.now();
    /** @type {RouteReport|null} */
    let report = null;
    /** @type {string|null} */
    let error = null;
    try {
      report = m.guarded(() => (ask.start.kind === 'opening'
        ? m.scene.route(ask.start.id, ask.to, resolution)
        : m.scene.routeFromPoint(ask.start.at[0], ask.start.at[1], ask.to, resolution)));
    } catch (e) {
      if (m.down) throw e;
      error = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - t0;
    this.timings.route = ms;
    this.routeDone = { version: m.version, ask, report, error, ms };
  }

  /** The last route computed for the route asked for (maybe for an earlier scene). */
  route() {
    const d = this.routeDone;
    return d && d.ask === this.routeAsk ? d : null;
  }

  /** A new plan: everything asked for belongs to the old one. */
  reset() {
    this.cache.clear();
    this.clearRoute();
  }
}
