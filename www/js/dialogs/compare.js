// @ts-check
/**
 * Layouts side by side: for each layout its map (drawn by the plan's renderer at the same
 * scale for all, with the differences against the first layout as an overlay), cameras
 * added, changed or removed against the first layout, cost, coverage, weighted coverage,
 * blind area and per-zone bars. The figures of layouts not on the plan come from
 * core/figures.js (a scene of their own, or a parked one).
 */

import { el } from '../panels/dom.js';
import { Renderer } from '../render/renderer.js';
import { fitView, planBox } from '../view/transform.js';
import { fmtMoney, fmtPct, fmtArea, fmtInt, pctText } from '../format.js';
import { layoutsOf, cameraDiff, activeLayout } from '../model/layouts.js';
import { cameraOptics } from '../model/optics.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {import('../core/figures.js').Figures} Figures */
/** @typedef {import('../core/figures.js').LayoutFigures} LayoutFigures */

/**
 * @typedef {{
 *   scenario: () => Scenario,
 *   figures: LayoutFigures,
 *   active: () => {summary: Summary, layers: {views: Shapes, blind: Shapes, dead: Shapes}},
 *   levels: () => {name: string, px_per_m: number}[],
 *   switchTo: (k: number) => void,
 *   currency: () => string,
 *   limits: import('../core/types.js').Limits,
 *   rules: () => import('../model/optics.js').ModelRuleMap,
 *   changeCost: (before: Camera[], after: Camera[]) => import('../core/types.js').ChangeCost,
 * }} CompareActions
 */

const MAX_ZONES = 10;

export class CompareView {
  /** @param {HTMLDialogElement} dialog @param {CompareActions} actions */
  constructor(dialog, actions) {
    this.dialog = dialog;
    this.a = actions;
    this.body = /** @type {HTMLElement} */ (dialog.querySelector('#compare-body'));
    /** @type {Renderer[]} */
    this.renderers = [];
    /** ms to gather each layout's figures the last time (tests and docs read it). */
    /** @type {number[]} */
    this.lastMs = [];
    dialog.querySelector('#compare-close')?.addEventListener('click', () => dialog.close());
  }

  async open() {
    if (!this.dialog.open) this.dialog.showModal();
    this.body.replaceChildren(el('p', { class: 'note', text: 'Working out each layout…' }));
    document.body.dataset.compared = '';
    // Let the dialog paint before the (main-thread) scenes load.
    await new Promise((r) => setTimeout(r, 30));
    const s = this.a.scenario();
    const list = layoutsOf(s);
    const act = activeLayout(s);
    /** @type {(Figures & {name: string, cameras: Camera[], index: number})[]} */
    const items = [];
    this.lastMs = [];
    for (let k = 0; k < list.length; k++) {
      const t0 = performance.now();
      const f = k === act ? { ...this.a.active(), ms: 0 } : this.a.figures.get(s, list[k]);
      this.lastMs.push(performance.now() - t0);
      items.push({ ...f, name: list[k].name, cameras: list[k].cameras, index: k });
      await new Promise((r) => setTimeout(r, 0));
    }
    this.render(s, items, act);
    document.body.dataset.compared = String(items.length);
  }

  /**
   * @param {Scenario} s @param {(Figures & {name: string, cameras: Camera[], index: number})[]} items @param {number} act
   */
  render(s, items, act) {
    const cur = this.a.currency();
    const base = items[0];
    const n = items.length;
    const grid = el('div', { class: 'compare-grid' });
    grid.style.gridTemplateColumns = `11rem repeat(${n}, minmax(260px, 1fr))`;
    /** @param {HTMLElement} head @param {HTMLElement[]} cells @param {string} [cls] */
    const addRow = (head, cells, cls = '') => {
      grid.append(el('div', { class: `cmp-head ${cls}` }, [head]));
      for (const c of cells) grid.append(el('div', { class: `cmp-cell ${cls}` }, [c]));
    };
    // Names.
    addRow(el('span', { text: '' }), items.map((it) => {
      const b = el('button', { type: 'button', class: `cmp-name${it.index === act ? ' active' : ''}`, title: it.index === act ? 'The layout on the plan' : 'Show this layout on the plan' }, [
        el('span', { text: it.name }), it.index === act ? el('span', { class: 'badge exact', text: 'on the plan' }) : null]);
      b.addEventListener('click', () => { this.dialog.close(); this.a.switchTo(it.index); });
      return b;
    }), 'names');
    // Maps.
    this.renderers = [];
    const maps = items.map((it) => {
      const cv = /** @type {HTMLCanvasElement} */ (el('canvas', { class: 'cmp-map', 'aria-label': `Map of ${it.name}` }));
      return cv;
    });
    addRow(el('span', { text: 'Map' }), maps.map((m) => el('div', { class: 'cmp-map-box' }, [m])), 'maps');
    // Figures.
    /** @param {string} label @param {(it: typeof items[number]) => string} fn @param {(it: typeof items[number]) => number} [num] @param {boolean} [higherBetter] */
    const fig = (label, fn, num, higherBetter = true) => {
      addRow(el('span', { text: label }), items.map((it) => {
        const cell = el('span', { class: 'cmp-fig' }, [el('span', { class: 'cmp-value', text: fn(it) })]);
        if (num && it !== base) {
          const d = num(it) - num(base);
          if (Math.abs(d) > 1e-9) cell.append(el('span', { class: `cmp-delta ${(d > 0) === higherBetter ? 'better' : 'worse'}`, text: ` ${d > 0 ? '+' : '−'}${fmtDelta(label, Math.abs(d), cur)}` }));
        }
        return cell;
      }));
    };
    fig('Cameras', (it) => fmtInt(it.cameras.length), (it) => it.cameras.length, true);
    addRow(el('span', { text: `Against "${base.name}"` }), items.map((it) => {
      if (it === base) return el('span', { class: 'note', text: 'the reference' });
      const d = cameraDiff(base.cameras, it.cameras);
      return el('span', { class: 'cmp-diff' }, [
        el('span', { class: 'diff-key added', text: `+${d.added.length}` }), ' ',
        el('span', { class: 'diff-key changed', text: `~${d.changed.length}` }), ' ',
        el('span', { class: 'diff-key removed', text: `−${d.removed.length}` })]);
    }));
    fig('Layout at catalogue prices', (it) => fmtMoney(it.summary.costs.total, cur));
    // What each change from the reference costs: the core's one account (as the proposal
    // card and the report give it), not a difference of catalogue values.
    addRow(el('span', { text: `Change from "${base.name}"` }), items.map((it) => {
      if (it === base) return el('span', { class: 'note', text: 'the reference' });
      const k = this.a.changeCost(base.cameras, it.cameras);
      const parts = [`hardware ${fmtMoney(k.hardware, cur)}`, `installation ${fmtMoney(k.installation, cur)}`];
      if (k.moved.length) parts.push(`${k.moved.length} moved ${fmtMoney(k.moves, cur)}`);
      if (k.removed.length + k.replaced.length) parts.push(`${k.removed.length + k.replaced.length} removed ${fmtMoney(k.removals, cur)}`);
      if (k.poles_added.length) parts.push(`${k.poles_added.length} pole${k.poles_added.length === 1 ? '' : 's'} ${fmtMoney(k.poles, cur)}`);
      return el('span', { class: 'cmp-fig cmp-change', 'data-spend': k.spend.toFixed(2) }, [
        el('span', { class: 'cmp-value', text: fmtMoney(k.spend, cur) }),
        el('span', { class: 'note', text: ` (${parts.join(', ')})` })]);
    }), 'change');
    fig('Coverage', (it) => fmtPct(it.summary.coverage), (it) => it.summary.coverage);
    fig('Weighted coverage', (it) => fmtPct(it.summary.weighted_coverage), (it) => it.summary.weighted_coverage);
    fig('Blind area', (it) => fmtArea(it.summary.blind_area_m2), (it) => it.summary.blind_area_m2, false);
    // Per zone: the zones that matter most (highest priority, then largest), at the required level.
    const zones = base.summary.zones.map((z, k) => ({ z, k }))
      .sort((a, b) => (b.z.priority - a.z.priority) || (b.z.area_m2 - a.z.area_m2));
    const shown = zones.slice(0, MAX_ZONES);
    grid.append(el('div', { class: 'cmp-section', text: zones.length > MAX_ZONES
      ? `Zones at their required level: the ${MAX_ZONES} of ${fmtInt(zones.length)} with the highest priority`
      : 'Zones at their required level' }));
    for (const { z, k } of shown) {
      const head = el('span', { class: 'cmp-zone' }, [el('span', { text: z.name }), el('span', { class: 'note', text: ` ${z.required_level ?? 'seen'} · p${fmtInt(z.priority)}` })]);
      addRow(head, items.map((it) => {
        const zz = it.summary.zones[k];
        const v = zz?.required_coverage ?? 0;
        const met = v >= this.a.limits.met_fraction;
        const bar = el('div', { class: `cmp-bar${met ? ' met' : ''}`, role: 'img', 'aria-label': `${z.name}: ${fmtPct(v)}` });
        const fill = el('div', { class: 'cmp-bar-fill' });
        fill.style.width = `${Math.max(0, Math.min(100, v * 100))}%`;
        bar.append(fill);
        return el('div', { class: 'cmp-zone-cell', 'data-zone': z.id, 'data-value': pctText(v) }, [bar, el('span', { class: 'cmp-bar-text', text: fmtPct(v) })]);
      }), 'zone');
    }
    this.body.replaceChildren(grid);
    // Draw the maps once they have their size.
    requestAnimationFrame(() => {
      items.forEach((it, j) => this.drawMap(maps[j], s, it, base));
    });
  }

  /**
   * @param {HTMLCanvasElement} cv @param {Scenario} s
   * @param {Figures & {name: string, cameras: Camera[]}} it @param {Figures & {cameras: Camera[]}} base
   */
  drawMap(cv, s, it, base) {
    const box = /** @type {HTMLElement} */ (cv.parentElement).getBoundingClientRect();
    const w = Math.max(200, Math.floor(box.width)), h = Math.max(150, Math.floor(box.height));
    cv.style.width = `${w}px`;
    cv.style.height = `${h}px`;
    const dpr = window.devicePixelRatio || 1;
    const r = new Renderer(cv);
    this.renderers.push(r);
    const doc = { ...s, name: it.name, cameras: it.cameras };
    // The plan's box alone, so every map shows the same area at the same scale.
    const view = fitView(planBox({ ...s, cameras: [] }), w, h, { l: 52, r: 52, t: 18, b: 36 });
    // Changes against the first layout, drawn over the map.
    /** @type {import('../view/frame.js').Overlay[]} */
    const overlays = [];
    if (it !== base) {
      const d = cameraDiff(base.cameras, it.cameras);
      const at = (/** @type {Camera[]} */ cams) => cams.map((c) => c.position);
      overlays.push({ kind: 'diff', added: at(d.added), changed: at(d.changed), removed: at(d.removed) });
    }
    r.render({
      doc,
      core: {
        layers: { views: it.layers.views, blind: it.layers.blind, multi: null, dead: it.layers.dead, bands: null },
        cameras: it.summary.cameras,
        optics: it.cameras.map((c, i) => cameraOptics(doc, c, it.summary.cameras[i], this.a.rules())),
        levels: this.a.levels(),
        labels: null,
        security: { seenBy: null, shortfall: null, failure: null },
      },
      view: { ...view, width: w, height: h, dpr },
      ui: { show: { views: true, blind: true, multi: false, labels: false, bands: false, dead: true, shortfall: false, seenby: false }, selected: -1, active: -1,
        hoverCamera: -1, hoverZone: null, highlight: null, labelCameras: it.cameras, focused: false, live: false, viewMoving: false,
        plan: doc.plan, editedWalls: null, liveViews: [] },
      overlays,
      // The maps compare layouts: no scan under them.
      underlay: null,
    });
  }
}

/** @param {string} label @param {number} d @param {string} cur */
function fmtDelta(label, d, cur) {
  if (label === 'Cost') return fmtMoney(d, cur);
  if (label === 'Blind area') return fmtArea(d);
  if (label === 'Cameras') return fmtInt(d);
  return `${pctText(d)} pts`;
}
