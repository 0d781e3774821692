// @ts-check
/**
 * The headline: the figures a board asks for, in large type. Shown over the plan when
 * presenting and on a phone (where the side panel is a drawer); the side panel keeps the
 * detail. Built with DOM calls and textContent only.
 */

import { el, $ } from './dom.js';
import { fmtArea, fmtMoney, pctText } from '../format.js';

/** @typedef {import('../core/types.js').Summary} Summary */

export class Headline {
  /** @param {import('../core/types.js').Limits} limits */
  constructor(limits) {
    /** A zone meets its required level from this share on (the core's). */
    this.met = limits.met_fraction;
    this.host = $('headline');
    /** @param {string} key @param {string} label */
    const cell = (key, label) => {
      const value = el('span', { class: 'headline-value', 'data-key': key });
      const detail = el('span', { class: 'headline-detail' });
      this.host.append(el('div', { class: `headline-cell ${key}` }, [el('span', { class: 'headline-label', text: label }), value, detail]));
      return { value, detail };
    };
    this.cells = {
      coverage: cell('coverage', 'Covered'),
      blind: cell('blind', 'Not covered'),
      required: cell('required', 'At required level'),
      cost: cell('cost', 'Cost'),
    };
  }

  /** @param {Summary} sm @param {number} cameras */
  update(sm, cameras) {
    const c = this.cells;
    c.coverage.value.textContent = `${pctText(sm.coverage)} %`;
    c.coverage.detail.textContent = `${fmtArea(sm.covered_area_m2)} of ${fmtArea(sm.target_area_m2)}`;
    c.blind.value.textContent = fmtArea(sm.blind_area_m2);
    c.blind.detail.textContent = `${pctText(1 - sm.coverage)} % of the area`;
    const required = sm.zones.filter((z) => z.required_level);
    const meeting = required.filter((z) => z.required_coverage >= this.met).length;
    c.required.value.textContent = required.length ? `${meeting} of ${required.length}` : '–';
    c.required.detail.textContent = required.length ? 'zones seen at their level' : 'no zone states a level';
    c.required.value.parentElement?.classList.toggle('short', required.length > 0 && meeting < required.length);
    c.cost.value.textContent = fmtMoney(sm.costs.total, sm.costs.currency);
    c.cost.detail.textContent = `${cameras} camera${cameras === 1 ? '' : 's'}${sm.costs.example_prices ? ' · example prices' : ''}`;
  }
}
