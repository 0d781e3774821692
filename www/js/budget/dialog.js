// @ts-check
/**
 * Budget options: the goal dialog, the progress panel and the cost curve dialog. The
 * optimiser runs in a worker (runner.js); a result always opens as a new layout
 * (model/layouts.js): the user's layouts are never overwritten. On a site of several
 * levels the dialog offers the whole site (the default: one budget split over the levels
 * by the core, `optimizeSite` / `curveSite` on the whole file as model/levels.js merges
 * it) or the level shown (the run of a plan of one level, on its slice).
 */

import { el, $, input } from '../panels/dom.js';
import { fmtMoney, fmtPct, fmtInt, fmt1 } from '../format.js';
import { layoutsOf, coreScenario } from '../model/layouts.js';
import { hasLevels, mergeLevels, levelsOf, shownLevel, levelNamed, camerasByLevel } from '../model/levels.js';
import { kindLabel } from '../model/optics.js';
import { OptimizerRunner, Cancelled, PHASE_TEXT } from './runner.js';
import { curveSvg, niceStep } from './curve-chart.js';
import { ProgressPanel } from '../panels/progress-panel.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('./runner.js').Proposal} Proposal */
/** @typedef {import('./runner.js').CurvePoint} CurvePoint */
/** @typedef {import('./runner.js').SiteProposal} SiteProposal */
/** @typedef {import('./runner.js').SiteCurvePoint} SiteCurvePoint */
/** @typedef {import('./runner.js').Timing} Timing */
/** @typedef {import('./runner.js').Progress} Progress */

/**
 * @typedef {{
 *   scenario: () => Scenario,
 *   currency: () => string,
 *   addLayout: (name: string, cameras: Camera[], meta: import('../model/layouts.js').LayoutMeta, levelCameras?: Record<string, Camera[]>) => boolean,
 *   figures: () => Promise<{name: string, cost: number, weighted: number, active: boolean, index: number}[]>,
 *   exactWeighted: () => number,
 *   totalCost: () => number,
 *   showError: (title: string, message: string) => void,
 *   toast: (text: string) => void,
 *   setMarking: (on: boolean) => void,
 *   marked: () => [number, number][],
 *   changeCost: (before: Camera[], after: Camera[]) => import('../core/types.js').ChangeCost,
 * }} BudgetActions
 */

export class BudgetUI {
  /** @param {BudgetActions} actions */
  constructor(actions) {
    this.a = actions;
    this.runner = new OptimizerRunner(new URL('./worker.js', import.meta.url));
    this.progress = new ProgressPanel('opt-progress', 'opt-cancel', () => this.cancel());
    this.dialog = /** @type {HTMLDialogElement} */ ($('optimizer'));
    this.curveDialog = /** @type {HTMLDialogElement} */ ($('curve'));
    /** The last curve: its points, the settings it was drawn with, the scenario parts it belongs to. */
    /** The site's curve (`site`) has SiteCurvePoints and belongs to every level's plan (`plans`). */
    /** @type {{points: CurvePoint[], request: any, maxBudget: number, base: number, mode: string, plan: unknown, catalog: unknown, timing: Timing, from: string, site?: boolean, plans?: unknown[]}|null} */
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
    $('curve-close').addEventListener('click', () => this.curveDialog.close());
    $('curve-recompute').addEventListener('click', () => { this.curveDialog.close(); this.open(); });
    $('opt-mark').addEventListener('click', () => { this.dialog.close(); this.a.setMarking(true); });
    for (const r of this.curveDialog.querySelectorAll('input[name=curve-axis]')) r.addEventListener('change', () => { if (this.curve) this.showCurve(); });
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
    if (!b.value) b.value = String(niceStep(Math.max(today, 5000) * 2));
    const mb = input('opt-max-budget');
    if (!mb.value) mb.value = String(niceStep(Math.max(today, 5000) * 4));
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
    // The span: on a site of several levels, the whole site (default) or the level shown.
    const span = $('opt-span');
    span.hidden = !hasLevels(s);
    if (hasLevels(s)) {
      $('opt-span-level').textContent = `This level only (${levelNamed(s, /** @type {string} */ (shownLevel(s)))?.name ?? ''})`;
      $('opt-span-site').textContent = `The whole site (${levelsOf(s).length} levels, one budget)`;
    }
    $('opt-error').hidden = true;
    if (!this.dialog.open) this.dialog.showModal();
  }

  updateMarked() {
    const n = this.a.marked().length;
    $('opt-marked-count').textContent = n ? `${n} place${n === 1 ? '' : 's'} marked` : 'No places marked';
  }

  /**
   * The request from the dialog, or a message saying what is wrong.
   * @returns {{request: any, goalText: string, name: string, site: boolean}|{error: string}}
   */
  readRequest() {
    const s = this.a.scenario();
    const cur = this.a.currency();
    const goal = /** @type {HTMLInputElement|null} */ (this.dialog.querySelector('input[name=goal]:checked'))?.value ?? 'budget';
    const site = this.spansSite();
    if (site && goal !== 'budget') return { error: 'Over the whole site the optimiser takes a budget: choose "Best coverage for a budget", or "This level only".' };
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
    if (site && (only || marked.length)) return { error: 'Marked places belong to the level shown: choose "This level only" to use them, or clear the marks.' };
    if (only && !marked.length) return { error: 'No places are marked: mark some on the plan, or untick "Only at places I mark".' };
    const walls = input('opt-walls').checked, corners = input('opt-corners').checked, ceiling = input('opt-ceiling').checked;
    const poles = input('opt-poles').checked;
    if (!only && !walls && !corners && !ceiling && !poles && !marked.length) return { error: 'Tick at least one kind of place where cameras may go.' };
    const height = Number(input('opt-height').value);
    if (!(height >= 0 && height <= 100)) return { error: 'The mounting height must be 0 to 100 m.' };
    request.placement = only
      ? { walls: false, corners: false, ceiling: false, poles: false, marked, height_m: height }
      : { walls, corners, ceiling, poles, marked, height_m: height };
    const spacing = Number(input('opt-spacing').value);
    if (!(spacing >= 0)) return { error: 'The minimum spacing must be zero or more metres.' };
    request.min_spacing_m = spacing;
    const seed = Number(input('opt-seed').value);
    if (!(Number.isInteger(seed) && seed >= 0)) return { error: 'The seed must be a whole number of zero or more.' };
    request.seed = seed;
    const never = Number(input('opt-never-blind').value);
    if (!(never > 0)) return { error: 'The never-blind priority must be a number above zero.' };
    request.never_blind_priority = never;
    const cands = Number(input('opt-candidates').value);
    if (!(Number.isInteger(cands) && cands >= 1)) return { error: 'Candidates must be a whole number of at least 1.' };
    request.max_candidates = cands;
    // Each proposal names its new cameras apart from every other layout's
    // ("opt3-1", "opt3-2"...), so layouts can be compared camera by camera.
    request.id_prefix = `opt${layoutsOf(s).length + 1}-`;
    if (site) {
      goalText += ' over the whole site';
      name = `Site ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
    }
    return { request, goalText, name, site };
  }

  /** True when the run spans every level (a site of several levels with "whole site" ticked). */
  spansSite() {
    if (!hasLevels(this.a.scenario())) return false;
    return /** @type {HTMLInputElement|null} */ (this.dialog.querySelector('input[name=opt-span]:checked'))?.value !== 'level';
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

  /**
   * The whole site's scenario text (every level, model/levels.js's merge): the layout
   * shown on every level; with `asIs`, the file's first layout (as the curve starts from).
   * @param {boolean} [asIs]
   */
  siteScenarioText(asIs = false) {
    const merged = /** @type {any} */ (mergeLevels(this.a.scenario()));
    const { layouts, options: _o, ...s } = merged;
    if (asIs && layouts) {
      s.name = layouts.list[0].name;
      s.cameras = layouts.list[0].cameras;
    }
    return JSON.stringify(s);
  }

  /** The scenario text for the curve: always the as-is layout (the file's first), whichever is shown. */
  asIsScenarioText() {
    const s = coreScenario(this.a.scenario());
    const first = layoutsOf(this.a.scenario())[0];
    s.name = first.name;
    s.cameras = first.cameras;
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
    if (r.site) { await this.runSiteOptimize(r, from); return; }
    const res = await this.execute('optimize', `Proposing ${r.goalText}`, { type: 'optimize', scenario: this.scenarioText(), request: JSON.stringify(r.request) });
    if (!res) return;
    const proposal = /** @type {Proposal} */ (res.result);
    const ok = this.a.addLayout(r.name, proposal.cameras, { kind: 'proposal', proposal, request: { ...r.request, goalText: r.goalText, from }, timing: res.timing, cameras: proposal.cameras });
    if (ok) {
      this.a.toast(`New layout "${r.name}": ${proposal.added.length} added, ${proposal.moved.length} moved, ${proposal.removed.length} removed, ${fmtMoney(proposal.cost, this.a.currency())}. "${from}" is unchanged.`);
    }
  }

  /**
   * The whole site's run: one budget split over the levels; the proposal opens as a layout
   * holding every level's cameras.
   * @param {{request: any, goalText: string, name: string}} r @param {string} from
   */
  async runSiteOptimize(r, from) {
    const res = await this.execute('optimizeSite', `Proposing ${r.goalText}`, { type: 'optimizeSite', scenario: this.siteScenarioText(), request: JSON.stringify(r.request) });
    if (!res) return;
    const proposal = /** @type {SiteProposal} */ (res.result);
    const split = camerasByLevel(this.a.scenario(), /** @type {Camera[]} */ (proposal.cameras));
    if (!split) return;
    const ok = this.a.addLayout(r.name, split.cameras, { kind: 'proposal', site: true, proposal, request: { ...r.request, goalText: r.goalText, from }, timing: res.timing, cameras: split.cameras }, split.levelCameras);
    if (ok) {
      const added = proposal.levels.reduce((n, l) => n + l.proposal.added.length, 0);
      this.a.toast(`New layout "${r.name}" over ${proposal.levels.length} levels: ${added} added, ${fmtMoney(proposal.cost, this.a.currency())} of ${fmtMoney(proposal.budget, this.a.currency())}. "${from}" is unchanged.`);
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
    const res = r.site
      ? await this.execute('curveSite', `Drawing the whole site's cost curve up to ${fmtMoney(maxBudget, cur)}`,
        { type: 'curveSite', scenario: this.siteScenarioText(true), request: JSON.stringify(r.request), maxBudget, steps: 20, refine: 4 })
      : await this.execute('curve', `Drawing the cost curve up to ${fmtMoney(maxBudget, cur)}`,
        { type: 'curve', scenario: this.asIsScenarioText(), request: JSON.stringify(r.request), maxBudget, steps: 20, refine: 4 });
    if (!res) return;
    const mode = r.request.existing;
    const first = layoutsOf(s)[0];
    if (r.site) {
      const points = /** @type {SiteCurvePoint[]} */ (res.result);
      this.curve = {
        points: /** @type {any} */ (points), request: r.request, maxBudget, mode, plan: s.plan, catalog: s.catalog, timing: res.timing,
        // The site's as-is cost: the levels' first layouts at catalogue prices (the curve's zero-spend point).
        base: points[0]?.budget === 0 ? points[0].total : NaN,
        from: first.name, site: true, plans: sitePlans(s),
      };
      await this.showCurve();
      return;
    }
    this.curve = {
      points: res.result, request: r.request, maxBudget, mode, plan: s.plan, catalog: s.catalog, timing: res.timing,
      // Always from the as-is layout: spend is the change from it, priced by the core's account.
      base: this.a.changeCost([], first.cameras).total_after,
      from: first.name,
    };
    await this.showCurve();
  }

  /**
   * Runs the worker with the progress panel up; resolves to null when cancelled or failed.
   * @param {string} kind @param {string} title @param {any} msg
   * @returns {Promise<{result: any, timing: Timing}|null>}
   */
  async execute(kind, title, msg) {
    this.progress.show(title, 'Starting the optimiser…');
    document.body.dataset.optimizing = kind;
    const t0 = performance.now();
    let count = 0;
    const record = { kind, wallMs: 0, timing: /** @type {Timing|null} */ (null), progressCount: 0, cancelled: false };
    try {
      const levels = levelsOf(this.a.scenario());
      const res = await this.runner.start(msg, (p) => {
        count++;
        const text = PHASE_TEXT[p.phase] ?? p.phase;
        const line = p.total > 1 ? `${text} · ${fmtInt(p.done)} of ${fmtInt(p.total)}` : text;
        if (p.step === undefined || !p.steps) { this.progress.say(line, phaseFraction(kind, p)); return; }
        // A site run: its steps are each level's curve, then (a budget run) each level's optimisation.
        const level = levels[p.level ?? 0]?.name ?? '';
        const stage = p.step < levels.length ? 'cost curve' : 'layout';
        this.progress.say(`${level}, ${stage} (step ${p.step + 1} of ${p.steps}) · ${line}`, (p.step + phaseFraction(p.step < levels.length ? 'curve' : 'optimize', p)) / p.steps);
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
      this.progress.hide();
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
    if (c.site ? !samePlans(c.plans ?? [], sitePlans(s)) || c.catalog !== s.catalog : c.plan !== s.plan || c.catalog !== s.catalog) {
      // The plan or the prices changed since: the curve no longer answers for this plan.
      this.curve = null;
      this.a.toast('The plan or the catalogue changed since the curve was drawn: draw it again.');
      this.open();
      return;
    }
    const cur = this.a.currency();
    if (c.site) { this.showSiteCurve(c, cur); return; }
    const fig = await this.a.figures();
    const list = layoutsOf(s);
    const marks = fig.map((f) => ({ ...f, spend: this.a.changeCost(list[0].cameras, list[f.index].cameras).spend, cameras: list[f.index].cameras.length }));
    const what = { keep: 'new cameras added to', move: 'new cameras, the existing ones moved where that helps, from', movable: 'cameras added, moved or removed, from', remove: 'layouts from scratch replacing' }[c.mode] ?? 'layouts from';
    $('curve-sub').textContent = `Always from the as-is layout: ${what} "${c.from}" (${fmtMoney(c.base, cur)} at catalogue prices), up to ${fmtMoney(c.maxBudget, cur)} of spend · computed in ${fmt1(c.timing.totalMs / 1000)} s`;
    const axis = /** @type {HTMLInputElement|null} */ (this.curveDialog.querySelector('input[name=curve-axis]:checked'))?.value === 'cameras' ? 'cameras' : 'spend';
    const chart = $('curve-chart');
    chart.replaceChildren(curveSvg(c, marks, cur, (k) => this.pickPoint(k), axis));
    $('curve-table').replaceChildren(...curveTable(c.points, cur, (k) => this.pickPoint(k)));
    if (!this.curveDialog.open) this.curveDialog.showModal();
  }

  /**
   * The site's curve: its points only (the layouts' site figures are in the site panel).
   * @param {NonNullable<BudgetUI['curve']>} c @param {string} cur
   */
  showSiteCurve(c, cur) {
    const what = { keep: 'new cameras added to', move: 'new cameras, the existing ones moved where that helps, from', movable: 'cameras added, moved or removed, from', remove: 'layouts from scratch replacing' }[c.mode] ?? 'layouts from';
    $('curve-sub').textContent = `The whole site, ${levelsOf(this.a.scenario()).length} levels: at each budget the best split over the levels' curves; ${what} "${c.from}" on every level${Number.isFinite(c.base) ? ` (${fmtMoney(c.base, cur)} at catalogue prices)` : ''}, up to ${fmtMoney(c.maxBudget, cur)} of spend · computed in ${fmt1(c.timing.totalMs / 1000)} s. Your layouts are not marked here (no diamonds): their site figures are in the site panel.`;
    const axis = /** @type {HTMLInputElement|null} */ (this.curveDialog.querySelector('input[name=curve-axis]:checked'))?.value === 'cameras' ? 'cameras' : 'spend';
    $('curve-chart').replaceChildren(curveSvg(c, [], cur, (k) => this.pickPoint(k), axis));
    $('curve-table').replaceChildren(...siteCurveTable(/** @type {SiteCurvePoint[]} */ (/** @type {unknown} */ (c.points)), cur, (k) => this.pickPoint(k)));
    if (!this.curveDialog.open) this.curveDialog.showModal();
  }

  /** Opens curve point k as a new layout. @param {number} k */
  pickPoint(k) {
    const c = this.curve;
    if (!c) return;
    if (c.site) { this.pickSitePoint(c, k); return; }
    const p = c.points[k];
    const cur = this.a.currency();
    const name = `Curve ${fmtMoney(p.cost, cur)}`;
    if (this.a.addLayout(name, p.cameras, { kind: 'curve', point: { budget: p.budget, cost: p.cost, total: p.total, estimated_coverage: p.estimated_coverage }, request: { ...c.request, from: c.from, mode: c.mode }, cameras: p.cameras })) {
      this.curveDialog.close();
      this.a.toast(`New layout "${name}" from the curve (${fmtPct(p.estimated_coverage)} estimated, ${fmtMoney(p.cost, cur)}).`);
    }
  }

  /** Opens point k of the site's curve as a layout of every level. @param {NonNullable<BudgetUI['curve']>} c @param {number} k */
  pickSitePoint(c, k) {
    const p = /** @type {SiteCurvePoint} */ (/** @type {unknown} */ (c.points[k]));
    const cur = this.a.currency();
    const split = camerasByLevel(this.a.scenario(), /** @type {Camera[]} */ (p.cameras));
    if (!split) return;
    const name = `Site curve ${fmtMoney(p.cost, cur)}`;
    const meta = /** @type {import('../model/layouts.js').LayoutMeta} */ ({ kind: 'curve', site: true, point: { budget: p.budget, cost: p.cost, total: p.total, estimated_coverage: p.estimated_coverage, levels: p.levels }, request: { ...c.request, from: c.from, mode: c.mode }, cameras: split.cameras });
    if (this.a.addLayout(name, split.cameras, meta, split.levelCameras)) {
      this.curveDialog.close();
      this.a.toast(`New layout "${name}" from the site's curve over ${p.levels.length} levels (${fmtPct(p.estimated_coverage)} estimated, ${fmtMoney(p.cost, cur)}).`);
    }
  }
}

/** Every level's plan (the site's curve answers for all of them). @param {Scenario} s @returns {unknown[]} */
function sitePlans(s) {
  const site = /** @type {any} */ (s).site;
  return levelsOf(s).map((l) => (l.id === site?.level ? s.plan : site?.plans[l.id]));
}

/** @param {unknown[]} a @param {unknown[]} b */
function samePlans(a, b) {
  return a.length === b.length && a.every((p, k) => p === b[k]);
}

/**
 * The site's curve as a table: spend, total, cameras, coverage, each level's share (spend
 * and cameras added), and a button opening each.
 * @param {SiteCurvePoint[]} points @param {string} cur @param {(k: number) => void} onPick
 */
function siteCurveTable(points, cur, onPick) {
  const names = points[0]?.levels.map((l) => l.name) ?? [];
  const head = el('tr', {}, ['Spend', 'Total', 'Cameras', 'Weighted coverage (estimated)', ...names, ''].map((t) => el('th', { text: t })));
  const rows = points.map((p, k) => {
    const open = el('button', { type: 'button', class: 'link', text: 'Open', 'aria-label': `Open the site layout costing ${fmtMoney(p.cost, cur)}` });
    open.addEventListener('click', () => onPick(k));
    return el('tr', { 'data-k': String(k), 'data-spend': p.cost.toFixed(2), 'data-total': p.total.toFixed(2) }, [
      el('td', { text: fmtMoney(p.cost, cur) }), el('td', { text: fmtMoney(p.total, cur) }),
      el('td', { text: fmtInt(p.camera_count) }), el('td', { text: fmtPct(p.estimated_coverage) }),
      ...p.levels.map((l) => el('td', { 'data-level': l.level, 'data-spend': l.cost.toFixed(2), text: `${fmtMoney(l.cost, cur)} · ${fmtInt(l.added)} new` })),
      el('td', {}, [open])]);
  });
  return [el('thead', {}, [head]), el('tbody', {}, rows)];
}

/**
 * The curve's points as a table: spend, total, cameras, coverage, and a button opening each.
 * @param {CurvePoint[]} points @param {string} cur @param {(k: number) => void} onPick
 */
function curveTable(points, cur, onPick) {
  const head = el('tr', {}, ['Spend', 'Total', 'Cameras', 'Weighted coverage (estimated)', ''].map((t) => el('th', { text: t })));
  const rows = points.map((p, k) => {
    const open = el('button', { type: 'button', class: 'link', text: 'Open', 'aria-label': `Open the layout costing ${fmtMoney(p.cost, cur)}` });
    open.addEventListener('click', () => onPick(k));
    return el('tr', { 'data-k': String(k), 'data-spend': p.cost.toFixed(2), 'data-total': p.total.toFixed(2) }, [
      el('td', { text: fmtMoney(p.cost, cur) }), el('td', { text: fmtMoney(p.total, cur) }),
      el('td', { text: fmtInt(p.camera_count) }), el('td', { text: fmtPct(p.estimated_coverage) }), el('td', {}, [open])]);
  });
  return [el('thead', {}, [head]), el('tbody', {}, rows)];
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
