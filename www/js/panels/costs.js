// @ts-check
/** The cost card: the total in the plan's currency, one line per model and per pole, and the notes on example prices and unpriced cameras. */

import { el, $ } from './dom.js';
import { fmtMoney } from '../format.js';

/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */

export class CostsPanel {
  constructor() {
    this.cost = { card: $('costs'), total: $('cost-total'), split: $('cost-split'), lines: $('cost-lines'), notes: $('cost-notes'), exampleBadge: $('cost-example') };
    this.key = '';
  }

  /** What the plan costs, per model, in the plan's currency. @param {Summary} sm @param {Scenario} s */
  update(sm, s) {
    const c = sm.costs;
    const key = JSON.stringify(c);
    if (key === this.key) return;
    this.key = key;
    const cur = c.currency;
    this.cost.total.textContent = fmtMoney(c.total, cur);
    this.cost.total.dataset.value = String(c.total);
    this.cost.total.dataset.currency = cur;
    this.cost.split.textContent = `${fmtMoney(c.hardware, cur)} cameras + ${fmtMoney(c.installation, cur)} installation${c.poles.length ? ` + ${fmtMoney(c.poles_total, cur)} poles` : ''}`;
    const rows = c.lines.map((l) => {
      const m = l.model ? s.catalog.find((mm) => mm.id === l.model) : undefined;
      const name = el('span', { class: 'cost-name', text: l.name });
      if (m?.kind === 'ptz') name.title = 'PTZ: planned at its current aim';
      return el('tr', { 'data-model': l.model ?? '' }, [
        el('td', { class: 'cost-count', text: `${l.count} ×` }),
        el('td', { class: 'cost-what' }, [
          el('div', {}, [name, l.example_prices ? el('span', { class: 'example-tag', text: 'example', title: 'Example price from the starter catalogue, not a quote' }) : null]),
          el('div', { class: 'cost-unit', text: `${fmtMoney(l.unit_price, cur)} + ${fmtMoney(l.install_cost, cur)} installation, each` }),
        ]),
        el('td', { class: 'cost-line', text: fmtMoney(l.total, cur), 'data-value': String(l.total) }),
      ]);
    });
    // Poles as the cost account charges them: once each, however many cameras they hold.
    for (const p of c.poles) {
      rows.push(el('tr', { 'data-pole': p.id }, [
        el('td', { class: 'cost-count', text: '1 ×' }),
        el('td', { class: 'cost-what' }, [
          el('div', {}, [el('span', { class: 'cost-name', text: `Pole ${p.id}` })]),
          el('div', { class: 'cost-unit', text: `holds ${p.cameras} camera${p.cameras === 1 ? '' : 's'}` }),
        ]),
        el('td', { class: 'cost-line', text: fmtMoney(p.cost, cur), 'data-value': String(p.cost) }),
      ]));
    }
    this.cost.lines.replaceChildren(...rows);
    const notes = [];
    if (c.example_prices) {
      notes.push(el('p', { class: 'example-note', text: 'Example prices from the starter catalogue, not quotes. Put your suppliers\' prices in the catalogue before quoting this budget.' }));
    }
    if (c.unpriced_cameras > 0) {
      notes.push(el('p', { class: 'note warn', text: `${c.unpriced_cameras} camera${c.unpriced_cameras === 1 ? ' has' : 's have'} no price and count as ${fmtMoney(0, cur)}: set prices in the catalogue.` }));
    }
    this.cost.notes.replaceChildren(...notes);
    this.cost.card.classList.toggle('examples', c.example_prices);
    this.cost.exampleBadge.hidden = !c.example_prices;
  }
}
