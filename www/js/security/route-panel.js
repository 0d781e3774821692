// @ts-check
/**
 * The route card: pick a start (an opening, or a point on the plan) and an asset; the
 * route is drawn on the plan and its figures shown here: the probability of
 * interruption (EASI) of the most vulnerable route, the unseen metres and seconds before
 * the first detection, the time from it to the asset, the critical detection point and
 * the single change that helps most. Built with DOM calls and textContent only.
 */

import { el, $, select, button, input } from '../panels/dom.js';
import { PickList } from './pick-list.js';
import { fmtNum } from '../format.js';

/** @typedef {import('../core/types.js').RouteReport} RouteReport */
/** @typedef {import('../core/types.js').PathReport} PathReport */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {'most_vulnerable'|'least_watched'|'fastest'} RouteWhich */

/** P(I) as a figure a board reads: two decimals. @param {number} p */
export const fmtP = (p) => fmtNum(p, 2);

/** Seconds as "1 min 12 s" or "48 s". @param {number} s */
export function fmtSeconds(s) {
  if (!Number.isFinite(s)) return '–';
  const r = Math.round(s);
  return r >= 60 ? `${Math.floor(r / 60)} min ${r % 60} s` : `${r} s`;
}

/** The route of the report to draw: the one asked for, else the least watched. @param {RouteReport} r @param {RouteWhich} which */
export function routeToDraw(r, which) {
  return (which === 'most_vulnerable' ? r.most_vulnerable : r[which]) ?? r.least_watched;
}

export class RoutePanel {
  /**
   * @param {{find: (from: string, to: string) => void, clear: () => void, pick: () => void, which: (w: RouteWhich) => void}} actions
   * `from` is an opening id, or '@point' for the point picked on the plan
   */
  constructor(actions) {
    this.actions = actions;
    /** The start: an audited opening or the point picked; the asset: a zone (assets first). */
    this.from = new PickList(input('route-from'), $('route-from-list'));
    this.to = new PickList(input('route-to'), $('route-to-list'));
    this.whichSel = select('route-which');
    this.body = $('route-body');
    this.error = $('route-error');
    this.state = $('route-state');
    this.clearBtn = button('route-clear');
    this.key = '';
    this.optionsKey = '';
    /** The zones the To list was built from. @type {Scenario['plan']['zones']|null} */
    this.optionsZones = null;
    button('route-go').addEventListener('click', () => this.actions.find(this.from.value, this.to.value));
    this.clearBtn.addEventListener('click', () => this.actions.clear());
    button('route-pick').addEventListener('click', () => this.actions.pick());
    this.whichSel.addEventListener('change', () => this.actions.which(/** @type {RouteWhich} */ (this.whichSel.value)));
  }

  /** @returns {RouteWhich} */
  which() {
    return /** @type {RouteWhich} */ (this.whichSel.value);
  }

  /**
   * The start and asset choices: the audited openings, the point picked, the zones
   * (assets first). Kept as chosen while they still exist.
   * @param {string[]} openings @param {[number, number]|null} point @param {Scenario} s
   */
  updateChoices(openings, point, s) {
    const zones = s.plan.zones;
    // The plan is immutable (model/plan.js edits copy it): the zones array's identity says
    // whether a zone changed, without a key over every zone on each drag frame.
    const key = `${openings.join(',')}|${point}`;
    if (key === this.optionsKey && zones === this.optionsZones) return;
    this.optionsKey = key;
    this.optionsZones = zones;
    this.from.setItems([
      ...openings.map((id) => ({ value: id, label: `outside ${id}` })),
      ...(point ? [{ value: '@point', label: `the point ${fmtNum(point[0], 1)}, ${fmtNum(point[1], 1)}` }] : []),
    ], 'no exterior opening: pick a point');
    /** @type {{value: string, label: string}[]} */
    const assets = [];
    /** @type {{value: string, label: string}[]} */
    const others = [];
    for (const z of zones) (z.kind === 'asset' ? assets : others).push({ value: z.id, label: `${z.name}${z.kind === 'asset' ? ' (asset)' : ''}` });
    this.to.setItems([...assets, ...others], 'no zone');
  }

  /** Starts from the point picked. */
  choosePoint() {
    this.from.value = '@point';
  }

  /**
   * @param {{report: RouteReport|null, error: string|null, ms: number}|null} done the last result
   * @param {{state: 'none'|'due'|'computing'|'current', live: boolean}} how
   */
  update(done, how) {
    const r = done?.report ?? null;
    const which = this.which();
    const key = `${how.state}|${how.live}|${which}|${done?.error}|${r ? JSON.stringify([r.from, r.to, routeToDraw(r, which).length_m, r.most_vulnerable?.p_interruption, r.least_watched.unseen_m]) : ''}`;
    if (key === this.key) return;
    this.key = key;
    this.clearBtn.hidden = how.state === 'none';
    this.state.hidden = how.state === 'none' || how.state === 'current';
    this.state.className = 'badge live';
    this.state.textContent = how.state === 'computing' ? 'computing…' : how.live ? 'updates when you let go' : 'out of date';
    this.error.hidden = !done?.error;
    this.error.textContent = done?.error ?? '';
    if (!r) {
      this.body.replaceChildren(...(how.state === 'none' ? [el('p', { class: 'note', text: 'Pick where an intruder starts and the asset they are after.' })] : []));
      return;
    }
    const p = routeToDraw(r, which);
    const mv = r.most_vulnerable;
    /** @type {(Node|string)[]} */
    const parts = [];
    if (mv?.p_interruption !== undefined) {
      parts.push(el('div', { class: 'route-hero' }, [
        el('span', { class: 'route-pi', 'data-value': String(mv.p_interruption), text: fmtP(mv.p_interruption) }),
        el('span', { class: 'route-pi-label', text: 'probability that the guards interrupt the most vulnerable route in time (EASI)' }),
      ]));
    } else {
      parts.push(el('p', { class: 'note warn', text: 'No response force in the settings: exposure only, no probability of interruption.' }));
    }
    /** @type {[string, string][]} */
    const rows = [
      ['Route drawn', `${p.name}, ${fmtNum(p.length_m, 1)} m`],
      ['Unseen before first seen', `${fmtNum(p.unseen_before_first_seen_m, 1)} m, ${fmtSeconds(p.unseen_before_first_seen_s)}`],
      ['First seen by', p.first_seen_by ?? 'no camera'],
      ['First sighting to the asset', p.first_seen_to_asset_s !== undefined ? fmtSeconds(p.first_seen_to_asset_s) : '–'],
      ['Unseen in all', `${fmtNum(p.unseen_m, 1)} of ${fmtNum(p.length_m, 1)} m`],
      ['To the asset, forced', `${fmtSeconds(p.time_to_asset_s)}, ${fmtSeconds(p.total_time_s)} in all`],
    ];
    if (p.first_detecting_element) rows.push(['First detecting element', p.first_detecting_element]);
    if (p.critical_point) rows.push(['Critical detection point', `${fmtNum(p.critical_point.at_m, 1)} m along, ${fmtSeconds(p.critical_point.time_s)} in`]);
    if (p.p_interruption !== undefined) rows.push(['P(I) of this route', fmtP(p.p_interruption)]);
    parts.push(el('dl', { class: 'route-figures' }, rows.map(([k, v]) => el('div', null, [el('dt', { text: k }), el('dd', { text: v })]))));
    if (r.best_change) {
      parts.push(el('p', { class: 'route-change' }, [el('b', { text: 'Helps most: ' }), `${r.best_change.description} (P(I) ${fmtP(r.best_change.p_interruption)})`]));
    }
    const routes = [r.least_watched, r.fastest, ...(mv ? [mv] : [])];
    parts.push(el('table', { class: 'route-table' }, [
      el('thead', null, [el('tr', null, ['route', 'length', 'unseen', 'P(I)'].map((h) => el('th', { text: h })))]),
      el('tbody', null, routes.map((x, k) => el('tr', null, [
        el('td', { text: k === 2 ? `most vulnerable (${x.name})` : x.name }), el('td', { text: `${fmtNum(x.length_m, 1)} m` }),
        el('td', { text: `${fmtNum(x.unseen_m, 1)} m` }), el('td', { text: x.p_interruption !== undefined ? fmtP(x.p_interruption) : '–' }),
      ]))),
    ]));
    parts.push(el('p', { class: 'note', text: `Walk grid ${fmtNum(r.resolution_m, 2)} m; ${r.method}. ${r.assumptions.join('; ')}.` }));
    this.body.replaceChildren(...parts);
  }
}
