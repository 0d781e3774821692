// @ts-check
/** The cameras card: one button per camera in its colour, with the floor area it sees. */

import { el, $ } from './dom.js';
import { fmtArea } from '../format.js';
import { cameraColour } from '../palette.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../core/types.js').Summary} Summary */

export class CameraList {
  /** @param {{select: (i: number, why?: string) => void}} actions */
  constructor(actions) {
    this.actions = actions;
    this.list = $('camera-list');
    this.count = $('camera-count');
    this.key = '';
  }

  /** @param {Scenario} s @param {number} selected @param {Summary|null} sm */
  update(s, selected, sm) {
    const key = s.cameras.map((c) => c.id).join('\u0000');
    this.count.textContent = String(s.cameras.length);
    if (key !== this.key) {
      this.key = key;
      this.list.replaceChildren();
      s.cameras.forEach((c, i) => {
        const b = el('button', { type: 'button', class: 'cam-item', 'data-camera': c.id }, [
          el('span', { class: 'cam-dot', 'aria-hidden': 'true' }),
          el('span', { class: 'cam-name', text: c.id }),
          el('span', { class: 'cam-area' }),
        ]);
        /** @type {HTMLElement} */ (b.firstChild).style.background = cameraColour(i);
        b.addEventListener('click', () => this.actions.select(i, 'list'));
        this.list.append(el('li', {}, [b]));
      });
    }
    const items = this.list.children;
    for (let i = 0; i < items.length; i++) {
      const b = /** @type {HTMLElement} */ (items[i].firstChild);
      const on = i === selected;
      if (b.classList.contains('selected') !== on) {
        b.classList.toggle('selected', on);
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
      }
      const a = /** @type {HTMLElement} */ (b.lastChild);
      const va = sm?.cameras[i]?.view_area_m2;
      const text = va === undefined ? '' : fmtArea(va);
      if (a.textContent !== text) a.textContent = text;
    }
  }
}
