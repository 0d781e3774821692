// @ts-check
/**
 * The selected camera's panel: its id and model, the fields (each with the core's limits,
 * where its value comes from, and what an empty value means), and what the camera
 * achieves as the core computed it. A model change is the core's (`refitCamera`).
 */

import { el, $ } from './dom.js';
import { fmtArea, fmtNum, fmtMoney } from '../format.js';
import { cameraColour } from '../palette.js';
import { cameraOptics, kindLabel } from '../model/optics.js';
import { normDeg, roundTo } from '../model/scenario.js';
import { bearingOf, headingOf } from '../model/compass.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../model/scenario.js').CameraModel} CameraModel */
/** @typedef {import('../core/types.js').Summary} Summary */

/** A model as the model lists show it: name, kind and price. @param {CameraModel} m @param {string} currency */
export function modelOptionText(m, currency) {
  const bits = [m.name, kindLabel(m.kind)];
  if (m.unit_price !== undefined) bits.push(`${fmtMoney(m.unit_price, currency)}${m.example_prices ? ' (example)' : ''}`);
  return bits.join(' · ');
}

/**
 * A field of the camera editor: label, unit, step, limits, how to read it from the camera
 * and its optics in effect (`o`, from the core), and the patch an entered value makes.
 * `inherited` says the value comes from the model (or lens), and `reset` goes back to it;
 * `shown` hides a field that does not apply; `empty` is the patch for an empty field
 * (where empty means something, e.g. no mounting height).
 * @typedef {{key: string, label: string, unit: string, step: number, min?: number, minExclusive?: boolean, max?: number, dp: number,
 *   get: (c: Camera, s: Scenario, o: Optics) => number, set: (c: Camera, v: number, s: Scenario) => Partial<Camera>,
 *   inherited?: (c: Camera, s: Scenario, o: Optics) => boolean, reset?: () => Partial<Camera>, resetText?: string, source?: (o: Optics) => string,
 *   shown?: (c: Camera, s: Scenario, o: Optics) => boolean, enabled?: (c: Camera, s: Scenario, o: Optics) => boolean,
 *   limits?: (c: Camera, s: Scenario, o: Optics) => [number, number], empty?: Partial<Camera>, emptyNote?: string, hint?: string}} CameraField
 * @typedef {import('../model/optics.js').Optics} Optics
 */

/**
 * The fields, with the core's bounds (`Scene.limits()`): a bound's exclusive minimum
 * refuses the minimum itself.
 * @param {import('../core/types.js').Limits} limits @returns {CameraField[]}
 */
export function cameraFields(limits) {
  const L = limits.camera;
  /** @param {import('../core/types.js').Bound} b */
  const bound = (b) => ({ min: b.min, minExclusive: !b.min_inclusive, max: b.max });
  return [
  { key: 'x', label: 'East (x)', unit: 'm', step: 0.1, dp: 2, get: (c) => c.position[0], set: (c, v) => ({ position: [v, c.position[1]] }) },
  { key: 'y', label: 'North (y)', unit: 'm', step: 0.1, dp: 2, get: (c) => c.position[1], set: (c, v) => ({ position: [c.position[0], v] }) },
  // Shown as a compass bearing (clockwise from north); the file keeps its heading.
  {
    key: 'heading', label: 'Bearing', unit: '° from N', step: 1, dp: 1, get: (c) => roundTo(bearingOf(c.heading_deg), 1),
    set: (_c, v) => ({ heading_deg: roundTo(normDeg(headingOf(v))) }), hint: 'Degrees clockwise from north (up on the plan): 0 north, 90 east, 180 south, 270 west',
  },
  {
    key: 'height', label: 'Mounting height', unit: 'm', step: 0.1, ...bound(L.height_m), dp: 2,
    get: (c) => c.height_m ?? NaN, set: (_c, v) => ({ height_m: v }),
    empty: { height_m: undefined, tilt_deg: undefined }, emptyNote: 'flat cone (no height)',
    hint: 'Empty: a flat cone, with no dead zone and no far edge',
  },
  {
    key: 'tilt', label: 'Tilt (down)', unit: '°', step: 1, ...bound(L.tilt_deg), dp: 1,
    get: (_c, _s, o) => (o.mounted ? o.tilt : NaN), set: (_c, v) => ({ tilt_deg: v }),
    enabled: (c) => c.height_m !== undefined, emptyNote: 'needs a height', hint: 'Degrees below the horizontal; also the ; and \' keys, or drag the ⇕ handle',
  },
  {
    key: 'focal', label: 'Focal length', unit: 'mm', step: 0.1, dp: 2,
    get: (_c, _s, o) => o.focal ?? NaN, set: (_c, v) => ({ focal_mm: v, hfov_deg: undefined }),
    shown: (_c, _s, o) => o.lens === 'varifocal',
    limits: (_c, _s, o) => o.focalRange ?? [0, Infinity],
    inherited: (c) => c.focal_mm === undefined, reset: () => ({ focal_mm: undefined }), resetText: 'widest', source: () => 'widest',
  },
  {
    key: 'hfov', label: 'Field of view', unit: '°', step: 1, ...bound(L.hfov_deg), dp: 1,
    get: (_c, _s, o) => o.hfov, set: (_c, v) => ({ hfov_deg: v }),
    inherited: (c, _s, o) => c.hfov_deg === undefined && !!o.model, reset: () => ({ hfov_deg: undefined }),
    source: (o) => (o.lens === 'free' ? 'from model' : 'from lens'),
  },
  {
    key: 'range', label: 'Range', unit: 'm', step: 0.5, ...bound(L.range_m), dp: 2,
    get: (_c, _s, o) => o.range, set: (_c, v) => ({ range_m: v }),
    inherited: (c, _s, o) => c.range_m === undefined && !!o.model, reset: () => ({ range_m: undefined }), source: () => 'from model',
  },
  ];
}

/**
 * @typedef {{
 *   commitCamera: (i: number, patch: Partial<Camera>, label: string, coalesce?: string) => void,
 *   changeModel: (i: number, modelId: string) => void,
 *   fovPatch: (cam: Camera, hfov: number) => Partial<Camera>,
 *   openCatalog: (modelId?: string) => void,
 *   showError: (title: string, message: string) => void,
 *   selected: () => number, scenario: () => Scenario,
 *   mountAt: (x: number, y: number) => import('../core/types.js').MountAt,
 * }} EditorActions
 */

/** A camera's use in words. @type {Record<string, string>} */
const USE_TEXT = { live: 'watched live', analytics: 'live, with video analytics', recording: 'recording only' };

export class CameraEditor {
  /** @param {EditorActions} actions @param {import('../core/types.js').Limits} limits */
  constructor(actions, limits) {
    this.actions = actions;
    this.fields = cameraFields(limits);
    /** The core's rules of the models, from the last update. @type {import('../model/optics.js').ModelRuleMap} */
    this.rules = new Map();
    this.editor = $('camera-editor');
    this.editorBody = $('camera-editor-body');
    /** @type {Map<string, HTMLInputElement>} */
    this.inputs = new Map();
    this.editorFor = '';
    /** @type {CameraModel[]|null} */
    this.editorCatalog = null;
    /** @type {Summary|null} */
    this.lastStats = null;
  }

  /** What holds the camera, as the core finds it at its position. @param {Camera} cam */
  showMount(cam) {
    let line = /** @type {HTMLElement|null} */ (this.editorBody.querySelector('.cam-mount'));
    if (!line) {
      line = el('p', { class: 'cam-mount note', 'aria-live': 'polite' });
      this.editorBody.prepend(line);
    }
    let m;
    try {
      m = this.actions.mountAt(cam.position[0], cam.position[1]);
    } catch {
      line.textContent = '';
      return;
    }
    line.dataset.mount = m.mount ?? 'none';
    line.classList.toggle('alert', !m.mount);
    line.textContent = m.mount === 'wall' ? `Mount: on wall ${m.wall}${m.distance_m && m.distance_m > 0.005 ? ` (bracket, ${fmtNum(m.distance_m, 2)} m out)` : ''}`
      : m.mount === 'ceiling' ? `Mount: from the ceiling of ${m.zone}`
        : m.mount === 'pole' ? `Mount: on pole ${m.pole}`
          : 'Mount: nothing here can hold a camera (no solid wall within reach, no pole site, no room\u2019s ceiling)';
  }

  /** @param {Scenario} s @param {number} i @param {Summary|null} sm @param {import('../model/optics.js').ModelRuleMap} rules */
  update(s, i, sm, rules) {
    this.lastStats = sm;
    this.rules = rules;
    if (i < 0 || i >= s.cameras.length) {
      this.editor.hidden = true;
      this.editorFor = '';
      return;
    }
    const cam = s.cameras[i];
    const stats = sm?.cameras[i];
    const o = cameraOptics(s, cam, stats, rules);
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
    const use = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ (this.inputs.get('use')));
    if (active !== use) use.value = cam.use ?? '';
    for (const f of this.fields) {
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
    this.showMount(cam);
    const swatch = /** @type {HTMLElement} */ (this.editorBody.querySelector('.cam-swatch'));
    swatch.style.background = cameraColour(i);
    this.updateCameraOutputs(s, cam, o, stats, sm?.costs.currency ?? 'EUR');
  }

  /**
   * What the camera achieves, as the core computed it: its optics in effect, its floor
   * footprint and dead zone, how far each density level reaches, its price.
   * @param {Scenario} s @param {Camera} cam @param {Optics} o
   * @param {import('../core/types.js').CameraStats|undefined} st @param {string} currency
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
    for (const m of s.catalog) model.append(el('option', { value: m.id, text: modelOptionText(m, currency) }));
    model.append(el('option', { value: '', text: 'No model (own field of view and range)' }));
    model.addEventListener('change', () => this.onModelChange(model.value));
    this.inputs.set('model', /** @type {any} */ (model));
    // How the camera is used decides what it detects in time (docs/security.md, EASI):
    // recording only detects nothing, the Louvre's lesson.
    const planUse = s.settings?.camera_use ?? 'live';
    const use = /** @type {HTMLSelectElement} */ (el('select', { id: 'cam-use', title: 'How its pictures are used: this sets what it detects in time on a route (P(I))' }));
    for (const [v, t] of /** @type {[string, string][]} */ ([['', `as the plan says (${USE_TEXT[planUse] ?? planUse})`],
      ['live', USE_TEXT.live], ['analytics', USE_TEXT.analytics], ['recording', USE_TEXT.recording]])) use.append(el('option', { value: v, text: t }));
    use.addEventListener('change', () => {
      const cur = this.actions.selected();
      if (cur >= 0) this.actions.commitCamera(cur, { use: use.value ? /** @type {import('../core/types.js').CameraObject['use']} */ (use.value) : undefined }, 'Change how the camera is used');
    });
    this.inputs.set('use', /** @type {any} */ (use));
    const editModels = el('button', { type: 'button', class: 'link', id: 'cam-edit-models', text: 'Catalogue…', title: 'Edit the camera models, their prices and the currency' });
    editModels.addEventListener('click', () => this.actions.openCatalog(model.value || undefined));

    body.append(
      el('div', { class: 'cam-head' }, [el('span', { class: 'cam-swatch', 'aria-hidden': 'true' }),
        el('label', { for: 'cam-id', class: 'sr-only', text: 'Camera id' }), idInput, el('span', { 'data-out': 'kind' })]),
      el('div', { class: 'field wide' }, [
        el('span', { class: 'label-row' }, [el('label', { for: 'cam-model', text: 'Model' }), editModels]),
        model,
      ]),
      el('div', { class: 'field wide' }, [el('label', { for: 'cam-use', text: 'Watched' }), use]),
    );
    const grid = el('div', { class: 'field-grid' });
    for (const f of this.fields) {
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
    const lim = f.limits ? f.limits(cam, s, cameraOptics(s, cam, undefined, this.rules)) : [f.min, f.max];
    const lo = lim[0], hi = lim[1];
    const low = lo === undefined ? true : f.minExclusive ? v > lo : v >= lo;
    if (input.value.trim() === '' || !Number.isFinite(v) || !low || (hi !== undefined && v > hi)) {
      input.classList.add('invalid');
      const range = lo !== undefined && hi !== undefined && Number.isFinite(hi) ? ` (${f.minExclusive ? 'more than' : 'between'} ${lo} and ${f.minExclusive ? 'at most ' : ''}${hi} ${f.unit})` : '';
      this.actions.showError(`${f.label}: not a valid value`, `"${input.value}" is not a number the camera can take${range}.`);
      return;
    }
    input.classList.remove('invalid');
    // A varifocal lens takes a field of view as a focal length.
    const patch = f.key === 'hfov' && cameraOptics(s, cam, undefined, this.rules).lens === 'varifocal' ? this.actions.fovPatch(cam, v) : f.set(cam, v, s);
    this.actions.commitCamera(i, patch, `Set ${f.label.toLowerCase()}`);
  }

  /** A new model brings its optics: the core decides what the camera keeps (`refitCamera`). @param {string} modelId '' for none */
  onModelChange(modelId) {
    const i = this.actions.selected();
    if (i >= 0) this.actions.changeModel(i, modelId);
  }
}
