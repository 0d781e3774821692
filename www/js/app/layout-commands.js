// @ts-check
/**
 * Layouts of one plan (model/layouts.js): show one, add one (a duplicate, a proposal, a
 * curve point), rename, delete. Each is one undoable step, so Ctrl+Z walks back across
 * layouts in the order things happened.
 */

import { layoutsOf, activeLayout, withLayoutActive, withLayoutAdded, withLayoutRenamed, withLayoutRemoved, freshLayoutName, uniqueLayoutName } from '../model/layouts.js';

/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../model/layouts.js').LayoutMeta} LayoutMeta */
/** @typedef {import('./commands.js').Commands} Commands */
/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('./messages.js').Messages} Messages */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('../core/figures.js').LayoutFigures} LayoutFigures */

export class LayoutCommands {
  /** @param {{commands: Commands, ui: UiState, messages: Messages, mirror: SceneMirror, figures: LayoutFigures, perf: {switchMs: number[]}}} deps */
  constructor(deps) {
    this.d = deps;
  }

  /** Shows layout k on the plan. @param {number} k */
  switchTo(k) {
    const { commands, ui, messages, perf } = this.d;
    const s = commands.scenario();
    if (k === activeLayout(s) || k < 0 || k >= layoutsOf(s).length) return;
    const t0 = performance.now();
    const next = withLayoutActive(s, k);
    ui.select(null);
    if (commands.commit(next, `Show ${next.name}`)) {
      perf.switchMs.push(performance.now() - t0);
      commands.afterEdit(0);
      messages.announce(`Showing the layout ${next.name}`);
    }
  }

  /**
   * Adds a layout (from a duplicate, the optimiser or the curve) and shows it; with
   * `levelCameras`, a layout of the whole site (model/layouts.js `withLayoutAdded`).
   * @param {string} name @param {Camera[]} cameras @param {LayoutMeta} [meta] @param {Record<string, Camera[]>} [levelCameras]
   */
  add(name, cameras, meta, levelCameras) {
    const { commands, ui, messages } = this.d;
    const s = commands.scenario();
    const next = withLayoutAdded(s, uniqueLayoutName(s, name), cameras, meta, levelCameras);
    ui.select(null);
    if (commands.commit(next, `New layout ${next.name}`)) {
      commands.afterEdit(0);
      messages.announce(`New layout ${next.name}, shown on the plan`);
      return true;
    }
    return false;
  }

  duplicate() {
    const { commands, messages } = this.d;
    const s = commands.scenario();
    const next = withLayoutAdded(s, freshLayoutName(s), s.cameras, { kind: 'duplicate', cameras: s.cameras });
    if (commands.commit(next, `Duplicate as ${next.name}`)) {
      messages.toast(`"${next.name}" is a copy of "${s.name}": edit it freely, "${s.name}" stays as it is.`);
      commands.afterEdit(0);
    }
  }

  /** @param {number} k @param {string} name */
  rename(k, name) {
    const { commands, messages } = this.d;
    const s = commands.scenario();
    if (layoutsOf(s).some((l, j) => j !== k && l.name === name)) messages.showError('Rename: not possible', `Another layout is already called "${name}".`);
    else commands.commit(withLayoutRenamed(s, k, name), 'Rename layout');
  }

  /** @param {number} k */
  remove(k) {
    const { commands, ui, messages } = this.d;
    const s = commands.scenario();
    const list = layoutsOf(s);
    if (list.length <= 1) return;
    const name = list[k].name;
    ui.select(null);
    if (commands.commit(withLayoutRemoved(s, k), `Delete layout ${name}`)) {
      messages.toast(`Deleted the layout "${name}" — Ctrl+Z to undo`);
      commands.afterEdit(0);
    }
  }

  /** Every layout's total cost and exact weighted coverage (the curve's diamonds). */
  async allFigures() {
    const { commands, mirror, figures } = this.d;
    const s = commands.scenario();
    const act = activeLayout(s);
    return layoutsOf(s).map((l, k) => {
      const sm = k === act ? mirror.summary() : figures.get(s, l).summary;
      return { name: l.name, cost: sm.costs.total, weighted: sm.weighted_coverage, active: k === act, index: k };
    });
  }
}
