// @ts-check
/**
 * The site panel of a site of several levels: every level with its headline figures
 * (coverage, m² seen of the target, blind m², zones meeting their required level, cameras,
 * cost) and the site's totals, all as the core adds them up (core/site-scenes.js: the
 * page sums nothing). A level still being prepared shows "…". Clicking a level shows it.
 * Hidden for a plan of one level.
 */

import { el, $ } from './dom.js';
import { fmt1, pctText, fmtInt, fmtMoney } from '../format.js';

/** @typedef {import('../model/levels.js').SiteView} SiteView */
/** @typedef {import('../core/types.js').Headline} Headline */

/** The cells of one row of figures. @param {Headline|undefined} h @returns {(HTMLElement)[]} */
function cells(h) {
  if (!h) return [el('td', { class: 'num pending', colspan: '5', text: '… being prepared' })];
  const zones = h.zones_with_requirement ? `${fmtInt(h.zones_meeting)} of ${fmtInt(h.zones_with_requirement)}` : '–';
  return [
    el('td', { class: 'num', 'data-fig': 'coverage', title: 'Coverage: the share of the target seen, and the m² seen of the target' }, [el('b', { text: `${pctText(h.coverage)} %` }),
      el('span', { class: 'site-sub', text: `${fmt1(h.covered_area_m2)} of ${fmt1(h.target_area_m2)} m²` })]),
    el('td', { class: 'num blind-text', 'data-fig': 'blind', text: `${fmt1(h.blind_area_m2)} m²`, title: 'Blind area' }),
    el('td', { class: 'num', 'data-fig': 'zones', text: zones, title: 'Zones meeting their required level, of those with one' }),
    el('td', { class: 'num', 'data-fig': 'cameras', text: fmtInt(h.cameras), title: 'Cameras' }),
    el('td', { class: 'num', 'data-fig': 'cost', text: fmtMoney(h.costs.total, h.costs.currency), title: 'Cost: cameras, installation and poles' }),
  ];
}

export class SiteOverview {
  /** @param {{show: (id: string) => void}} actions */
  constructor(actions) {
    this.actions = actions;
    this.card = $('site-card');
    this.body = $('site-body');
    this.key = '';
  }

  /** @param {SiteView|undefined} view */
  update(view) {
    if (!view) {
      this.card.hidden = true;
      this.key = '';
      this.body.replaceChildren();
      return;
    }
    this.card.hidden = false;
    const key = JSON.stringify(view);
    if (key === this.key) return;
    this.key = key;
    const rows = view.levels.map((l) => {
      const pick = el('button', { type: 'button', class: 'site-level', 'aria-pressed': l.shown ? 'true' : 'false',
        title: l.shown ? `${l.name}: on the plan` : `Show ${l.name}`, text: l.name });
      pick.addEventListener('click', () => { if (!l.shown) this.actions.show(l.id); });
      return el('tr', { class: l.shown ? 'shown' : '', 'data-level': l.id }, [el('th', { scope: 'row' }, [pick]), ...cells(l.headline)]);
    });
    const total = el('tr', { class: 'site-total', 'data-level': '' }, [el('th', { scope: 'row', text: 'Site' }), ...cells(view.site)]);
    // (Short headings: the side panel is narrow; each cell's title says what it is.)
    const head = el('tr', null, ['Level', 'Seen', 'Blind', 'Zones', 'Cams', 'Cost'].map((t) => el('th', { scope: 'col', text: t })));
    this.body.replaceChildren(el('table', { class: 'site-table', id: 'site-table' }, [el('thead', null, [head]), el('tbody', null, rows), el('tfoot', null, [total])]));
  }
}
