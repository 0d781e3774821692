// @ts-check
/**
 * The side panel: coverage figures, per-zone bars, the largest blind spots, the camera
 * editor and the camera list; plus the legend and the hover tooltip. Everything is built
 * with DOM calls and textContent: text from files never goes through innerHTML.
 */

import { fmt1, fmtArea, fmtPct, pctText, fmtNum } from './format.js';
import { effectiveSpec, normDeg, roundTo } from './state.js';
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
 * A field of the camera editor. Issue 4's height, tilt and model resolution join here.
 * @typedef {{key: string, label: string, unit: string, step: number, min?: number, max?: number, dp: number,
 *   get: (c: Camera, s: Scenario) => number, set: (c: Camera, v: number, s: Scenario) => Partial<Camera>,
 *   inherited?: (c: Camera, s: Scenario) => boolean, reset?: () => Partial<Camera>}} CameraField
 */

/** @type {CameraField[]} */
export const CAMERA_FIELDS = [
  { key: 'x', label: 'East (x)', unit: 'm', step: 0.1, dp: 2, get: (c) => c.position[0], set: (c, v) => ({ position: [v, c.position[1]] }) },
  { key: 'y', label: 'North (y)', unit: 'm', step: 0.1, dp: 2, get: (c) => c.position[1], set: (c, v) => ({ position: [c.position[0], v] }) },
  { key: 'heading', label: 'Heading', unit: '°', step: 1, dp: 1, get: (c) => c.heading_deg, set: (_c, v) => ({ heading_deg: roundTo(normDeg(v)) }) },
  {
    key: 'hfov', label: 'Field of view', unit: '°', step: 1, min: 0.1, max: 360, dp: 1,
    get: (c, s) => effectiveSpec(s, c).hfov, set: (_c, v) => ({ hfov_deg: v }),
    inherited: (c, s) => c.hfov_deg === undefined && !!effectiveSpec(s, c).model, reset: () => ({ hfov_deg: undefined }),
  },
  {
    key: 'range', label: 'Range', unit: 'm', step: 0.5, min: 0.1, max: 100000, dp: 2,
    get: (c, s) => effectiveSpec(s, c).range, set: (_c, v) => ({ range_m: v }),
    inherited: (c, s) => c.range_m === undefined && !!effectiveSpec(s, c).model, reset: () => ({ range_m: undefined }),
  },
];

/**
 * @typedef {{
 *   commitCamera: (i: number, patch: Partial<Camera>, label: string, coalesce?: string) => void,
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
      alert: $('stat-alert'),
    };
    this.alertKey = '';
    this.zoneList = $('zone-list');
    this.blindList = $('blind-list');
    this.blindNote = $('blind-note');
    this.editor = $('camera-editor');
    this.editorBody = $('camera-editor-body');
    this.cameraList = $('camera-list');
    this.cameraCount = $('camera-count');
    this.tooltip = $('tooltip');
    /** @type {Map<string, {row: HTMLElement, bar: HTMLElement, pct: HTMLElement, area: HTMLElement, sig: string}>} */
    this.zoneRows = new Map();
    this.zoneKey = '';
    /** @type {Map<string, HTMLInputElement>} */
    this.inputs = new Map();
    this.editorFor = '';
    /** @type {any} */
    this.editorCatalog = null;
    this.cameraListKey = '';
  }

  // ---- Stats ----

  /** @param {Summary} sm @param {number} cameraCount @param {boolean} live */
  updateStats(sm, cameraCount, live) {
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
    this.updateAlert(sm);
    this.updateZones(sm);
  }

  /** Names the high-priority zones (priority 4 and up) that are less than half covered. @param {Summary} sm */
  updateAlert(sm) {
    const weak = sm.zones.filter((z) => z.priority >= 4 && z.coverage < 0.5)
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

  /** @param {Summary} sm */
  updateZones(sm) {
    const key = sm.zones.map((z) => `${z.id}\u0000${z.name}\u0000${z.priority}`).join('\u0001');
    if (key !== this.zoneKey) {
      this.zoneKey = key;
      this.zoneRows.clear();
      this.zoneList.replaceChildren();
      const zones = sm.zones.slice().sort((a, b) => (b.priority - a.priority) || a.name.localeCompare(b.name));
      for (const z of zones) {
        const bar = el('span', { class: 'bar-fill' });
        const pct = el('span', { class: 'zone-pct' });
        const area = el('span', { class: 'zone-area' });
        const row = el('li', { class: `zone-row kind-${z.kind}`, tabindex: '0', 'data-zone': z.id }, [
          el('span', { class: 'zone-name' }, [
            el('span', { class: `kind-chip kind-${z.kind}`, text: z.kind }),
            el('span', { class: 'zone-title', text: z.name }),
            el('span', { class: 'zone-prio', text: `P${fmtNum(z.priority, 1)}`, title: 'Priority weight' }),
          ]),
          el('span', { class: 'bar', 'aria-hidden': 'true' }, [bar]),
          pct, area,
        ]);
        row.addEventListener('click', () => this.actions.zoomToZone(z.id));
        row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.actions.zoomToZone(z.id); } });
        row.addEventListener('pointerenter', () => this.actions.highlightZone(z.id));
        row.addEventListener('pointerleave', () => this.actions.highlightZone(null));
        this.zoneRows.set(z.id, { row, bar, pct, area, sig: '' });
        this.zoneList.append(row);
      }
    }
    for (const z of sm.zones) {
      const r = this.zoneRows.get(z.id);
      if (!r) continue;
      // Touch only rows whose figures changed: a drag changes a few zones, not hundreds.
      const sig = `${z.coverage}|${z.covered_area_m2}|${z.area_m2}`;
      if (r.sig === sig) continue;
      r.sig = sig;
      r.bar.style.width = `${Math.max(0, Math.min(100, z.coverage * 100))}%`;
      r.pct.textContent = fmtPct(z.coverage);
      r.pct.dataset.value = String(z.coverage);
      r.area.textContent = `${fmt1(z.covered_area_m2)} / ${fmtArea(z.area_m2)}`;
      r.row.classList.toggle('weak', z.coverage < 0.5);
    }
  }

  // ---- Blind spots ----

  /** @param {Report|null} report @param {Scenario} s @param {boolean} stale */
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
    if (i < 0 || i >= s.cameras.length) {
      this.editor.hidden = true;
      this.editorFor = '';
      return;
    }
    const cam = s.cameras[i];
    this.editor.hidden = false;
    const key = `${cam.id}\u0000${i}`;
    if (key !== this.editorFor || s.catalog !== this.editorCatalog) {
      this.buildEditor(s);
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
      const v = f.get(cam, s);
      if (active !== input) input.value = fmtNum(v, f.dp);
      input.classList.remove('invalid');
      const reset = /** @type {HTMLElement} */ (this.editorBody.querySelector(`[data-reset="${f.key}"]`));
      if (reset && f.inherited) {
        const spec = effectiveSpec(s, cam);
        const inh = f.inherited(cam, s);
        reset.hidden = inh || !spec.model;
        const note = /** @type {HTMLElement} */ (this.editorBody.querySelector(`[data-note="${f.key}"]`));
        note.textContent = inh ? 'from model' : '';
      }
    }
    const swatch = /** @type {HTMLElement} */ (this.editorBody.querySelector('.cam-swatch'));
    swatch.style.background = cameraColour(i);
    const area = /** @type {HTMLElement} */ (this.editorBody.querySelector('[data-out="view-area"]'));
    const va = sm?.cameras[i]?.view_area_m2;
    area.textContent = va === undefined ? '–' : fmtArea(va);
  }

  /** @param {Scenario} s */
  buildEditor(s) {
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
    model.append(el('option', { value: '', text: 'No model (own values)' }));
    for (const m of s.catalog) {
      const bits = [m.name];
      if (m.hfov_deg !== undefined) bits.push(`${fmtNum(m.hfov_deg, 1)}°`);
      if (m.range_m !== undefined) bits.push(`${fmtNum(m.range_m, 1)} m`);
      model.append(el('option', { value: m.id, text: bits.join(' · ') }));
    }
    model.addEventListener('change', () => this.onModelChange(model.value));
    this.inputs.set('model', /** @type {any} */ (model));

    body.append(
      el('div', { class: 'cam-head' }, [el('span', { class: 'cam-swatch', 'aria-hidden': 'true' }),
        el('label', { for: 'cam-id', class: 'sr-only', text: 'Camera id' }), idInput]),
      el('div', { class: 'field wide' }, [el('label', { for: 'cam-model', text: 'Model' }), model]),
    );
    const grid = el('div', { class: 'field-grid' });
    for (const f of CAMERA_FIELDS) {
      const id = `cam-${f.key}`;
      const input = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id, step: String(f.step), inputmode: 'decimal' }));
      if (f.min !== undefined) input.min = String(f.min);
      if (f.max !== undefined) input.max = String(f.max);
      input.addEventListener('change', () => this.onFieldChange(f, input));
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') input.blur(); });
      this.inputs.set(f.key, input);
      const extra = [];
      if (f.inherited) {
        extra.push(el('span', { class: 'field-note', 'data-note': f.key }));
        const reset = el('button', { type: 'button', class: 'link', 'data-reset': f.key, text: 'use model', title: "Go back to the model's value" });
        reset.addEventListener('click', () => {
          const cur = this.actions.selected();
          if (cur >= 0 && f.reset) this.actions.commitCamera(cur, f.reset(), `Reset ${f.label.toLowerCase()}`);
        });
        extra.push(reset);
      }
      grid.append(el('div', { class: 'field' }, [
        el('label', { for: id, text: f.label }),
        el('span', { class: 'input-unit' }, [input, el('span', { class: 'unit', text: f.unit })]),
        ...extra,
      ]));
    }
    body.append(grid);
    body.append(el('div', { class: 'cam-out' }, [el('span', { text: 'Sees ' }), el('strong', { 'data-out': 'view-area' }), el('span', { text: ' of floor' })]));
  }

  /** @param {CameraField} f @param {HTMLInputElement} input */
  onFieldChange(f, input) {
    const i = this.actions.selected();
    const s = this.actions.scenario();
    if (i < 0 || i >= s.cameras.length) return;
    const v = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(v) || (f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max)) {
      input.classList.add('invalid');
      const lim = f.min !== undefined ? ` (between ${f.min} and ${f.max} ${f.unit})` : '';
      this.actions.showError(`${f.label}: not a valid value`, `"${input.value}" is not a number the camera can take${lim}.`);
      return;
    }
    input.classList.remove('invalid');
    this.actions.commitCamera(i, f.set(s.cameras[i], v, s), `Set ${f.label.toLowerCase()}`);
  }

  /** @param {string} modelId */
  onModelChange(modelId) {
    const i = this.actions.selected();
    const s = this.actions.scenario();
    if (i < 0 || i >= s.cameras.length) return;
    const cam = s.cameras[i];
    if (modelId === '') {
      // Without a model the camera must state its own values: keep the ones it has now.
      const spec = effectiveSpec(s, cam);
      this.actions.commitCamera(i, { model: undefined, hfov_deg: spec.hfov, range_m: spec.range }, 'Change model');
    } else {
      // A new model brings its lens: drop overrides the model supplies.
      const m = s.catalog.find((mm) => mm.id === modelId);
      /** @type {Partial<Camera>} */
      const patch = { model: modelId };
      if (m?.hfov_deg !== undefined) patch.hfov_deg = undefined;
      if (m?.range_m !== undefined) patch.range_m = undefined;
      this.actions.commitCamera(i, patch, 'Change model');
    }
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
    [['camera', 'Camera'], ['view', 'Camera view (own colour)'], ['blind', 'Blind spot'], ['multi', 'Seen by 2+ cameras']],
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
