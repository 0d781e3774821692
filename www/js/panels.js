// @ts-check
/**
 * The side panel: coverage figures, per-zone bars, the largest blind spots, the camera
 * editor and the camera list; plus the legend and the hover tooltip. Everything is built
 * with DOM calls and textContent: text from files never goes through innerHTML.
 */

import { fmt1, fmtArea, fmtPct, pctText, fmtNum, fmtMoney } from './format.js';
import { cameraOptics, kindLabel, modelOf, normDeg, roundTo } from './state.js';
import { cameraColour } from './palette.js';
import { drawSwatch } from './render.js';

/** @typedef {import('./state.js').Scenario} Scenario */
/** @typedef {import('./state.js').Camera} Camera */
/** @typedef {import('./scene.js').Summary} Summary */
/** @typedef {import('./scene.js').Report} Report */

/**
 * @param {string} tag @param {Record<string, string>|null} [attrs] @param {(Node|string|null)[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, attrs = null, children = []) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
  }
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

/**
 * A field of the camera editor: label, unit, step, limits, how to read it from the camera
 * and its optics in effect (`o`, from the core), and the patch an entered value makes.
 * `inherited` says the value comes from the model (or lens), and `reset` goes back to it;
 * `shown` hides a field that does not apply; `empty` is the patch for an empty field
 * (where empty means something, e.g. no mounting height).
 * @typedef {{key: string, label: string, unit: string, step: number, min?: number, max?: number, dp: number,
 *   get: (c: Camera, s: Scenario, o: Optics) => number, set: (c: Camera, v: number, s: Scenario) => Partial<Camera>,
 *   inherited?: (c: Camera, s: Scenario, o: Optics) => boolean, reset?: () => Partial<Camera>, resetText?: string, source?: (o: Optics) => string,
 *   shown?: (c: Camera, s: Scenario, o: Optics) => boolean, enabled?: (c: Camera, s: Scenario, o: Optics) => boolean,
 *   limits?: (c: Camera, s: Scenario, o: Optics) => [number, number], empty?: Partial<Camera>, emptyNote?: string, hint?: string}} CameraField
 * @typedef {import('./state.js').Optics} Optics
 */

/** @type {CameraField[]} */
export const CAMERA_FIELDS = [
  { key: 'x', label: 'East (x)', unit: 'm', step: 0.1, dp: 2, get: (c) => c.position[0], set: (c, v) => ({ position: [v, c.position[1]] }) },
  { key: 'y', label: 'North (y)', unit: 'm', step: 0.1, dp: 2, get: (c) => c.position[1], set: (c, v) => ({ position: [c.position[0], v] }) },
  { key: 'heading', label: 'Heading', unit: '°', step: 1, dp: 1, get: (c) => c.heading_deg, set: (_c, v) => ({ heading_deg: roundTo(normDeg(v)) }) },
  {
    key: 'height', label: 'Mounting height', unit: 'm', step: 0.1, min: 0, max: 100, dp: 2,
    get: (c) => c.height_m ?? NaN, set: (_c, v) => ({ height_m: v }),
    empty: { height_m: undefined, tilt_deg: undefined }, emptyNote: 'flat cone (no height)',
    hint: 'Empty: a flat cone, with no dead zone and no far edge',
  },
  {
    key: 'tilt', label: 'Tilt (down)', unit: '°', step: 1, min: -90, max: 90, dp: 1,
    get: (_c, _s, o) => (o.mounted ? o.tilt : NaN), set: (_c, v) => ({ tilt_deg: v }),
    enabled: (c) => c.height_m !== undefined, emptyNote: 'needs a height', hint: 'Degrees below the horizontal; also the ; and \' keys, or drag the ⇕ handle',
  },
  {
    key: 'focal', label: 'Focal length', unit: 'mm', step: 0.1, dp: 2,
    get: (_c, _s, o) => o.focal ?? NaN, set: (_c, v) => ({ focal_mm: v, hfov_deg: undefined }),
    shown: (_c, _s, o) => o.lens === 'varifocal',
    limits: (_c, _s, o) => /** @type {[number, number]} */ (o.model?.focal_range_mm ?? [0, Infinity]),
    inherited: (c) => c.focal_mm === undefined, reset: () => ({ focal_mm: undefined }), resetText: 'widest', source: () => 'widest',
  },
  {
    key: 'hfov', label: 'Field of view', unit: '°', step: 1, min: 0.1, max: 360, dp: 1,
    get: (_c, _s, o) => o.hfov, set: (_c, v) => ({ hfov_deg: v }),
    inherited: (c, _s, o) => c.hfov_deg === undefined && !!o.model, reset: () => ({ hfov_deg: undefined }),
    source: (o) => (o.lens === 'free' ? 'from model' : 'from lens'),
  },
  {
    key: 'range', label: 'Range', unit: 'm', step: 0.5, min: 0.1, max: 100000, dp: 2,
    get: (_c, _s, o) => o.range, set: (_c, v) => ({ range_m: v }),
    inherited: (c, _s, o) => c.range_m === undefined && !!o.model, reset: () => ({ range_m: undefined }), source: () => 'from model',
  },
];

/**
 * @typedef {{
 *   commitCamera: (i: number, patch: Partial<Camera>, label: string, coalesce?: string) => void,
 *   fovPatch: (cam: Camera, hfov: number) => Partial<Camera>,
 *   openCatalog: (modelId?: string) => void,
 *   select: (i: number, why?: string) => void,
 *   deleteSelected: () => void, duplicateSelected: () => void,
 *   zoomToBlindSpot: (k: number) => void, highlightBlindSpot: (k: number) => void,
 *   zoomToZone: (id: string) => void, highlightZone: (id: string|null) => void,
 *   showError: (title: string, message: string) => void,
 *   selected: () => number, scenario: () => Scenario,
 * }} PanelActions
 */

export class Panels {
  /** @param {PanelActions} actions */
  constructor(actions) {
    this.actions = actions;
    const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
    this.stat = {
      coverage: $('stat-coverage'), covered: $('stat-covered'), weighted: $('stat-weighted'),
      blind: $('stat-blind'), multi: $('stat-multi'), cameras: $('stat-cameras'), state: $('stat-state'),
      alert: $('stat-alert'), short: $('stat-short'),
    };
    this.shortKey = '';
    this.levelList = $('level-list');
    this.cost = { card: $('costs'), total: $('cost-total'), split: $('cost-split'), lines: $('cost-lines'), notes: $('cost-notes'), exampleBadge: $('cost-example') };
    this.costKey = '';
    this.alertKey = '';
    this.zoneList = $('zone-list');
    this.blindList = $('blind-list');
    this.blindNote = $('blind-note');
    this.editor = $('camera-editor');
    this.editorBody = $('camera-editor-body');
    this.cameraList = $('camera-list');
    this.cameraCount = $('camera-count');
    this.tooltip = $('tooltip');
    /** @type {Map<string, {row: HTMLElement, bar: HTMLElement, under: HTMLElement, pct: HTMLElement, area: HTMLElement, sig: string}>} */
    this.zoneRows = new Map();
    this.zoneKey = '';
    /** @type {Map<string, HTMLInputElement>} */
    this.inputs = new Map();
    this.editorFor = '';
    /** @type {any} */
    this.editorCatalog = null;
    this.cameraListKey = '';
    /** @type {Summary|null} */
    this.lastStats = null;
  }

  // ---- Stats ----

  /** @param {Summary} sm @param {number} cameraCount @param {boolean} live @param {Scenario} s */
  updateStats(sm, cameraCount, live, s) {
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
    this.updateZones(sm);
    this.updateCosts(sm, s);
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
   * The headline: zones with a required level that fall short of it (less than 99.95 %
   * of the zone seen at that level, so that "100.0 %" always means met), highest
   * priority first.
   * @param {Summary} sm
   */
  updateShortfall(sm) {
    const req = sm.zones.filter((z) => z.required_level);
    const short = req.filter((z) => z.required_coverage < 0.9995)
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

  /**
   * The zones table: required level against what is achieved. A zone with a required
   * level shows the share of it seen at that level (what weighted coverage counts), with
   * plain coverage as the lighter bar behind.
   * @param {Summary} sm
   */
  updateZones(sm) {
    const key = sm.zones.map((z) => `${z.id}\u0000${z.name}\u0000${z.priority}\u0000${z.required_level ?? ''}`).join('\u0001');
    if (key !== this.zoneKey) {
      this.zoneKey = key;
      this.zoneRows.clear();
      this.zoneList.replaceChildren();
      const zones = sm.zones.slice().sort((a, b) => (b.priority - a.priority) || a.name.localeCompare(b.name));
      for (const z of zones) {
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
        this.zoneRows.set(z.id, { row, bar, under, pct, area, sig: '' });
        this.zoneList.append(row);
      }
    }
    for (const z of sm.zones) {
      const r = this.zoneRows.get(z.id);
      if (!r) continue;
      // Touch only rows whose figures changed: a drag changes a few zones, not hundreds.
      const sig = `${z.coverage}|${z.required_coverage}|${z.covered_area_m2}|${z.area_m2}`;
      if (r.sig === sig) continue;
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
      const short = z.required_level ? z.required_coverage < 0.9995 : z.coverage < 0.5;
      r.row.classList.toggle('weak', short);
      r.row.classList.toggle('met', !!z.required_level && !short);
    }
  }

  /** What the plan costs, per model, in the plan's currency. @param {Summary} sm @param {Scenario} s */
  updateCosts(sm, s) {
    const c = sm.costs;
    const key = JSON.stringify(c);
    if (key === this.costKey) return;
    this.costKey = key;
    const cur = c.currency;
    this.cost.total.textContent = fmtMoney(c.total, cur);
    this.cost.total.dataset.value = String(c.total);
    this.cost.total.dataset.currency = cur;
    this.cost.split.textContent = `${fmtMoney(c.hardware, cur)} cameras + ${fmtMoney(c.installation, cur)} installation`;
    const rows = c.lines.map((l) => {
      const m = l.model ? s.catalog.find((mm) => mm.id === l.model) : undefined;
      const name = el('span', { class: 'cost-name', text: l.name });
      if (m?.kind === 'ptz') name.title = 'PTZ: planned at its current aim';
      return el('tr', { 'data-model': l.model ?? '' }, [
        el('td', { class: 'cost-count', text: `${l.count} ×` }),
        el('td', { class: 'cost-what' }, [
          el('div', {}, [name, l.example_prices ? el('span', { class: 'example-tag', text: 'example', title: 'Example price from the starter catalogue, not a quote' }) : null]),
          el('div', { class: 'cost-unit', text: `${fmtMoney(l.unit_price, cur)} + ${fmtMoney(l.install_cost, cur)} installation, each` }),
        ]),
        el('td', { class: 'cost-line', text: fmtMoney(l.total, cur), 'data-value': String(l.total) }),
      ]);
    });
    this.cost.lines.replaceChildren(...rows);
    const notes = [];
    if (c.example_prices) {
      notes.push(el('p', { class: 'example-note', text: 'Example prices from the starter catalogue, not quotes. Put your suppliers\' prices in the catalogue before quoting this budget.' }));
    }
    if (c.unpriced_cameras > 0) {
      notes.push(el('p', { class: 'note warn', text: `${c.unpriced_cameras} camera${c.unpriced_cameras === 1 ? ' has' : 's have'} no price and count as ${fmtMoney(0, cur)}: set prices in the catalogue.` }));
    }
    this.cost.notes.replaceChildren(...notes);
    this.cost.card.classList.toggle('examples', c.example_prices);
    this.cost.exampleBadge.hidden = !c.example_prices;
  }

  // ---- Blind spots ----

  /** @param {import('./scene.js').BlindSpots|null} report @param {Scenario} s @param {boolean} stale */
  updateBlindSpots(report, s, stale) {
    this.blindList.classList.toggle('stale', stale);
    if (!report) return;
    const names = new Map(s.plan.zones.map((z) => [z.id, z.name]));
    const spots = report.blind_spots.map((b, k) => ({ b, k })).sort((x, y) => y.b.area_m2 - x.b.area_m2);
    const top = spots.slice(0, 10);
    this.blindList.replaceChildren();
    if (top.length === 0) {
      this.blindList.append(el('li', { class: 'empty', text: 'No blind spots: every zone is fully covered.' }));
    }
    for (const { b, k } of top) {
      const where = b.zone_ids.map((id) => names.get(id) ?? id).join(', ');
      const li = el('li', {}, [
        el('button', { class: 'blind-item', type: 'button', 'data-index': String(k) }, [
          el('span', { class: 'blind-swatch', 'aria-hidden': 'true' }),
          el('span', { class: 'blind-area', text: fmtArea(b.area_m2) }),
          el('span', { class: 'blind-where', text: where || 'outside any zone' }),
        ]),
      ]);
      const btn = /** @type {HTMLElement} */ (li.firstChild);
      btn.addEventListener('click', () => this.actions.zoomToBlindSpot(k));
      btn.addEventListener('pointerenter', () => this.actions.highlightBlindSpot(k));
      btn.addEventListener('pointerleave', () => this.actions.highlightBlindSpot(-1));
      btn.addEventListener('focus', () => this.actions.highlightBlindSpot(k));
      btn.addEventListener('blur', () => this.actions.highlightBlindSpot(-1));
      this.blindList.append(li);
    }
    const more = spots.length - top.length;
    const om = report.blind_spots_omitted;
    const notes = [];
    notes.push(`${spots.length} blind spot${spots.length === 1 ? '' : 's'}`);
    if (more > 0) notes.push(`${more} smaller not listed`);
    if (om && om.count > 0) {
      notes.push(`${om.count} sliver${om.count === 1 ? '' : 's'} under ${fmtNum(om.threshold_m2, 2)} m² (${fmtArea(om.area_m2)}) counted in totals only`);
    }
    this.blindNote.textContent = notes.join(' · ');
  }

  // ---- Camera editor ----

  /** @param {Scenario} s @param {number} i @param {Summary|null} sm */
  updateEditor(s, i, sm) {
    this.lastStats = sm;
    if (i < 0 || i >= s.cameras.length) {
      this.editor.hidden = true;
      this.editorFor = '';
      return;
    }
    const cam = s.cameras[i];
    const stats = sm?.cameras[i];
    const o = cameraOptics(s, cam, stats);
    this.editor.hidden = false;
    const key = `${cam.id}\u0000${i}`;
    if (key !== this.editorFor || s.catalog !== this.editorCatalog) {
      this.buildEditor(s, sm?.costs.currency ?? 'EUR');
      this.editorFor = key;
      this.editorCatalog = s.catalog;
    }
    // Refresh values unless the user is typing in that field.
    const active = document.activeElement;
    const idInput = /** @type {HTMLInputElement} */ (this.inputs.get('id'));
    if (active !== idInput) idInput.value = cam.id;
    const model = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ (this.inputs.get('model')));
    if (active !== model) model.value = cam.model ?? '';
    for (const f of CAMERA_FIELDS) {
      const input = /** @type {HTMLInputElement} */ (this.inputs.get(f.key));
      const wrap = /** @type {HTMLElement} */ (input.closest('.field'));
      wrap.hidden = f.shown ? !f.shown(cam, s, o) : false;
      if (wrap.hidden) continue;
      input.disabled = f.enabled ? !f.enabled(cam, s, o) : false;
      const lim = f.limits?.(cam, s, o);
      if (lim) {
        input.min = String(lim[0]);
        input.max = String(lim[1]);
      }
      const v = f.get(cam, s, o);
      if (active !== input) input.value = Number.isFinite(v) ? fmtNum(v, f.dp) : '';
      input.placeholder = f.emptyNote ?? '';
      input.classList.remove('invalid');
      const note = /** @type {HTMLElement|null} */ (this.editorBody.querySelector(`[data-note="${f.key}"]`));
      const reset = /** @type {HTMLElement|null} */ (this.editorBody.querySelector(`[data-reset="${f.key}"]`));
      if (note && f.inherited) {
        const inh = f.inherited(cam, s, o);
        note.textContent = inh ? (f.source?.(o) ?? 'from model') : (o.lens === 'fixed' && f.key === 'hfov' ? 'overrides the lens' : '');
        note.classList.toggle('override', !inh && o.lens === 'fixed' && f.key === 'hfov');
        if (reset) reset.hidden = inh || !o.model;
      } else if (note && lim && Number.isFinite(lim[1])) {
        note.textContent = `${fmtNum(lim[0], 2)}–${fmtNum(lim[1], 2)} mm`;
      }
    }
    const swatch = /** @type {HTMLElement} */ (this.editorBody.querySelector('.cam-swatch'));
    swatch.style.background = cameraColour(i);
    this.updateCameraOutputs(s, cam, o, stats, sm?.costs.currency ?? 'EUR');
  }

  /**
   * What the camera achieves, as the core computed it: its optics in effect, its floor
   * footprint and dead zone, how far each density level reaches, its price.
   * @param {Scenario} s @param {Camera} cam @param {Optics} o
   * @param {import('./scene.js').CameraStats|undefined} st @param {string} currency
   */
  updateCameraOutputs(s, cam, o, st, currency) {
    const out = (/** @type {string} */ k) => /** @type {HTMLElement} */ (this.editorBody.querySelector(`[data-out="${k}"]`));
    const m = o.model;
    const kind = out('kind');
    kind.textContent = m ? kindLabel(m.kind) : 'own values';
    kind.className = `kind-tag${m?.kind === 'ptz' ? ' ptz' : ''}`;
    const optics = [`${fmtNum(o.hfov, 1)}°`];
    if (o.vfov !== undefined) optics[0] += ` × ${fmtNum(o.vfov, 1)}°`;
    if (o.focal !== undefined) optics.push(`f ${fmtNum(o.focal, 2)} mm`);
    optics.push(`range ${fmtNum(o.range, 1)} m`);
    if (m?.resolution_px) optics.push(`${fmtNum(m.resolution_px[0], 0)} × ${fmtNum(m.resolution_px[1], 0)} px`);
    out('optics').textContent = optics.join(' · ');
    const floor = out('floor');
    if (o.mounted && o.near !== undefined && o.far !== undefined) {
      floor.textContent = `from ${fmtNum(o.near, 2)} m to ${fmtNum(o.far, 2)} m`;
      floor.title = 'Near edge: where the lens first sees the floor; far edge: where the view, tilted down, stops seeing a person-height target, or the range';
    } else {
      floor.textContent = 'flat cone: no height, so no dead zone and no far edge';
      floor.title = '';
    }
    const dead = out('dead');
    dead.textContent = st?.dead_zone_m2 !== undefined ? `${fmtArea(st.dead_zone_m2)} under the camera (blind)` : '–';
    /** @type {HTMLElement} */ (dead.parentElement).hidden = !o.mounted;
    const bands = out('bands');
    const levels = st?.levels ?? [];
    bands.replaceChildren(...(levels.length ? levels.map((l) => el('li', { 'data-level': l.name }, [
      el('span', { class: 'level-chip', text: l.name }),
      el('span', { text: l.area_m2 > 0 ? ` to ${fmtNum(l.radius_m, 1)} m · ${fmtArea(l.area_m2)}` : ' not reached' }),
    ])) : [el('li', { class: 'note', text: m ? 'No resolution in the model: no density bands' : 'No model: no density bands' })]));
    out('view-area').textContent = st ? fmtArea(st.view_area_m2) : '–';
    const price = out('price');
    if (m && (m.unit_price !== undefined || m.install_cost !== undefined)) {
      price.textContent = `${fmtMoney(m.unit_price ?? 0, currency)} + ${fmtMoney(m.install_cost ?? 0, currency)} installation`;
      if (m.example_prices) price.append(el('span', { class: 'example-tag', text: 'example prices', title: 'From the starter catalogue, not a quote' }));
    } else {
      price.textContent = m ? 'no price in the catalogue' : 'no model, no price';
    }
  }

  /** @param {Scenario} s @param {string} currency */
  buildEditor(s, currency) {
    this.inputs.clear();
    const body = this.editorBody;
    body.replaceChildren();
    const idInput = /** @type {HTMLInputElement} */ (el('input', { type: 'text', id: 'cam-id', spellcheck: 'false', autocomplete: 'off' }));
    idInput.addEventListener('change', () => {
      const v = idInput.value.trim();
      const cur = this.actions.selected();
      if (v && cur >= 0) this.actions.commitCamera(cur, { id: v }, 'Rename camera');
    });
    this.inputs.set('id', idInput);
    const model = /** @type {HTMLSelectElement} */ (el('select', { id: 'cam-model' }));
    for (const m of s.catalog) {
      const bits = [m.name, kindLabel(m.kind)];
      if (m.unit_price !== undefined) bits.push(`${fmtMoney(m.unit_price, currency)}${m.example_prices ? ' (example)' : ''}`);
      model.append(el('option', { value: m.id, text: bits.join(' · ') }));
    }
    model.append(el('option', { value: '', text: 'No model (own field of view and range)' }));
    model.addEventListener('change', () => this.onModelChange(model.value));
    this.inputs.set('model', /** @type {any} */ (model));
    const editModels = el('button', { type: 'button', class: 'link', id: 'cam-edit-models', text: 'Catalogue…', title: 'Edit the camera models, their prices and the currency' });
    editModels.addEventListener('click', () => this.actions.openCatalog(model.value || undefined));

    body.append(
      el('div', { class: 'cam-head' }, [el('span', { class: 'cam-swatch', 'aria-hidden': 'true' }),
        el('label', { for: 'cam-id', class: 'sr-only', text: 'Camera id' }), idInput, el('span', { 'data-out': 'kind' })]),
      el('div', { class: 'field wide' }, [
        el('span', { class: 'label-row' }, [el('label', { for: 'cam-model', text: 'Model' }), editModels]),
        model,
      ]),
    );
    const grid = el('div', { class: 'field-grid' });
    for (const f of CAMERA_FIELDS) {
      const id = `cam-${f.key}`;
      const input = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id, step: String(f.step), inputmode: 'decimal' }));
      if (f.min !== undefined) input.min = String(f.min);
      if (f.max !== undefined) input.max = String(f.max);
      if (f.hint) input.title = f.hint;
      input.addEventListener('change', () => this.onFieldChange(f, input));
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') input.blur(); });
      this.inputs.set(f.key, input);
      const extra = [];
      if (f.inherited || f.limits) extra.push(el('span', { class: 'field-note', 'data-note': f.key }));
      if (f.inherited) {
        const reset = el('button', { type: 'button', class: 'link', 'data-reset': f.key, text: f.resetText ?? 'use model', title: f.resetText ? 'The widest setting of the lens' : "Go back to the model's value" });
        reset.addEventListener('click', () => {
          const cur = this.actions.selected();
          if (cur >= 0 && f.reset) this.actions.commitCamera(cur, f.reset(), `Reset ${f.label.toLowerCase()}`);
        });
        extra.push(reset);
      }
      grid.append(el('div', { class: 'field', 'data-field': f.key }, [
        el('label', { for: id, text: f.label }),
        el('span', { class: 'input-unit' }, [input, el('span', { class: 'unit', text: f.unit })]),
        ...extra,
      ]));
    }
    body.append(grid);
    const row = (/** @type {string} */ label, /** @type {string} */ key) => el('div', { class: 'out-row' }, [el('dt', { text: label }), el('dd', { 'data-out': key })]);
    body.append(el('dl', { class: 'cam-out' }, [
      row('Optics in effect', 'optics'),
      row('Sees on the floor', 'floor'),
      row('Dead zone', 'dead'),
      row('Floor area seen', 'view-area'),
      el('div', { class: 'out-row' }, [el('dt', { text: 'Detail (pixel density)' }), el('dd', {}, [el('ul', { class: 'band-list', 'data-out': 'bands' })])]),
      row('Price', 'price'),
    ]));
  }

  /** @param {CameraField} f @param {HTMLInputElement} input */
  onFieldChange(f, input) {
    const i = this.actions.selected();
    const s = this.actions.scenario();
    if (i < 0 || i >= s.cameras.length) return;
    const cam = s.cameras[i];
    if (input.value.trim() === '' && f.empty) {
      input.classList.remove('invalid');
      this.actions.commitCamera(i, f.empty, `Clear ${f.label.toLowerCase()}`);
      return;
    }
    const v = Number(input.value);
    const lim = f.limits ? f.limits(cam, s, cameraOptics(s, cam, undefined)) : [f.min, f.max];
    const lo = lim[0], hi = lim[1];
    if (input.value.trim() === '' || !Number.isFinite(v) || (lo !== undefined && v < lo) || (hi !== undefined && v > hi)) {
      input.classList.add('invalid');
      const range = lo !== undefined && hi !== undefined && Number.isFinite(hi) ? ` (between ${lo} and ${hi} ${f.unit})` : '';
      this.actions.showError(`${f.label}: not a valid value`, `"${input.value}" is not a number the camera can take${range}.`);
      return;
    }
    input.classList.remove('invalid');
    // A varifocal lens takes a field of view as a focal length.
    const patch = f.key === 'hfov' && modelOf(s, cam)?.focal_range_mm ? this.actions.fovPatch(cam, v) : f.set(cam, v, s);
    this.actions.commitCamera(i, patch, `Set ${f.label.toLowerCase()}`);
  }

  /**
   * A new model brings its optics: drop the overrides it supplies, a focal length it
   * cannot take, and a height it cannot be mounted at.
   * @param {string} modelId
   */
  onModelChange(modelId) {
    const i = this.actions.selected();
    const s = this.actions.scenario();
    if (i < 0 || i >= s.cameras.length) return;
    const cam = s.cameras[i];
    const sm = this.lastStats;
    const o = cameraOptics(s, cam, sm?.cameras[i]);
    /** @type {Partial<Camera>} */
    const patch = { model: modelId || undefined };
    if (modelId === '') {
      // Without a model the camera must state its own values: keep the ones it has now.
      patch.hfov_deg = roundTo(o.hfov, 2);
      patch.range_m = roundTo(o.range, 2);
      patch.focal_mm = undefined;
      if (cam.height_m !== undefined && o.vfov !== undefined) patch.vfov_deg = roundTo(o.vfov, 2);
    } else {
      const m = s.catalog.find((mm) => mm.id === modelId);
      const was = o.model;
      if (m?.hfov_deg !== undefined || m?.focal_mm !== undefined || m?.focal_range_mm || m?.kind === 'fisheye') patch.hfov_deg = undefined;
      if (m?.range_m !== undefined) patch.range_m = undefined;
      if (m?.vfov_deg !== undefined || m?.resolution_px || m?.sensor_mm) patch.vfov_deg = undefined;
      const fr = m?.focal_range_mm;
      if (!fr || (cam.focal_mm !== undefined && (cam.focal_mm < fr[0] || cam.focal_mm > fr[1]))) patch.focal_mm = undefined;
      const fisheye = m?.kind === 'fisheye' || m?.projection === 'fisheye';
      const wasFisheye = was?.kind === 'fisheye' || was?.projection === 'fisheye';
      if (cam.height_m !== undefined) {
        if (fisheye && !wasFisheye) patch.tilt_deg = undefined; // a fisheye looks straight down
        if (!fisheye && wasFisheye && cam.tilt_deg === undefined) patch.tilt_deg = 20;
      }
    }
    this.actions.commitCamera(i, patch, 'Change model');
  }

  // ---- Camera list ----

  /** @param {Scenario} s @param {number} selected @param {Summary|null} sm */
  updateCameraList(s, selected, sm) {
    const key = s.cameras.map((c) => c.id).join('\u0000');
    this.cameraCount.textContent = String(s.cameras.length);
    if (key !== this.cameraListKey) {
      this.cameraListKey = key;
      this.cameraList.replaceChildren();
      s.cameras.forEach((c, i) => {
        const b = el('button', { type: 'button', class: 'cam-item', 'data-camera': c.id }, [
          el('span', { class: 'cam-dot', 'aria-hidden': 'true' }),
          el('span', { class: 'cam-name', text: c.id }),
          el('span', { class: 'cam-area' }),
        ]);
        /** @type {HTMLElement} */ (b.firstChild).style.background = cameraColour(i);
        b.addEventListener('click', () => this.actions.select(i, 'list'));
        this.cameraList.append(el('li', {}, [b]));
      });
    }
    const items = this.cameraList.children;
    for (let i = 0; i < items.length; i++) {
      const b = /** @type {HTMLElement} */ (items[i].firstChild);
      const on = i === selected;
      if (b.classList.contains('selected') !== on) {
        b.classList.toggle('selected', on);
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
      }
      const a = /** @type {HTMLElement} */ (b.lastChild);
      const va = sm?.cameras[i]?.view_area_m2;
      const text = va === undefined ? '' : fmtArea(va);
      if (a.textContent !== text) a.textContent = text;
    }
  }

  // ---- Tooltip ----

  /** @param {number} x @param {number} y @param {{title: string, lines: string[], kind?: string}[]} blocks */
  showTooltip(x, y, blocks) {
    const t = this.tooltip;
    if (!blocks.length) { t.hidden = true; return; }
    t.replaceChildren(...blocks.map((b) => el('div', { class: `tip-block ${b.kind ?? ''}` }, [
      el('div', { class: 'tip-title', text: b.title }), ...b.lines.map((l) => el('div', { class: 'tip-line', text: l })),
    ])));
    t.hidden = false;
    const host = /** @type {HTMLElement} */ (t.parentElement);
    const W = host.clientWidth, H = host.clientHeight;
    const w = t.offsetWidth, h = t.offsetHeight;
    let left = x + 16, top = y + 16;
    if (left + w > W - 8) left = x - w - 16;
    if (top + h > H - 8) top = y - h - 16;
    t.style.left = `${Math.max(8, left)}px`;
    t.style.top = `${Math.max(8, top)}px`;
  }

  hideTooltip() {
    this.tooltip.hidden = true;
  }
}

/** The legend under the plan, with swatches drawn by the renderer's own strokes. @param {HTMLElement} host */
export function buildLegend(host) {
  const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
  /** @type {[string, string][][]} */
  const groups = [
    [['camera', 'Camera'], ['view', 'Camera view (own colour)'], ['bands', 'Detail rings: identify · recognise · observe'],
      ['blind', 'Blind spot'], ['dead', 'Dead zone under a camera (blind)'], ['multi', 'Seen by 2+ cameras']],
    [['exterior', 'Exterior opening (way in)'], ['wall', 'Wall'], ['door', 'Door, closed'], ['door-open', 'Door, open'],
      ['window', 'Window'], ['glass', 'Glass'], ['railing', 'Railing']],
    [['room', 'Room'], ['room-high', 'Room, high priority'], ['asset', 'Asset (display case)'], ['exterior-zone', 'Exterior zone']],
  ];
  host.replaceChildren();
  for (const g of groups) {
    const ul = el('ul', { class: 'legend-group' });
    for (const [kind, label] of g) {
      const c = /** @type {HTMLCanvasElement} */ (el('canvas', { 'aria-hidden': 'true', class: 'swatch' }));
      const w = 34, h = 18;
      c.width = w * dpr;
      c.height = h * dpr;
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
      const ctx = c.getContext('2d');
      if (ctx) drawSwatch(ctx, kind, w, h, dpr);
      ul.append(el('li', { 'data-legend': kind }, [c, el('span', { text: label })]));
    }
    host.append(ul);
  }
}
