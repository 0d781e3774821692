// @ts-check
/**
 * The page's chrome around the plan: toolbar buttons and their state (undo and redo with
 * what they would do, delete and duplicate with a selection), the plan name field, the
 * layer toggles, the add bar (model and height of the next camera) and the marking bar.
 */

import { el, $, input, button, select } from './dom.js';
import { modelOptionText } from './camera-editor.js';
import { within, boundText } from '../model/optics.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../view/frame.js').Show} Show */

/**
 * @typedef {{
 *   undoLabel: string|null, redoLabel: string|null, hasSelection: boolean, tool: string,
 * }} ToolbarState
 * @typedef {{
 *   rename: (name: string) => void,
 *   setShow: (layer: keyof Show, on: boolean) => void,
 *   setAddModel: (id: string) => void,
 *   setAddHeight: (h: number) => void,
 *   showError: (title: string, message: string) => void,
 *   focusPlan: () => void,
 * }} ToolbarActions
 */

export class Toolbar {
  /** @param {ToolbarActions} actions @param {Show} show the layers shown at first @param {import('../core/types.js').Limits} limits */
  constructor(actions, show, limits) {
    this.actions = actions;
    this.canvas = $('plan');
    for (const key of /** @type {(keyof Show)[]} */ (['views', 'bands', 'blind', 'dead', 'multi', 'labels', 'shortfall', 'seenby'])) {
      const box = input(`show-${key}`);
      box.checked = show[key];
      box.addEventListener('change', () => actions.setShow(key, box.checked));
    }
    this.name = input('scenario-name');
    /** @type {() => string} */
    this.currentName = () => '';
    this.name.addEventListener('change', () => {
      const v = this.name.value.trim();
      if (v && v !== this.currentName()) actions.rename(v);
      else this.name.value = this.currentName();
    });
    this.name.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.name.blur(); });
    const model = select('add-model');
    model.addEventListener('change', () => {
      actions.setAddModel(model.value);
      input('add-height').disabled = model.value === '';
      actions.focusPlan();
    });
    const height = input('add-height');
    height.addEventListener('change', () => {
      const v = Number(height.value);
      const lim = limits.camera.height_m;
      if (height.value.trim() === '' || !within(lim, v)) {
        height.classList.add('invalid');
        actions.showError('Mounting height: not a valid value', `"${height.value}" is not a mounting height (${boundText(lim)}); an empty value is not allowed here (pick "No model" for a flat cone).`);
        return;
      }
      height.classList.remove('invalid');
      actions.setAddHeight(v);
    });
    height.addEventListener('keydown', (e) => { if (e.key === 'Enter') actions.focusPlan(); });
  }

  /** Wires buttons by id. @param {Record<string, () => void>} handlers */
  wire(handlers) {
    for (const [id, fn] of Object.entries(handlers)) $(id).addEventListener('click', fn);
  }

  /** @param {ToolbarState} st */
  update(st) {
    const u = button('btn-undo'), r = button('btn-redo');
    u.disabled = st.undoLabel === null;
    r.disabled = st.redoLabel === null;
    u.title = st.undoLabel !== null ? `Undo: ${st.undoLabel} (Ctrl+Z)` : 'Nothing to undo';
    r.title = st.redoLabel !== null ? `Redo: ${st.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo';
    button('btn-delete').disabled = !st.hasSelection;
    button('btn-duplicate').disabled = !st.hasSelection;
    const adding = st.tool === 'add-camera';
    $('btn-add').setAttribute('aria-pressed', adding ? 'true' : 'false');
    $('mode-hint').hidden = !adding;
    $('mark-hint').hidden = st.tool !== 'marks';
    this.canvas.classList.toggle('adding', adding || st.tool === 'marks');
  }

  /** The plan name, unless the user is typing in it. @param {string} name */
  showName(name) {
    this.currentName = () => name;
    if (document.activeElement !== this.name) this.name.value = name;
  }

  /**
   * Fills the add bar: the plan's models (with kind and example prices) and "No model".
   * @param {Scenario} s @param {string} currency @param {string} modelId the one picked @param {number} height
   */
  fillAddBar(s, currency, modelId, height) {
    const model = select('add-model');
    model.replaceChildren(...s.catalog.map((m) => el('option', { value: m.id, text: modelOptionText(m, currency) })),
      el('option', { value: '', text: 'No model (a flat cone: own field of view and range)' }));
    model.value = modelId;
    const h = input('add-height');
    h.value = String(height);
    h.disabled = model.value === '';
  }

  /** @param {number} n */
  showMarkCount(n) {
    $('mark-count').textContent = `${n} place${n === 1 ? '' : 's'} marked`;
  }
}
