// @ts-check
/** The largest blind spots: click one to zoom to it, hover to outline it on the plan. */

import { el, $ } from './dom.js';
import { fmtArea, fmtNum } from '../format.js';

/** @typedef {import('../core/types.js').BlindSpots} BlindSpots */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */

export class BlindSpotList {
  /** @param {{zoomToBlindSpot: (k: number) => void, highlightBlindSpot: (k: number) => void}} actions */
  constructor(actions) {
    this.actions = actions;
    this.list = $('blind-list');
    this.note = $('blind-note');
  }

  /** @param {BlindSpots|null} report the list, or null to keep the one shown @param {Scenario} s @param {boolean} stale */
  update(report, s, stale) {
    this.list.classList.toggle('stale', stale);
    if (!report) return;
    const names = new Map(s.plan.zones.map((z) => [z.id, z.name]));
    const spots = report.blind_spots.map((b, k) => ({ b, k })).sort((x, y) => y.b.area_m2 - x.b.area_m2);
    const top = spots.slice(0, 10);
    this.list.replaceChildren();
    if (top.length === 0) {
      this.list.append(el('li', { class: 'empty', text: 'No blind spots: every zone is fully covered.' }));
    }
    for (const { b, k } of top) {
      const where = b.zone_ids.map((id) => names.get(id) ?? id).join(', ');
      const li = el('li', {}, [
        el('button', { class: 'blind-item', type: 'button', 'data-index': String(k) }, [
          el('span', { class: 'blind-swatch', 'aria-hidden': 'true' }),
          el('span', { class: 'blind-area', text: fmtArea(b.area_m2) }),
          el('span', { class: 'blind-where', text: where || 'outside any zone' }),
        ]),
      ]);
      const btn = /** @type {HTMLElement} */ (li.firstChild);
      btn.addEventListener('click', () => this.actions.zoomToBlindSpot(k));
      btn.addEventListener('pointerenter', () => this.actions.highlightBlindSpot(k));
      btn.addEventListener('pointerleave', () => this.actions.highlightBlindSpot(-1));
      btn.addEventListener('focus', () => this.actions.highlightBlindSpot(k));
      btn.addEventListener('blur', () => this.actions.highlightBlindSpot(-1));
      this.list.append(li);
    }
    const more = spots.length - top.length;
    const om = report.blind_spots_omitted;
    const notes = [];
    notes.push(`${spots.length} blind spot${spots.length === 1 ? '' : 's'}`);
    if (more > 0) notes.push(`${more} smaller not listed`);
    if (om && om.count > 0) {
      notes.push(`${om.count} sliver${om.count === 1 ? '' : 's'} under ${fmtNum(om.threshold_m2, 2)} m² (${fmtArea(om.area_m2)}) counted in totals only`);
    }
    this.note.textContent = notes.join(' · ');
  }
}
