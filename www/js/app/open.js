// @ts-check
/**
 * Opening and saving plans: a file (picker or drop), a sample, the autosave; Save writes
 * every layout in one file. The core validates a file before it replaces anything: a bad
 * file shows the core's message and the current plan stays.
 */

import { errorMessage } from '../core/mirror.js';
import { fromFile, toFile, withLayoutActive } from '../model/layouts.js';
import { splitLevels, hasLevels } from '../model/levels.js';
import { readFileText, downloadText, fileNameFor, fetchSample, loadSampleList, drawingFormat } from '../files/files.js';
import { WorkerRunner, Cancelled } from '../core/worker-runner.js';
import { ProgressPanel } from '../panels/progress-panel.js';
import { fmt1 } from '../format.js';
import { el, $, select } from '../panels/dom.js';
import { offlineData } from '../files/offline.js';

/** @typedef {import('../model/history.js').Store} Store */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('./messages.js').Messages} Messages */
/** @typedef {import('./commands.js').Commands} Commands */
/** @typedef {import('../model/autosave.js').Autosave} Autosave */

const DEFAULT_SAMPLE = 'museum-wing.json';

/**
 * Files at least this big open through a worker, with progress and Cancel: reading,
 * checking and preparing one takes long enough (about half a second per megabyte on this
 * machine's main thread) that the page must stay usable and the user able to stop.
 */
export const LARGE_FILE_BYTES = 1_000_000;

/** What each phase of opening a file is called on screen. */
const OPEN_PHASES = /** @type {Record<string, string>} */ ({
  reading: 'Reading the file',
  checking: 'Checking the scenario (every problem is reported with its place)',
  preparing: 'Preparing the plan: walls, views and coverage',
  figures: 'Computing the figures and layers',
  handing: 'Handing the prepared plan to the page',
});

/** @param {number} bytes */
function megabytes(bytes) {
  return `${fmt1(bytes / 1e6)} MB`;
}

/**
 * @typedef {{
 *   store: Store, mirror: SceneMirror, ui: UiState, messages: Messages, commands: Commands,
 *   perf: {loadMs: number, warmupMs: number},
 *   fileText: import('../model/autosave.js').FileText,
 *   opened: () => void,
 *   coreFailed: (e: unknown, what: string) => boolean,
 *   importDrawing: (file: File, format: 'dxf'|'svg'|'geojson') => void,
 *   importDrawings: (list: {file: File, format: 'dxf'|'svg'|'geojson'}[]) => void,
 * }} OpenDeps
 * `opened` resets what belonged to the plan shown before and fits the view;
 * `importDrawing` opens the import dialog for a drawing (dialogs/import.js), `importDrawings`
 * for several drawings imported as one level each.
 */

export class Files {
  /** @param {OpenDeps} deps */
  constructor(deps) {
    this.d = deps;
    /** @type {WorkerRunner<{phase: string, done: number, total: number}, {text: string, planText: string, warnings: string[], snapshot: Uint8Array, figures: import('../core/mirror.js').FirstFigures, level?: string}>} */
    this.opener = new WorkerRunner(new URL('../files/open-worker.js', import.meta.url));
    this.progress = new ProgressPanel('open-progress', 'open-cancel', () => this.opener.cancel());
    /** Files opened through the worker (tests and docs read them). @type {{name: string, bytes: number, timing: any, pageMs: number, split: any, outcome: string, totalMs: number}[]} */
    this.opens = [];
    /**
     * The split of the last openText (see there); `warmUp` is the sum of the warm-up's
     * steps, filled in when it ends (they run between frames, after the figures are shown).
     * @type {{core: number, store: number, draw: number, warmUp: number, panels: number}|null}
     */
    this.lastSplit = null;
  }

  /**
   * Validates `text` with the core; on success it becomes the current scenario (an undoable
   * step), on failure the error is shown and nothing changes. A file's `options` become
   * layouts; `active` picks the one shown (the autosave remembers it).
   * @param {string} text @param {string} source shown in messages
   * @param {{record?: boolean, active?: number, level?: string, warnings?: string[], snapshot?: Uint8Array, planText?: string,
   *   figures?: import('../core/mirror.js').FirstFigures}} [opts] `warnings`: the repairs
   *   already made (a worker loaded the file first; the text it hands over has them applied);
   *   `snapshot`: that worker's prepared scene, rebuilt here instead of loading `text` again;
   *   `planText`: the plan's JSON text as JSON.stringify gives it (the worker wrote it out,
   *   so the autosave does not have to); `figures`: the worker's first figures of that scene
   */
  openText(text, source, opts = {}) {
    const { store, mirror, messages } = this.d;
    let parsed;
    const p0 = performance.now();
    try {
      parsed = opts.snapshot ? { ...mirror.fromSnapshot(opts.snapshot, text), site: null } : mirror.parse(text, opts.level);
    } catch (e) {
      if (!this.d.coreFailed(e, `Opening ${source}`)) messages.showError(`Could not open ${source}`, `${errorMessage(e)} — the current plan is unchanged.`);
      return false;
    }
    messages.hideError();
    const t0 = performance.now();
    /** Where the page's part of opening went (ms; files opened through the worker record it). */
    const split = { core: t0 - p0, store: 0, draw: 0, warmUp: 0, panels: 0 };
    this.lastSplit = split;
    // A site of several levels shows its first level (or the one shown last); the
    // others are prepared after the first frame (core/site-scenes.js).
    const main = splitLevels(fromFile(parsed.scenario), opts.level);
    if (opts.planText !== undefined && !hasLevels(main)) this.d.fileText.know(main.plan, opts.planText);
    mirror.adopt(parsed.scene, main, opts.figures, parsed.site);
    let opened = main;
    if (opts.active && opts.active > 0) {
      const shown = withLayoutActive(main, opts.active);
      try {
        mirror.sync(shown);
        opened = shown;
      } catch (e) {
        messages.showError(`The layout shown last could not be opened`, `${errorMessage(e)} — the main layout is shown instead.`);
      }
    }
    if (store.scenario && opts.record !== false) store.commit(opened, `Open ${source}`);
    else store.reset(opened);
    const d0 = performance.now();
    split.store = d0 - t0;
    this.d.opened();
    const a0 = performance.now();
    split.draw = a0 - d0;
    this.d.perf.loadMs = a0 - t0;
    const warnings = opts.warnings ?? parsed.warnings;
    if (warnings.length) messages.toast(`Opened ${source} with repairs: ${warnings.join('; ')}`);
    this.d.commands.afterEdit(0);
    split.panels = performance.now() - a0;
    // The warm-up runs in short steps once the plan and its figures are on screen.
    delete document.body.dataset.warm;
    mirror.warmUp((how, e) => {
      this.d.perf.warmupMs = mirror.warmupMs;
      split.warmUp = mirror.warmupMs;
      document.body.dataset.warm = how;
      if (how === 'failed' && !this.d.coreFailed(e, 'Warming up')) messages.showError('The planner could not warm up', errorMessage(e));
    });
    return true;
  }

  /** @param {string} file */
  async openSample(file) {
    try {
      const text = await fetchSample(file);
      if (this.openText(text, file)) this.d.messages.toast(`Opened sample ${file}`);
    } catch (e) {
      this.d.messages.showError(`Could not open the sample ${file}`, errorMessage(e));
    }
  }

  /**
   * Several files chosen or dropped together: drawings imported as one level each, bottom
   * to top in the order given (dialogs/import.js); a file among them that is not a drawing
   * is refused and nothing opens.
   * @param {File[]} list
   */
  async importSeveral(list) {
    /** @type {{file: File, format: 'dxf'|'svg'|'geojson'}[]} */
    const drawings = [];
    for (const file of list) {
      let format;
      try {
        format = await drawingFormat(file);
      } catch (e) {
        this.d.messages.showError(`Could not read ${file.name}`, errorMessage(e));
        return;
      }
      if (!format) {
        this.d.messages.showError('Could not open these files together', `${file.name} is not a drawing (DXF, SVG or GeoJSON). Several files are imported as the levels of one building, one level per drawing; open a plan file on its own.`);
        return;
      }
      drawings.push({ file, format });
    }
    this.d.importDrawings(drawings);
  }

  /** A scenario file opens; a drawing (DXF, SVG, GeoJSON) goes to the import dialog. @param {File} file */
  async openFile(file) {
    let format;
    try {
      format = await drawingFormat(file);
    } catch (e) {
      this.d.messages.showError(`Could not read ${file.name}`, errorMessage(e));
      return;
    }
    if (format) {
      this.d.importDrawing(file, format);
      return;
    }
    if (file.size >= LARGE_FILE_BYTES) {
      await this.openLarge(file);
      return;
    }
    try {
      const text = await readFileText(file);
      if (this.openText(text, file.name)) this.d.messages.toast(`Opened ${file.name}`);
    } catch (e) {
      this.d.messages.showError(`Could not read ${file.name}`, errorMessage(e));
    }
  }

  /**
   * A large file: read, checked and prepared in a worker with progress and Cancel; the
   * plan shown is replaced only once that has worked. The worker hands its prepared scene
   * over as a snapshot, which the page's core rebuilds (no reading or preparing again);
   * drawing the new plan is the page's last, short step.
   * @param {File} file @param {{source?: string, active?: number, level?: string}} [opts] `source`: what
   *   messages call it (the file's name); `active`: the layout to show (the autosave's)
   * @returns {Promise<boolean>} whether it was opened
   */
  async openLarge(file, opts = {}) {
    // (`level`: the level of a site to show first, as the autosave remembers it.)
    const { messages } = this.d;
    const source = opts.source ?? file.name;
    // A new file replaces the one being opened.
    if (this.opener.busy) this.opener.cancel();
    const t0 = performance.now();
    const record = { name: file.name, bytes: file.size, timing: /** @type {any} */ (null), pageMs: 0, split: /** @type {any} */ (null), outcome: 'opened' };
    this.progress.show(`Opening ${source} (${megabytes(file.size)})`, OPEN_PHASES.reading);
    document.body.dataset.opening = file.name;
    try {
      const { result, timing } = await this.opener.start({ type: 'open', file, level: opts.level }, (p) => {
        const text = OPEN_PHASES[p.phase] ?? p.phase;
        if (p.phase === 'reading') this.progress.say(`${text} · ${megabytes(p.done)} of ${megabytes(p.total)}`, p.total > 0 ? 0.3 * (p.done / p.total) : null);
        else this.progress.say(text, null);
      });
      record.timing = timing;
      // The page's core rebuilds the worker's scene from its snapshot, then the plan is
      // drawn: let the panel paint first.
      this.progress.say('Putting it on the plan', 0.95);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const p0 = performance.now();
      if (this.openText(result.text, source, { warnings: result.warnings, snapshot: result.snapshot, planText: result.planText, figures: result.figures, active: opts.active, level: result.level })) {
        messages.toast(`Opened ${source}`);
      } else record.outcome = 'refused';
      record.pageMs = performance.now() - p0;
      record.split = this.lastSplit;
    } catch (e) {
      if (e instanceof Cancelled) {
        record.outcome = 'cancelled';
        messages.toast(`Cancelled: ${source} was not opened; your plan is as it was.`);
      } else {
        record.outcome = 'refused';
        messages.showError(`Could not open ${source}`, `${errorMessage(e)} — the current plan is unchanged.`);
      }
    } finally {
      this.opens.push({ ...record, totalMs: performance.now() - t0 });
      this.progress.hide();
      delete document.body.dataset.opening;
    }
    return record.outcome === 'opened';
  }

  save() {
    const s = this.d.store.scenario;
    if (!s) return;
    // One file holds every layout: the main one as `cameras`, the others as `options`.
    const file = toFile(s);
    const name = fileNameFor(file.name);
    downloadText(name, `${JSON.stringify(file, null, 2)}\n`);
    this.d.messages.toast(`Saved ${name}`);
  }

  /**
   * The first plan: `?sample=FILE`, else the autosave (unless `?fresh`), else the default
   * sample; fills the samples menu.
   * @param {Autosave} autosave
   */
  async start(autosave) {
    const { messages } = this.d;
    const params = new URLSearchParams(location.search);
    const menu = select('sample-select');
    const offline = offlineData();
    if (offline) {
      // A self-contained file: its own plan, and no samples (they would be requests).
      menu.hidden = true;
      const ok = this.openText(JSON.stringify(offline.scenario), 'the plan in this file', { record: false, active: offline.active });
      $('loading').hidden = true;
      document.body.dataset.ready = ok ? 'true' : 'empty';
      return;
    }
    try {
      for (const s of await loadSampleList()) menu.append(el('option', { value: s.file, text: s.name }));
    } catch (e) {
      messages.showError('The samples menu is empty', errorMessage(e));
    }
    menu.addEventListener('change', () => {
      const file = menu.value;
      menu.value = '';
      if (file) this.openSample(file);
    });
    const sample = params.get('sample');
    let ok = false;
    if (!params.has('fresh') && !sample) {
      let saved = null;
      try {
        saved = await autosave.load();
      } catch (e) {
        messages.showError('Your autosaved plan could not be read', `${errorMessage(e)} — a sample opens instead.`);
      }
      if (saved) {
        // A large plan is prepared in the worker, as when its file is opened.
        ok = saved.text.length >= LARGE_FILE_BYTES
          ? await this.openLarge(new File([saved.text], 'autosave.json', { type: 'application/json' }), { source: 'your autosaved plan', active: saved.active, level: saved.level })
          : this.openText(saved.text, 'your autosaved plan', { record: false, active: saved.active, level: saved.level });
        if (ok) messages.toast(`Restored the plan you were working on${saved.savedAt ? ` (autosaved ${new Date(saved.savedAt).toLocaleTimeString()})` : ''}`);
      }
    }
    if (!ok) {
      const file = sample && /^[\w.-]+\.json$/.test(sample) ? sample : DEFAULT_SAMPLE;
      try {
        ok = this.openText(await fetchSample(file), file, { record: false });
      } catch (e) {
        messages.showError(`Could not open the sample ${file}`, errorMessage(e));
      }
    }
    $('loading').hidden = true;
    document.body.dataset.ready = ok ? 'true' : 'empty';
  }
}
