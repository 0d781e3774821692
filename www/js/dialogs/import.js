// @ts-check
/**
 * The import dialog: a drawing (DXF, SVG, GeoJSON) becomes a plan. The file is previewed
 * in the import worker (files/import-worker.js): its layers with a count per entity type
 * and a guessed kind, its units and extent, and a sketch drawn here coloured by the kind
 * each layer takes. The user maps the layers (several may take one kind), sets the units
 * or the scale, optionally a georeference (typed, or from two points picked on the
 * sketch), and imports; the import runs in the worker with progress and Cancel. The
 * plan shown is replaced only when the import has worked (one undoable step); a broken
 * or hostile file changes nothing and its error, which names the entity, line or
 * element, is shown. Text from the file is only ever set as textContent.
 */

import { $, el, dialog, input, select, button } from '../panels/dom.js';
import { fmtNum, fmtInt } from '../format.js';
import * as P from '../palette.js';

/** What each role is called in the layer table. */
export const ROLE_TEXT = /** @type {Record<string, string>} */ ({
  wall: 'Walls', door: 'Doors', window: 'Windows', glass: 'Glass walls', railing: 'Railings',
  room: 'Zones: rooms', exterior: 'Zones: outside', asset: 'Zones: assets', label: 'Zone names (texts)', ignore: 'Ignore',
});

/** The sketch's colour for each role: the plan's own wall colours, greens for zones. */
export const ROLE_COLOUR = /** @type {Record<string, string>} */ ({
  wall: P.WALL, door: P.DOOR, window: P.WINDOW, glass: P.GLASS, railing: P.RAILING,
  room: '#1e8a4c', exterior: '#7b8a22', asset: '#b06d00', label: '#7048a8', ignore: '#c8c3b8',
});

const ZONE_ROLES = new Set(['room', 'exterior', 'asset']);

/** What each phase of an import is called on screen, and where it sits on the bar. */
const PHASES = /** @type {Record<string, {text: string, from: number, to: number}>} */ ({
  reading: { text: 'Reading the drawing', from: 0, to: 0.45 },
  cleaning: { text: 'Cleaning the walls: duplicates, overlaps, gaps, double lines, doors', from: 0.45, to: 0.85 },
  checking: { text: 'Checking the plan', from: 0.85, to: 0.88 },
  preparing: { text: 'Preparing the plan: walls, views and coverage', from: 0.88, to: 0.96 },
  loading: { text: 'Putting it on the plan', from: 0.96, to: 0.99 },
});

/**
 * @typedef {{name: string, role: string, guessed: boolean, entities: Record<string, number>, hidden: boolean}} LayerSummary
 * @typedef {{level: string, place: string, message: string}} Note
 * @typedef {{name: string, source: string, elevation_m: number|null}} LevelSource
 * @typedef {{format: string, layers: LayerSummary[], units: {metres_per_unit: number, source: string},
 *   bounds_m: [number, number, number, number]|null, notes: Note[], roles: string[], unitNames: string[], levels?: LevelSource[],
 *   sketch: {coords: Float64Array, starts: Uint32Array, layers: Uint32Array, omitted: number}}} Preview
 * @typedef {{id: string, name: string, elevation_m: number, source: string, elevation_from: string, walls: number, doors: number, zones: number}} LevelImport
 * @typedef {{format: string, layers: LayerSummary[], units: {metres_per_unit: number, source: string}, offset_m?: [number, number],
 *   walls: number, wall_segments: number, doors: number, zones: number, cleanup: Record<string, number>, notes: Note[], levels?: LevelImport[], connections?: number}} Report
 * @typedef {{scenario: string, report: Report, georef: {origin: [number, number], rotation_deg: number, scale?: number}|null, snapshot: Uint8Array|null}} ImportResult
 * @typedef {{kind: 'typed', origin: [number, number], rotation_deg: number}
 *   | {kind: 'points', a: [number, number], aLonLat: [number, number], b: [number, number], bLonLat: [number, number], sketchMetresPerUnit: number}} GeorefChoice
 */

/**
 * @typedef {{
 *   worker: import('../core/worker-runner.js').WorkerRunner<{phase: string, done: number, total: number}, any>,
 *   open: (text: string, source: string, snapshot?: Uint8Array) => boolean,
 *   showError: (title: string, message: string) => void, toast: (text: string) => void,
 * }} ImportDeps `worker` runs files/import-worker.js; `open` puts a scenario on the plan
 * (one undoable step), false when refused; without a snapshot (a scenario of several
 * levels) it reads the text
 */

/** A job the user stopped (core/worker-runner.js's Cancelled). @param {unknown} e */
const isCancelled = (e) => e instanceof Error && e.name === 'Cancelled';

export class ImportDialog {
  /** @param {ImportDeps} d */
  constructor(d) {
    this.d = d;
    this.dialog = dialog('import');
    this.worker = d.worker;
    /** @type {File|null} */
    this.file = null;
    /** Several drawings imported as levels, bottom to top (empty: one drawing). @type {File[]} */
    this.files = [];
    /** Their formats. @type {('dxf'|'svg'|'geojson')[]} */
    this.formats = [];
    /** A DXF's levels: 'auto', 'none', 'layouts' or 'blocks' (the core's LevelSplit). */
    this.levels = 'auto';
    // The choice of a DXF's levels, at the top of the setup (shown for one DXF).
    const levels = /** @type {HTMLSelectElement} */ (el('select', { id: 'import-levels' }));
    for (const [value, text] of [['auto', 'As the drawing says (layouts or floor blocks, else one plan)'], ['none', 'One plan: the model space'],
      ['layouts', 'One level per paper-space layout'], ['blocks', 'One level per floor block (LEVEL 0, L1, Ground floor...)']]) {
      levels.append(el('option', { value, text }));
    }
    levels.addEventListener('change', () => { if (this.file && this.format) this.open(this.file, this.format, levels.value); });
    $('import-setup').prepend(el('p', { id: 'import-levels-part' }, [el('label', { for: 'import-levels', text: 'Levels: ' }), levels]));
    /** @type {Preview|null} */
    this.preview = null;
    /** The role chosen for each layer, by index. @type {string[]} */
    this.roles = [];
    /** A layer row hovered: drawn on top, thicker. */
    this.hot = -1;
    /** Which georeference point a click on the sketch picks, if any. @type {'a'|'b'|null} */
    this.picking = null;
    /** Picked points in sketch metres. @type {{a: [number, number]|null, b: [number, number]|null}} */
    this.points = { a: null, b: null };
    /** The sketch's transform (sketch metres to canvas CSS px). */
    this.fit = { scale: 1, x0: 0, y1: 0, pad: 0 };
    /**
     * What happened to each preview and import (tests and docs read it): `importMs` from
     * Import to the plan on the page, `workerMs` the worker's part, `pageMs` the page's load.
     * @type {{name: string, bytes: number, outcome: string, previewMs: number, importMs: number, workerMs?: number, pageMs?: number, message?: string, report?: Report}[]}
     */
    this.records = [];
    this.running = false;

    this.canvas = /** @type {HTMLCanvasElement} */ ($('import-sketch'));
    $('import-close').addEventListener('click', () => this.closeOrCancel());
    this.dialog.addEventListener('cancel', (e) => { if (this.running) { e.preventDefault(); this.worker.cancel(); } });
    $('import-run').addEventListener('click', () => (this.done ? this.dialog.close() : this.run()));
    select('import-units').addEventListener('change', () => this.showUnits());
    input('import-scale').addEventListener('input', () => this.showUnits());
    for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (this.dialog.querySelectorAll('input[name="import-georef"]'))) {
      r.addEventListener('change', () => this.showGeoref());
    }
    $('import-pick-a').addEventListener('click', () => this.pick('a'));
    $('import-pick-b').addEventListener('click', () => this.pick('b'));
    this.canvas.addEventListener('click', (e) => this.sketchClick(e));
    new ResizeObserver(() => { if (this.dialog.open && this.preview) this.draw(); }).observe(this.canvas);
  }

  /** True once an import has worked: the dialog shows its report, Import reads Close. */
  get done() {
    return !$('import-done').hidden;
  }

  /**
   * Previews `file` in the worker and opens the dialog; a file that cannot be read is
   * reported and nothing opens.
   * @param {File} file @param {'dxf'|'svg'|'geojson'} format
   * @param {string} [levels] a DXF's levels (the core's LevelSplit name): chosen in the dialog
   */
  async open(file, format, levels = 'auto') {
    if (this.worker.busy) this.worker.cancel();
    const t0 = performance.now();
    const record = { name: file.name, bytes: file.size, outcome: 'previewing', previewMs: 0, importMs: 0, message: /** @type {string|undefined} */ (undefined) };
    this.records.push(record);
    document.body.dataset.importing = 'preview';
    let preview;
    try {
      const { result } = await this.worker.start({ type: 'preview', file, options: { fileName: file.name, format, levels } }, () => {});
      preview = /** @type {Preview} */ (result);
    } catch (e) {
      record.outcome = isCancelled(e) ? 'cancelled' : 'refused';
      if (!(isCancelled(e))) {
        record.message = e instanceof Error ? e.message : String(e);
        this.d.showError(`Could not import ${file.name}`, `${record.message} — the current plan is unchanged.`);
      }
      return;
    } finally {
      record.previewMs = performance.now() - t0;
      delete document.body.dataset.importing;
    }
    record.outcome = 'previewed';
    this.file = file;
    this.files = [];
    this.formats = [format];
    this.levels = levels;
    this.preview = preview;
    this.format = format;
    this.roles = preview.layers.map((l) => l.role);
    this.points = { a: null, b: null };
    this.picking = null;
    this.fill();
    if (!this.dialog.open) this.dialog.showModal();
    this.draw();
  }

  /**
   * Previews several drawings, to import them as one level each (bottom to top in the
   * order given, named after their files), and opens the dialog: the layer table is every
   * file's layers (a layer of the same name in two files takes one kind), the sketch the
   * first file's. One that cannot be read is reported and nothing opens.
   * @param {{file: File, format: 'dxf'|'svg'|'geojson'}[]} list
   */
  async openSeveral(list) {
    if (list.length === 1) return this.open(list[0].file, list[0].format);
    if (this.worker.busy) this.worker.cancel();
    const t0 = performance.now();
    const name = list.map((f) => f.file.name).join(' + ');
    const record = { name, bytes: list.reduce((n, f) => n + f.file.size, 0), outcome: 'previewing', previewMs: 0, importMs: 0, message: /** @type {string|undefined} */ (undefined) };
    this.records.push(record);
    document.body.dataset.importing = 'preview';
    /** @type {Preview[]} */
    const previews = [];
    try {
      for (const { file, format } of list) {
        try {
          const { result } = await this.worker.start({ type: 'preview', file, options: { fileName: file.name, format } }, () => {});
          previews.push(/** @type {Preview} */ (result));
        } catch (e) {
          if (e instanceof Error && !isCancelled(e)) e.message = `${file.name}: ${e.message}`;
          throw e;
        }
      }
    } catch (e) {
      record.outcome = isCancelled(e) ? 'cancelled' : 'refused';
      if (!(isCancelled(e))) {
        record.message = e instanceof Error ? e.message : String(e);
        this.d.showError(`Could not import ${name}`, `${record.message} — the current plan is unchanged.`);
      }
      return;
    } finally {
      record.previewMs = performance.now() - t0;
      delete document.body.dataset.importing;
    }
    record.outcome = 'previewed';
    this.file = list[0].file;
    this.files = list.map((f) => f.file);
    this.formats = list.map((f) => f.format);
    this.levels = 'auto';
    this.format = list[0].format;
    this.preview = mergedPreview(previews, this.files);
    this.roles = this.preview.layers.map((l) => l.role);
    this.points = { a: null, b: null };
    this.picking = null;
    this.fill();
    if (!this.dialog.open) this.dialog.showModal();
    this.draw();
  }

  /** What the dialog imports: the file's name, or the files'. */
  title() {
    return this.files.length > 1 ? `${this.files.length} drawings as levels` : /** @type {File} */ (this.file).name;
  }

  /** Fills the dialog from the preview. */
  fill() {
    const p = /** @type {Preview} */ (this.preview);
    const file = /** @type {File} */ (this.file);
    const entities = p.layers.reduce((n, l) => n + Object.values(l.entities).reduce((a, b) => a + b, 0), 0);
    $('import-h').textContent = `Import ${this.files.length > 1 ? this.title() : file.name}`;
    const several = this.files.length > 1
      ? `One level per drawing, bottom to top in this order: ${this.files.map((f) => f.name).join(', ')} (the preview shows the first). `
      : '';
    const levels = p.levels?.length
      ? `The drawing's ${p.levels.map((l) => l.source).join(', ')} become ${p.levels.length} levels. `
      : '';
    $('import-lead').textContent = `${this.files.length > 1 ? 'Drawings' : `${p.format.toUpperCase()} drawing`} · ${fmtInt(entities)} entities on ${p.layers.length} layer${p.layers.length === 1 ? '' : 's'}. ` +
      several + levels + 'The kinds are guessed from the layer names: check them against the preview.';
    const rows = p.layers.map((l, i) => {
      const choice = /** @type {HTMLSelectElement} */ (el('select', { 'aria-label': `Import layer ${l.name} as`, 'data-layer': l.name }));
      for (const r of p.roles) choice.append(el('option', { value: r, text: ROLE_TEXT[r] ?? r }));
      choice.value = this.roles[i];
      choice.addEventListener('change', () => { this.roles[i] = choice.value; swatch.style.background = ROLE_COLOUR[choice.value]; this.draw(); this.showLegend(); });
      const swatch = el('span', { class: 'import-swatch', 'aria-hidden': 'true' });
      swatch.style.background = ROLE_COLOUR[this.roles[i]];
      const holds = Object.entries(l.entities).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${fmtInt(n)} ${t}`).join(', ') || 'nothing drawn';
      const tags = [l.guessed ? null : 'mapped', l.hidden ? 'hidden in the drawing' : null].filter(Boolean).join(' · ');
      const row = el('tr', { 'data-layer': l.name }, [
        el('td', null, [swatch, el('span', { class: 'import-layer-name', text: l.name }), tags ? el('span', { class: 'import-tag', text: tags }) : null]),
        el('td', { class: 'import-holds', text: holds }),
        el('td', null, [choice]),
      ]);
      row.addEventListener('mouseenter', () => { this.hot = i; this.draw(); });
      row.addEventListener('mouseleave', () => { this.hot = -1; this.draw(); });
      return row;
    });
    $('import-layer-rows').replaceChildren(...rows);
    const units = select('import-units');
    const fileUnit = `as the file says: ${fmtNum(p.units.metres_per_unit, 6)} m per unit (${p.units.source})`;
    units.replaceChildren(el('option', { value: '', text: fileUnit }), ...p.unitNames.map((u) => el('option', { value: u, text: u })));
    units.value = '';
    input('import-scale').value = '';
    const geo = p.format === 'geojson';
    $('import-coords-part').hidden = !geo;
    select('import-coords').value = '';
    $('import-units-part').hidden = geo && p.units.source.includes('longitude');
    $('import-levels-part').hidden = this.files.length > 1 || p.format !== 'dxf';
    select('import-levels').value = this.levels;
    // Two points are picked on one drawing's sketch: not for several.
    $('import-georef-points-choice').hidden = this.files.length > 1;
    const none = /** @type {HTMLInputElement} */ (this.dialog.querySelector('input[name="import-georef"][value="none"]'));
    none.checked = true;
    const notes = p.notes.map((n) => el('li', { class: n.level === 'warning' ? 'warn' : '' }, [n.place ? el('b', { text: `${n.place}: ` }) : null, n.message]));
    $('import-notes').replaceChildren(...notes);
    $('import-notes-part').hidden = notes.length === 0;
    $('import-setup').hidden = false;
    $('import-done').hidden = true;
    button('import-run').textContent = 'Import';
    $('import-close').hidden = false;
    this.setError(null);
    this.setRunning(false);
    this.showUnits();
    this.showGeoref();
    this.showLegend();
  }

  /** Metres per drawing unit as chosen, or null for the file's own. */
  chosenMetres() {
    const scale = Number(input('import-scale').value);
    if (input('import-scale').value.trim() !== '' && Number.isFinite(scale) && scale > 0) return scale;
    const u = select('import-units').value;
    const UNIT_M = /** @type {Record<string, number>} */ ({ m: 1, cm: 0.01, mm: 0.001, dm: 0.1, km: 1000, in: 0.0254, ft: 0.3048, yd: 0.9144, px: 0.0254 / 96 });
    return u ? UNIT_M[u] ?? null : null;
  }

  /** The plan's size at the units chosen. */
  showUnits() {
    const p = /** @type {Preview} */ (this.preview);
    const k = (this.chosenMetres() ?? p.units.metres_per_unit) / p.units.metres_per_unit;
    const b = p.bounds_m;
    const size = b ? `The plan will be ${fmtNum((b[2] - b[0]) * k, 2)} m × ${fmtNum((b[3] - b[1]) * k, 2)} m.` : 'The drawing has no shapes.';
    const scaleText = input('import-scale').value.trim();
    const bad = scaleText !== '' && !(Number(scaleText) > 0);
    $('import-units-note').textContent = bad ? `The scale must be a positive number of metres per drawing unit, not "${scaleText}".` : size;
    $('import-units-note').classList.toggle('warn', bad);
    $('import-extent').textContent = b ? `${fmtNum((b[2] - b[0]) * k, 1)} m × ${fmtNum((b[3] - b[1]) * k, 1)} m` +
      (p.sketch.omitted ? ` · ${fmtInt(p.sketch.omitted)} shapes not drawn in the preview` : '') : '';
  }

  showGeoref() {
    const mode = this.georefMode();
    $('import-georef-typed').hidden = mode !== 'typed';
    $('import-georef-points').hidden = mode !== 'points';
    if (mode !== 'points') this.pick(null);
    this.showPoints();
  }

  georefMode() {
    return /** @type {HTMLInputElement|null} */ (this.dialog.querySelector('input[name="import-georef"]:checked'))?.value ?? 'none';
  }

  /** @param {'a'|'b'|null} which */
  pick(which) {
    this.picking = which;
    button('import-pick-a').setAttribute('aria-pressed', String(which === 'a'));
    button('import-pick-b').setAttribute('aria-pressed', String(which === 'b'));
    this.canvas.classList.toggle('picking', which !== null);
  }

  showPoints() {
    const k = this.preview ? (this.chosenMetres() ?? this.preview.units.metres_per_unit) / this.preview.units.metres_per_unit : 1;
    for (const w of /** @type {const} */ (['a', 'b'])) {
      const p = this.points[w];
      $(`import-pt-${w}`).textContent = p ? `drawing point ${fmtNum(p[0] * k, 2)}, ${fmtNum(p[1] * k, 2)} m` : 'not picked';
    }
  }

  /** @param {MouseEvent} e */
  sketchClick(e) {
    if (!this.picking) return;
    const r = this.canvas.getBoundingClientRect();
    const f = this.fit;
    const x = f.x0 + (e.clientX - r.left - f.pad) / f.scale;
    const y = f.y1 - (e.clientY - r.top - f.pad) / f.scale;
    this.points[this.picking] = [x, y];
    const next = this.picking === 'a' && !this.points.b ? 'b' : null;
    this.pick(next);
    this.showPoints();
    this.draw();
  }

  showLegend() {
    const used = [...new Set(this.roles)];
    $('import-legend').replaceChildren(...used.map((r) => {
      const s = el('span', { class: 'import-swatch', 'aria-hidden': 'true' });
      s.style.background = ROLE_COLOUR[r];
      const n = this.roles.filter((x) => x === r).length;
      return el('span', { class: 'import-legend-item' }, [s, `${ROLE_TEXT[r] ?? r} (${n} layer${n === 1 ? '' : 's'})`]);
    }));
  }

  /** Draws the sketch, each layer in the colour of its role (ignored layers faint, under the rest). */
  draw() {
    const p = this.preview;
    if (!p) return;
    const c = this.canvas;
    const w = c.clientWidth, h = c.clientHeight;
    if (w === 0 || h === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    const g = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = P.PAPER;
    g.fillRect(0, 0, w, h);
    const { coords, starts, layers } = p.sketch;
    if (starts.length < 2) return;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < coords.length; i += 2) {
      const x = coords[i], y = coords[i + 1];
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    const pad = 10;
    const scale = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1e-9), (h - 2 * pad) / Math.max(y1 - y0, 1e-9));
    this.fit = { scale, x0, y1, pad };
    /** @param {number} k */
    const path = (k) => {
      g.beginPath();
      for (let j = starts[k]; j < starts[k + 1]; j++) {
        const x = pad + (coords[2 * j] - x0) * scale, y = pad + (y1 - coords[2 * j + 1]) * scale;
        if (j === starts[k]) g.moveTo(x, y); else g.lineTo(x, y);
      }
    };
    // Ignored layers first, zones next, walls on top, the hovered layer last.
    const order = (/** @type {string} */ role) => (role === 'ignore' ? 0 : ZONE_ROLES.has(role) || role === 'label' ? 1 : 2);
    for (const pass of [0, 1, 2, 3]) {
      for (let k = 0; k + 1 < starts.length; k++) {
        const layer = layers[k];
        const role = this.roles[layer] ?? 'ignore';
        const hot = layer === this.hot;
        if ((pass === 3) !== hot || (!hot && order(role) !== pass)) continue;
        path(k);
        if (ZONE_ROLES.has(role)) {
          g.fillStyle = `${ROLE_COLOUR[role]}22`;
          g.fill();
        }
        g.strokeStyle = ROLE_COLOUR[role];
        g.lineWidth = hot ? 3 : role === 'ignore' ? 0.75 : ZONE_ROLES.has(role) ? 1.25 : 1.75;
        g.setLineDash(ZONE_ROLES.has(role) ? [5, 3] : []);
        g.stroke();
      }
    }
    g.setLineDash([]);
    for (const wch of /** @type {const} */ (['a', 'b'])) {
      const pt = this.points[wch];
      if (!pt || this.georefMode() !== 'points') continue;
      const x = pad + (pt[0] - x0) * scale, y = pad + (y1 - pt[1]) * scale;
      g.strokeStyle = P.BLIND;
      g.lineWidth = 2;
      g.beginPath(); g.moveTo(x - 7, y); g.lineTo(x + 7, y); g.moveTo(x, y - 7); g.lineTo(x, y + 7); g.stroke();
      g.fillStyle = P.BLIND;
      g.font = '700 13px system-ui, sans-serif';
      g.fillText(wch.toUpperCase(), x + 6, y - 6);
    }
  }

  /**
   * The import options the core takes (src/wasm.rs, ImportRequest).
   * @returns {Record<string, unknown>}
   */
  options() {
    const p = /** @type {Preview} */ (this.preview);
    /** @type {Record<string, unknown>} */
    const o = { fileName: /** @type {File} */ (this.file).name, format: this.format, openDoors: input('import-open-doors').checked, levels: this.levels };
    o.layers = p.layers.map((l, i) => ({ layer: l.name, role: this.roles[i] }));
    const scaleText = input('import-scale').value.trim();
    if (scaleText !== '') o.scale = Number(scaleText);
    else if (select('import-units').value) o.units = select('import-units').value;
    const coords = select('import-coords').value;
    if (p.format === 'geojson' && coords) o.coordinates = coords;
    return o;
  }

  /**
   * The georeference chosen, checked: a message names the field that is wrong.
   * @returns {GeorefChoice|null}
   */
  georef() {
    const mode = this.georefMode();
    /** @param {string} id @param {string} what @param {number} lim */
    const num = (id, what, lim) => {
      const t = input(id).value.trim();
      const v = Number(t);
      if (t === '' || !Number.isFinite(v) || Math.abs(v) > lim) throw new Error(`Georeference: ${what} must be a number within ±${lim}${t ? `, not "${t}"` : ''}.`);
      return v;
    };
    if (mode === 'typed') {
      return { kind: 'typed', origin: [num('import-geo-lon', 'the longitude', 180), num('import-geo-lat', 'the latitude', 85)], rotation_deg: num('import-geo-rot', 'the rotation', 360) };
    }
    if (mode === 'points') {
      const { a, b } = this.points;
      if (!a || !b) throw new Error('Georeference: pick points A and B on the preview (Pick, then a click on the drawing).');
      return {
        kind: 'points', a, b, sketchMetresPerUnit: /** @type {Preview} */ (this.preview).units.metres_per_unit,
        aLonLat: [num('import-a-lon', "A's longitude", 180), num('import-a-lat', "A's latitude", 85)],
        bLonLat: [num('import-b-lon', "B's longitude", 180), num('import-b-lat', "B's latitude", 85)],
      };
    }
    return null;
  }

  /** Imports with the options chosen; the plan changes only when it works. */
  async run() {
    if (this.running || !this.file) return;
    const file = this.file;
    let georef;
    try {
      georef = this.georef();
    } catch (e) {
      this.setError(e instanceof Error ? e.message : String(e));
      return;
    }
    const scaleText = input('import-scale').value.trim();
    if (scaleText !== '' && !(Number(scaleText) > 0)) {
      this.setError(`The scale must be a positive number of metres per drawing unit, not "${scaleText}".`);
      return;
    }
    this.setError(null);
    this.setRunning(true);
    const t0 = performance.now();
    const several = this.files.length > 1;
    const name = several ? this.files.map((f) => f.name).join(' + ') : file.name;
    const record = { name, bytes: several ? this.files.reduce((n, f) => n + f.size, 0) : file.size, outcome: 'importing', previewMs: 0, importMs: 0, workerMs: 0, pageMs: 0, message: /** @type {string|undefined} */ (undefined), report: /** @type {Report|undefined} */ (undefined) };
    this.records.push(record);
    document.body.dataset.importing = 'import';
    this.say('reading', 0, 1);
    try {
      const options = this.options();
      // Longitude/latitude GeoJSON is projected about a typed georeference (the core's option).
      if (georef?.kind === 'typed' && this.format === 'geojson') options.georeference = { origin: georef.origin, rotationDeg: georef.rotation_deg };
      const job = several
        ? { type: 'import', files: this.files, options: this.files.map((f, i) => ({ ...options, fileName: f.name, format: this.formats[i] })), georef }
        : { type: 'import', file, options, georef };
      const { result, timing } = await this.worker.start(job, (m) => this.say(m.phase, m.done, m.total));
      const r = /** @type {ImportResult} */ (result);
      // The page's core rebuilds the worker's prepared scene from its snapshot (nothing is
      // read or prepared again), then the plan is drawn: let the bar paint first.
      this.say('loading', 1, 1);
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      // What the core built, whether or not the page takes it (tests read it).
      record.report = r.report;
      const p0 = performance.now();
      const opened = this.d.open(r.scenario, name, r.snapshot ?? undefined);
      record.pageMs = performance.now() - p0;
      record.workerMs = timing.totalMs;
      if (!opened) {
        record.outcome = 'refused';
        this.setError('The plan could not be opened (see the message above); the current plan is unchanged.');
        return;
      }
      record.outcome = 'imported';
      this.showDone(r);
      const levelCount = r.report.levels?.length ?? 0;
      this.d.toast(`Imported ${name}: ${levelCount > 1 ? `${levelCount} levels, ` : ''}${fmtInt(r.report.walls)} walls, ${fmtInt(r.report.doors)} doors, ${fmtInt(r.report.zones)} zones`);
    } catch (e) {
      if (isCancelled(e)) {
        record.outcome = 'cancelled';
        this.d.toast(`Import cancelled: ${name} was not imported; your plan is as it was.`);
      } else {
        record.outcome = 'refused';
        record.message = e instanceof Error ? e.message : String(e);
        this.setError(`${record.message} — the current plan is unchanged.`);
      }
    } finally {
      record.importMs = performance.now() - t0;
      this.setRunning(false);
      delete document.body.dataset.importing;
    }
  }

  /** @param {string} phase @param {number} done @param {number} total */
  say(phase, done, total) {
    const ph = PHASES[phase] ?? { text: phase, from: 0, to: 1 };
    const f = total > 0 ? Math.min(1, done / total) : 0;
    const count = phase === 'cleaning' && total > 1 ? ` · ${fmtInt(done)} of ${fmtInt(total)} shapes` : '';
    $('import-progress-phase').textContent = `${ph.text}${count}`;
    /** @type {HTMLProgressElement} */ ($('import-progress-bar')).value = ph.from + (ph.to - ph.from) * f;
  }

  /** @param {boolean} on */
  setRunning(on) {
    this.running = on;
    $('import-progress').hidden = !on;
    button('import-run').disabled = on;
    $('import-close').textContent = on ? 'Cancel import' : this.done ? 'Close' : 'Cancel';
    for (const c of /** @type {NodeListOf<HTMLInputElement|HTMLSelectElement|HTMLButtonElement>} */ ($('import-setup').querySelectorAll('input, select, button'))) c.disabled = on;
  }

  closeOrCancel() {
    if (this.running) this.worker.cancel();
    else this.dialog.close();
  }

  /** @param {string|null} message */
  setError(message) {
    const e = $('import-error');
    e.hidden = message === null;
    e.textContent = message ?? '';
  }

  /** The report of an import that worked: what was built and cleaned, and the notes with their places. @param {ImportResult} r */
  showDone(r) {
    const rep = r.report;
    $('import-h').textContent = `Imported ${this.title()}`;
    $('import-lead').textContent = 'The plan is on the page (Undo goes back to the one before). Add cameras with + Camera.';
    const geo = r.georef ? ` Georeferenced: origin ${fmtNum(r.georef.origin[0], 6)}, ${fmtNum(r.georef.origin[1], 6)}, rotation ${fmtNum(r.georef.rotation_deg, 2)}°` +
      (r.georef.scale !== undefined ? `; ground over plan distance ${fmtNum(r.georef.scale, 4)} (1 when the drawing's scale is right).` : '.') : '';
    $('import-done-summary').textContent = `${fmtInt(rep.walls)} walls (${fmtInt(rep.wall_segments)} segments), ${fmtInt(rep.doors)} doors and ${fmtInt(rep.zones)} zones, ` +
      `at ${fmtNum(rep.units.metres_per_unit, 6)} m per drawing unit (${rep.units.source}).` +
      (rep.offset_m ? ` Moved by ${fmtNum(rep.offset_m[0], 0)}, ${fmtNum(rep.offset_m[1], 0)} m to start near the origin.` : '') + geo +
      (rep.levels?.length ? ` Levels, bottom to top: ${rep.levels.map((l) => `${l.name} at ${fmtNum(l.elevation_m, 2)} m (${l.elevation_from}; ${fmtInt(l.zones)} zone${l.zones === 1 ? '' : 's'})`).join(', ')}. ${rep.connections ? `${fmtInt(rep.connections)} connection${rep.connections === 1 ? '' : 's'} from the stair and lift layers.` : 'No stairs or lifts are marked on stair or lift layers, so no connections are made: add them to the scenario\'s connections.'}` : '');
    const c = rep.cleanup;
    const CLEAN = /** @type {[string, string][]} */ ([
      ['merged_points', 'near-duplicate points merged'], ['zero_length', 'zero-length pieces dropped'], ['duplicates', 'segments drawn twice kept once'],
      ['overlaps', 'overlapping segments merged'], ['gaps_closed', 'drafting gaps closed'], ['ends_capped', 'open double-line wall ends capped'],
      ['vertices_simplified', 'redundant vertices removed'], ['doors_from_arcs', 'doors made from swing arcs'], ['zones_skipped', 'zone shapes skipped'],
    ]);
    const cleaned = CLEAN.filter(([k]) => c[k] > 0).map(([k, t]) => el('li', { text: `${fmtInt(c[k])} ${t}` }));
    if (c.double_line_m > 0) cleaned.push(el('li', { text: `${fmtNum(c.double_line_m, 1)} m of double-line wall${c.typical_wall_thickness_m ? `, typically ${fmtNum(c.typical_wall_thickness_m * 1000, 0)} mm thick` : ''}` }));
    $('import-done-cleanup').replaceChildren(...cleaned);
    $('import-done-notes').replaceChildren(...rep.notes.map((n) => el('li', { class: n.level === 'warning' ? 'warn' : '' }, [n.place ? el('b', { text: `${n.place}: ` }) : null, n.message])));
    $('import-setup').hidden = true;
    $('import-done').hidden = false;
    button('import-run').textContent = 'Close';
    $('import-close').hidden = true;
  }
}

/**
 * Several drawings' previews as one: every file's layers (merged by name, their counts
 * added; the first file's guess of the kind), the first file's units, extent and sketch
 * (its layers come first, so its sketch's layer indices hold), and every file's notes
 * with the file's name in their place.
 * @param {Preview[]} previews @param {File[]} files @returns {Preview}
 */
export function mergedPreview(previews, files) {
  const first = previews[0];
  /** @type {LayerSummary[]} */
  const layers = [];
  for (const p of previews) {
    for (const l of p.layers) {
      const had = layers.find((m) => m.name === l.name);
      if (!had) { layers.push({ ...l, entities: { ...l.entities } }); continue; }
      for (const [k, n] of Object.entries(l.entities)) had.entities[k] = (had.entities[k] ?? 0) + n;
      had.hidden = had.hidden || l.hidden;
    }
  }
  const notes = previews.flatMap((p, i) => p.notes.map((n) => ({ ...n, place: n.place ? `${files[i].name}: ${n.place}` : files[i].name })));
  return { ...first, layers, notes, levels: [] };
}
