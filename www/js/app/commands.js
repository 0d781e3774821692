// @ts-check
/**
 * The one edit path. Every change goes through the core first (`SceneMirror.sync`), so a
 * refused edit changes nothing, then into the store (history, autosave); a frame follows,
 * and the exact figures once edits pause. Drags preview on each frame and end in one
 * undo step. Tools, panels and dialogs edit only through these commands.
 */

import { errorMessage } from '../core/mirror.js';
import { cameraIndex } from '../model/scenario.js';
import { isPlanEdit } from '../model/plan.js';
import { isLevelSwitch } from '../model/levels.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/history.js').Store} Store */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('./frame.js').FrameLoop} FrameLoop */
/** @typedef {import('./messages.js').Messages} Messages */
/** @typedef {import('../core/types.js').BlindSpots} BlindSpots */

/**
 * @typedef {{
 *   store: Store, mirror: SceneMirror, ui: UiState, loop: FrameLoop, messages: Messages,
 *   perf: {settle: number[]},
 *   planChanged: () => void,
 *   edited: () => void,
 *   showBlindSpots: (spots: BlindSpots) => void,
 *   coreFailed: (e: unknown, what: string) => boolean,
 *   selected: (i: number, why: string) => void,
 * }} CommandDeps
 * `planChanged` fits the view to a new plan; `edited` refreshes the toolbar; `coreFailed`
 * is asked about every error from the core: it returns true when it was a failure of the
 * core itself (then handled: reported and recovered), false for a refusal to show;
 * `selected` announces a new selection.
 */

export class Commands {
  /** @param {CommandDeps} deps */
  constructor(deps) {
    this.d = deps;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.settleTimer = null;
  }

  /** @returns {Scenario} */
  scenario() {
    return /** @type {Scenario} */ (this.d.store.scenario);
  }

  selectedIndex() {
    const s = this.d.store.scenario;
    return s ? cameraIndex(s, this.d.ui.selection.cameraId) : -1;
  }

  /**
   * @param {Scenario} next @param {string} label
   * @param {{coalesce?: string, onError?: (message: string) => void}} [opts] `onError` shows a
   *   refusal where the edit was made (the catalogue dialog) instead of the banner
   * @returns {boolean}
   */
  commit(next, label, opts = {}) {
    const { store, mirror, loop } = this.d;
    try {
      const prev = this.scenario().plan;
      // Another plan (opened): fit it; an edit of this one, or another level of the site
      // (the same place on every level), keeps the view.
      const planChanged = prev !== next.plan && !isPlanEdit(prev, next.plan) && !isLevelSwitch(this.scenario(), next);
      mirror.sync(next);
      store.commit(next, label, { coalesce: opts.coalesce });
      if (planChanged) this.d.planChanged();
      this.afterEdit(80);
      return true;
    } catch (e) {
      if (!this.d.coreFailed(e, label)) {
        if (opts.onError) opts.onError(errorMessage(e));
        else this.d.messages.showError(`${label}: not possible`, errorMessage(e));
      }
      loop.request();
      return false;
    }
  }

  /** A live change during a gesture. @param {Scenario} next */
  preview(next) {
    try {
      this.d.mirror.sync(next);
      this.d.store.preview(next);
      this.d.loop.dragDirty = true;
      return true;
    } catch (e) {
      if (!this.d.coreFailed(e, 'Drag')) this.d.messages.showError('That position is not possible', errorMessage(e));
      return false;
    }
  }

  beginGesture() {
    const { store, mirror, loop } = this.d;
    store.beginGesture();
    mirror.lean = true;
    loop.lastDragFrameAt = 0;
    loop.gestureVersion = mirror.version;
    if (this.settleTimer) clearTimeout(this.settleTimer);
  }

  /** @param {string} label */
  endGesture(label) {
    const { store, mirror, loop } = this.d;
    loop.dragEndAt = performance.now();
    mirror.lean = false;
    if (store.endGesture(label)) this.afterEdit(0);
    else {
      loop.dragEndAt = 0;
      loop.request();
    }
  }

  /** @param {number} delayMs until the exact figures; 0 computes them now (end of a drag, a load) */
  afterEdit(delayMs) {
    this.d.edited();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (delayMs <= 0) this.settle();
    else this.settleTimer = setTimeout(() => this.settle(), delayMs);
    this.d.loop.request();
  }

  /** The exact figures: the summary is exact already; the blind-spot list (not the heavy
   * full report) completes them. */
  settle() {
    this.settleTimer = null;
    const { store, mirror, loop, perf } = this.d;
    if (store.inGesture || !store.scenario) return;
    try {
      const spots = mirror.blindSpots();
      loop.refresh(mirror.summary(), false);
      this.d.showBlindSpots(spots);
      document.body.dataset.settled = String(mirror.version);
      if (loop.dragEndAt) {
        // Force style and layout so the time includes the figures being laid out on screen.
        void document.body.offsetHeight;
        perf.settle.push(performance.now() - loop.dragEndAt);
        loop.dragEndAt = 0;
      }
      loop.request();
    } catch (e) {
      if (!this.d.coreFailed(e, 'The report')) this.d.messages.showError('The report could not be computed', errorMessage(e));
    }
  }

  undo() {
    this.step(this.d.store.peekUndo(), () => this.d.store.undo(), 'Undone', 'Undo');
  }

  redo() {
    this.step(this.d.store.peekRedo(), () => this.d.store.redo(), 'Redone', 'Redo');
  }

  /**
   * @param {{scenario: Scenario, label: string}|null} entry @param {() => void} apply
   * @param {string} done @param {string} what
   */
  step(entry, apply, done, what) {
    if (!entry) return;
    try {
      const prev = this.scenario().plan;
      const planChanged = entry.scenario.plan !== prev && !isPlanEdit(prev, entry.scenario.plan) && !isLevelSwitch(this.scenario(), entry.scenario);
      this.d.mirror.sync(entry.scenario);
      apply();
      if (planChanged) this.d.planChanged();
      this.d.messages.toast(`${done}: ${entry.label}`);
      this.afterEdit(60);
    } catch (e) {
      if (!this.d.coreFailed(e, what)) this.d.messages.showError(`${what} failed`, errorMessage(e));
    }
  }

  /** Selects camera i (-1: none). @param {number} i @param {string} [why] 'keyboard' and 'list' bring it into view */
  select(i, why = 'pointer') {
    const s = this.scenario();
    const id = i >= 0 && i < s.cameras.length ? s.cameras[i].id : null;
    if (id === this.d.ui.selection.cameraId) return;
    this.d.ui.select(id);
    if (id) this.d.selected(i, why);
    this.d.edited();
  }
}
