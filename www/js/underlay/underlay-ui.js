// @ts-check
/**
 * Tracing over a scanned plan (docs/web-app.md, "Tracing over a scanned plan"): loading
 * an underlay (the card's button, Open…, or a file dropped on the page), the Underlay card
 * in the side panel (file, scale, calibrate, move and turn, opacity, rotation, lock,
 * replace, remove) and the bar over the plan while the underlay tool is active. Every
 * change is one undoable edit through the page's commands. A refused file shows its reason
 * in the banner and changes nothing. DOM with textContent only.
 */

import { el, $ } from '../panels/dom.js';
import { fmt1, fmtInt, fmtNum } from '../format.js';
import { readUnderlayFile, UnderlayError, LIMITS_TEXT } from './load.js';
import { UnderlayImages } from './images.js';
import { UNDERLAY_TYPES, placeNew, withImage, withUnderlay, rotatedTo, placementProblem } from '../model/underlay.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/underlay.js').Underlay} Underlay */
/** @typedef {import('../tools/underlay-tool.js').UnderlayTool} UnderlayTool */

/** A PDF point on paper, in metres (1/72 in). */
const POINT_M = 0.0254 / 72;

/**
 * @typedef {{
 *   scenario: () => Scenario|null,
 *   commit: (next: Scenario, label: string, opts?: {coalesce?: string}) => boolean,
 *   tool: UnderlayTool, activeTool: () => string, useTool: (id: string) => void,
 *   viewport: () => {view: {scale: number, tx: number, ty: number}, width: number, height: number},
 *   showError: (title: string, message: string) => void, toast: (text: string) => void, announce: (text: string) => void,
 *   requestFrame: () => void, changed: () => void,
 * }} UnderlayDeps
 * `changed` refreshes the page's chrome (the card follows through `update`).
 */

/** @param {number} n */
function sizeText(n) {
  return n >= 1e6 ? `${fmt1(n / 1e6)} MB` : `${fmtInt(Math.max(1, Math.round(n / 1e3)))} KB`;
}

/** How the scale reads: pixels per metre for an image, the paper scale for a PDF. @param {Underlay} u */
export function scaleText(u) {
  if (u.image.type === 'application/pdf') return `1 : ${fmtNum(u.scale / POINT_M, 0)} on paper (1 pt = ${fmtNum(u.scale * 100, 2)} cm)`;
  return `${fmtNum(1 / u.scale, 1)} px per metre (1 px = ${fmtNum(u.scale * 100, 2)} cm)`;
}

export class UnderlayUI {
  /** @param {UnderlayDeps} deps */
  constructor(deps) {
    this.d = deps;
    this.images = new UnderlayImages((sha, e) => this.imageChanged(sha, e));
    /** The tool to go back to when the underlay tool is done. */
    this.returnTo = 'plan';
    /** Files being read (tests wait for them). */
    this.busy = 0;
    /** What was loaded, refused or restored, in order (tests and docs read it). @type {{name: string, outcome: string, message: string}[]} */
    this.records = [];
    this.input = /** @type {HTMLInputElement} */ ($('underlay-input'));
    this.input.addEventListener('change', () => {
      const f = this.input.files?.[0];
      if (f) this.load(f);
    });
    // The card (built once: its fields keep focus while the underlay changes).
    this.card = $('underlay-card');
    const body = $('underlay-body');
    const btn = (/** @type {string} */ id, /** @type {string} */ text, /** @type {string} */ title, /** @type {() => void} */ on, cls = '') => {
      const b = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id, title, ...(cls ? { class: cls } : {}) }, [text]));
      b.addEventListener('click', on);
      return b;
    };
    this.empty = el('div', { class: 'underlay-empty' }, [
      el('p', { class: 'note', text: `Trace over a scanned plan: a PNG or JPEG image, or a PDF (its first page), ${LIMITS_TEXT}. ` +
        'You can also drop the file on the page. The image stays in this browser; the saved plan keeps its place and scale.' }),
      btn('underlay-load', 'Load image…', 'Load a PNG, JPEG or PDF to trace over', () => this.pick(), 'primary'),
    ]);
    this.fileName = el('strong', { class: 'underlay-name' });
    this.fileInfo = el('span', { class: 'underlay-info' });
    this.missing = el('div', { class: 'underlay-missing', role: 'status' }, [
      el('p', { class: 'note warn', id: 'underlay-missing-text' }),
      btn('underlay-reload', 'Load it again…', 'Load the same image file again (its place and scale are kept)', () => this.pick(), 'primary'),
    ]);
    this.scale = el('p', { class: 'underlay-scale', id: 'underlay-scale' });
    this.calibrateBtn = btn('underlay-calibrate', 'Calibrate…', 'Click two points a known distance apart, then type the distance', () => this.startTool('calibrate'), 'primary');
    this.moveBtn = btn('underlay-move', 'Move / turn', 'Drag the image to move it, its knob to turn it', () => this.startTool('move'));
    this.opacity = /** @type {HTMLInputElement} */ (el('input', { type: 'range', id: 'underlay-opacity', min: '5', max: '100', step: '5', 'aria-label': 'Underlay opacity (%)' }));
    this.opacityText = el('output', { for: 'underlay-opacity', class: 'underlay-pct' });
    this.opacity.addEventListener('input', () => {
      this.opacityText.textContent = `${this.opacity.value} %`;
      this.edit((u) => ({ ...u, opacity: Number(this.opacity.value) / 100 }), 'Underlay opacity', 'underlay-opacity');
    });
    this.rotation = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id: 'underlay-rotation', step: '0.1', inputmode: 'decimal' }));
    this.rotation.addEventListener('change', () => {
      const deg = Number(this.rotation.value);
      if (this.rotation.value.trim() === '' || !Number.isFinite(deg)) {
        this.d.showError('Underlay not turned', `"${this.rotation.value}" is not an angle in degrees.`);
        this.sync(true);
        return;
      }
      this.edit((u) => rotatedTo(u, deg), 'Turn underlay');
    });
    this.locked = /** @type {HTMLInputElement} */ (el('input', { type: 'checkbox', id: 'underlay-locked' }));
    this.locked.addEventListener('change', () => this.edit((u) => ({ ...u, locked: this.locked.checked }), this.locked.checked ? 'Lock underlay' : 'Unlock underlay'));
    this.replaceBtn = btn('underlay-replace', 'Replace…', 'Another image in the same place (a better scan)', () => this.pick());
    this.removeBtn = btn('underlay-remove', 'Remove', 'Take the underlay away (Undo brings it back)', () => {
      const s = this.d.scenario();
      if (s?.underlay) this.d.commit(withUnderlay(s, undefined), `Remove underlay ${s.underlay.image.name}`);
    }, 'danger');
    this.full = el('div', { class: 'underlay-full' }, [
      el('p', { class: 'underlay-file' }, [this.fileName, el('br'), this.fileInfo]),
      this.missing,
      this.scale,
      el('div', { class: 'underlay-actions' }, [this.calibrateBtn, this.moveBtn]),
      el('div', { class: 'field underlay-range' }, [el('label', { for: 'underlay-opacity', text: 'Opacity' }), this.opacity, this.opacityText]),
      el('div', { class: 'field underlay-rot' }, [el('label', { for: 'underlay-rotation', text: 'Rotation' }),
        el('span', { class: 'input-unit' }, [this.rotation, el('span', { class: 'unit', text: '° anticlockwise' })])]),
      el('div', { class: 'field check' }, [el('label', {}, [this.locked, ' Locked (no moving, turning or calibrating)'])]),
      el('div', { class: 'underlay-actions' }, [this.replaceBtn, this.removeBtn]),
    ]);
    body.append(this.empty, this.full);

    // The bar over the plan while the underlay tool is active.
    this.bar = $('underlay-bar');
    this.barTitle = el('strong');
    this.barHint = el('span', { class: 'underlay-hint' });
    this.distance = /** @type {HTMLInputElement} */ (el('input', { type: 'number', id: 'underlay-distance', min: '0', step: 'any', inputmode: 'decimal',
      'aria-label': 'Real distance from A to B in metres' }));
    const apply = () => {
      const why = this.d.tool.calibrate(Number(this.distance.value));
      if (why) this.d.showError('Not calibrated', why);
      else {
        const u = this.d.scenario()?.underlay;
        this.d.toast(`Underlay calibrated: ${u ? scaleText(u) : ''}`);
      }
    };
    this.distance.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); apply(); }
      if (e.key === 'Escape') { e.preventDefault(); this.toolDone(); }
    });
    this.applyBtn = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'underlay-apply', class: 'primary' }, ['Apply']));
    this.applyBtn.addEventListener('click', apply);
    this.distanceGroup = el('span', { class: 'underlay-distance' }, [
      el('label', { for: 'underlay-distance', text: 'A to B is' }),
      el('span', { class: 'input-unit' }, [this.distance, el('span', { class: 'unit', text: 'm' })]), this.applyBtn]);
    this.barCalibrate = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'underlay-bar-calibrate' }, ['Calibrate…']));
    this.barCalibrate.addEventListener('click', () => this.startTool('calibrate'));
    this.doneBtn = /** @type {HTMLButtonElement} */ (el('button', { type: 'button', id: 'underlay-done', title: 'Back to what you were doing (Esc)' }, ['Done']));
    this.doneBtn.addEventListener('click', () => this.toolDone());
    this.bar.append(this.barTitle, this.barHint, this.distanceGroup, el('span', { class: 'spacer' }), this.barCalibrate, this.doneBtn);
    /** The bar's last state, so the distance field keeps focus and text while nothing changed. */
    this.barKey = /** @type {string} */ ('');
  }

  /** The underlay frame part for the renderer. @param {Scenario} s */
  frame(s) {
    return this.images.frame(s);
  }

  /** The plan bar's Underlay… button: brings the card into view, and offers a file when there is no underlay yet. */
  reveal() {
    this.card.hidden = false;
    this.card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    if (!this.d.scenario()?.underlay) this.pick();
    else (this.calibrateBtn.disabled ? this.opacity : this.calibrateBtn).focus({ preventScroll: true });
  }

  /** Opens the file picker. */
  pick() {
    this.input.value = '';
    this.input.click();
  }

  /** @param {string} sha @param {import('./images.js').Entry} e */
  imageChanged(sha, e) {
    const u = this.d.scenario()?.underlay;
    if (u && u.image.sha256 === sha && (e.status === 'missing' || e.status === 'failed')) {
      this.d.toast(e.status === 'missing' ? `The underlay image ${u.image.name} is missing: the plan is intact. Load the image again from the Underlay card.` : e.message);
    }
    this.d.requestFrame();
    this.d.changed();
  }

  /**
   * Reads a file as the underlay: a new underlay placed over most of the view (then
   * calibration starts), or the image of the current one (Replace, Load it again), keeping
   * its placement. A refusal changes nothing.
   * @param {File} file
   */
  async load(file) {
    const s0 = this.d.scenario();
    if (!s0) return;
    if (s0.underlay?.locked) {
      this.d.showError('Underlay not replaced', `The underlay ${s0.underlay.image.name} is locked: unlock it in the Underlay card first.`);
      return;
    }
    this.busy++;
    document.body.dataset.underlayBusy = String(this.busy);
    try {
      let read;
      try {
        read = await readUnderlayFile(file);
      } catch (e) {
        const message = e instanceof UnderlayError ? e.message : `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`;
        this.records.push({ name: file.name, outcome: 'refused', message });
        this.d.showError('Underlay not loaded', `${message} Your plan is unchanged.`);
        return;
      }
      const { image, bytes, decoded } = read;
      let stored = true;
      try {
        await this.images.add(image, bytes, decoded);
      } catch (e) {
        stored = false;
        this.d.showError('The underlay image is not stored in this browser',
          `${e instanceof Error ? e.message : String(e)}. It shows now, but after a reload the image will be missing (the plan keeps its place).`);
      }
      const s = this.d.scenario();
      if (!s) return;
      const old = s.underlay;
      if (old && old.image.sha256 === image.sha256) {
        // The same file again (the image was missing here): nothing in the plan changes.
        this.records.push({ name: file.name, outcome: 'restored', message: '' });
        this.d.toast(`Underlay image ${image.name} is back${stored ? ' and stored in this browser' : ''}`);
        this.d.requestFrame();
        this.d.changed();
        return;
      }
      const next = old ? withImage(old, image) : this.placed(image);
      if (!this.d.commit(withUnderlay(s, next), old ? `Replace underlay with ${image.name}` : `Underlay ${image.name}`)) return;
      this.records.push({ name: file.name, outcome: old ? 'replaced' : 'loaded', message: '' });
      if (old) {
        this.d.toast(`Underlay image replaced by ${image.name}; the placement was kept: check the calibration.`);
      } else {
        this.d.toast(`Underlay ${image.name} loaded. Calibrate it: click two points a known distance apart.`);
        // A scan is loaded to trace over: after calibrating, the plan editor.
        this.startTool('calibrate', 'plan');
      }
    } finally {
      this.busy--;
      document.body.dataset.underlayBusy = String(this.busy);
    }
  }

  /** A new underlay fitted into 80 % of the view, in its middle. @param {import('../model/underlay.js').UnderlayImage} image */
  placed(image) {
    const vp = this.d.viewport();
    const v = vp.view;
    const wm = vp.width / v.scale, hm = vp.height / v.scale;
    /** @type {[number, number]} */
    const mid = [(vp.width / 2 - v.tx) / v.scale, -(vp.height / 2 - v.ty) / v.scale];
    const k = 0.8 * Math.min(wm / image.width, hm / image.height);
    return placeNew(image, mid, k * Math.max(image.width, image.height));
  }

  /** @param {'move'|'calibrate'} mode @param {string} [then] the tool after it (default: the one active now) */
  startTool(mode, then) {
    const u = this.d.scenario()?.underlay;
    if (!u) return;
    if (u.locked) {
      this.d.showError(mode === 'move' ? 'Underlay not moved' : 'Underlay not calibrated', 'The underlay is locked: unlock it in the Underlay card first.');
      return;
    }
    const active = this.d.activeTool();
    if (then) this.returnTo = then;
    else if (active !== 'underlay') this.returnTo = active === 'cameras' ? 'cameras' : 'plan';
    this.d.tool.start(mode);
    this.d.useTool('underlay');
    this.d.announce(mode === 'move' ? 'Moving the underlay: drag the image to move it, drag the round knob to turn it. Escape ends.'
      : 'Calibrating the underlay: click a point on the image, then a second point a known distance away, then type the distance in metres.');
  }

  /** The underlay tool is done (Done, Esc, a calibration applied). */
  toolDone() {
    if (this.d.activeTool() === 'underlay') this.d.useTool(this.returnTo);
  }

  /** @param {(u: Underlay) => Underlay|undefined} f @param {string} label @param {string} [coalesce] */
  edit(f, label, coalesce) {
    const s = this.d.scenario();
    if (!s?.underlay) return;
    const next = f(s.underlay);
    const why = next && placementProblem(next);
    if (why) {
      this.d.showError(`${label}: not possible`, why);
      this.sync(true);
      return;
    }
    this.d.commit(withUnderlay(s, next), label, coalesce ? { coalesce } : {});
  }



  /** Brings the card and the bar up to date. @param {{editing: boolean}} st */
  update(st) {
    const s = this.d.scenario();
    const u = s?.underlay;
    const entry = u ? this.images.entry(u.image) : null;
    const trouble = !!entry && (entry.status === 'missing' || entry.status === 'failed');
    const toolOn = this.d.activeTool() === 'underlay';
    this.card.hidden = !(st.editing || toolOn || trouble);
    this.empty.hidden = !!u;
    this.full.hidden = !u;
    if (u && entry) {
      this.fileName.textContent = u.image.name;
      const units = u.image.type === 'application/pdf' ? 'pt' : 'px';
      this.fileInfo.textContent = `${UNDERLAY_TYPES[u.image.type]} · ${fmtInt(u.image.width)} × ${fmtInt(u.image.height)} ${units} · ${sizeText(u.image.bytes)}` +
        (entry.status === 'loading' ? ' · loading…' : '');
      this.missing.hidden = !trouble;
      $('underlay-missing-text').textContent = entry.message;
      this.scale.textContent = `Scale: ${scaleText(u)}`;
      const locked = !!u.locked;
      for (const b of [this.calibrateBtn, this.moveBtn, this.replaceBtn, this.removeBtn]) b.disabled = locked;
      this.rotation.disabled = locked;
      this.sync(false);
    }
    this.updateBar(toolOn, u);
  }

  /** Field values from the underlay, except in a field being edited (unless `force`). @param {boolean} force */
  sync(force) {
    const u = this.d.scenario()?.underlay;
    if (!u) return;
    const focus = document.activeElement;
    const pct = String(Math.round((u.opacity ?? 1) * 100));
    if (force || focus !== this.opacity) this.opacity.value = pct;
    this.opacityText.textContent = `${pct} %`;
    if (force || focus !== this.rotation) this.rotation.value = String(Math.round((u.rotation_deg ?? 0) * 10) / 10);
    this.locked.checked = !!u.locked;
  }

  /** @param {boolean} on @param {Underlay|undefined} u */
  updateBar(on, u) {
    this.bar.hidden = !on;
    document.body.classList.toggle('underlay-editing', on);
    if (!on || !u) return;
    const tool = this.d.tool;
    const n = tool.points.length;
    const key = `${tool.mode}|${n}`;
    if (key === this.barKey) return;
    this.barKey = key;
    const cal = tool.mode === 'calibrate';
    this.barTitle.textContent = cal ? 'Calibrate the scale' : 'Move the underlay';
    this.barHint.textContent = !cal
      ? 'Drag the image to move it · drag the round knob to turn it (Shift: 15° steps) · arrows nudge, [ ] turn · drag off the image to pan · Esc ends'
      : n === 0 ? 'Click a point on the image at one end of a known distance (a dimension line, a door, a column grid) · Esc cancels'
        : n === 1 ? 'Click the other end (B) · pan and zoom as you like between the clicks · Esc takes A back'
          : '';
    this.distanceGroup.hidden = !(cal && n === 2);
    this.barCalibrate.hidden = cal;
    // Leaving a calibration half done changes nothing: it is a cancel.
    this.doneBtn.textContent = cal ? 'Cancel' : 'Done';
    if (cal && n === 2) {
      const m = tool.measured();
      this.distance.value = '';
      this.distance.placeholder = m === null ? '' : fmtNum(m, 2);
      this.distance.focus({ preventScroll: true });
    }
  }
}

