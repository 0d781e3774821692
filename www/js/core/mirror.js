// @ts-check
/**
 * Wraps the wasm `Scene` (docs/wasm-api.md): loads scenarios, mirrors the page's edits
 * into it with the cheapest call that fits, and fetches summaries, reports and layers.
 * It never computes geometry itself.
 */

import { coreScenario } from '../model/layouts.js';
import { sameBase } from '../model/scenario.js';
import { takeShapes, replacePolygons } from './shapes.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */

/** @typedef {import('./shapes.js').Shapes} Shapes */
/** @typedef {import('./types.js').Summary} Summary */
/** @typedef {import('./types.js').Totals} Totals */
/** @typedef {import('./types.js').Report} Report */
/** @typedef {import('./types.js').BlindSpots} BlindSpots */
/** @typedef {import('./types.js').Level} Level */
/** @typedef {import('./types.js').Picked} Picked */
/** @typedef {'views'|'blind'|'multi'|'dead'|'bands'} LayerName */

/** The wasm module's exports this file uses. @typedef {{Scene: any}} WasmModule */

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
    /** @type {{version: number, lean: boolean, summary: Summary}|null} */
    this.summaryCache = null;
    /** @type {Map<string, {version: number, shapes: Shapes}>} */
    this.layerCache = new Map();
    /** @type {{version: number, spots: BlindSpots}|null} */
    this.blindCache = null;
    /** Bumped when the scene is rebuilt (plan, catalogue or settings changed). */
    this.loadVersion = 0;
    /** @type {{load: number, levels: Level[], labels: Float64Array|null}|null} */
    this.loadCache = null;
    /**
     * Lean mode (set by the page during a drag): summaries merge the core's lean
     * `totals()` with the full summary last fetched and the changed cameras'
     * `cameraSummary(i)`, and the per-camera layers (views, dead, bands) are patched
     * with `cameraLayers(i)` for the changed cameras instead of being fetched whole.
     */
    this.lean = false;
    /** Which camera each scene version changed (-1: anything else), newest last. @type {{version: number, cam: number}[]} */
    this.log = [];
    /** cameraLayers(i) per version. @type {{version: number, i: number, shapes: Shapes}|null} */
    this.cameraLayersCache = null;
    /**
     * Scenes of the layouts shown before (see layouts.js), kept loaded so that switching
     * back is a swap, not a reload; the oldest beyond PARK_LIMIT are freed.
     * @type {{scene: any, scenario: Scenario}[]}
     */
    this.parked = [];
    /** Layout switches served from a parked scene (tests read it). */
    this.parkHits = 0;
  }

  /**
   * The scene kept loaded for exactly these cameras of this plan, catalogue and settings,
   * if any (the compare view reads its figures without loading).
   * @param {Scenario} s @param {Camera[]} cameras
   */
  findParked(s, cameras) {
    return this.parked.find((p) => p.scenario.cameras === cameras && sameBase(p.scenario, s))?.scene ?? null;
  }

  /** @param {{scene: any, scenario: Scenario}} entry */
  park(entry) {
    this.parked.push(entry);
    while (this.parked.length > PARK_LIMIT) this.parked.shift()?.scene.free?.();
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
    // Parked scenes of another plan, catalogue or settings can never be used again.
    this.parked = this.parked.filter((p) => {
      if (sameBase(p.scenario, scenario)) return true;
      p.scene.free?.();
      return false;
    });
    this.scene = scene;
    this.scenario = scenario;
    this.loadVersion++;
    this.touch();
  }

  /** The full summary straight from the core, bypassing the cache and lean mode (tests). @returns {Summary} */
  freshSummary() {
    return JSON.parse(this.scene.summary());
  }

  /** Loads a scenario object (a full rebuild of the core's state). @param {Scenario} scenario */
  reload(scenario) {
    const { scene } = this.parse(JSON.stringify(coreScenario(scenario)));
    this.adopt(scene, scenario);
  }

  /** A new scene version. @param {number} [cam] the only camera that changed, if so */
  touch(cam = -1) {
    this.version++;
    this.log.push({ version: this.version, cam });
    if (this.log.length > 64) this.log.splice(0, this.log.length - 64);
  }

  /**
   * The cameras changed since scene version `v`, or null when something else changed
   * (a load, a camera added or removed, a rename) or the log does not reach back.
   * @param {number} v @returns {Set<number>|null}
   */
  changedSince(v) {
    if (v === this.version) return new Set();
    const first = this.log.findIndex((e) => e.version === v + 1);
    if (first < 0) return null;
    const cams = new Set();
    for (let k = first; k < this.log.length; k++) {
      const c = this.log[k].cam;
      if (c < 0) return null;
      cams.add(c);
    }
    return cams;
  }

  /**
   * Brings the scene from the scenario it holds to `next`, with the cheapest calls.
   * On failure the scene is restored to what it held and the error is rethrown.
   * @param {Scenario} next
   */
  sync(next) {
    const prev = this.scenario;
    if (prev === next) return;
    if (prev && this.scene && !this.scene.isBroken?.() && sameBase(prev, next) && prev.cameras !== next.cameras &&
      (prev.layouts?.active ?? 0) !== (next.layouts?.active ?? 0)) {
      this.switchLayout(prev, next);
      return;
    }
    if (!prev || !this.scene || this.scene.isBroken?.() || prev.plan !== next.plan || prev.catalog !== next.catalog ||
      prev.settings !== next.settings || prev.blindspot !== next.blindspot) {
      this.reload(next);
      return;
    }
    try {
      if (prev.name !== next.name) this.scene.setName(next.name);
      const cam = this.syncCameras(prev, next);
      this.scenario = next;
      this.touch(prev.name === next.name ? cam : -1);
    } catch (e) {
      // Some calls may have gone through: rebuild from the last good scenario.
      try { this.reload(prev); } catch { /* the error below is the one to show */ }
      throw e;
    }
  }

  /**
   * Another layout of the same plan: the scene of the layout left is parked (kept
   * loaded); the one shown is a parked scene holding exactly its cameras if there is
   * one, else a new load.
   * @param {Scenario} prev @param {Scenario} next
   */
  switchLayout(prev, next) {
    const k = this.parked.findIndex((p) => p.scenario.cameras === next.cameras && sameBase(p.scenario, next));
    let scene;
    if (k >= 0) {
      scene = this.parked.splice(k, 1)[0].scene;
      if (scene.isBroken?.()) { scene.free?.(); scene = null; } else this.parkHits++;
    }
    if (!scene && this.scene && !this.scene.isBroken?.() && sameBase(prev, next)) {
      // Same plan, catalogue and settings: reuse the prepared walls and zones.
      scene = this.scene.withCameras(next.name, JSON.stringify(next.cameras));
    }
    if (!scene) scene = this.parse(JSON.stringify(coreScenario(next))).scene;
    else scene.setName(next.name);
    this.park({ scene: this.scene, scenario: prev });
    this.scene = scene;
    this.scenario = next;
    this.loadVersion++;
    this.touch();
  }

  /**
   * @param {Scenario} prev @param {Scenario} next
   * @returns {number} the index of the only camera changed in place, else -1
   */
  syncCameras(prev, next) {
    const a = prev.cameras;
    const b = next.cameras;
    if (a === b) return -1;
    const s = this.scene;
    if (a.length === b.length) {
      let only = -1, count = 0;
      for (let i = 0; i < b.length; i++) {
        if (a[i] !== b[i]) {
          this.syncCamera(next, i, a[i], b[i]);
          only = i;
          count++;
        }
      }
      return count === 1 ? only : -1;
    }
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    if (b.length === a.length + 1 && k === a.length) {
      s.addCamera(JSON.stringify(b[k]));
      return -1;
    }
    if (b.length === a.length - 1 && sameTail(a, k + 1, b, k)) {
      s.removeCamera(k);
      return -1;
    }
    // Insertion in the middle: undoing a delete puts the camera back in its place.
    if (b.length === a.length + 1 && sameTail(a, k, b, k + 1)) {
      s.insertCamera(k, JSON.stringify(b[k]));
      return -1;
    }
    // Several changes at once.
    this.reload(next);
    return -1;
  }

  /**
   * A moved camera goes through `moveCamera`; anything else through `setCamera`, which
   * keeps the core's camera identical to ours. (`aimCamera` would turn a field of view
   * that comes from a lens into an override: see docs/web-app.md.)
   * @param {Scenario} _next @param {number} i @param {Camera} was @param {Camera} cam
   */
  syncCamera(_next, i, was, cam) {
    const s = this.scene;
    const keys = new Set([...Object.keys(was), ...Object.keys(cam)]);
    keys.delete('position');
    const othersSame = [...keys].every((k) => JSON.stringify(was[/** @type {keyof Camera} */ (k)]) === JSON.stringify(cam[/** @type {keyof Camera} */ (k)]));
    if (othersSame) {
      s.moveCamera(i, cam.position[0], cam.position[1]);
      return;
    }
    s.setCamera(i, JSON.stringify(cam));
  }

  /**
   * Exact totals; cached per scene version. In lean mode (a drag), when only a few
   * cameras changed since the last summary, the core's lean `totals()` and those
   * cameras' `cameraSummary(i)` are merged into it: every figure a drag moves is
   * current; per-zone level breakdowns wait for the full summary after the drag.
   * @returns {Summary}
   */
  summary() {
    const c = this.summaryCache;
    if (c?.version === this.version && (this.lean || !c.lean)) return c.summary;
    const changed = this.lean && c ? this.changedSince(c.version) : null;
    if (c && changed && changed.size <= 4) {
      const t = /** @type {Totals} */ (JSON.parse(this.scene.totals()));
      const base = c.summary;
      const zones = base.zones.map((z, k) => {
        const lz = t.zones[k];
        return lz && lz.id === z.id ? { ...z, ...lz } : z;
      });
      const cameras = base.cameras.slice();
      for (const i of changed) cameras[i] = JSON.parse(this.scene.cameraSummary(i));
      this.summaryCache = { version: this.version, lean: true, summary: { ...base, ...t, zones, cameras } };
    } else {
      this.summaryCache = { version: this.version, lean: false, summary: JSON.parse(this.scene.summary()) };
    }
    return this.summaryCache.summary;
  }

  /** Camera i's view, dead zone and bands (cameraLayers), per version. @param {number} i */
  cameraLayers(i) {
    const c = this.cameraLayersCache;
    if (c && c.version === this.version && c.i === i) return c.shapes;
    const shapes = takeShapes(this.scene.cameraLayers(i));
    this.cameraLayersCache = { version: this.version, i, shapes };
    return shapes;
  }

  /** The full report (blind spot polygons); cached per scene version. @returns {Report} */
  report() {
    if (this.reportCache?.version !== this.version) {
      this.reportCache = { version: this.version, report: JSON.parse(this.scene.report()) };
    }
    return this.reportCache.report;
  }

  /** The blind-spot list (much smaller than the report); cached per scene version. @returns {BlindSpots} */
  blindSpots() {
    if (this.blindCache?.version !== this.version) {
      const spots = this.reportCache?.version === this.version ? this.reportCache.report : JSON.parse(this.scene.blindSpots());
      this.blindCache = { version: this.version, spots };
    }
    return this.blindCache.spots;
  }

  /** The last blind-spot list computed, even if the scene changed since. */
  lastBlindSpots() {
    return this.blindCache?.spots ?? null;
  }

  blindSpotsAreCurrent() {
    return this.blindCache?.version === this.version;
  }

  /** Per-load data: the density levels (densest first) and the zone label points. */
  loadData() {
    if (this.loadCache?.load !== this.loadVersion) {
      this.loadCache = { load: this.loadVersion, levels: JSON.parse(this.scene.levels()), labels: null };
    }
    return this.loadCache;
  }

  /** The density levels in use, densest first. @returns {Level[]} */
  levels() {
    return this.loadData().levels;
  }

  /** A point well inside each zone (x, y pairs in zone order), for its label. */
  zoneLabels() {
    const d = this.loadData();
    if (!d.labels) d.labels = Float64Array.from(this.scene.zoneLabels());
    return d.labels;
  }

  /** Camera i's view alone (one polygon). @param {number} i @returns {Shapes} */
  cameraView(i) {
    const key = `view:${i}`;
    const c = this.layerCache.get(key);
    if (c && c.version === this.version) return c.shapes;
    const shapes = takeShapes(this.scene.cameraView(i));
    this.layerCache.set(key, { version: this.version, shapes });
    return shapes;
  }

  /**
   * The focal length giving camera i (a varifocal lens) a horizontal field of view of
   * `hfov`, clamped to the lens: the core inverts its own optics (`focalForHfov`).
   * Undefined for a camera without a varifocal lens with a known sensor.
   * @param {number} i @param {number} hfov @returns {number|undefined}
   */
  focalFor(i, hfov) {
    const f = this.scene.focalForHfov(i, hfov);
    return typeof f === 'number' && Number.isFinite(f) ? f : undefined;
  }

  /**
   * A layer, cached per version. In lean mode the per-camera layers (views, dead,
   * bands) are patched from the last copy with the changed cameras' `cameraLayers(i)`
   * (polygon 0 the view, 1 the dead zone, then one per level), so a drag copies one
   * camera's geometry instead of every camera's.
   * @param {LayerName} name @returns {Shapes}
   */
  layer(name) {
    const c = this.layerCache.get(name);
    if (c && c.version === this.version) return c.shapes;
    const per = name === 'views' || name === 'dead' ? 1 : name === 'bands' ? this.levels().length : 0;
    const changed = this.lean && c && per > 0 ? this.changedSince(c.version) : null;
    let shapes;
    if (c && changed && changed.size <= 4) {
      shapes = c.shapes;
      for (const i of changed) {
        const part = this.cameraLayers(i);
        const from = name === 'views' ? 0 : name === 'dead' ? 1 : 2;
        shapes = replacePolygons(shapes, i * per, part, from, per);
      }
    } else {
      shapes = takeShapes(this.scene.layer(name));
    }
    this.layerCache.set(name, { version: this.version, shapes });
    return shapes;
  }

  /** A layer straight from the core, bypassing the cache (tests). @param {LayerName} name */
  freshLayer(name) {
    return takeShapes(this.scene.layer(name));
  }

  /** What lies under a plan point. @param {number} x @param {number} y @returns {Picked} */
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
        if (r % 2) this.scene.summary();
        else {
          this.scene.totals();
          this.scene.cameraSummary(i);
        }
        takeShapes(this.scene.cameraLayers(i));
        takeShapes(this.scene.layer('blind'));
      }
      this.scene.moveCamera(i, x, y);
    }
    this.touch();
    this.summary();
  }
}

/** How many scenes of other layouts stay loaded. */
const PARK_LIMIT = 3;

/** @param {any[]} a @param {number} i @param {any[]} b @param {number} j */
function sameTail(a, i, b, j) {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}
