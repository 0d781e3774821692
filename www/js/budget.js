// @ts-check
/**
 * Budget options: the optimiser's dialog, the progress panel, the proposal card and the
 * cost-versus-coverage curve. The optimiser runs in a module Web Worker
 * (optimizer-worker.js) with its own wasm instance, so the page never freezes; Cancel
 * terminates the worker and the next run starts a fresh one. A result always opens as a
 * new layout (layouts.js): the user's layouts are never overwritten.
 */

import { el } from './panels.js';
import { fmtMoney, fmtPct, fmtInt, fmt1 } from './format.js';
import { layoutsOf, toFile, coreScenario, cameraDiff } from './layouts.js';
import { kindLabel } from './state.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */

/**
 * @typedef {{cameras: Camera[], added: string[], moved: string[], removed: string[], cost: number,
 *   estimated_coverage: number, upper_bound: number, guarantee: number, target_reached: boolean,
 *   warnings: string[], stats: {samples: number, sample_step_m: number, candidates: number,
 *   greedy_evaluations: number, local_search_evaluations: number, greedy_value: number}}} Proposal
 * @typedef {{budget: number, cost: number, estimated_coverage: number, refined: boolean, cameras: Camera[]}} CurvePoint
 * @typedef {{initMs: number, totalMs: number, phases: {phase: string, startMs: number, ms: number}[]}} Timing
 * @typedef {{phase: string, done: number, total: number, at: number}} Progress
 */

/** What each phase of the core is called on screen. */
export const PHASE_TEXT = /** @type {Record<string, string>} */ ({
  loading: 'Reading the plan',
  sampling: 'Laying sample points over the zones',
  candidate_views: 'Working out what each candidate camera would see',
  selection: 'Choosing cameras',
  local_search: 'Improving the choice',
  done: 'Finishing',
});

/** A run stopped by the user. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Runs the optimiser in a module worker; one run at a time. */
export class OptimizerRunner {
  /** @param {URL|string} url */
  constructor(url) {
    this.url = url;
    /** @type {Worker|null} */
    this.worker = null;
    /** @type {{id: number, resolve: (v: any) => void, reject: (e: Error) => void, onProgress: (p: Progress) => void}|null} */
    this.run = null;
    this.nextId = 1;
    /** How many workers were started (a cancel makes the next run start a fresh one). */
    this.started = 0;
  }

  /** Starts the worker (and its wasm) now, so a run starts warm. */
  warm() {
    if (this.worker) return this.worker;
    const w = new Worker(this.url, { type: 'module' });
    this.started++;
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail(new Error(`the optimiser could not start${e.message ? `: ${e.message}` : ''}`));
      w.terminate();
      if (this.worker === w) this.worker = null;
    };
    w.postMessage({ type: 'init' });
    this.worker = w;
    return w;
  }

  get busy() {
    return this.run !== null;
  }

  /**
   * @param {{type: 'optimize'|'curve', scenario: string, request: string, maxBudget?: number, steps?: number, refine?: number}} msg
   * @param {(p: Progress) => void} onProgress
   * @returns {Promise<{result: any, timing: Timing}>}
   */
  start(msg, onProgress) {
    if (this.run) return Promise.reject(new Error('the optimiser is already running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.run = { id, resolve, reject, onProgress };
      this.warm().postMessage({ ...msg, id });
    });
  }

  /** Stops the run at once: the worker is terminated; the next run starts a new one. */
  cancel() {
    const r = this.run;
    if (!r) return;
    this.run = null;
    this.worker?.terminate();
    this.worker = null;
    r.reject(new Cancelled());
  }

  /** @param {Error} e */
  fail(e) {
    const r = this.run;
    this.run = null;
    r?.reject(e);
  }

  /** @param {any} d */
  onMessage(d) {
    const r = this.run;
    if (d.type === 'error' && d.id === 0) { this.fail(new Error(d.message)); return; }
    if (!r || d.id !== r.id) return;
    if (d.type === 'progress') r.onProgress(d);
    else if (d.type === 'result') { this.run = null; r.resolve({ result: d.result, timing: d.timing }); }
    else if (d.type === 'error') { this.run = null; r.reject(new Error(d.message)); }
  }
}

/**
 * @typedef {{
 *   scenario: () => Scenario,
 *   currency: () => string,
 *   addLayout: (name: string, cameras: Camera[], meta: import('./layouts.js').LayoutMeta) => boolean,
 *   figures: () => Promise<{name: string, cost: number, weighted: number, active: boolean, index: number}[]>,
 *   exactWeighted: () => number,
 *   totalCost: () => number,
 *   showError: (title: string, message: string) => void,
 *   toast: (text: string) => void,
 *   setMarking: (on: boolean) => void,
 *   marked: () => [number, number][],
 * }} BudgetActions
 */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

export class BudgetUI {
  /** @param {BudgetActions} actions */
  constructor(actions) {
    this.a = actions;
    this.runner = new OptimizerRunner(new URL('./optimizer-worker.js', import.meta.url));
    this.dialog = /** @type {HTMLDialogElement} */ ($('optimizer'));
    this.curveDialog = /** @type {HTMLDialogElement} */ ($('curve'));
    /** The last curve: its points, the settings it was drawn with, the scenario parts it belongs to. */
    /** @type {{points: CurvePoint[], request: any, maxBudget: number, base: number, mode: string, plan: any, catalog: any, timing: Timing}|null} */
    this.curve = null;
    /** Timings of the last runs (tests and the benchmark read them). */
    /** @type {{kind: string, wallMs: number, timing: Timing|null, progressCount: number}[]} */
    this.history = [];
    /** @type {Set<string>|null} models unticked by the user (all allowed by default) */
    this.excluded = null;
    this.wire();
  }

  wire() {
    $('opt-close').addEventListener('click', () => this.dialog.close());
    $('opt-run').addEventListener('click', () => this.runOptimize());
    $('opt-run-curve').addEventListener('click', () => this.runCurve());
    $('opt-cancel').addEventListener('click', () => this.cancel());
    $('curve-close').addEventListener('click', () => this.curveDialog.close());
    $('curve-recompute').addEventListener('click', () => { this.curveDialog.close(); this.open(); });
    $('opt-mark').addEventListener('click', () => { this.dialog.close(); this.a.setMarking(true); });
    for (const id of ['opt-budget', 'opt-target', 'opt-count']) {
      input(id).addEventListener('focus', () => {
        const v = { 'opt-budget': 'budget', 'opt-target': 'target', 'opt-count': 'cameras' }[id];
        const r = /** @type {HTMLInputElement|null} */ (this.dialog.querySelector(`input[name=goal][value=${v}]`));
        if (r) r.checked = true;
      });
    }
    this.dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') {
        e.preventDefault();
        this.runOptimize();
      }
    });
  }

  /** Opens the goal dialog, filled from the plan (first time: a budget of about twice today's cost). */
  open() {
    const s = this.a.scenario();
    const cur = this.a.currency();
    $('opt-currency').textContent = currencySymbol(cur);
    $('opt-currency-2').textContent = currencySymbol(cur);
    const today = this.a.totalCost();
    const b = input('opt-budget');
    if (!b.value) b.value = String(roundNice(Math.max(today, 5000) * 2));
    const mb = input('opt-max-budget');
    if (!mb.value) mb.value = String(roundNice(Math.max(today, 5000) * 4));
    const t = input('opt-target');
    if (!t.value) t.value = '80';
    const n = input('opt-count');
    if (!n.value) n.value = '4';
    // Models: the plan's catalogue, all allowed unless unticked.
    const box = $('opt-models');
    box.replaceChildren(...s.catalog.map((m) => {
      const cb = el('input', { type: 'checkbox', value: m.id });
      /** @type {HTMLInputElement} */ (cb).checked = !this.excluded?.has(m.id);
      cb.addEventListener('change', () => {
        this.excluded ??= new Set();
        if (/** @type {HTMLInputElement} */ (cb).checked) this.excluded.delete(m.id);
        else this.excluded.add(m.id);
      });
      const price = m.unit_price !== undefined ? fmtMoney((m.unit_price ?? 0) + (m.install_cost ?? 0), cur) : 'no price';
      return el('label', { class: 'opt-model' }, [cb, el('span', { class: 'opt-model-name', text: m.name }),
        el('span', { class: 'opt-model-meta', text: `${kindLabel(m.kind)} · ${price}${m.example_prices ? ' (example)' : ''}` })]);
    }));
    if (!s.catalog.length) box.append(el('p', { class: 'note', text: 'The catalogue is empty: add models first (Catalogue…).' }));
    this.updateMarked();
    $('opt-error').hidden = true;
    if (!this.dialog.open) this.dialog.showModal();
  }

  updateMarked() {
    const n = this.a.marked().length;
    $('opt-marked-count').textContent = n ? `${n} place${n === 1 ? '' : 's'} marked` : 'No places marked';
  }

  /**
   * The request from the dialog, or a message saying what is wrong.
   * @returns {{request: any, goalText: string, name: string}|{error: string}}
   */
  readRequest() {
    const s = this.a.scenario();
    const cur = this.a.currency();
    const goal = /** @type {HTMLInputElement|null} */ (this.dialog.querySelector('input[name=goal]:checked'))?.value ?? 'budget';
    const existing = /** @type {HTMLInputElement|null} */ (this.dialog.querySelector('input[name=existing]:checked'))?.value ?? 'keep';
    /** @type {any} */
    const request = { existing };
    let goalText = '', name = '';
    if (goal === 'budget') {
      const v = Number(input('opt-budget').value);
      if (!(v >= 0) || input('opt-budget').value.trim() === '') return { error: 'The budget must be an amount of zero or more.' };
      request.goal = { budget: v };
      goalText = `best coverage for ${fmtMoney(v, cur)}`;
      name = `Budget ${fmtMoney(v, cur)}`;
    } else if (goal === 'target') {
      const v = Number(input('opt-target').value);
      if (!(v > 0 && v <= 100)) return { error: 'The target coverage must be a percentage above 0 and at most 100.' };
      request.goal = { target_coverage: v / 100 };
      goalText = `the cheapest layout reaching ${fmt1(v)} % weighted coverage`;
      name = `Target ${fmt1(v)} %`;
    } else {
      const v = Number(input('opt-count').value);
      if (!(Number.isInteger(v) && v >= 1)) return { error: 'The number of cameras must be a whole number of at least 1.' };
      request.goal = { cameras: v };
      goalText = `the best ${v} new camera${v === 1 ? '' : 's'}`;
      name = `Best ${v} camera${v === 1 ? '' : 's'}`;
    }
    const models = s.catalog.map((m) => m.id).filter((id) => !this.excluded?.has(id));
    if (!models.length) return { error: 'Allow at least one model for new cameras.' };
    if (models.length < s.catalog.length) request.models = models;
    const marked = this.a.marked();
    const only = input('opt-marked-only').checked;
    if (only && !marked.length) return { error: 'No places are marked: mark some on the plan, or untick "Only at places I mark".' };
    const walls = input('opt-walls').checked, corners = input('opt-corners').checked, ceiling = input('opt-ceiling').checked;
    if (!only && !walls && !corners && !ceiling && !marked.length) return { error: 'Tick at least one kind of place where cameras may go.' };
    const height = Number(input('opt-height').value);
    if (!(height >= 0 && height <= 100)) return { error: 'The mounting height must be 0 to 100 m.' };
    request.placement = only
      ? { walls: false, corners: false, ceiling: false, marked, height_m: height }
      : { walls, corners, ceiling, marked, height_m: height };
    const spacing = Number(input('opt-spacing').value);
    if (!(spacing >= 0)) return { error: 'The minimum spacing must be zero or more metres.' };
    request.min_spacing_m = spacing;
    const seed = Number(input('opt-seed').value);
    if (!(Number.isInteger(seed) && seed >= 0)) return { error: 'The seed must be a whole number of zero or more.' };
    request.seed = seed;
    const cands = Number(input('opt-candidates').value);
    if (!(Number.isInteger(cands) && cands >= 1)) return { error: 'Candidates must be a whole number of at least 1.' };
    request.max_candidates = cands;
    // Each proposal names its new cameras apart from every other layout's
    // ("opt3-1", "opt3-2"...), so layouts can be compared camera by camera.
    request.id_prefix = `opt${layoutsOf(s).length + 1}-`;
    return { request, goalText, name };
  }

  /** @param {string} message */
  dialogError(message) {
    const e = $('opt-error');
    e.textContent = message;
    e.hidden = false;
  }

  /** The scenario text the worker gets: the layout shown (its cameras are "existing"). */
  scenarioText() {
    const s = coreScenario(this.a.scenario());
    delete s.options;
    return JSON.stringify(s);
  }

  async runOptimize() {
    const r = this.readRequest();
    if ('error' in r) { this.dialogError(r.error); return; }
    if (this.runner.busy) { this.dialogError('The optimiser is already running: wait for it or cancel it.'); return; }
    this.dialog.close();
    const s = this.a.scenario();
    const from = s.name;
    const res = await this.execute('optimize', `Proposing ${r.goalText}`, { type: 'optimize', scenario: this.scenarioText(), request: JSON.stringify(r.request) });
    if (!res) return;
    const proposal = /** @type {Proposal} */ (res.result);
    const ok = this.a.addLayout(r.name, proposal.cameras, { kind: 'proposal', proposal, request: { ...r.request, goalText: r.goalText, from }, timing: res.timing, cameras: proposal.cameras });
    if (ok) {
      this.a.toast(`New layout "${r.name}": ${proposal.added.length} added, ${proposal.moved.length} moved, ${proposal.removed.length} removed, ${fmtMoney(proposal.cost, this.a.currency())}. "${from}" is unchanged.`);
    }
  }

  async runCurve() {
    const r = this.readRequest();
    if ('error' in r) { this.dialogError(r.error); return; }
    const maxBudget = Number(input('opt-max-budget').value);
    if (!(maxBudget > 0)) { this.dialogError('The curve needs a maximum budget above zero.'); return; }
    if (this.runner.busy) { this.dialogError('The optimiser is already running: wait for it or cancel it.'); return; }
    this.dialog.close();
    const s = this.a.scenario();
    const cur = this.a.currency();
    const res = await this.execute('curve', `Drawing the cost curve up to ${fmtMoney(maxBudget, cur)}`,
      { type: 'curve', scenario: this.scenarioText(), request: JSON.stringify(r.request), maxBudget, steps: 20, refine: 4 });
    if (!res) return;
    const mode = r.request.existing;
    this.curve = {
      points: res.result, request: r.request, maxBudget, mode, plan: s.plan, catalog: s.catalog, timing: res.timing,
      // Spend is counted on top of the layout the curve started from (its cameras are kept, free).
      base: mode === 'remove' ? 0 : this.a.totalCost(),
      from: s.name,
    };
    await this.showCurve();
  }

  /**
   * Runs the worker with the progress panel up; resolves to null when cancelled or failed.
   * @param {string} kind @param {string} title @param {any} msg
   * @returns {Promise<{result: any, timing: Timing}|null>}
   */
  async execute(kind, title, msg) {
    const panel = $('opt-progress');
    $('opt-progress-title').textContent = title;
    $('opt-progress-phase').textContent = 'Starting the optimiser…';
    const bar = /** @type {HTMLProgressElement} */ ($('opt-progress-bar'));
    bar.removeAttribute('value');
    panel.hidden = false;
    document.body.dataset.optimizing = kind;
    const t0 = performance.now();
    const clock = setInterval(() => { $('opt-progress-time').textContent = `${fmt1((performance.now() - t0) / 1000)} s`; }, 100);
    let count = 0;
    const record = { kind, wallMs: 0, timing: /** @type {Timing|null} */ (null), progressCount: 0, cancelled: false };
    try {
      const res = await this.runner.start(msg, (p) => {
        count++;
        const text = PHASE_TEXT[p.phase] ?? p.phase;
        $('opt-progress-phase').textContent = p.total > 1 ? `${text} · ${fmtInt(p.done)} of ${fmtInt(p.total)}` : text;
        bar.value = phaseFraction(kind, p);
      });
      record.wallMs = performance.now() - t0;
      record.timing = res.timing;
      return res;
    } catch (e) {
      record.wallMs = performance.now() - t0;
      if (e instanceof Cancelled) {
        record.cancelled = true;
        this.a.toast('Cancelled: nothing was changed.');
      } else {
        this.a.showError('The optimiser stopped', e instanceof Error ? e.message : String(e));
      }
      return null;
    } finally {
      record.progressCount = count;
      this.history.push(record);
      clearInterval(clock);
      panel.hidden = true;
      delete document.body.dataset.optimizing;
    }
  }

  cancel() {
    this.runner.cancel();
  }

  // ---- The curve ----

  async showCurve() {
    const c = this.curve;
    if (!c) { this.open(); return; }
    const s = this.a.scenario();
    if (c.plan !== s.plan || c.catalog !== s.catalog) {
      // The plan or the prices changed since: the curve no longer answers for this plan.
      this.curve = null;
      this.a.toast('The plan or the catalogue changed since the curve was drawn: draw it again.');
      this.open();
      return;
    }
    const cur = this.a.currency();
    const fig = await this.a.figures();
    const marks = fig.map((f) => ({ ...f, spend: f.cost - c.base }));
    $('curve-sub').textContent = c.mode === 'remove'
      ? `Layouts from scratch, up to ${fmtMoney(c.maxBudget, cur)} · computed in ${fmt1(c.timing.totalMs / 1000)} s`
      : `New cameras on top of "${c.from}" (${fmtMoney(c.base, cur)} today), up to ${fmtMoney(c.maxBudget, cur)} more · computed in ${fmt1(c.timing.totalMs / 1000)} s`;
    const chart = $('curve-chart');
    chart.replaceChildren(curveSvg(c, marks, cur, (k) => this.pickPoint(k)));
    if (!this.curveDialog.open) this.curveDialog.showModal();
  }

  /** Opens curve point k as a new layout. @param {number} k */
  pickPoint(k) {
    const c = this.curve;
    if (!c) return;
    const p = c.points[k];
    const cur = this.a.currency();
    const name = `Curve ${fmtMoney(p.cost, cur)}`;
    if (this.a.addLayout(name, p.cameras, { kind: 'curve', point: { budget: p.budget, cost: p.cost, estimated_coverage: p.estimated_coverage }, request: { ...c.request, from: c.from, mode: c.mode }, cameras: p.cameras })) {
      this.curveDialog.close();
      this.a.toast(`New layout "${name}" from the curve (${fmtPct(p.estimated_coverage)} estimated, ${fmtMoney(p.cost, cur)}).`);
    }
  }
}

/** @param {string} kind @param {Progress} p */
function phaseFraction(kind, p) {
  // Rough shares of the time each phase takes (measured on the large sample).
  const order = kind === 'curve'
    ? [['loading', 0, 0.05], ['sampling', 0.05, 0.1], ['candidate_views', 0.1, 0.75], ['selection', 0.75, 0.8], ['local_search', 0.8, 1], ['done', 1, 1]]
    : [['loading', 0, 0.05], ['sampling', 0.05, 0.12], ['candidate_views', 0.12, 0.85], ['selection', 0.85, 0.93], ['local_search', 0.93, 1], ['done', 1, 1]];
  const row = order.find((o) => o[0] === p.phase);
  if (!row) return 0;
  const [, a, b] = /** @type {[string, number, number]} */ (row);
  const f = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return a + (b - a) * f;
}

/** @param {string} currency */
function currencySymbol(currency) {
  try {
    const parts = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).formatToParts(0);
    return parts.find((x) => x.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** A round figure near x (1, 2 or 5 times a power of ten). @param {number} x */
function roundNice(x) {
  const p = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

// ---- The chart: inline SVG built with DOM calls (no markup from data). ----

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
 * @param {{name: string, spend: number, weighted: number, active: boolean, index: number}[]} marks
 * @param {string} cur @param {(k: number) => void} onPick
 */
export function curveSvg(c, marks, cur, onPick) {
  const W = 960, H = 470, L = 78, R = 44, T = 22, B = 64;
  const xmax = Math.max(c.maxBudget, ...marks.map((m) => m.spend).filter((x) => x > 0));
  const ymax = 1;
  const X = (/** @type {number} */ v) => L + (Math.max(0, v) / xmax) * (W - L - R);
  const Y = (/** @type {number} */ v) => T + (1 - v / ymax) * (H - T - B);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'curve-svg', role: 'img', 'aria-label': 'Cost against weighted coverage' });
  // Grid and axes.
  const g = svg('g', { class: 'axes' });
  for (let k = 0; k <= 10; k += 1) {
    const y = Y(k / 10);
    g.append(svg('line', { x1: L, x2: W - R, y1: y, y2: y, class: k % 5 === 0 ? 'grid major' : 'grid' }));
    if (k % 2 === 0) g.append(svg('text', { x: L - 8, y: y + 4, class: 'tick', 'text-anchor': 'end' }, `${k * 10} %`));
  }
  const step = niceStep(xmax / 6);
  for (let v = 0; v <= xmax + 1e-9; v += step) {
    const x = X(v);
    g.append(svg('line', { x1: x, x2: x, y1: T, y2: H - B, class: 'grid' }));
    g.append(svg('text', { x, y: H - B + 20, class: 'tick', 'text-anchor': 'middle' }, fmtMoney(v, cur)));
  }
  g.append(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis' }));
  g.append(svg('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis' }));
  g.append(svg('text', { x: (L + W - R) / 2, y: H - 14, class: 'axis-label', 'text-anchor': 'middle' },
    c.mode === 'remove' ? `Cost of the whole layout, from scratch (${cur}, catalogue prices with installation)` : `Spend on new cameras and installation, on top of today's (${cur})`));
  g.append(svg('text', { x: 18, y: (T + H - B) / 2, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 18 ${(T + H - B) / 2})` },
    'Weighted coverage at each zone\u2019s required level'));
  root.append(g);
  // The curve: the best coverage found for each amount spent, a step that rises at each
  // layout's cost (the dots sit on its corners) and stays flat up to the maximum budget.
  const pts = c.points;
  if (pts.length) {
    const byCost = pts.slice().sort((p, q) => p.cost - q.cost || p.estimated_coverage - q.estimated_coverage);
    let d = `M ${X(0)} ${Y(byCost[0].estimated_coverage)}`;
    let best = byCost[0].estimated_coverage;
    for (const p of byCost) {
      if (p.estimated_coverage <= best && p !== byCost[0]) continue;
      best = p.estimated_coverage;
      d += ` H ${X(p.cost)} V ${Y(p.estimated_coverage)}`;
    }
    d += ` H ${X(c.maxBudget)}`;
    root.append(svg('path', { d, class: 'curve-line' }));
  }
  // The user's layouts first, so the curve's dots stay clickable on top of them.
  const mk = svg('g', { class: 'curve-marks' });
  root.append(mk);
  const dots = svg('g', { class: 'curve-dots' });
  pts.forEach((p, k) => {
    const dot = svg('circle', { cx: X(p.cost), cy: Y(p.estimated_coverage), r: 7, class: `curve-dot${p.refined ? ' refined' : ''}`, tabindex: 0, role: 'button',
      'data-k': k, 'data-cost': p.cost, 'data-budget': p.budget, 'data-coverage': p.estimated_coverage,
      'aria-label': `Budget ${fmtMoney(p.budget, cur)}: ${fmtPct(p.estimated_coverage)} for ${fmtMoney(p.cost, cur)}, ${p.cameras.length} cameras. Open as a new layout.` });
    dot.append(svg('title', {}, `Budget ${fmtMoney(p.budget, cur)}\n${fmtPct(p.estimated_coverage)} weighted coverage (estimated)\ncosts ${fmtMoney(p.cost, cur)} · ${p.cameras.length} cameras${p.refined ? '\nrefined by the full optimiser' : ''}\nClick to open it as a new layout`));
    dot.addEventListener('click', () => onPick(k));
    dot.addEventListener('keydown', (e) => { if (/** @type {KeyboardEvent} */ (e).key === 'Enter' || /** @type {KeyboardEvent} */ (e).key === ' ') { e.preventDefault(); onPick(k); } });
    dots.append(dot);
  });
  root.append(dots);
  // The user's layouts: diamonds with their names.
  marks.forEach((m, j) => {
    const x = X(m.spend), y = Y(m.weighted);
    const d = `M ${x} ${y - 9} L ${x + 9} ${y} L ${x} ${y + 9} L ${x - 9} ${y} Z`;
    const item = svg('g', { class: `curve-mark${m.active ? ' active' : ''}`, 'data-name': m.name, 'data-spend': m.spend, 'data-coverage': m.weighted });
    item.append(svg('path', { d }));
    const right = x < W - 260;
    item.append(svg('text', { x: right ? x + 13 : x - 13, y: y + 4 + (j % 2 ? 14 : -10), 'text-anchor': right ? 'start' : 'end', class: 'mark-label' },
      `${m.name} · ${fmtPct(m.weighted)}${m.spend < 0 ? ' (cheaper than today)' : ''}`));
    item.append(svg('title', {}, `${m.name}: ${fmtPct(m.weighted)} weighted coverage (exact), ${fmtMoney(m.cost, cur)} in all`));
    mk.append(item);
  });
  return root;
}

/** @param {number} x */
function niceStep(x) {
  const p = 10 ** Math.floor(Math.log10(Math.max(1e-9, x)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/**
 * The proposal card's content for a layout the optimiser or the curve made.
 * @param {import('./layouts.js').LayoutMeta} meta @param {Scenario} s the scenario (its active layout is this one)
 * @param {number} exact the layout's exact weighted coverage now @param {string} cur
 */
export function proposalBody(meta, s, exact, cur) {
  const edited = meta.cameras !== s.cameras;
  const rows = [];
  /** @param {string} k @param {string} v @param {string} [cls] */
  const row = (k, v, cls) => rows.push(el('div', { class: cls ?? '' }, [el('dt', { text: k }), el('dd', { text: v })]));
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
    const t = meta.timing;
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

export { toFile };
