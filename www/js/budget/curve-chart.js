// @ts-check
/**
 * The cost-versus-coverage chart: inline SVG built with DOM calls and textContent (no
 * markup from data, layout names included).
 */

import { fmtMoney, fmtPct } from '../format.js';

/** @typedef {import('./runner.js').CurvePoint} CurvePoint */
/** @typedef {{name: string, cost: number, spend: number, cameras: number, weighted: number, active: boolean, index: number}} CurveMark */

const SVG = 'http://www.w3.org/2000/svg';
/** @param {string} tag @param {Record<string, string|number>} [attrs] @param {string} [text] */
function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The cost-versus-coverage chart.
 * @param {{points: CurvePoint[], maxBudget: number, mode: string}} c
 * @param {CurveMark[]} marks
 * @param {string} cur @param {(k: number) => void} onPick
 * @param {'spend'|'cameras'} [axis] across: the spend (the budget) or the number of cameras
 */
export function curveSvg(c, marks, cur, onPick, axis = 'spend') {
  const W = 960, H = 470, L = 78, R = 44, T = 22, B = 64;
  const byCameras = axis === 'cameras';
  /** Where a point or mark sits across. @param {{cost?: number, spend?: number, camera_count?: number, cameras?: number|unknown[]}} p */
  const across = (p) => byCameras ? Number(p.camera_count ?? (typeof p.cameras === 'number' ? p.cameras : 0)) : Number(p.cost ?? p.spend ?? 0);
  const xmin = byCameras ? Math.min(...c.points.map((p) => p.camera_count), ...marks.map((m) => m.cameras)) : 0;
  const xmax = byCameras
    ? Math.max(xmin + 1, ...c.points.map((p) => p.camera_count), ...marks.map((m) => m.cameras))
    : Math.max(c.maxBudget, ...marks.map((m) => m.spend).filter((x) => x > 0));
  const ymax = 1;
  const X = (/** @type {number} */ v) => L + (Math.max(0, v - xmin) / (xmax - xmin)) * (W - L - R);
  const Y = (/** @type {number} */ v) => T + (1 - v / ymax) * (H - T - B);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'curve-svg', role: 'img', 'aria-label': 'Cost against weighted coverage' });
  // Grid and axes.
  const g = svg('g', { class: 'axes' });
  for (let k = 0; k <= 10; k += 1) {
    const y = Y(k / 10);
    g.append(svg('line', { x1: L, x2: W - R, y1: y, y2: y, class: k % 5 === 0 ? 'grid major' : 'grid' }));
    if (k % 2 === 0) g.append(svg('text', { x: L - 8, y: y + 4, class: 'tick', 'text-anchor': 'end' }, `${k * 10} %`));
  }
  const step = byCameras ? Math.max(1, niceStep((xmax - xmin) / 8)) : niceStep(xmax / 6);
  for (let v = xmin; v <= xmax + 1e-9; v += step) {
    const x = X(v);
    g.append(svg('line', { x1: x, x2: x, y1: T, y2: H - B, class: 'grid' }));
    g.append(svg('text', { x, y: H - B + 20, class: 'tick', 'text-anchor': 'middle' }, byCameras ? String(v) : fmtMoney(v, cur)));
  }
  g.append(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis' }));
  g.append(svg('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis' }));
  g.append(svg('text', { x: (L + W - R) / 2, y: H - 14, class: 'axis-label', 'text-anchor': 'middle' },
    byCameras ? 'Cameras in the layout' : `Spend: the change from the as-is layout (${cur}: hardware, installation, moves, removals, poles)`));
  g.append(svg('text', { x: 18, y: (T + H - B) / 2, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 18 ${(T + H - B) / 2})` },
    'Weighted coverage at each zone\u2019s required level'));
  root.append(g);
  // The curve: the best coverage found for each amount spent, a step that rises at each
  // layout's cost (the dots sit on its corners) and stays flat up to the maximum budget.
  const pts = c.points;
  if (pts.length) {
    const byCost = pts.slice().sort((p, q) => across(p) - across(q) || p.estimated_coverage - q.estimated_coverage);
    let d = `M ${X(byCameras ? across(byCost[0]) : 0)} ${Y(byCost[0].estimated_coverage)}`;
    let best = byCost[0].estimated_coverage;
    for (const p of byCost) {
      if (p.estimated_coverage <= best && p !== byCost[0]) continue;
      best = p.estimated_coverage;
      d += ` H ${X(across(p))} V ${Y(p.estimated_coverage)}`;
    }
    d += ` H ${X(byCameras ? across(byCost[byCost.length - 1]) : c.maxBudget)}`;
    root.append(svg('path', { d, class: 'curve-line' }));
  }
  // The user's layouts first, so the curve's dots stay clickable on top of them.
  const mk = svg('g', { class: 'curve-marks' });
  root.append(mk);
  const dots = svg('g', { class: 'curve-dots' });
  pts.forEach((p, k) => {
    const dot = svg('circle', { cx: X(across(p)), cy: Y(p.estimated_coverage), r: 7, class: `curve-dot${p.refined ? ' refined' : ''}`, tabindex: 0, role: 'button',
      'data-k': k, 'data-cost': p.cost, 'data-total': p.total, 'data-cameras': p.camera_count, 'data-budget': p.budget, 'data-coverage': p.estimated_coverage, 'data-objective': p.objective,
      'aria-label': `${fmtPct(p.estimated_coverage)} for a spend of ${fmtMoney(p.cost, cur)} (total ${fmtMoney(p.total, cur)}), ${p.camera_count} cameras. Open as a new layout.` });
    dot.append(svg('title', {}, `${fmtPct(p.estimated_coverage)} weighted coverage (estimated)\nspend ${fmtMoney(p.cost, cur)} · total ${fmtMoney(p.total, cur)} · ${p.camera_count} cameras${p.refined ? '\nrefined by the full optimiser' : ''}\nClick to open it as a new layout`));
    dot.addEventListener('click', () => onPick(k));
    dot.addEventListener('keydown', (e) => { if (/** @type {KeyboardEvent} */ (e).key === 'Enter' || /** @type {KeyboardEvent} */ (e).key === ' ') { e.preventDefault(); onPick(k); } });
    dots.append(dot);
  });
  root.append(dots);
  // The user's layouts: diamonds with their names.
  marks.forEach((m, j) => {
    const x = X(byCameras ? m.cameras : m.spend), y = Y(m.weighted);
    const d = `M ${x} ${y - 9} L ${x + 9} ${y} L ${x} ${y + 9} L ${x - 9} ${y} Z`;
    const item = svg('g', { class: `curve-mark${m.active ? ' active' : ''}`, 'data-name': m.name, 'data-spend': m.spend, 'data-coverage': m.weighted });
    item.append(svg('path', { d }));
    const right = x < W - 260;
    item.append(svg('text', { x: right ? x + 13 : x - 13, y: y + 4 + (j % 2 ? 14 : -10), 'text-anchor': right ? 'start' : 'end', class: 'mark-label' },
      `${m.name} · ${fmtPct(m.weighted)}`));
    item.append(svg('title', {}, `${m.name}: ${fmtPct(m.weighted)} weighted coverage (exact), ${fmtMoney(m.cost, cur)} in all`));
    mk.append(item);
  });
  return root;
}

/** A round figure at or above x: 1, 2, 2.5 or 5 times a power of ten. @param {number} x */
export function niceStep(x) {
  const p = 10 ** Math.floor(Math.log10(Math.max(1e-9, x)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
