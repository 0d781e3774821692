// @ts-check
/**
 * Wraps the wasm `Scene` (docs/wasm-api.md): loads scenarios, mirrors the page's edits
 * into it with the cheapest call that fits, and fetches summaries, reports and layers.
 * It never computes geometry itself.
 */

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */

/**
 * Polygons with holes, flattened, copied out of wasm memory.
 * @typedef {{coords: Float64Array, ringOffsets: Uint32Array, polygonOffsets: Uint32Array}} Shapes
 */

/**
 * @typedef {{name: string, px_per_m: number, covered_area_m2: number, coverage: number}} LevelCoverage
 * @typedef {{id: string, name: string, kind: string, priority: number, area_m2: number,
 *            covered_area_m2: number, coverage: number, multi_covered_area_m2: number,
 *            required_level?: string, required_coverage: number, levels: LevelCoverage[]}} ZoneStats
 * @typedef {{name: string, radius_m: number, area_m2: number}} CameraLevel
 * @typedef {{id: string, model?: string, view_area_m2: number, hfov_deg?: number, vfov_deg?: number,
 *            range_m?: number, focal_mm?: number, near_m?: number, far_m?: number, dead_zone_m2?: number,
 *            levels?: CameraLevel[]}} CameraStats
 * @typedef {{model: string|null, name: string, count: number, unit_price: number, install_cost: number,
 *            total: number, example_prices: boolean}} CostLine
 * @typedef {{currency: string, lines: CostLine[], hardware: number, installation: number, total: number,
 *            unpriced_cameras: number, example_prices: boolean}} Costs
 * @typedef {{target_area_m2: number, covered_area_m2: number, coverage: number, weighted_coverage: number,
 *            multi_covered_area_m2: number, blind_area_m2: number, levels: LevelCoverage[], zones: ZoneStats[],
 *            cameras: CameraStats[], costs: Costs}} Summary
 * @typedef {{area_m2: number, zone_ids: string[], polygon: [number, number][][]}} BlindSpot
 * @typedef {{blind_spots: BlindSpot[], blind_spots_omitted?: {count: number, area_m2: number, threshold_m2: number}}} BlindSpots
 * @typedef {Summary & BlindSpots & {name: string, warnings?: string[]}} Report
 * @typedef {{name: string, px_per_m: number}} Level
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
    /** @type {{version: number, spots: BlindSpots}|null} */
    this.blindCache = null;
    /** Bumped when the scene is rebuilt (plan, catalogue or settings changed). */
    this.loadVersion = 0;
    /** @type {{load: number, levels: Level[], labels: Float64Array|null}|null} */
    this.loadCache = null;
    /** focal length -> field of view tables per varifocal model object. @type {WeakMap<object, FocalTable|null>} */
    this.focalTables = new WeakMap();
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
    this.loadVersion++;
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
      prev.settings !== next.settings || prev.blindspot !== next.blindspot) {
      this.reload(next);
      return;
    }
    try {
      if (prev.name !== next.name) this.scene.setName(next.name);
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
    // Insertion in the middle: undoing a delete puts the camera back in its place.
    if (b.length === a.length + 1 && sameTail(a, k, b, k + 1)) {
      s.insertCamera(k, JSON.stringify(b[k]));
      return;
    }
    // Several changes at once.
    this.reload(next);
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
    const shapes = copyShapes(this.scene.cameraView(i));
    this.layerCache.set(key, { version: this.version, shapes });
    return shapes;
  }

  /**
   * How a varifocal model's horizontal field of view follows its focal length, sampled by
   * the core (a throwaway scene with one camera per focal length): the page never does
   * the optics itself. Null for a model without a focal range, or when the core refuses.
   * @param {import('./state.js').CameraModel} model @returns {FocalTable|null}
   */
  focalTable(model) {
    if (this.focalTables.has(model)) return this.focalTables.get(model) ?? null;
    /** @type {FocalTable|null} */
    let table = null;
    const fr = model.focal_range_mm;
    if (fr && fr[1] >= fr[0] && fr[0] > 0) {
      const n = fr[1] > fr[0] ? 96 : 0;
      const focal = Array.from({ length: n + 1 }, (_, k) => (n ? fr[0] * (fr[1] / fr[0]) ** (k / n) : fr[0]));
      const cameras = focal.map((f, k) => ({ id: `f${k}`, model: model.id, position: [0, 0], heading_deg: 0, focal_mm: f, range_m: 1 }));
      const text = JSON.stringify({ blindspot: 1, plan: { walls: [], zones: [{ id: 'z', polygon: [[0, 0], [1, 0], [1, 1]] }] }, catalog: [model], cameras });
      let scene = null;
      try {
        scene = this.wasm.Scene.load(text);
        const sm = /** @type {Summary} */ (JSON.parse(scene.summary()));
        const hfov = sm.cameras.map((c) => c.hfov_deg ?? NaN);
        if (hfov.every(Number.isFinite)) table = { focal, hfov };
      } catch { /* no table: the focal length stays a field */ }
      finally { if (scene && typeof scene.free === 'function') scene.free(); }
    }
    this.focalTables.set(model, table);
    return table;
  }

  /** @param {'views'|'blind'|'multi'|'dead'|'bands'} name @returns {Shapes} */
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
        copyShapes(this.scene.cameraView(i));
        copyShapes(this.scene.layer('blind'));
        copyShapes(this.scene.layer('bands'));
        copyShapes(this.scene.layer('dead'));
      }
      this.scene.moveCamera(i, x, y);
    }
    this.touch();
    this.summary();
  }
}

/**
 * The focal length whose field of view is nearest `hfov`, from a table the core sampled
 * (interpolated between samples; the table is monotone: longer lens, narrower view).
 * @typedef {{focal: number[], hfov: number[]}} FocalTable
 * @param {FocalTable} t @param {number} hfov
 */
export function focalForHfov(t, hfov) {
  const { focal, hfov: h } = t;
  if (hfov >= h[0]) return focal[0];
  const n = h.length - 1;
  if (hfov <= h[n]) return focal[n];
  for (let k = 0; k < n; k++) {
    if (hfov <= h[k] && hfov >= h[k + 1]) {
      const u = h[k] === h[k + 1] ? 0 : (h[k] - hfov) / (h[k] - h[k + 1]);
      return focal[k] + u * (focal[k + 1] - focal[k]);
    }
  }
  return focal[0];
}

/** @param {any[]} a @param {number} i @param {any[]} b @param {number} j */
function sameTail(a, i, b, j) {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}
