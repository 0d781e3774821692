// @ts-check
/** The zones card: each zone's required level against what is achieved. */

import { el, $ } from './dom.js';
import { fmt1, fmtArea, fmtPct, fmtNum } from '../format.js';

/** @typedef {import('../core/types.js').Summary} Summary */

/**
 * Up to this many zones every row is built and the list grows with the panel; beyond it
 * the list is its own scroll box and only the rows in view exist (a palace has tens of
 * thousands of zones: building a row for each took seconds and the page's memory).
 */
export const ALL_ROWS = 100;

/** Rows built above and below the ones in view, so a short scroll shows no gap. */
const OVERSCAN = 8;

/** A row's height before one has been measured (px; a row is three lines). */
const ROW_GUESS_PX = 58;

/** The list's gap between items (px; app.css `.zone-list`). */
const ROW_GAP_PX = 2;

/** What a zone's row shows that does not change with the cameras. @typedef {{id: string, name: string, kind: string, priority: number, required_level?: string|null}} ZoneHead */

export class ZonesPanel {
  /**
   * @param {{zoomToZone: (id: string) => void, highlightZone: (id: string|null) => void}} actions
   * @param {import('../core/types.js').Limits} limits
   */
  constructor(actions, limits) {
    this.actions = actions;
    this.met = limits.met_fraction;
    this.list = $('zone-list');
    /** The rows built now, by zone id. @type {Map<string, {row: HTMLElement, bar: HTMLElement, under: HTMLElement, pct: HTMLElement, area: HTMLElement, sig: string}>} */
    this.rows = new Map();
    /** The zones the rows were built for, as the summary lists them. @type {{id: string, name: string, priority: number, required_level: string|null}[]} */
    this.heads = [];
    /** Each zone's place in the summary's list. @type {Map<string, number>} */
    this.index = new Map();
    /** Every zone in the table's order (highest priority first, then by name). @type {ZoneHead[]} */
    this.order = [];
    /** The zones' figures last shown (the summary's list). @type {Summary['zones']} */
    this.zones = [];
    /** Only the rows in view are built (more than ALL_ROWS zones). */
    this.virtual = false;
    /** The rows built: order[first] up to order[end - 1]. */
    this.first = 0;
    this.end = 0;
    /** The distance from one row to the next (px), measured once rows exist. */
    this.pitch = 0;
    this.scrollFrame = 0;
    this.gapAbove = el('li', { class: 'zone-gap', 'aria-hidden': 'true' });
    this.gapBelow = el('li', { class: 'zone-gap', 'aria-hidden': 'true' });
    this.list.addEventListener('scroll', () => {
      if (!this.virtual || this.scrollFrame) return;
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        this.showWindow();
      });
    }, { passive: true });
  }

  /** Builds the rows again on the next update (a file was opened). */
  reset() {
    this.heads = [];
  }

  /**
   * The zones table: required level against what is achieved. A zone with a required
   * level shows the share of it seen at that level (what weighted coverage counts), with
   * plain coverage as the lighter bar behind.
   * @param {Summary} sm
   */
  update(sm) {
    const zones = sm.zones;
    if (!this.sameHeads(zones)) {
      this.heads = zones.map(({ id, name, priority, required_level }) => ({ id, name, priority, required_level: required_level ?? null }));
      this.index = new Map(zones.map((z, i) => [z.id, i]));
      const byName = new Intl.Collator().compare;
      this.order = zones.map(({ id, name, kind, priority, required_level }) => ({ id, name, kind, priority, required_level }))
        .sort((a, b) => (b.priority - a.priority) || byName(a.name, b.name));
      this.virtual = this.order.length > ALL_ROWS;
      this.list.classList.toggle('virtual', this.virtual);
      this.list.setAttribute('aria-label', `${this.order.length} zones`);
      this.list.scrollTop = 0;
      this.rows.clear();
      this.list.replaceChildren();
      this.first = this.end = 0;
    }
    this.zones = zones;
    this.showWindow();
    for (const [id, r] of this.rows) {
      const z = this.figure(id);
      if (z) this.fill(r, z);
    }
  }

  /**
   * Whether the zones are those the rows were built for, in the same order, with the same
   * names, priorities and required levels (compared field by field: a drag frame of a
   * palace compares 6,815 zones, and a joined key string cost more than the rows).
   * @param {Summary['zones']} zones
   */
  sameHeads(zones) {
    const h = this.heads;
    if (h.length !== zones.length) return false;
    for (let i = 0; i < zones.length; i++) {
      const a = h[i], z = zones[i];
      if (a.id !== z.id || a.name !== z.name || a.priority !== z.priority || a.required_level !== (z.required_level ?? null)) return false;
    }
    return true;
  }

  /** A zone's figures last shown (by its place in the summary). @param {string} id */
  figure(id) {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.zones[i];
  }

  /** The rows to build: every one, or those in the scroll box's view and a margin. @returns {[number, number]} */
  window() {
    const n = this.order.length;
    if (!this.virtual) return [0, n];
    const pitch = this.pitch || ROW_GUESS_PX;
    const top = this.list.scrollTop;
    // A hidden panel has no height yet: build what a full box would show.
    const height = this.list.clientHeight || 12 * pitch;
    return [Math.max(0, Math.floor(top / pitch) - OVERSCAN), Math.min(n, Math.ceil((top + height) / pitch) + OVERSCAN)];
  }

  /** Builds the rows of the window (keeping those already built) and the space around them. */
  showWindow() {
    const [a, b] = this.window();
    if (a === this.first && b === this.end && this.rows.size === b - a) return;
    /** @type {Map<string, any>} */
    const kept = new Map();
    const items = [];
    for (let k = a; k < b; k++) {
      const z = this.order[k];
      const r = this.rows.get(z.id) ?? this.buildRow(z);
      r.row.setAttribute('aria-posinset', String(k + 1));
      r.row.setAttribute('aria-setsize', String(this.order.length));
      kept.set(z.id, r);
      items.push(r.row);
    }
    for (const [id, r] of kept) {
      const z = this.figure(id);
      if (z && !this.rows.has(id)) this.fill(r, z);
    }
    this.rows = kept;
    this.first = a;
    this.end = b;
    if (this.virtual) {
      // Empty items stand for the rows not built, so the scroll bar spans the whole table.
      const pitch = this.pitch || ROW_GUESS_PX;
      this.gapAbove.style.height = `${Math.max(0, a * pitch - ROW_GAP_PX)}px`;
      this.gapBelow.style.height = `${Math.max(0, (this.order.length - b) * pitch - ROW_GAP_PX)}px`;
      this.list.replaceChildren(this.gapAbove, ...items, this.gapBelow);
    } else {
      this.list.replaceChildren(...items);
    }
    if (this.virtual && !this.pitch && items.length >= 2) {
      const measured = items[1].getBoundingClientRect().top - items[0].getBoundingClientRect().top;
      if (measured > 0) {
        this.pitch = measured;
        this.showWindow();
      }
    }
  }

  /** @param {ZoneHead} z */
  buildRow(z) {
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
    return { row, bar, under, pct, area, sig: '' };
  }

  /**
   * Shows a zone's figures in its row; touches only rows whose figures changed (a drag
   * changes a few zones, not hundreds).
   * @param {{row: HTMLElement, bar: HTMLElement, under: HTMLElement, pct: HTMLElement, area: HTMLElement, sig: string}} r
   * @param {Summary['zones'][number]} z
   */
  fill(r, z) {
    const sig = `${z.coverage}|${z.required_coverage}|${z.covered_area_m2}|${z.area_m2}`;
    if (r.sig === sig) return;
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
