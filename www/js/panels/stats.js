// @ts-check
/**
 * The coverage card: the headline figure, the zones short of their required level, the
 * high-priority alert, the figures and the share seen at each level of detail.
 */

import { el, $ } from './dom.js';
import { fmtArea, fmtPct, pctText, fmtNum } from '../format.js';

/** @typedef {import('../core/types.js').Summary} Summary */

export class StatsPanel {
  /** @param {{zoomToZone: (id: string) => void}} actions @param {import('../core/types.js').Limits} limits */
  constructor(actions, limits) {
    this.actions = actions;
    /** A zone meets its required level from this share on (the core's). */
    this.met = limits.met_fraction;
    this.stat = {
      coverage: $('stat-coverage'), covered: $('stat-covered'), weighted: $('stat-weighted'),
      blind: $('stat-blind'), multi: $('stat-multi'), cameras: $('stat-cameras'), state: $('stat-state'),
      alert: $('stat-alert'), short: $('stat-short'),
    };
    this.levelList = $('level-list');
    this.shortKey = '';
    this.alertKey = '';
  }

  /** @param {Summary} sm @param {number} cameraCount @param {boolean} live */
  update(sm, cameraCount, live) {
    const st = this.stat;
    st.coverage.textContent = pctText(sm.coverage);
    st.coverage.dataset.value = String(sm.coverage);
    st.covered.textContent = `${fmtArea(sm.covered_area_m2)} of ${fmtArea(sm.target_area_m2)} covered`;
    st.weighted.textContent = fmtPct(sm.weighted_coverage);
    st.blind.textContent = fmtArea(sm.blind_area_m2);
    st.multi.textContent = fmtArea(sm.multi_covered_area_m2);
    st.cameras.textContent = String(cameraCount);
    st.state.textContent = live ? 'live' : 'exact';
    st.state.className = live ? 'badge live' : 'badge exact';
    this.updateLevels(sm);
    this.updateShortfall(sm);
    this.updateAlert(sm);
  }

  /** How much of the target is seen at each density level. @param {Summary} sm */
  updateLevels(sm) {
    const host = this.levelList;
    const key = sm.levels.map((l) => l.name).join('\u0000');
    if (host.dataset.key !== key) {
      host.dataset.key = key;
      host.replaceChildren(...sm.levels.map((l) => el('li', { 'data-level': l.name }, [
        el('span', { class: 'level-name', text: l.name }),
        el('span', { class: 'bar', 'aria-hidden': 'true' }, [el('span', { class: 'bar-fill' })]),
        el('span', { class: 'level-pct' }),
      ])));
    }
    sm.levels.forEach((l, k) => {
      const li = /** @type {HTMLElement} */ (host.children[k]);
      /** @type {HTMLElement} */ (li.querySelector('.bar-fill')).style.width = `${Math.max(0, Math.min(100, l.coverage * 100))}%`;
      const pct = /** @type {HTMLElement} */ (li.querySelector('.level-pct'));
      pct.textContent = fmtPct(l.coverage);
      pct.dataset.value = String(l.coverage);
      li.title = `${fmtArea(l.covered_area_m2)} seen at ${fmtNum(l.px_per_m, 1)} px/m or better`;
    });
  }

  /**
   * The headline: zones with a required level that fall short of it (less than the
   * core's `met_fraction` of the zone seen at that level, so that "100.0 %" always means
   * met), highest priority first.
   * @param {Summary} sm
   */
  updateShortfall(sm) {
    const req = sm.zones.filter((z) => z.required_level);
    const short = req.filter((z) => z.required_coverage < this.met)
      .sort((a, b) => b.priority - a.priority || a.required_coverage - b.required_coverage);
    const items = short.map((z) => `${z.name}|${z.required_level}|${fmtPct(z.required_coverage)}`);
    const key = `${req.length}|${items.join('\u0001')}`;
    if (key === this.shortKey) return;
    this.shortKey = key;
    const box = this.stat.short;
    box.hidden = req.length === 0;
    if (!req.length) return;
    box.classList.toggle('ok', short.length === 0);
    const head = short.length === 0
      ? `All ${req.length} zones with a required level meet it`
      : `${short.length} of ${req.length} zones short of their required level`;
    const list = el('ul', { class: 'short-list' });
    for (const z of short.slice(0, 6)) {
      const li = el('li', { 'data-zone': z.id, tabindex: '0', title: 'Show this zone' }, [
        el('span', { class: 'short-name', text: z.name }),
        el('span', { class: 'level-chip', text: /** @type {string} */ (z.required_level) }),
        el('span', { class: 'short-pct', text: fmtPct(z.required_coverage) }),
      ]);
      li.addEventListener('click', () => this.actions.zoomToZone(z.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.actions.zoomToZone(z.id); });
      list.append(li);
    }
    if (short.length > 6) list.append(el('li', { class: 'more', text: `and ${short.length - 6} more (see Zones)` }));
    box.replaceChildren(el('span', { class: 'alert-head', text: head }), ...(short.length ? [list] : []));
  }

  /** Names the high-priority zones (priority 4 and up, without a required level) that are
   * less than half covered. @param {Summary} sm */
  updateAlert(sm) {
    const weak = sm.zones.filter((z) => !z.required_level && z.priority >= 4 && z.coverage < 0.5)
      .sort((a, b) => a.coverage - b.coverage || b.priority - a.priority);
    const shown = weak.slice(0, 4).map((z) => `${z.name} ${fmtPct(z.coverage)}`);
    if (weak.length > 4) shown.push(`${weak.length - 4} more`);
    const text = shown.join(' · ');
    if (text === this.alertKey) return;
    this.alertKey = text;
    const a = this.stat.alert;
    a.hidden = weak.length === 0;
    a.replaceChildren(el('span', { class: 'alert-head', text: 'High priority, mostly unseen' }), text);
  }
}
