// @ts-check
/**
 * The catalogue editor: the scenario's camera models (add from the starter catalogue,
 * edit, delete the unused ones) and the settings that go with them (currency, target
 * height). Every change is one undoable edit that reloads the scene; the core validates
 * it, and a refusal shows the core's message here and changes nothing.
 */

import { allLayoutCameras, withEveryLayoutCameras } from '../model/layouts.js';
import { el, $, button } from '../panels/dom.js';
import { fmtMoney, fmtNum } from '../format.js';
import { freshModelId, withCatalog, withSettings } from '../model/scenario.js';
import { kindLabel } from '../model/optics.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').CameraModel} CameraModel */
/** @typedef {import('../model/scenario.js').Camera} Camera */

/**
 * @typedef {{
 *   scenario: () => Scenario,
 *   commit: (next: Scenario, label: string, onError: (message: string) => void) => boolean,
 *   undo: () => void, redo: () => void, canUndo: () => boolean, canRedo: () => boolean,
 *   starter: () => CameraModel[],
 *   summary: () => import('../core/types.js').Summary,
 * }} CatalogActions
 */

const KINDS = ['dome', 'bullet', 'varifocal', 'panoramic', 'fisheye', 'ptz'];

/** How a model's field of view is given. @param {CameraModel} m @returns {'fixed'|'varifocal'|'fov'} */
function lensMode(m) {
  if (m.focal_range_mm) return 'varifocal';
  if (m.focal_mm !== undefined) return 'fixed';
  return 'fov';
}

/** A short description of the lens. @param {CameraModel} m */
function lensText(m) {
  if (m.focal_range_mm) return `${fmtNum(m.focal_range_mm[0], 2)}–${fmtNum(m.focal_range_mm[1], 2)} mm`;
  if (m.focal_mm !== undefined) return `${fmtNum(m.focal_mm, 2)} mm`;
  if (m.hfov_deg !== undefined) return `${fmtNum(m.hfov_deg, 1)}°`;
  return '–';
}

export class CatalogEditor {
  /** @param {HTMLDialogElement} dialog @param {CatalogActions} actions */
  constructor(dialog, actions) {
    this.dialog = dialog;
    this.actions = actions;
    this.rows = $('cat-rows');
    this.form = /** @type {HTMLFormElement} */ ($('cat-form'));
    this.error = $('cat-error');
    this.currency = /** @type {HTMLInputElement} */ ($('cat-currency'));
    this.target = /** @type {HTMLInputElement} */ ($('cat-target'));
    this.starterSelect = /** @type {HTMLSelectElement} */ ($('cat-starter'));
    /** @type {string|null} the model shown in the form */
    this.selectedId = null;
    /** @type {CameraModel[]|null} */
    this.starterModels = null;
    /** @type {CameraModel[]|null} the catalogue the form was built for */
    this.builtFor = null;

    $('cat-close').addEventListener('click', () => dialog.close());
    $('cat-undo').addEventListener('click', () => this.actions.undo());
    $('cat-redo').addEventListener('click', () => this.actions.redo());
    $('cat-add-starter').addEventListener('click', () => this.addStarter());
    $('cat-add-blank').addEventListener('click', () => this.addBlank());
    this.form.addEventListener('submit', (e) => e.preventDefault());
    this.currency.addEventListener('change', () => this.setSetting('currency', this.currency.value.trim(), 'Change currency', this.currency));
    this.target.addEventListener('change', () => {
      const v = this.target.value.trim() === '' ? NaN : Number(this.target.value);
      this.setSetting('target_height_m', v, 'Change target height', this.target);
    });
    dialog.addEventListener('keydown', (e) => {
      const t = /** @type {HTMLElement} */ (e.target);
      if (e.key === 'Enter' && t.tagName === 'INPUT' && /** @type {HTMLInputElement} */ (t).type !== 'checkbox') {
        // Enter commits the field (as leaving it does), and never submits or closes.
        e.preventDefault();
        t.blur();
        return;
      }
      const typing = t.tagName === 'INPUT' && /** @type {HTMLInputElement} */ (t).type === 'text';
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        if (e.shiftKey) this.actions.redo(); else this.actions.undo();
      } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y' && !typing) {
        e.preventDefault();
        this.actions.redo();
      }
    });
  }

  get isOpen() {
    return this.dialog.open;
  }

  /** @param {string} [modelId] the model to show first */
  open(modelId) {
    const s = this.actions.scenario();
    this.selectedId = modelId && s.catalog.some((m) => m.id === modelId) ? modelId : (this.selectedId ?? s.catalog[0]?.id ?? null);
    this.hideError();
    this.builtFor = null;
    this.refresh();
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Brings the dialog up to date with the scenario (after an edit, an undo or a redo). */
  refresh() {
    const s = this.actions.scenario();
    if (this.selectedId !== null && !s.catalog.some((m) => m.id === this.selectedId)) this.selectedId = s.catalog[0]?.id ?? null;
    const settings = s.settings ?? {};
    if (document.activeElement !== this.currency) this.currency.value = settings.currency ?? 'EUR';
    if (document.activeElement !== this.target) this.target.value = String(settings.target_height_m ?? 1.6);
    this.currency.classList.remove('invalid');
    this.target.classList.remove('invalid');
    this.renderRows(s);
    if (this.builtFor !== s.catalog) this.renderForm(s);
    this.renderStarter(s);
    button('cat-undo').disabled = !this.actions.canUndo();
    button('cat-redo').disabled = !this.actions.canRedo();
  }

  /** @param {string} message */
  showError(message) {
    this.error.replaceChildren(el('strong', { text: 'Not changed: ' }), message);
    this.error.hidden = false;
  }

  hideError() {
    this.error.hidden = true;
  }

  /**
   * Commits a change; on refusal shows the core's message and marks `input`.
   * @param {Scenario} next @param {string} label @param {HTMLElement|null} input
   */
  apply(next, label, input) {
    const ok = this.actions.commit(next, label, (msg) => {
      this.showError(msg);
      input?.classList.add('invalid');
    });
    if (ok) {
      this.hideError();
      input?.classList.remove('invalid');
    }
    return ok;
  }

  /** @param {'currency'|'target_height_m'} key @param {string|number} value @param {string} label @param {HTMLInputElement} input */
  setSetting(key, value, label, input) {
    const s = this.actions.scenario();
    this.apply(withSettings(s, { ...(s.settings ?? {}), [key]: value }), label, input);
  }

  /** @param {Scenario} s */
  usage(s) {
    /** @type {Map<string, number>} */
    const used = new Map();
    // Every layout counts: a model used only by an option cannot be deleted either.
    for (const c of allLayoutCameras(s)) if (c.model) used.set(c.model, (used.get(c.model) ?? 0) + 1);
    return used;
  }

  /** @param {Scenario} s */
  renderRows(s) {
    const used = this.usage(s);
    const currency = s.settings?.currency ?? 'EUR';
    const rows = s.catalog.map((m) => {
      const n = used.get(m.id) ?? 0;
      const price = m.unit_price !== undefined || m.install_cost !== undefined
        ? `${fmtMoney(m.unit_price ?? 0, currency)} + ${fmtMoney(m.install_cost ?? 0, currency)}` : 'no price';
      const del = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', class: 'link danger', text: 'Delete', 'data-delete': m.id }));
      del.disabled = n > 0;
      del.title = n > 0 ? `Used by ${n} camera${n === 1 ? '' : 's'}: give them another model first` : `Delete ${m.name}`;
      del.addEventListener('click', (e) => { e.stopPropagation(); this.remove(m.id); });
      const tr = el('tr', { 'data-model': m.id, tabindex: '0', class: m.id === this.selectedId ? 'selected' : '' }, [
        el('td', { class: 'cat-name' }, [el('span', { text: m.name }), el('span', { class: 'cat-id', text: m.id })]),
        el('td', { text: kindLabel(m.kind) }),
        el('td', { text: lensText(m) }),
        el('td', {}, [el('span', { text: price }), m.example_prices ? el('span', { class: 'example-tag', text: 'example' }) : null]),
        el('td', { class: 'cat-used' }, [el('span', { text: String(n) }), del]),
      ]);
      tr.addEventListener('click', () => this.select(m.id));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.select(m.id); } });
      return tr;
    });
    if (!rows.length) rows.push(el('tr', {}, [el('td', { colspan: '5', class: 'note', text: 'No models yet: add one from the starter catalogue.' })]));
    this.rows.replaceChildren(...rows);
  }

  /** @param {string} id */
  select(id) {
    this.selectedId = id;
    this.builtFor = null;
    this.hideError();
    this.refresh();
  }

  /** @param {Scenario} s */
  renderStarter(s) {
    if (!this.starterModels) {
      try {
        this.starterModels = this.actions.starter();
      } catch (e) {
        // Shown, never silently empty: the dialog still edits the plan's own models.
        this.starterModels = [];
        this.showError(`the starter catalogue could not be read: ${e instanceof Error ? e.message : e}`);
      }
    }
    const have = new Set(s.catalog.map((m) => m.id));
    const keep = this.starterSelect.value;
    this.starterSelect.replaceChildren(...this.starterModels.map((m) => el('option', {
      value: m.id, text: `${m.name} · ${kindLabel(m.kind)} · ${fmtMoney(m.unit_price ?? 0, 'EUR')} (example)${have.has(m.id) ? ' · in the plan' : ''}`,
    })));
    if (keep) this.starterSelect.value = keep;
  }

  addStarter() {
    const s = this.actions.scenario();
    const m = this.starterModels?.find((x) => x.id === this.starterSelect.value);
    if (!m) return;
    const copy = { ...m, id: freshModelId(s, m.id) };
    if (this.apply(withCatalog(s, [...s.catalog, copy]), `Add model ${copy.name}`, null)) this.select(copy.id);
  }

  addBlank() {
    const s = this.actions.scenario();
    /** @type {CameraModel} */
    const m = { id: freshModelId(s, 'model'), name: 'New model', kind: 'dome', resolution_px: [1920, 1080], hfov_deg: 90, range_m: 20 };
    if (this.apply(withCatalog(s, [...s.catalog, m]), 'Add a blank model', null)) this.select(m.id);
  }

  /** @param {string} id */
  remove(id) {
    const s = this.actions.scenario();
    const m = s.catalog.find((x) => x.id === id);
    if (!m) return;
    this.apply(withCatalog(s, s.catalog.filter((x) => x.id !== id)), `Delete model ${m.name}`, null);
  }

  /**
   * Replaces the selected model with `next` (and, when given, the cameras that use it).
   * @param {CameraModel} next @param {string} label @param {HTMLElement|null} input
   * @param {((c: Camera) => Camera)|null} [fixCamera]
   */
  update(next, label, input, fixCamera = null) {
    const s = this.actions.scenario();
    const i = s.catalog.findIndex((x) => x.id === next.id);
    if (i < 0) return;
    const catalog = s.catalog.slice();
    catalog[i] = next;
    let out = withCatalog(s, catalog);
    if (fixCamera) out = withEveryLayoutCameras(out, (c) => (c.model === next.id ? fixCamera(c) : c));
    this.apply(out, label, input);
  }

  /** The form for the selected model. @param {Scenario} s */
  renderForm(s) {
    this.builtFor = s.catalog;
    // Keep the focus where it was (the next field, after Tab committed the last one).
    const focusId = this.form.contains(document.activeElement) ? document.activeElement?.id : null;
    this.buildForm(s);
    if (focusId) document.getElementById(focusId)?.focus();
  }

  /** @param {Scenario} s */
  buildForm(s) {
    const m = s.catalog.find((x) => x.id === this.selectedId);
    if (!m) {
      this.form.replaceChildren(el('p', { class: 'note', text: 'Select a model to edit it.' }));
      return;
    }
    const used = this.usage(s).get(m.id) ?? 0;
    const currency = s.settings?.currency ?? 'EUR';
    /** A number input bound to a model field; empty removes the field.
     * @param {string} id @param {string} label @param {number|undefined} value @param {string} unit
     * @param {(v: number|undefined) => CameraModel} patch @param {string} [title] */
    const num = (id, label, value, unit, patch, title) => {
      const input = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id, step: 'any', inputmode: 'decimal' }));
      input.value = value === undefined ? '' : String(value);
      if (title) input.title = title;
      input.addEventListener('change', () => {
        const v = input.value.trim() === '' ? undefined : Number(input.value);
        if (v !== undefined && !Number.isFinite(v)) {
          this.showError(`${label}: "${input.value}" is not a number.`);
          input.classList.add('invalid');
          return;
        }
        this.update(patch(v), `Edit ${m.name}: ${label.toLowerCase()}`, input);
      });
      return el('div', { class: 'field' }, [el('label', { for: id, text: label }), el('span', { class: 'input-unit' }, [input, el('span', { class: 'unit', text: unit })])]);
    };
    /** A pair of numbers ([w, h] or [min, max]); both empty removes the field.
     * @param {string} id @param {string} label @param {[number, number]|undefined} value @param {string} unit
     * @param {(v: [number, number]|undefined) => CameraModel} patch @param {[string, string]} names */
    const pair = (id, label, value, unit, patch, names) => {
      const a = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id: `${id}-0`, step: 'any', 'aria-label': `${label}: ${names[0]}` }));
      const b = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id: `${id}-1`, step: 'any', 'aria-label': `${label}: ${names[1]}` }));
      a.value = value ? String(value[0]) : '';
      b.value = value ? String(value[1]) : '';
      const change = (/** @type {HTMLInputElement} */ input) => {
        const ea = a.value.trim() === '', eb = b.value.trim() === '';
        if (ea !== eb) return; // wait for the other half
        const v = ea ? undefined : /** @type {[number, number]} */ ([Number(a.value), Number(b.value)]);
        this.update(patch(v), `Edit ${m.name}: ${label.toLowerCase()}`, input);
      };
      a.addEventListener('change', () => change(a));
      b.addEventListener('change', () => change(b));
      return el('div', { class: 'field' }, [el('label', { for: `${id}-0`, text: label }),
        el('span', { class: 'input-unit pair' }, [a, el('span', { class: 'unit', text: '×' }), b, el('span', { class: 'unit', text: unit })])]);
    };
    /** @param {Partial<CameraModel>} p @returns {CameraModel} */
    const withM = (p) => {
      const out = /** @type {CameraModel} */ ({ ...m, ...p });
      for (const k of /** @type {(keyof CameraModel)[]} */ (Object.keys(p))) if (p[k] === undefined) delete out[k];
      return out;
    };
    /** Editing a price makes it yours: it is no longer an example. @param {Partial<CameraModel>} p */
    const price = (p) => withM({ ...p, example_prices: undefined });

    const name = /** @type {HTMLInputElement} */ (el('input', { type: 'text', id: 'catm-name', spellcheck: 'false', autocomplete: 'off' }));
    name.value = m.name;
    name.addEventListener('change', () => this.update(withM({ name: name.value.trim() || m.id }), 'Rename model', name));
    const kind = /** @type {HTMLSelectElement} */ (el('select', { id: 'catm-kind' }));
    kind.append(el('option', { value: '', text: '(not given)' }), ...KINDS.map((k) => el('option', { value: k, text: kindLabel(k) })));
    kind.value = m.kind ?? '';
    kind.addEventListener('change', () => this.update(withM({ kind: /** @type {CameraModel['kind']} */ (kind.value || undefined) }), `Edit ${m.name}: kind`, kind));

    // The lens: a fixed focal length, a varifocal range (both with the sensor size), or
    // the fields of view directly.
    const mode = lensMode(m);
    const modeSelect = /** @type {HTMLSelectElement} */ (el('select', { id: 'catm-lens' }));
    modeSelect.append(el('option', { value: 'fixed', text: 'Fixed lens: focal length + sensor' }),
      el('option', { value: 'varifocal', text: 'Varifocal lens: focal range + sensor' }),
      el('option', { value: 'fov', text: 'Field of view in degrees' }));
    modeSelect.value = mode;
    modeSelect.addEventListener('change', () => this.changeLens(m, /** @type {'fixed'|'varifocal'|'fov'} */ (modeSelect.value), modeSelect));
    const sensor = pair('catm-sensor', 'Sensor', m.sensor_mm, 'mm', (v) => withM({ sensor_mm: v }), ['width', 'height']);
    /** @type {HTMLElement[]} */
    const lens = [];
    if (mode === 'fixed') lens.push(num('catm-focal', 'Focal length', m.focal_mm, 'mm', (v) => withM({ focal_mm: v })), sensor);
    if (mode === 'varifocal') lens.push(pair('catm-focal-range', 'Focal range', m.focal_range_mm, 'mm', (v) => withM({ focal_range_mm: v }), ['shortest', 'longest']), sensor);
    if (mode === 'fov') {
      lens.push(num('catm-hfov', 'Horizontal view', m.hfov_deg, '°', (v) => withM({ hfov_deg: v })),
        num('catm-vfov', 'Vertical view', m.vfov_deg, '°', (v) => withM({ vfov_deg: v }), 'Empty: from the resolution\'s aspect'));
    }
    const example = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id: 'catm-example' }));
    example.checked = !!m.example_prices;
    example.addEventListener('change', () => this.update(withM({ example_prices: example.checked || undefined }), `Edit ${m.name}: example prices`, example));

    this.form.replaceChildren(...[
      el('h3', {}, [el('span', { text: m.name }), el('span', { class: 'cat-id', text: ` ${m.id}` })]),
      el('p', { class: 'note', text: used ? `Used by ${used} camera${used === 1 ? '' : 's'}: changes apply to ${used === 1 ? 'it' : 'all of them'}.` : 'Not used by any camera yet.' }),
      el('div', { class: 'field wide' }, [el('label', { for: 'catm-name', text: 'Name' }), name]),
      el('div', { class: 'form-grid' }, [
        el('div', { class: 'field' }, [el('label', { for: 'catm-kind', text: 'Kind' }), kind]),
        pair('catm-res', 'Resolution', m.resolution_px, 'px', (v) => withM({ resolution_px: v }), ['horizontal', 'vertical']),
        el('div', { class: 'field span2' }, [el('label', { for: 'catm-lens', text: 'Lens' }), modeSelect]),
        ...lens,
        num('catm-range', 'Useful range', m.range_m, 'm', (v) => withM({ range_m: v })),
        num('catm-price', 'Unit price', m.unit_price, currency, (v) => price({ unit_price: v })),
        num('catm-install', 'Installation', m.install_cost, currency, (v) => price({ install_cost: v })),
      ]),
      el('label', { class: 'check', for: 'catm-example' }, [example, el('span', { text: ' These prices are examples (from the starter catalogue), not quotes' })]),
      m.kind === 'ptz' ? el('p', { class: 'note', text: 'A PTZ camera is planned at its current aim and zoom: what it sees while it looks that way.' }) : null,
    ].filter((x) => x !== null));
  }

  /**
   * Switches how the selected model's field of view is given, keeping what it sees as
   * close as the core lets us: the field of view it has now (from the summary of a camera
   * that uses it) becomes the degrees, and focal lengths the cameras picked are dropped
   * when the lens is no longer varifocal.
   * @param {CameraModel} m @param {'fixed'|'varifocal'|'fov'} mode @param {HTMLElement} input
   */
  changeLens(m, mode, input) {
    if (mode === lensMode(m)) return;
    const s = this.actions.scenario();
    const sm = this.actions.summary();
    const k = s.cameras.findIndex((c) => c.model === m.id && c.hfov_deg === undefined);
    const st = k >= 0 ? sm.cameras[k] : undefined;
    /** @type {CameraModel} */
    const next = { ...m };
    delete next.focal_mm;
    delete next.focal_range_mm;
    const f = m.focal_mm ?? m.focal_range_mm?.[0] ?? 4;
    if (mode === 'fixed') next.focal_mm = f;
    if (mode === 'varifocal') next.focal_range_mm = [f, Math.max(f, m.focal_range_mm?.[1] ?? f * 4)];
    if (mode !== 'fov') {
      delete next.hfov_deg;
      delete next.vfov_deg;
      if (!next.sensor_mm) next.sensor_mm = [5.37, 3.02];
    } else {
      next.hfov_deg = st?.hfov_deg !== undefined ? Math.round(st.hfov_deg * 10) / 10 : (m.hfov_deg ?? 90);
      if (st?.vfov_deg !== undefined && !m.resolution_px) next.vfov_deg = Math.round(st.vfov_deg * 10) / 10;
    }
    const dropFocal = mode !== 'varifocal';
    this.update(next, `Edit ${m.name}: lens`, input, dropFocal ? (c) => {
      if (c.focal_mm === undefined) return c;
      const { focal_mm: _f, ...rest } = c;
      return rest;
    } : null);
  }
}
