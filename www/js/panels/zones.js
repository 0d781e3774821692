// @ts-check
/** The zones card: each zone's required level against what is achieved. */

import { el, $ } from './dom.js';
import { fmt1, fmtArea, fmtPct, fmtNum } from '../format.js';

/** @typedef {import('../core/types.js').Summary} Summary */

export class ZonesPanel {
  /**
   * @param {{zoomToZone: (id: string) => void, highlightZone: (id: string|null) => void}} actions
   * @param {import('../core/types.js').Limits} limits
   */
  constructor(actions, limits) {
    this.actions = actions;
    this.met = limits.met_fraction;
    this.list = $('zone-list');
    /** @type {Map<string, {row: HTMLElement, bar: HTMLElement, under: HTMLElement, pct: HTMLElement, area: HTMLElement, sig: string}>} */
    this.rows = new Map();
    this.key = '';
  }

  /** Builds the rows again on the next update (a file was opened). */
  reset() {
    this.key = '';
  }

  /**
   * The zones table: required level against what is achieved. A zone with a required
   * level shows the share of it seen at that level (what weighted coverage counts), with
   * plain coverage as the lighter bar behind.
   * @param {Summary} sm
   */
  update(sm) {
    const key = sm.zones.map((z) => `${z.id}\u0000${z.name}\u0000${z.priority}\u0000${z.required_level ?? ''}`).join('\u0001');
    if (key !== this.key) {
      this.key = key;
      this.rows.clear();
      this.list.replaceChildren();
      const zones = sm.zones.slice().sort((a, b) => (b.priority - a.priority) || a.name.localeCompare(b.name));
      for (const z of zones) {
        const bar = el('span', { class: 'bar-fill' });
        const under = el('span', { class: 'bar-under' });
        const pct = el('span', { class: 'zone-pct' });
        const area = el('span', { class: 'zone-area-text' });
        const level = z.required_level
          ? el('span', { class: 'level-chip', text: z.required_level, title: `Required level: ${z.required_level}` })
          : el('span', { class: 'level-chip none', text: 'seen', title: 'No required level: seen at any density counts' });
        const row = el('li', { class: `zone-row kind-${z.kind}`, tabindex: '0', 'data-zone': z.id }, [
          el('span', { class: 'zone-name' }, [
            el('span', { class: `kind-chip kind-${z.kind}`, text: z.kind }),
            el('span', { class: 'zone-title', text: z.name }),
            el('span', { class: 'zone-prio', text: `P${fmtNum(z.priority, 1)}`, title: 'Priority weight' }),
          ]),
          el('span', { class: 'bar', 'aria-hidden': 'true' }, [under, bar]),
          pct, el('span', { class: 'zone-area' }, [level, area]),
        ]);
        row.addEventListener('click', () => this.actions.zoomToZone(z.id));
        row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.actions.zoomToZone(z.id); } });
        row.addEventListener('pointerenter', () => this.actions.highlightZone(z.id));
        row.addEventListener('pointerleave', () => this.actions.highlightZone(null));
        this.rows.set(z.id, { row, bar, under, pct, area, sig: '' });
        this.list.append(row);
      }
    }
    for (const z of sm.zones) {
      const r = this.rows.get(z.id);
      if (!r) continue;
      // Touch only rows whose figures changed: a drag changes a few zones, not hundreds.
      const sig = `${z.coverage}|${z.required_coverage}|${z.covered_area_m2}|${z.area_m2}`;
      if (r.sig === sig) continue;
      r.sig = sig;
      const achieved = z.required_level ? z.required_coverage : z.coverage;
      r.bar.style.width = `${Math.max(0, Math.min(100, achieved * 100))}%`;
      r.under.style.width = `${Math.max(0, Math.min(100, z.coverage * 100))}%`;
      r.pct.textContent = fmtPct(achieved);
      r.pct.dataset.value = String(achieved);
      r.pct.dataset.coverage = String(z.coverage);
      r.area.textContent = z.required_level
        ? `${fmtArea(z.area_m2)} · seen at all ${fmtPct(z.coverage)}`
        : `${fmt1(z.covered_area_m2)} / ${fmtArea(z.area_m2)}`;
      const short = z.required_level ? z.required_coverage < this.met : z.coverage < 0.5;
      r.row.classList.toggle('weak', short);
      r.row.classList.toggle('met', !!z.required_level && !short);
    }
  }
}
