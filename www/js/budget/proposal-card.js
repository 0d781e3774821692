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
 * The account's lines, as the compare view and the report show them.
 * @param {import('../core/types.js').ChangeCost} k @param {string} cur @param {string} asIs
 */
function accountRows(k, cur, asIs) {
  /** @type {HTMLElement[]} */
  const rows = [];
  /** @param {string} key @param {number} v @param {string} [cls] */
  const row = (key, v, cls) => rows.push(el('div', { class: cls ?? '' }, [el('dt', { text: key }), el('dd', { text: fmtMoney(v, cur) })]));
  row('Hardware', k.hardware);
  row('Installation', k.installation);
  if (k.moves || k.moved.length) row(`Moves (${k.moved.length})`, k.moves);
  if (k.removals || k.removed.length || k.replaced.length) row(`Removals (${k.removed.length + k.replaced.length})`, k.removals);
  if (k.poles || k.poles_added.length) row(`Poles put up (${k.poles_added.join(', ')})`, k.poles);
  row(`Change from "${asIs}"`, k.spend, 'strong');
  row('Layout at catalogue prices', k.total_after);
  const dl = el('dl', { class: 'figures account', 'data-spend': k.spend.toFixed(2), 'data-total': k.total_after.toFixed(2) }, rows);
  /** @type {HTMLElement[]} */
  const out = [dl];
  if (k.unpriced.length) out.push(el('p', { class: 'alert warn', text: `No price stated for what is done to ${k.unpriced.join(', ')}: counted at zero.` }));
  return out;
}

/**
 * The proposal card's content for a layout the optimiser or the curve made.
 * @param {import('../model/layouts.js').LayoutMeta} meta @param {Scenario} s the scenario (its active layout is this one)
 * @param {number} exact the layout's exact weighted coverage now @param {string} cur
 * @param {import('../core/types.js').ChangeCost} account the core's account of the change from the as-is layout to this one
 */
export function proposalBody(meta, s, exact, cur, account) {
  if (meta.site) return siteProposalBody(meta, cur);
  const asIs = layoutsOf(s)[0].name;
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
    row('Weighted coverage, estimated', fmtPct(p.estimated_coverage));
    row(edited ? 'Exact, as edited since' : 'Weighted coverage, exact', fmtPct(exact), 'strong');
    out.push(el('dl', { class: 'figures' }, rows));
    out.push(...accountRows(account, cur, asIs));
    if ((meta.request?.from ?? asIs) !== asIs) {
      out.push(el('p', { class: 'note', text: `The run started from "${meta.request?.from}": from there the change cost ${fmtMoney(p.cost, cur)}.` }));
    }
    const ratio = p.upper_bound > 0 ? p.estimated_coverage / p.upper_bound : 1;
    out.push(el('p', { class: 'proposal-bound', text: `No layout within the same limit can exceed about ${fmtPct(p.upper_bound)} (an upper bound from this run); this one reaches ${fmt1(ratio * 100)} % of that bound. ${p.guarantee > 0 ? `The method guarantees at least ${fmt1(p.guarantee * 100)} % of the best possible in the worst case.` : 'No worst-case factor is proven for this run (a pole shared by its cameras, moved cameras or a coverage target): the bound is the measure.'}` }));
    if (meta.request?.goal?.target_coverage !== undefined) {
      out.push(el('p', { class: p.target_reached ? 'ok-text' : 'alert', text: p.target_reached ? 'The target is reached (estimated).' : 'The target could not be reached with the cameras and places allowed.' }));
    }
    out.push(el('p', { class: 'proposal-diff' }, [
      el('span', { class: 'diff-key added', text: `${p.added.length} added` }), ' ',
      el('span', { class: 'diff-key changed', text: `${p.moved.length} moved` }), ' ',
      el('span', { class: 'diff-key removed', text: `${p.removed.length} removed` }),
    ]));
    // Requirements first: what the layout leaves unmet and what more each would cost.
    if (p.unmet?.length) {
      out.push(el('p', { class: 'alert', text: `${p.unmet.length} requirement${p.unmet.length === 1 ? '' : 's'} left unmet (estimated):` }));
      out.push(el('ul', { class: 'unmet-list' }, p.unmet.map((u) => el('li', { 'data-kind': u.kind, 'data-id': u.id, 'data-blind': String(u.blind), text:
        `${u.name} (priority ${fmtInt(u.priority)}): ${u.blind ? 'left blind' : u.kind === 'opening' ? `${fmtPct(u.estimated_share)} of its width watched at ${u.required_level}${u.required_cameras > 1 ? ` by ${u.required_cameras} cameras` : ''}` : `${fmtPct(u.estimated_share)} seen at ${u.required_level}, ${fmtPct(u.required_share)} required`}; ${u.extra_cost === null ? 'no allowed camera place gets it there' : `about ${fmtMoney(u.extra_cost, cur)} more (${u.extra_cameras} camera${u.extra_cameras === 1 ? '' : 's'})`}` }))));
    } else {
      out.push(el('p', { class: 'ok-text', text: 'Every stated requirement is met (estimated): zones at their level, openings watched as the security settings ask; and no zone of high priority is left blind.' }));
    }
    for (const w of p.warnings) out.push(el('p', { class: 'alert warn', text: w }));
    const t = /** @type {import('./runner.js').Timing|undefined} */ (meta.timing);
    if (t) {
      const split = t.phases.filter((x) => x.ms >= 1).map((x) => `${(PHASE_TEXT[x.phase] ?? x.phase).toLowerCase()} ${fmtInt(x.ms)} ms`).join(', ');
      out.push(el('p', { class: 'note', text: `${fmtInt(p.stats.candidates)} candidates, ${fmtInt(p.stats.samples)} sample points (${fmt1(p.stats.sample_step_m)} m); ${fmt1(t.totalMs / 1000)} s: ${split}.` }));
    }
  } else if (meta.kind === 'curve' && meta.point) {
    const pt = meta.point;
    out.push(el('p', { class: 'proposal-goal', text: `From the cost curve: the best layout found for a budget of ${fmtMoney(pt.budget, cur)}${meta.request?.mode === 'remove' ? ', from scratch' : ` on top of "${meta.request?.from ?? ''}"`}.` }));
    row('Weighted coverage, estimated', fmtPct(pt.estimated_coverage));
    row(edited ? 'Exact, as edited since' : 'Weighted coverage, exact', fmtPct(exact), 'strong');
    out.push(el('dl', { class: 'figures' }, rows));
    out.push(...accountRows(account, cur, asIs));
  }
  const list = layoutsOf(s);
  const d = cameraDiff(list[0].cameras, s.cameras);
  if (list.length > 1 && s.layouts && s.layouts.active !== 0) {
    out.push(el('p', { class: 'note', text: `Against "${list[0].name}": ${d.added.length} added, ${d.changed.length} moved or changed, ${d.removed.length} removed.` }));
  }
  if (edited) out.push(el('p', { class: 'note', text: 'Edited since it was proposed.' }));
  return out;
}

/**
 * The card of a proposal or curve point of the whole site: the site's estimate and spend,
 * and the split over the levels (each level's share of the budget, cameras added, cost,
 * estimate), as the core gave them. The exact figures are the site panel's.
 * @param {import('../model/layouts.js').LayoutMeta} meta @param {string} cur
 */
function siteProposalBody(meta, cur) {
  /** @type {HTMLElement[]} */
  const out = [];
  /** @type {HTMLElement[]} */
  const rows = [];
  /** @param {string} k @param {string} v @param {string} [cls] */
  const row = (k, v, cls) => rows.push(el('div', { class: cls ?? '' }, [el('dt', { text: k }), el('dd', { text: v })]));
  const existing = meta.request?.existing === 'keep' ? 'kept' : meta.request?.existing === 'movable' ? 'movable' : meta.request?.existing === 'move' ? 'moved where that helps' : 'removed';
  /** @type {{level: string, name: string, share?: number, added: number, cost: number, coverage: number}[]} */
  let levels = [];
  if (meta.kind === 'proposal' && meta.proposal) {
    const p = /** @type {import('./runner.js').SiteProposal} */ (meta.proposal);
    out.push(el('p', { class: 'proposal-goal', text: `Asked for ${meta.request?.goalText ?? 'a layout of the site'}, starting from "${meta.request?.from ?? ''}" on every level (cameras there: ${existing}).` }));
    row('Site weighted coverage, estimated', fmtPct(p.estimated_coverage), 'strong');
    row('Site spend', `${fmtMoney(p.cost, cur)} of ${fmtMoney(p.budget, cur)}`);
    out.push(el('dl', { class: 'figures', 'data-site-cost': p.cost.toFixed(2), 'data-site-budget': p.budget.toFixed(2), 'data-site-coverage': p.estimated_coverage.toFixed(6) }, rows));
    levels = p.levels.map((l) => ({ level: l.level, name: l.name, share: l.budget, added: l.proposal.added.length, cost: l.proposal.cost, coverage: l.proposal.estimated_coverage }));
  } else if (meta.kind === 'curve' && meta.point) {
    const pt = meta.point;
    out.push(el('p', { class: 'proposal-goal', text: `From the whole site's cost curve: the best split found for a budget of ${fmtMoney(pt.budget, cur)}${meta.request?.mode === 'remove' ? ', from scratch' : ` on top of "${meta.request?.from ?? ''}"`}.` }));
    row('Site weighted coverage, estimated', fmtPct(pt.estimated_coverage), 'strong');
    row('Site spend', fmtMoney(pt.cost, cur));
    out.push(el('dl', { class: 'figures', 'data-site-cost': pt.cost.toFixed(2), 'data-site-budget': pt.budget.toFixed(2), 'data-site-coverage': pt.estimated_coverage.toFixed(6) }, rows));
    levels = (pt.levels ?? []).map((l) => ({ level: l.level, name: l.name, added: l.added, cost: l.cost, coverage: l.estimated_coverage }));
  }
  const shares = levels.some((l) => l.share !== undefined);
  const head = el('tr', {}, [el('th', { text: 'Level' }), ...(shares ? [el('th', { class: 'num', text: 'Share' })] : []),
    el('th', { class: 'num', text: 'Added' }), el('th', { class: 'num', text: 'Cost' }), el('th', { class: 'num', text: 'Estimated' })]);
  const body = levels.map((l) => el('tr', { 'data-level': l.level, 'data-share': l.share === undefined ? '' : l.share.toFixed(2), 'data-added': String(l.added), 'data-cost': l.cost.toFixed(2), 'data-coverage': l.coverage.toFixed(6) }, [
    el('th', { scope: 'row', text: l.name }), ...(shares ? [el('td', { class: 'num', text: fmtMoney(l.share ?? 0, cur) })] : []),
    el('td', { class: 'num', text: fmtInt(l.added) }), el('td', { class: 'num', text: fmtMoney(l.cost, cur) }), el('td', { class: 'num', text: fmtPct(l.coverage) })]));
  out.push(el('table', { class: 'site-split', id: 'site-split' }, [el('thead', {}, [head]), el('tbody', {}, body)]));
  if (meta.kind === 'proposal' && meta.proposal) {
    for (const l of /** @type {import('./runner.js').SiteProposal} */ (meta.proposal).levels) for (const w of l.proposal.warnings) out.push(el('p', { class: 'alert warn', text: `${l.name}: ${w}` }));
  }
  out.push(el('p', { class: 'note', text: 'Estimates on sample points. The exact figures of every level and of the site, for this layout, are in the site panel.' }));
  const t = /** @type {import('./runner.js').Timing|undefined} */ (meta.timing);
  if (t) out.push(el('p', { class: 'note', text: `Computed in ${fmt1(t.totalMs / 1000)} s.` }));
  return out;
}
