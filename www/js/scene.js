// @ts-check
/**
 * Wraps the wasm `Scene` (docs/wasm-api.md): loads scenarios, mirrors the page's edits
 * into it with the cheapest call that fits, and fetches summaries, reports and layers.
 * It never computes geometry itself.
 */

import { effectiveSpec } from './state.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */

/**
 * Polygons with holes, flattened, copied out of wasm memory.
 * @typedef {{coords: Float64Array, ringOffsets: Uint32Array, polygonOffsets: Uint32Array}} Shapes
 */

/**
 * @typedef {{id: string, name: string, kind: string, priority: number, area_m2: number,
 *            covered_area_m2: number, coverage: number, multi_covered_area_m2: number}} ZoneStats
 * @typedef {{target_area_m2: number, covered_area_m2: number, coverage: number, weighted_coverage: number,
 *            multi_covered_area_m2: number, blind_area_m2: number, zones: ZoneStats[],
 *            cameras: {id: string, view_area_m2: number}[]}} Summary
 * @typedef {{area_m2: number, zone_ids: string[], polygon: [number, number][][]}} BlindSpot
 * @typedef {Summary & {name: string, blind_spots: BlindSpot[],
 *            blind_spots_omitted?: {count: number, area_m2: number, threshold_m2: number}, warnings?: string[]}} Report
 */

/** The wasm module's exports this file uses. @typedef {{Scene: any}} WasmModule */

/** Copies a FlatShapes out of wasm and frees it. @param {any} fs @returns {Shapes} */
function copyShapes(fs) {
  try {
    return {
      coords: Float64Array.from(fs.coords),
      ringOffsets: Uint32Array.from(fs.ringOffsets),
      polygonOffsets: Uint32Array.from(fs.polygonOffsets),
    };
  } finally {
    if (typeof fs.free === 'function') fs.free();
  }
}

/** @param {unknown} e */
export function errorMessage(e) {
  if (e instanceof Error) return e.message;
  return String(e);
}

export class SceneMirror {
  /** @param {WasmModule} wasm */
  constructor(wasm) {
    this.wasm = wasm;
    /** @type {any} the wasm Scene */
    this.scene = null;
    /** The scenario the scene currently holds. @type {Scenario|null} */
    this.scenario = null;
    /** Bumped whenever the scene changes; layers and reports are cached per version. */
    this.version = 0;
    /** @type {{version: number, report: Report}|null} */
    this.reportCache = null;
    /** @type {{version: number, summary: Summary}|null} */
    this.summaryCache = null;
    /** @type {Map<string, {version: number, shapes: Shapes}>} */
    this.layerCache = new Map();
  }

  /**
   * Parses and validates a scenario text without touching the current scene.
   * Throws the core's error message on a bad file.
   * @param {string} text
   * @returns {{scene: any, scenario: Scenario, warnings: string[]}}
   */
  parse(text) {
    const scene = this.wasm.Scene.load(text);
    try {
      const scenario = JSON.parse(scene.scenarioJson());
      const warnings = Array.from(scene.warnings?.() ?? [], String);
      return { scene, scenario, warnings };
    } catch (e) {
      if (typeof scene.free === 'function') scene.free();
      throw e;
    }
  }

  /** Makes a parsed scene current. @param {any} scene @param {Scenario} scenario */
  adopt(scene, scenario) {
    if (this.scene && this.scene !== scene && typeof this.scene.free === 'function') this.scene.free();
    this.scene = scene;
    this.scenario = scenario;
    this.touch();
  }

  /** Loads a scenario object (a full rebuild of the core's state). @param {Scenario} scenario */
  reload(scenario) {
    const { scene } = this.parse(JSON.stringify(scenario));
    this.adopt(scene, scenario);
  }

  touch() {
    this.version++;
  }

  /**
   * Brings the scene from the scenario it holds to `next`, with the cheapest calls.
   * On failure the scene is restored to what it held and the error is rethrown.
   * @param {Scenario} next
   */
  sync(next) {
    const prev = this.scenario;
    if (prev === next) return;
    if (!prev || !this.scene || this.scene.isBroken?.() || prev.plan !== next.plan || prev.catalog !== next.catalog ||
      prev.settings !== next.settings || prev.name !== next.name || prev.blindspot !== next.blindspot) {
      this.reload(next);
      return;
    }
    try {
      this.syncCameras(prev, next);
      this.scenario = next;
      this.touch();
    } catch (e) {
      // Some calls may have gone through: rebuild from the last good scenario.
      try { this.reload(prev); } catch { /* the error below is the one to show */ }
      throw e;
    }
  }

  /** @param {Scenario} prev @param {Scenario} next */
  syncCameras(prev, next) {
    const a = prev.cameras;
    const b = next.cameras;
    if (a === b) return;
    const s = this.scene;
    if (a.length === b.length) {
      for (let i = 0; i < b.length; i++) {
        if (a[i] !== b[i]) this.syncCamera(next, i, a[i], b[i]);
      }
      return;
    }
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    if (b.length === a.length + 1 && k === a.length) {
      s.addCamera(JSON.stringify(b[k]));
      return;
    }
    if (b.length === a.length - 1 && sameTail(a, k + 1, b, k)) {
      s.removeCamera(k);
      return;
    }
    // Insertion in the middle (undoing a delete) or several changes at once: the
    // contract only appends, so shift the tail with setCamera when it is short.
    if (b.length === a.length + 1 && sameTail(a, k, b, k + 1) && b.length - k <= 24) {
      for (let i = k; i < a.length; i++) s.setCamera(i, JSON.stringify(b[i]));
      s.addCamera(JSON.stringify(b[b.length - 1]));
      return;
    }
    this.reload(next);
  }

  /** @param {Scenario} next @param {number} i @param {Camera} was @param {Camera} cam */
  syncCamera(next, i, was, cam) {
    const s = this.scene;
    const same = (/** @type {keyof Camera} */ k) => JSON.stringify(was[k]) === JSON.stringify(cam[k]);
    const otherKeys = new Set([...Object.keys(was), ...Object.keys(cam)]);
    for (const k of ['position', 'heading_deg', 'hfov_deg', 'range_m']) otherKeys.delete(k);
    const othersSame = [...otherKeys].every((k) => same(/** @type {keyof Camera} */ (k)));
    if (othersSame) {
      const moved = !same('position');
      const aimed = !same('heading_deg') || !same('hfov_deg') || !same('range_m');
      if (moved && !aimed) {
        s.moveCamera(i, cam.position[0], cam.position[1]);
        return;
      }
      if (aimed && !moved) {
        const spec = effectiveSpec(next, cam);
        s.aimCamera(i, cam.heading_deg, spec.hfov, spec.range);
        return;
      }
    }
    s.setCamera(i, JSON.stringify(cam));
  }

  /** Cheap exact totals; cached per scene version. @returns {Summary} */
  summary() {
    if (this.summaryCache?.version !== this.version) {
      this.summaryCache = { version: this.version, summary: JSON.parse(this.scene.summary()) };
    }
    return this.summaryCache.summary;
  }

  /** The full report (blind spot polygons); cached per scene version. @returns {Report} */
  report() {
    if (this.reportCache?.version !== this.version) {
      this.reportCache = { version: this.version, report: JSON.parse(this.scene.report()) };
    }
    return this.reportCache.report;
  }

  /** The last report computed, even if the scene changed since. */
  lastReport() {
    return this.reportCache?.report ?? null;
  }

  reportIsCurrent() {
    return this.reportCache?.version === this.version;
  }

  /** @param {'views'|'blind'|'multi'} name @returns {Shapes} */
  layer(name) {
    const c = this.layerCache.get(name);
    if (c && c.version === this.version) return c.shapes;
    const shapes = copyShapes(this.scene.layer(name));
    this.layerCache.set(name, { version: this.version, shapes });
    return shapes;
  }

  /** What lies under a plan point. @param {number} x @param {number} y
   * @returns {{zones: string[], blind_spot: number|null}} */
  pick(x, y) {
    return JSON.parse(this.scene.pick(x, y));
  }

  /**
   * Runs the per-frame calls a few times so the engine has optimised them before the
   * first drag, then puts the scene back exactly as it was.
   */
  warmUp(rounds = 6) {
    const s = this.scenario;
    if (!s || s.cameras.length === 0) return;
    const idx = [0, Math.floor(s.cameras.length / 2), s.cameras.length - 1];
    for (const i of idx) {
      const [x, y] = s.cameras[i].position;
      for (let r = 0; r < rounds; r++) {
        const d = 0.25 * (r + 1);
        this.scene.moveCamera(i, x + d, y);
        this.scene.summary();
        copyShapes(this.scene.layer('views'));
        copyShapes(this.scene.layer('blind'));
      }
      this.scene.moveCamera(i, x, y);
    }
    this.touch();
    this.summary();
  }
}

/** @param {any[]} a @param {number} i @param {any[]} b @param {number} j */
function sameTail(a, i, b, j) {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}
