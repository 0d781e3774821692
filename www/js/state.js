// @ts-check
/**
 * The scenario as the single source of truth, with undo/redo history and autosave.
 *
 * Scenarios are treated as immutable values: an edit builds a new scenario object that
 * shares every unchanged part (the plan, the catalogue, untouched cameras) with the old
 * one. History entries are therefore just references, cheap even for large plans, and
 * the scene mirror can find what changed by comparing references.
 */

/**
 * @typedef {[number, number]} Pt
 * @typedef {{id: string, kind: string, path: Pt[], exterior?: boolean, open?: boolean, opaque?: boolean}} Wall
 * @typedef {{id: string, name: string, kind: string, priority?: number, required_level?: string, polygon: Pt[], holes?: Pt[][]}} Zone
 * @typedef {{id: string, name: string, kind?: string, projection?: string, resolution_px?: [number, number],
 *            hfov_deg?: number, vfov_deg?: number, focal_mm?: number, focal_range_mm?: [number, number],
 *            sensor_mm?: [number, number], range_m?: number, unit_price?: number, install_cost?: number,
 *            example_prices?: boolean}} CameraModel
 * @typedef {{id: string, model?: string, position: Pt, heading_deg: number, hfov_deg?: number, vfov_deg?: number,
 *            range_m?: number, focal_mm?: number, height_m?: number, tilt_deg?: number}} Camera
 * @typedef {{min_blind_spot_m2?: number, currency?: string, target_height_m?: number,
 *            density_levels?: {name: string, px_per_m: number}[]}} Settings
 * @typedef {{blindspot: number, name: string, plan: {walls: Wall[], zones: Zone[]},
 *            catalog: CameraModel[], cameras: Camera[], settings?: Settings,
 *            layouts?: import('./layouts.js').Layouts}} Scenario
 *   `name` and `cameras` are the active layout's; `layouts` (page only) lists them all
 *   (layouts.js; in a file: the main layout and `options`).
 * @typedef {{type: 'reset'|'commit'|'preview'|'undo'|'redo', prev: Scenario|null, next: Scenario, label?: string}} ChangeEvent
 */

const HISTORY_LIMIT = 300;

export class Store {
  constructor() {
    /** @type {Scenario|null} */
    this.scenario = null;
    /** @type {{scenario: Scenario, label: string}[]} */
    this.undoStack = [];
    /** @type {{scenario: Scenario, label: string}[]} */
    this.redoStack = [];
    /** Scenario at the start of the current gesture (drag), if any. @type {Scenario|null} */
    this.gestureBase = null;
    /** @type {{key: string, at: number}|null} */
    this.lastCoalesce = null;
    /** @type {Set<(ev: ChangeEvent) => void>} */
    this.listeners = new Set();
  }

  /** @param {(ev: ChangeEvent) => void} fn */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** @param {ChangeEvent} ev */
  emit(ev) {
    for (const fn of this.listeners) fn(ev);
  }

  /** Replaces everything, forgetting history (first load, restore). @param {Scenario} scenario */
  reset(scenario) {
    const prev = this.scenario;
    this.scenario = scenario;
    this.undoStack = [];
    this.redoStack = [];
    this.gestureBase = null;
    this.lastCoalesce = null;
    this.emit({ type: 'reset', prev, next: scenario });
  }

  /**
   * Records an edit. `coalesce` merges consecutive edits with the same key made within
   * a second into one history entry (arrow-key nudges, typing in a number field).
   * @param {Scenario} next @param {string} label @param {{coalesce?: string}} [opts]
   */
  commit(next, label, opts = {}) {
    const prev = /** @type {Scenario} */ (this.scenario);
    if (next === prev) return;
    const now = performance.now();
    const merge = opts.coalesce && this.lastCoalesce && this.lastCoalesce.key === opts.coalesce &&
      now - this.lastCoalesce.at < 1000 && this.undoStack.length > 0;
    if (!merge) {
      this.undoStack.push({ scenario: prev, label });
      if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    }
    this.lastCoalesce = opts.coalesce ? { key: opts.coalesce, at: now } : null;
    this.redoStack = [];
    this.scenario = next;
    this.emit({ type: 'commit', prev, next, label });
  }

  /** Starts a gesture: previews follow, then `endGesture` records one history entry. */
  beginGesture() {
    this.gestureBase = this.scenario;
  }

  /** A live change during a gesture, not recorded in history. @param {Scenario} next */
  preview(next) {
    const prev = /** @type {Scenario} */ (this.scenario);
    if (this.gestureBase === null) this.gestureBase = prev;
    this.scenario = next;
    this.emit({ type: 'preview', prev, next });
  }

  /** Ends a gesture; returns true when it changed something. @param {string} label */
  endGesture(label) {
    const base = this.gestureBase;
    this.gestureBase = null;
    if (base === null || base === this.scenario) return false;
    this.undoStack.push({ scenario: base, label });
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.lastCoalesce = null;
    this.emit({ type: 'commit', prev: base, next: /** @type {Scenario} */ (this.scenario), label });
    return true;
  }

  get inGesture() {
    return this.gestureBase !== null;
  }

  canUndo() { return this.undoStack.length > 0; }
  canRedo() { return this.redoStack.length > 0; }
  /** What undo would restore, without doing it. */
  peekUndo() { return this.undoStack.length ? this.undoStack[this.undoStack.length - 1] : null; }
  peekRedo() { return this.redoStack.length ? this.redoStack[this.redoStack.length - 1] : null; }

  undo() {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    const prev = /** @type {Scenario} */ (this.scenario);
    this.redoStack.push({ scenario: prev, label: entry.label });
    this.scenario = entry.scenario;
    this.lastCoalesce = null;
    this.emit({ type: 'undo', prev, next: entry.scenario, label: entry.label });
    return true;
  }

  redo() {
    const entry = this.redoStack.pop();
    if (!entry) return false;
    const prev = /** @type {Scenario} */ (this.scenario);
    this.undoStack.push({ scenario: prev, label: entry.label });
    this.scenario = entry.scenario;
    this.lastCoalesce = null;
    this.emit({ type: 'redo', prev, next: entry.scenario, label: entry.label });
    return true;
  }
}

// ---- Pure edit helpers: each returns a new scenario sharing unchanged parts. ----

/** @param {Scenario} s @param {number} i @param {Partial<Camera>} patch @returns {Scenario} */
export function withCamera(s, i, patch) {
  const cameras = s.cameras.slice();
  const cam = { ...cameras[i], ...patch };
  for (const k of /** @type {(keyof Camera)[]} */ (Object.keys(patch))) {
    if (patch[k] === undefined) delete cam[k];
  }
  cameras[i] = cam;
  return { ...s, cameras };
}

/** @param {Scenario} s @param {Camera} cam @returns {Scenario} */
export function withAddedCamera(s, cam) {
  return { ...s, cameras: [...s.cameras, cam] };
}

/** @param {Scenario} s @param {number} i @returns {Scenario} */
export function withoutCamera(s, i) {
  const cameras = s.cameras.slice();
  cameras.splice(i, 1);
  return { ...s, cameras };
}

/** @param {Scenario} s @param {string} name @returns {Scenario} */
export function withName(s, name) {
  return { ...s, name };
}

/** A camera id not yet used in the scenario, like `cam-7`. @param {Scenario} s @param {string} [stem] */
export function freshCameraId(s, stem = 'cam') {
  const used = new Set(s.cameras.map((c) => c.id));
  const base = stem.replace(/-\d+$/, '');
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** @param {Scenario} s @param {Camera} cam @returns {CameraModel|undefined} */
export function modelOf(s, cam) {
  return cam.model ? s.catalog.find((m) => m.id === cam.model) : undefined;
}

/**
 * Where a model's field of view comes from: `varifocal` (the camera picks a focal length),
 * `fixed` (a fixed lens, a panorama or a fisheye: the model gives it), or `free` (no model,
 * or a model without optics: the camera states it).
 * @param {CameraModel|undefined} m @returns {'varifocal'|'fixed'|'free'}
 */
export function lensOf(m) {
  if (!m) return 'free';
  if (m.focal_range_mm) return 'varifocal';
  if (m.hfov_deg !== undefined || (m.focal_mm !== undefined && m.sensor_mm) || isFisheye(m)) return 'fixed';
  return 'free';
}

/** @param {CameraModel|undefined} m */
export function isFisheye(m) {
  return !!m && (m.projection === 'fisheye' || (m.projection === undefined && m.kind === 'fisheye'));
}

/** A model's kind as people read it; PTZ cameras are planned at their current aim. @param {string|undefined} kind */
export function kindLabel(kind) {
  switch (kind) {
    case 'ptz': return 'PTZ (at current aim)';
    case undefined: case '': return 'camera';
    default: return kind;
  }
}

/**
 * @typedef {{hfov: number, range: number, vfov?: number, focal?: number, near?: number, far?: number,
 *   mounted: boolean, tilt: number, lens: 'varifocal'|'fixed'|'free', model: CameraModel|undefined}} Optics
 */

/**
 * The optics a camera has in effect. The numbers come from the core's summary (`stats`,
 * the camera's entry in it); the camera's and model's own values stand in only until the
 * core has answered (a camera being placed).
 * @param {Scenario} s @param {Camera} cam @param {import('./scene.js').CameraStats|undefined} stats
 * @returns {Optics}
 */
export function cameraOptics(s, cam, stats) {
  const model = modelOf(s, cam);
  const ok = stats && stats.id === cam.id;
  return {
    hfov: (ok ? stats.hfov_deg : undefined) ?? cam.hfov_deg ?? model?.hfov_deg ?? NaN,
    range: (ok ? stats.range_m : undefined) ?? cam.range_m ?? model?.range_m ?? NaN,
    vfov: ok ? stats.vfov_deg : undefined,
    focal: ok ? stats.focal_mm : undefined,
    near: ok ? stats.near_m : undefined,
    far: ok ? stats.far_m : undefined,
    mounted: cam.height_m !== undefined,
    // Fisheyes look straight down unless tilted (the core's default).
    tilt: cam.tilt_deg ?? (isFisheye(model) ? 90 : 0),
    lens: lensOf(model),
    model,
  };
}

/** Replaces the catalogue (and cameras, when given). @param {Scenario} s @param {CameraModel[]} catalog @returns {Scenario} */
export function withCatalog(s, catalog) {
  return { ...s, catalog };
}

/** @param {Scenario} s @param {Settings} settings @returns {Scenario} */
export function withSettings(s, settings) {
  return { ...s, settings };
}

/** A model id not yet used in the catalogue. @param {Scenario} s @param {string} stem */
export function freshModelId(s, stem) {
  const used = new Set(s.catalog.map((m) => m.id));
  const base = stem.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Normalises a heading to [0, 360). @param {number} deg */
export function normDeg(deg) {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Rounds to a fixed number of decimals, dropping float noise. @param {number} x @param {number} [dp] */
export function roundTo(x, dp = 3) {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
}

// ---- Autosave ----

const AUTOSAVE_KEY = 'blindspot.autosave.v1';

/**
 * Saves the scenario to localStorage shortly after each change and reads it back.
 */
export class Autosave {
  /**
   * @param {Storage|null} storage @param {number} [delayMs]
   * @param {(s: Scenario) => {text: string, active?: number}} [serialize] the file text to keep (and which layout is shown)
   */
  constructor(storage, delayMs = 400, serialize = (s) => ({ text: JSON.stringify(s) })) {
    this.storage = storage;
    this.delayMs = delayMs;
    this.serialize = serialize;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
    /** @type {Scenario|null} */
    this.pending = null;
    /** @type {string|null} */
    this.lastError = null;
  }

  /** @param {Scenario} scenario */
  schedule(scenario) {
    this.pending = scenario;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const s = this.pending;
    this.pending = null;
    if (!s || !this.storage) return;
    try {
      const { text, active } = this.serialize(s);
      this.storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), text, active: active ?? 0 }));
      this.lastError = null;
    } catch (e) {
      // Quota exceeded (very large plans) or storage disabled: autosave is best effort.
      this.lastError = e instanceof Error ? e.message : String(e);
    }
  }

  /** @returns {{savedAt: string, text: string, active: number}|null} */
  load() {
    if (!this.storage) return null;
    try {
      const raw = this.storage.getItem(AUTOSAVE_KEY);
      if (!raw) return null;
      const v = JSON.parse(raw);
      if (typeof v?.text !== 'string') return null;
      return { savedAt: String(v.savedAt ?? ''), text: v.text, active: Number.isInteger(v.active) ? v.active : 0 };
    } catch {
      return null;
    }
  }

  clear() {
    try { this.storage?.removeItem(AUTOSAVE_KEY); } catch { /* ignore */ }
  }
}
