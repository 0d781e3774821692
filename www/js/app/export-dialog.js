// @ts-check
/**
 * The Export dialog (wiring files, the core and the view, so it lives in app/): the report for the board (opened in a new tab to print, or saved as
 * one HTML file), the view on screen as PNG or SVG, the CSV tables, and the
 * self-contained offline file. Each is made by the core (docs/documents.md).
 */

import { $, el, dialog, input, select } from '../panels/dom.js';
import { downloadBlob, downloadText, fileNameFor } from '../files/files.js';
import { localDate, reportHtml, svgToPng, TABLES } from '../files/exports.js';
import { saveOffline } from '../files/offline.js';
import { layoutsOf, activeLayout, toFile, toLevelFile } from '../model/layouts.js';
import { toWorld } from '../view/transform.js';
import { errorMessage } from '../core/mirror.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../view/transform.js').View} View */
/** @typedef {import('../view/frame.js').Show} Show */

/**
 * The plan box on screen: the canvas corners in plan metres.
 * @param {View} view @param {number} width @param {number} height CSS px
 */
export function visibleBox(view, width, height) {
  const [x0, y0] = toWorld(view, 0, 0);
  const [x1, y1] = toWorld(view, width, height);
  return { minX: Math.min(x0, x1), minY: Math.min(y0, y1), maxX: Math.max(x0, x1), maxY: Math.max(y0, y1) };
}

/**
 * The view as an SVG image of `scale` times the canvas size, with the layers shown.
 * @param {any} scene the wasm Scene shown @param {{view: View, width: number, height: number}} vp
 * @param {Show} show @param {number} scale @param {string} caption
 */
export function viewSvg(scene, vp, show, scale, caption) {
  const b = visibleBox(vp.view, vp.width, vp.height);
  const w = Math.max(16, Math.round(vp.width * scale)), h = Math.max(16, Math.round(vp.height * scale));
  const options = JSON.stringify({
    legend: true, views: show.views, bands: show.bands, dead_zones: show.dead, blind_spots: show.blind, labels: show.labels, caption,
  });
  return { svg: /** @type {string} */ (scene.viewSvg(b.minX, b.minY, b.maxX, b.maxY, w, h, options)), width: w, height: h };
}

/**
 * @typedef {{
 *   wasm: () => any, scene: () => any, scenario: () => Scenario,
 *   viewport: () => {view: import('../view/transform.js').View, width: number, height: number},
 *   show: () => import('../view/frame.js').Show,
 *   showError: (title: string, message: string) => void, toast: (text: string) => void,
 * }} ExportDeps
 */

export class ExportDialog {
  /** @param {ExportDeps} d */
  constructor(d) {
    this.d = d;
    this.dialog = dialog('export');
    /** The last document made, for tests: its kind, file name and text (SVG, HTML, CSV). @type {{kind: string, name: string, text?: string}|null} */
    this.last = null;
    $('export-close').addEventListener('click', () => this.dialog.close());
    $('export-report-open').addEventListener('click', () => this.run('Opening the report', () => this.openReport()));
    $('export-report-save').addEventListener('click', () => this.run('Saving the report', () => this.saveReport()));
    $('export-svg').addEventListener('click', () => this.run('Saving the SVG', () => this.saveSvg()));
    $('export-png').addEventListener('click', () => this.run('Saving the PNG', () => this.savePng()));
    $('export-scale').addEventListener('change', () => this.showSize());
    for (const t of TABLES) $(`export-csv-${t.table}`).addEventListener('click', () => this.run('Saving the table', () => this.saveCsv(t.table, t.suffix)));
    $('export-geojson').addEventListener('click', () => this.run('Saving the GeoJSON', () => this.saveGeoJson()));
    $('export-offline').addEventListener('click', () => this.run('Saving the self-contained file', () => this.saveOffline()));
  }

  open() {
    const s = this.d.scenario();
    const layout = select('export-layout');
    layout.replaceChildren(...layoutsOf(s).map((l, k) => el('option', { value: String(k), text: k === 0 ? `${l.name} (main)` : l.name })));
    layout.value = String(activeLayout(s));
    const date = input('export-date');
    if (!date.value) date.value = localDate();
    this.showSize();
    const g = s.plan.georeference;
    $('export-geojson-note').textContent = 'Walls, zones, cameras with their properties, camera views and blind spots of the layout shown, ' +
      (g ? `in WGS84 longitude/latitude (the plan's georeference: origin ${g.origin[0]}, ${g.origin[1]}, rotation ${g.rotation_deg ?? 0}°).`
        : 'in plan metres: the plan has no georeference (import a drawing with one), and the file says so.');
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Runs an export, reporting a failure with what was being done. @param {string} what @param {() => unknown} fn */
  async run(what, fn) {
    try {
      await fn();
    } catch (e) {
      this.d.showError(`${what} failed`, errorMessage(e));
    }
  }

  /** The file name stem of the plan: "museum-wing-as-is". */
  stem() {
    return fileNameFor(this.d.scenario().name).replace(/\.json$/, '');
  }

  scale() {
    return Number(select('export-scale').value) || 1;
  }

  showSize() {
    const vp = this.d.viewport();
    const k = this.scale();
    $('export-size').textContent = `${Math.round(vp.width * k)} × ${Math.round(vp.height * k)} pixels`;
  }

  /** The report's HTML for the chosen layout and date. */
  report() {
    const date = input('export-date').value || localDate();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`the date "${date}" is not a date (YYYY-MM-DD)`);
    const k = Number(select('export-layout').value) || 0;
    const s = this.d.scenario();
    // (A site of several levels: the report of the level shown; `blindspot report` reports the whole site.)
    const html = reportHtml(this.d.wasm(), toLevelFile(s), k, date);
    const name = fileNameFor(layoutsOf(s)[k]?.name ?? s.name).replace(/\.json$/, '-report.html');
    return { html, name };
  }

  openReport() {
    const { html, name } = this.report();
    this.last = { kind: 'report', name, text: html };
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    // A tab of this browser, to print from its own print dialog (the report's print
    // stylesheet lays it out on A4); the blob stays until the tab had time to load it.
    const tab = window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (!tab) this.d.toast('The browser blocked the new tab: use Save as HTML and open the file');
  }

  saveReport() {
    const { html, name } = this.report();
    this.last = { kind: 'report', name, text: html };
    downloadText(name, html, 'text/html;charset=utf-8');
  }

  makeSvg() {
    const s = this.d.scenario();
    return viewSvg(this.d.scene(), this.d.viewport(), this.d.show(), this.scale(), s.name);
  }

  saveSvg() {
    const { svg } = this.makeSvg();
    const name = `${this.stem()}-view.svg`;
    this.last = { kind: 'svg', name, text: svg };
    downloadText(name, svg, 'image/svg+xml');
  }

  async savePng() {
    const { svg, width, height } = this.makeSvg();
    const png = await svgToPng(svg, width, height);
    const name = `${this.stem()}-view.png`;
    this.last = { kind: 'png', name, text: svg };
    downloadBlob(name, png);
  }

  async saveOffline() {
    const s = this.d.scenario();
    const name = `${this.stem()}-planner.html`;
    this.last = { kind: 'offline', name };
    await saveOffline(toFile(s), activeLayout(s), name);
  }

  /** The layout shown as GeoJSON (the core's export, as `blindspot export --format geojson`). */
  saveGeoJson() {
    const text = /** @type {string} */ (this.d.scene().exportGeoJson());
    const name = `${this.stem()}.geojson`;
    this.last = { kind: 'geojson', name, text };
    downloadText(name, text, 'application/geo+json');
  }

  /** @param {string} table @param {string} suffix */
  saveCsv(table, suffix) {
    const csv = /** @type {string} */ (this.d.scene().csv(table));
    const name = `${this.stem()}-${suffix}.csv`;
    this.last = { kind: 'csv', name, text: csv };
    downloadText(name, csv, 'text/csv;charset=utf-8');
  }
}
