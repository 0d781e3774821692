// @ts-check
/**
 * The level switcher of a site (model/levels.js): one tab per level above the plan, the
 * bottom level first, left to right (the order of the file, of the CLI's report and of
 * the site panel: going right is going up). Keyboard: the tabs are a tablist (Left/Right,
 * Home/End move between levels and show them; the shown tab is the one Tab reaches).
 * Hidden for a plan of one level.
 */

import { el, $ } from './dom.js';
import { levelsOf, shownLevel } from '../model/levels.js';
import { fmtNum } from '../format.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */

export class LevelTabs {
  /** @param {{show: (id: string) => void}} actions */
  constructor(actions) {
    this.actions = actions;
    this.bar = $('level-bar');
    this.tabs = $('level-tabs');
    this.key = '';
    this.tabs.addEventListener('keydown', (e) => this.key_(e));
  }

  /** @param {Scenario|null} s */
  update(s) {
    const shown = s ? shownLevel(s) : null;
    if (!s || shown === null) {
      this.bar.hidden = true;
      this.key = '';
      this.tabs.replaceChildren();
      return;
    }
    const levels = levelsOf(s);
    const key = `${levels.map((l) => `${l.id}\u0001${l.name}`).join('\u0000')}|${shown}`;
    this.bar.hidden = false;
    if (this.key === key) return;
    const hadFocus = this.tabs.contains(document.activeElement);
    this.key = key;
    this.tabs.replaceChildren(...levels.map((l) => {
      const on = l.id === shown;
      const b = el('button', { type: 'button', role: 'tab', id: `level-tab-${l.id}`, class: `level-tab${on ? ' active' : ''}`, 'data-level': l.id,
        'aria-selected': on ? 'true' : 'false', tabindex: on ? '0' : '-1',
        title: on ? `${l.name}: on the plan (elevation ${fmtNum(l.elevation_m, 2)} m)` : `Show ${l.name} (elevation ${fmtNum(l.elevation_m, 2)} m)` });
      b.append(el('span', { class: 'level-tab-name', text: l.name }), el('span', { class: 'level-elev', text: `${fmtNum(l.elevation_m, 1)} m` }));
      b.addEventListener('click', () => { if (!on) this.actions.show(l.id); });
      return b;
    }));
    if (hadFocus) /** @type {HTMLElement|null} */ (this.tabs.querySelector('[aria-selected="true"]'))?.focus();
  }

  /** Arrow keys, Home and End move to a neighbouring, the first or the last level. @param {KeyboardEvent} e */
  key_(e) {
    const tabs = /** @type {HTMLElement[]} */ ([...this.tabs.querySelectorAll('[role="tab"]')]);
    const at = tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
    if (at < 0) return;
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -2;
    if (to === -2) return;
    e.preventDefault();
    e.stopPropagation();
    const t = tabs[Math.max(0, Math.min(tabs.length - 1, to))];
    if (t && t !== tabs[at]) this.actions.show(/** @type {string} */ (t.dataset.level));
  }
}
