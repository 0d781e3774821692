// @ts-check
/**
 * The proposal card: what the optimiser or the cost curve said about the layout shown,
 * against the exact figure the plan now reports.
 */

import { el } from '../panels/dom.js';
import { fmtMoney, fmtPct, fmtInt, fmt1 } from '../format.js';
import { layoutsOf, cameraDiff } from '../model/layouts.js';
import { PHASE_TEXT } from './runner.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('./runner.js').Proposal} Proposal */

/**
 * The proposal card's content for a layout the optimiser or the curve made.
 * @param {import('../model/layouts.js').LayoutMeta} meta @param {Scenario} s the scenario (its active layout is this one)
 * @param {number} exact the layout's exact weighted coverage now @param {string} cur
 */
export function proposalBody(meta, s, exact, cur) {
  const edited = meta.cameras !== s.cameras;
  /** @type {HTMLElement[]} */
  const rows = [];
  /** @param {string} k @param {string} v @param {string} [cls] */
  const row = (k, v, cls) => rows.push(el('div', { class: cls ?? '' }, [el('dt', { text: k }), el('dd', { text: v })]));
  /** @type {HTMLElement[]} */
  const out = [];
  if (meta.kind === 'proposal' && meta.proposal) {
    const p = /** @type {Proposal} */ (meta.proposal);
    out.push(el('p', { class: 'proposal-goal', text: `Asked for ${meta.request?.goalText ?? 'a layout'}, starting from "${meta.request?.from ?? ''}" (cameras there: ${meta.request?.existing === 'keep' ? 'kept' : meta.request?.existing === 'movable' ? 'movable' : 'removed'}).` }));
    row('Cost of the change', fmtMoney(p.cost, cur));
    row('Weighted coverage, estimated', fmtPct(p.estimated_coverage));
    row(edited ? 'Exact, as edited since' : 'Weighted coverage, exact', fmtPct(exact), 'strong');
    out.push(el('dl', { class: 'figures' }, rows));
    const ratio = p.upper_bound > 0 ? p.estimated_coverage / p.upper_bound : 1;
    out.push(el('p', { class: 'proposal-bound', text: `No layout within the same limit can exceed about ${fmtPct(p.upper_bound)} (an upper bound from this run); this one reaches ${fmt1(ratio * 100)} % of that bound. The method guarantees at least ${fmt1(p.guarantee * 100)} % of the best possible in the worst case.` }));
    if (meta.request?.goal?.target_coverage !== undefined) {
      out.push(el('p', { class: p.target_reached ? 'ok-text' : 'alert', text: p.target_reached ? 'The target is reached (estimated).' : 'The target could not be reached with the cameras and places allowed.' }));
    }
    out.push(el('p', { class: 'proposal-diff' }, [
      el('span', { class: 'diff-key added', text: `${p.added.length} added` }), ' ',
      el('span', { class: 'diff-key changed', text: `${p.moved.length} moved` }), ' ',
      el('span', { class: 'diff-key removed', text: `${p.removed.length} removed` }),
    ]));
    for (const w of p.warnings) out.push(el('p', { class: 'alert warn', text: w }));
    const t = /** @type {import('./runner.js').Timing|undefined} */ (meta.timing);
    if (t) {
      const split = t.phases.filter((x) => x.ms >= 1).map((x) => `${(PHASE_TEXT[x.phase] ?? x.phase).toLowerCase()} ${fmtInt(x.ms)} ms`).join(', ');
      out.push(el('p', { class: 'note', text: `${fmtInt(p.stats.candidates)} candidates, ${fmtInt(p.stats.samples)} sample points (${fmt1(p.stats.sample_step_m)} m); ${fmt1(t.totalMs / 1000)} s: ${split}.` }));
    }
  } else if (meta.kind === 'curve' && meta.point) {
    const pt = meta.point;
    out.push(el('p', { class: 'proposal-goal', text: `From the cost curve: the best layout found for a budget of ${fmtMoney(pt.budget, cur)}${meta.request?.mode === 'remove' ? ', from scratch' : ` on top of "${meta.request?.from ?? ''}"`}.` }));
    row('Cost', fmtMoney(pt.cost, cur));
    row('Weighted coverage, estimated', fmtPct(pt.estimated_coverage));
    row(edited ? 'Exact, as edited since' : 'Weighted coverage, exact', fmtPct(exact), 'strong');
    out.push(el('dl', { class: 'figures' }, rows));
  }
  const list = layoutsOf(s);
  const d = cameraDiff(list[0].cameras, s.cameras);
  if (list.length > 1 && s.layouts && s.layouts.active !== 0) {
    out.push(el('p', { class: 'note', text: `Against "${list[0].name}": ${d.added.length} added, ${d.changed.length} moved or changed, ${d.removed.length} removed.` }));
  }
  if (edited) out.push(el('p', { class: 'note', text: 'Edited since it was proposed.' }));
  return out;
}
