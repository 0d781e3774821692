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
 * @typedef {{id: string, name: string, kind: string, priority?: number, polygon: Pt[], holes?: Pt[][]}} Zone
 * @typedef {{id: string, name: string, hfov_deg?: number, range_m?: number}} CameraModel
 * @typedef {{id: string, model?: string, position: Pt, heading_deg: number, hfov_deg?: number, range_m?: number}} Camera
 * @typedef {{blindspot: number, name: string, plan: {walls: Wall[], zones: Zone[]},
 *            catalog: CameraModel[], cameras: Camera[], settings?: {min_blind_spot_m2?: number}}} Scenario
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

/**
 * The field of view and range a camera actually has: its own, else its model's.
 * @param {Scenario} s @param {Camera} cam
 * @returns {{hfov: number, range: number, fromModel: {hfov: boolean, range: boolean}, model: CameraModel|undefined}}
 */
export function effectiveSpec(s, cam) {
  const model = cam.model ? s.catalog.find((m) => m.id === cam.model) : undefined;
  const hfov = cam.hfov_deg ?? model?.hfov_deg ?? NaN;
  const range = cam.range_m ?? model?.range_m ?? NaN;
  return { hfov, range, model, fromModel: { hfov: cam.hfov_deg === undefined, range: cam.range_m === undefined } };
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
  /** @param {Storage|null} storage @param {number} [delayMs] */
  constructor(storage, delayMs = 400) {
    this.storage = storage;
    this.delayMs = delayMs;
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
      this.storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), text: JSON.stringify(s) }));
      this.lastError = null;
    } catch (e) {
      // Quota exceeded (very large plans) or storage disabled: autosave is best effort.
      this.lastError = e instanceof Error ? e.message : String(e);
    }
  }

  /** @returns {{savedAt: string, text: string}|null} */
  load() {
    if (!this.storage) return null;
    try {
      const raw = this.storage.getItem(AUTOSAVE_KEY);
      if (!raw) return null;
      const v = JSON.parse(raw);
      if (typeof v?.text !== 'string') return null;
      return { savedAt: String(v.savedAt ?? ''), text: v.text };
    } catch {
      return null;
    }
  }

  clear() {
    try { this.storage?.removeItem(AUTOSAVE_KEY); } catch { /* ignore */ }
  }
}
