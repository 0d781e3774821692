// @ts-check
/**
 * The scenario as the single source of truth, with undo/redo history. Entries are
 * references to immutable scenarios (scenario.js), so undo is cheap even on large plans.
 * Gestures (drags) preview on every frame and record one entry at the end; `coalesce`
 * merges quick repeated edits (arrow-key nudges) into one entry.
 */

/** @typedef {import('./scenario.js').Scenario} Scenario */
/** @typedef {{type: 'reset'|'commit'|'preview'|'undo'|'redo', prev: Scenario|null, next: Scenario, label?: string}} ChangeEvent */

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
