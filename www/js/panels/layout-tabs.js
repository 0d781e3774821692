// @ts-check
/**
 * The layouts bar: one tab per layout of the plan, the shown one pressed, with rename in
 * place (Enter keeps, Escape cancels) and delete (never the last one).
 */

import { el, $ } from './dom.js';
import { layoutsOf, activeLayout } from '../model/layouts.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */

/**
 * @typedef {{
 *   switchTo: (k: number) => void,
 *   rename: (k: number, name: string) => void,
 *   remove: (k: number) => void,
 *   scenario: () => Scenario|null,
 * }} TabActions
 */

export class LayoutTabs {
  /** @param {TabActions} actions */
  constructor(actions) {
    this.actions = actions;
    this.tabs = $('layout-tabs');
    this.key = '';
  }

  /** @param {Scenario|null} s */
  update(s) {
    const tabs = this.tabs;
    if (!s) { this.key = ''; tabs.replaceChildren(); return; }
    const list = layoutsOf(s);
    const act = activeLayout(s);
    const key = `${list.map((l) => l.name).join('\u0000')}|${act}`;
    if (this.key === key) return;
    this.key = key;
    tabs.replaceChildren(...list.map((l, k) => {
      const on = k === act;
      const tab = el('div', { class: `layout-tab${on ? ' active' : ''}`, 'data-name': l.name });
      const b = el('button', { type: 'button', role: 'tab', 'aria-selected': on ? 'true' : 'false', class: 'layout-pick',
        title: on ? `${l.name}: on the plan (double-click to rename)` : `Show ${l.name} on the plan` });
      b.append(el('span', { class: 'layout-tag', text: k === 0 ? 'main' : String.fromCharCode(64 + Math.min(k, 26)) }), el('span', { class: 'layout-name', text: l.name }));
      b.addEventListener('click', () => this.actions.switchTo(k));
      b.addEventListener('dblclick', () => this.startRename(k));
      tab.append(b);
      if (on) {
        const rn = el('button', { type: 'button', class: 'layout-icon', title: `Rename ${l.name}`, 'aria-label': `Rename ${l.name}`, text: '✎' });
        rn.addEventListener('click', () => this.startRename(k));
        tab.append(rn);
      }
      if (list.length > 1) {
        const del = el('button', { type: 'button', class: 'layout-icon danger', title: `Delete the layout ${l.name}`, 'aria-label': `Delete the layout ${l.name}`, text: '×' });
        del.addEventListener('click', () => this.actions.remove(k));
        tab.append(del);
      }
      return tab;
    }));
  }

  /** Renames layout k in place: its tab becomes a text field. @param {number} k */
  startRename(k) {
    const s = this.actions.scenario();
    const old = s ? layoutsOf(s)[k]?.name : undefined;
    const tab = /** @type {HTMLElement|undefined} */ (this.tabs.children[k]);
    if (old === undefined || !tab) return;
    const field = /** @type {HTMLInputElement} */ (el('input', { type: 'text', class: 'layout-rename', 'aria-label': `New name for ${old}`, spellcheck: 'false' }));
    field.value = old;
    tab.replaceChildren(field);
    field.focus();
    field.select();
    let done = false;
    const finish = (/** @type {boolean} */ keep) => {
      if (done) return;
      done = true;
      const name = field.value.trim();
      this.key = '';
      if (keep && name && name !== old) this.actions.rename(k, name);
      this.update(this.actions.scenario());
    };
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); finish(true); }
      else if (e.key === 'Escape') { e.preventDefault(); finish(false); }
      e.stopPropagation();
    });
    field.addEventListener('blur', () => finish(true));
  }
}
