// @ts-check
/**
 * Layouts side by side. Figures of a layout that is not on the plan come from a scene of
 * its own, loaded on demand and cached per layout (by the identity of its camera list
 * and of the plan, catalogue and settings), then freed: the plan's own scene is never
 * reloaded for a comparison. The compare view shows for each layout its map (the same
 * renderer as the plan), cameras added, changed or removed against the first layout,
 * cost, coverage, weighted coverage, blind area and per-zone bars.
 */

import { el } from './panels.js';
import { Renderer } from './render.js';
import { fitView, planBox } from './view.js';
import { fmtMoney, fmtPct, fmtArea, fmtInt, pctText } from './format.js';
import { layoutsOf, cameraDiff, activeLayout } from './layouts.js';
import * as P from './palette.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */
/** @typedef {import('./scene.js').Summary} Summary */
/** @typedef {import('./scene.js').Shapes} Shapes */
/** @typedef {{summary: Summary, layers: {views: Shapes, blind: Shapes, dead: Shapes}, ms: number}} Figures */

/** Copies a FlatShapes out of wasm and frees it. @param {any} fs @returns {Shapes} */
function copyShapes(fs) {
  try {
    return { coords: Float64Array.from(fs.coords), ringOffsets: Uint32Array.from(fs.ringOffsets), polygonOffsets: Uint32Array.from(fs.polygonOffsets) };
  } finally {
    fs.free?.();
  }
}

export class LayoutFigures {
  /**
   * @param {any} wasm
   * @param {(s: Scenario, cameras: Camera[]) => any} [loaded] a scene already loaded for those cameras (a parked one), if any
   */
  constructor(wasm, loaded) {
    this.wasm = wasm;
    this.loaded = loaded;
    /** @type {WeakMap<Camera[], {plan: any, catalog: any, settings: any, figures: Figures}>} */
    this.cache = new WeakMap();
    /** Scenes loaded for comparisons (tests read it). */
    this.loads = 0;
  }

  /**
   * A layout's exact figures and layers, from a scene of its own (cached).
   * @param {Scenario} s the page's scenario (for plan, catalogue, settings) @param {{name: string, cameras: Camera[]}} layout
   * @returns {Figures}
   */
  get(s, layout) {
    const c = this.cache.get(layout.cameras);
    if (c && c.plan === s.plan && c.catalog === s.catalog && c.settings === s.settings) return c.figures;
    const t0 = performance.now();
    const { layouts: _l, ...rest } = s;
    const kept = this.loaded?.(s, layout.cameras) ?? null;
    const scene = kept ?? this.wasm.Scene.load(JSON.stringify({ ...rest, name: layout.name, cameras: layout.cameras }));
    if (!kept) this.loads++;
    try {
      const figures = {
        summary: /** @type {Summary} */ (JSON.parse(scene.summary())),
        layers: { views: copyShapes(scene.layer('views')), blind: copyShapes(scene.layer('blind')), dead: copyShapes(scene.layer('dead')) },
        ms: 0,
      };
      figures.ms = performance.now() - t0;
      this.cache.set(layout.cameras, { plan: s.plan, catalog: s.catalog, settings: s.settings, figures });
      return figures;
    } finally {
      if (!kept) scene.free?.();
    }
  }
}

/**
 * @typedef {{
 *   scenario: () => Scenario,
 *   figures: LayoutFigures,
 *   active: () => {summary: Summary, layers: {views: Shapes, blind: Shapes, dead: Shapes}},
 *   levels: () => {name: string, px_per_m: number}[],
 *   switchTo: (k: number) => void,
 *   currency: () => string,
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
    fig('Cost', (it) => fmtMoney(it.summary.costs.total, cur), (it) => it.summary.costs.total, false);
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
        const met = v >= 0.9995;
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
    const scenario = { ...s, name: it.name, cameras: it.cameras };
    // The plan's box alone, so every map shows the same area at the same scale.
    const view = fitView(planBox({ ...s, cameras: [] }), w, h, { l: 52, r: 52, t: 18, b: 36 });
    r.render({
      scenario, layers: { views: it.layers.views, blind: it.layers.blind, multi: null, dead: it.layers.dead, bands: null },
      stats: it.summary.cameras, levels: this.a.levels(), labels: null, tiltDrag: false, view, width: w, height: h, dpr,
      show: { views: true, blind: true, multi: false, labels: false, bands: false, dead: true },
      selected: -1, activeIndex: -1, hoverCamera: -1, hoverZone: null, highlight: null, ghost: null, focused: false, viewMoving: false, live: false,
    });
    // Changes against the first layout: rings round added and changed cameras, crosses where cameras were removed.
    if (it === base) return;
    const d = cameraDiff(base.cameras, it.cameras);
    const ctx = r.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const at = (/** @type {[number, number]} */ p) => [p[0] * view.scale + view.tx, -p[1] * view.scale + view.ty];
    const rad = Math.max(7, Math.min(14, 0.6 * view.scale));
    /** @param {Camera[]} cams @param {string} colour */
    const rings = (cams, colour) => {
      for (const [col, lw] of [['#ffffff', 5.5], [colour, 3]]) {
        ctx.strokeStyle = /** @type {string} */ (col);
        ctx.lineWidth = /** @type {number} */ (lw);
        for (const c of cams) {
          const [x, y] = at(c.position);
          ctx.beginPath();
          ctx.arc(x, y, rad, 0, 2 * Math.PI);
          ctx.stroke();
        }
      }
    };
    rings(d.added, P.DIFF_ADDED);
    rings(d.changed, P.DIFF_CHANGED);
    for (const [col, lw] of [['#ffffff', 6], [P.DIFF_REMOVED, 3.2]]) {
      ctx.strokeStyle = /** @type {string} */ (col);
      ctx.lineWidth = /** @type {number} */ (lw);
      for (const c of d.removed) {
        const [x, y] = at(c.position);
        const k = rad * 0.75;
        ctx.beginPath();
        ctx.moveTo(x - k, y - k); ctx.lineTo(x + k, y + k);
        ctx.moveTo(x + k, y - k); ctx.lineTo(x - k, y + k);
        ctx.stroke();
      }
    }
  }
}

/** @param {string} label @param {number} d @param {string} cur */
function fmtDelta(label, d, cur) {
  if (label === 'Cost') return fmtMoney(d, cur);
  if (label === 'Blind area') return fmtArea(d);
  if (label === 'Cameras') return fmtInt(d);
  return `${pctText(d)} pts`;
}
