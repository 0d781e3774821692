// @ts-check
/**
 * The other levels of a site (model/levels.js): one core `Scene` per level, each built
 * from the level's slice, kept loaded so that showing a level again is a swap, and the
 * core's `SiteFigures`, which adds up the levels' figures (the page never sums them).
 * The level shown is the mirror's own scene; the others are prepared after it, one at a
 * time in a worker (files/open-worker.js: the level's slice loaded there and handed over
 * as a snapshot, which the page's core rebuilds without preparing it again), and again
 * when an edit made them stale (the catalogue or the settings changed, another layout is
 * shown; a level whose cameras alone changed takes them on its kept scene, `withCameras`). A drag on one level recomputes that level
 * only: the site's figures take the other levels' as they were.
 */

import { coreScenario } from '../model/layouts.js';
import { hasLevels, levelsOf, shownLevel, withLevelShown } from '../model/levels.js';
import { Cancelled } from './worker-runner.js';
/** @typedef {import('./worker-runner.js').WorkerRunner<unknown, {snapshot: Uint8Array}>} LevelRunner */

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('./types.js').Scene} Scene */
/** @typedef {import('./types.js').Headline} Headline */
/** @typedef {import('./types.js').SiteFile} SiteFile */
/** @typedef {import('./mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('../model/levels.js').SiteView} SiteView */

/**
 * Same prepared level: the same walls, zones, georeference, catalogue and settings (a
 * level's plan object may be a new one holding them: model/levels.js marks the ids taken
 * on other levels on it).
 * @param {Scenario} a @param {Scenario} b
 */
export function sameLevelBase(a, b) {
  return a.plan.walls === b.plan.walls && a.plan.zones === b.plan.zones && a.plan.georeference === b.plan.georeference &&
    a.catalog === b.catalog && a.settings === b.settings && a.blindspot === b.blindspot;
}

/** What a level's scene was built for: it is current while these are the page's. @param {Scenario} a @param {Scenario} b */
function sameLevelState(a, b) {
  return sameLevelBase(a, b) && a.cameras === b.cameras && a.name === b.name;
}

export class SiteScenes {
  /** @param {SceneMirror} mirror */
  constructor(mirror) {
    this.mirror = mirror;
    /** The other levels' scenes, by level id, with the level's scenario (page form) each holds. @type {Map<string, {scene: Scene, scenario: Scenario}>} */
    this.scenes = new Map();
    /** @type {import('./types.js').SiteFigures|null} */
    this.figures = null;
    /** The level ids `figures` was made for. @type {string[]} */
    this.ids = [];
    /** Which scene each level's figures came from, and its version (the shown level: the mirror's). @type {Map<string, unknown>} */
    this.told = new Map();
    /** The next background step, while one is due. @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
    /** ms each level's preparation took (tests and docs read them), by level id. @type {Record<string, number>} */
    this.prepareMs = {};
    /** Levels prepared in the background so far (tests read it). */
    this.prepared = 0;
    /**
     * The worker preparing levels (files/open-worker.js; the page hands it over). Without
     * one, each level is prepared on the main thread, one per task between frames.
     * @type {LevelRunner|null}
     */
    this.runner = null;
    /** ms each level's snapshot took to rebuild on the page, by level id. @type {Record<string, number>} */
    this.adoptMs = {};
    /** Levels whose preparation failed, with the state it failed for (not tried again until that changes). @type {Map<string, Scenario>} */
    this.broken = new Map();
    /** Told when a level's preparation failed (the core's error, the level id). @type {((e: unknown, id: string) => void)|null} */
    this.failed = null;
    /** Told when a level's figures came in (the site panel refreshes). @type {(() => void)|null} */
    this.changed = null;
  }

  /** Every scene and handle freed (another plan, or the core restarted: then `lost`, nothing is freed). @param {boolean} [lost] */
  reset(lost = false) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A level being prepared belongs to the plan left.
    this.runner?.cancel();
    if (!lost) {
      for (const e of this.scenes.values()) e.scene.free();
      this.figures?.free();
    }
    this.scenes.clear();
    this.figures = null;
    this.ids = [];
    this.told.clear();
    this.broken.clear();
  }

  /**
   * A plan was opened: a site or a plan of one level (nothing to keep). The file's handle
   * is not kept: the other levels are prepared in the worker, from their slices.
   * @param {Scenario} scenario the page's form, as shown @param {SiteFile|null} file
   */
  opened(scenario, file) {
    this.reset();
    file?.free();
    if (!hasLevels(scenario)) return;
    this.ids = levelsOf(scenario).map((l) => l.id);
    this.figures = this.mirror.guarded(() => new (this.mirror.core().SiteFigures)(this.ids));
  }

  /** The kept scene of level `id` for exactly this scenario (the page's form showing it), taken out; else null. @param {string} id @param {Scenario} s */
  take(id, s) {
    const e = this.scenes.get(id);
    if (!e) return null;
    this.scenes.delete(id);
    if (sameLevelBase(e.scenario, s)) return e;
    e.scene.free();
    return null;
  }

  /** Keeps the scene of the level just left. @param {string} id @param {Scene} scene @param {Scenario} s */
  keep(id, scene, s) {
    this.scenes.get(id)?.scene.free();
    this.scenes.set(id, { scene, scenario: s });
  }

  /**
   * The site's figures with the level shown brought up to date (its scene is the
   * mirror's), and the other levels' preparation scheduled where they are missing or
   * stale. Undefined for a plan of one level. `live` (a drag on the level shown): its
   * figures are the scene's lean totals patched into those told last (`setLevelLive`),
   * and nothing is scheduled.
   * @param {Scenario} s the page's scenario @param {boolean} [live]
   * @returns {SiteView|undefined}
   */
  view(s, live = false) {
    const figures = this.figures;
    if (!figures || !hasLevels(s)) return undefined;
    const shown = /** @type {string} */ (shownLevel(s));
    const m = this.mirror;
    const key = `${m.loadVersion}:${m.version}:${live ? 'live' : 'exact'}`;
    m.guarded(() => {
      if (this.told.get(shown) !== key) {
        if (live) figures.setLevelLive(shown, m.scene);
        else figures.setLevel(shown, m.scene);
        this.told.set(shown, key);
      }
    });
    if (!live) this.schedule(s);
    return m.guarded(() => ({
      levels: levelsOf(s).map((l) => ({ ...l, headline: figures.levelHeadline(l.id), shown: l.id === shown })),
      site: figures.siteHeadline(),
    }));
  }

  /** The levels whose scene is missing or stale for `s`. @param {Scenario} s */
  stale(s) {
    const shown = shownLevel(s);
    return this.ids.filter((id) => {
      if (id === shown) return false;
      const e = this.scenes.get(id);
      const view = withLevelShown(s, id);
      const failed = this.broken.get(id);
      if (failed && sameLevelState(failed, view)) return false;
      return !e || !sameLevelState(e.scenario, view) || this.told.get(id) !== e.scene;
    });
  }

  /** Prepares the stale levels in the background, one per task, after the next frame. @param {Scenario} s */
  schedule(s) {
    if (this.timer || !this.stale(s).length) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      requestAnimationFrame(() => { this.timer = setTimeout(() => { this.timer = null; this.step(); }, 0); });
    }, 0);
  }

  /** The scenario now shown (the mirror's). */
  current() {
    return this.mirror.scenario;
  }

  /** Prepares one stale level, then schedules the next. */
  async step() {
    const s = this.current();
    const figures = this.figures;
    if (!s || !figures || this.mirror.down || this.runner?.busy) return;
    const [id] = this.stale(s);
    if (!id) return;
    const view = withLevelShown(s, id);
    const t0 = performance.now();
    try {
      const e = this.scenes.get(id);
      /** @type {Scene|null} */
      let scene = null;
      if (e && sameLevelState(e.scenario, view)) scene = e.scene;
      else if (e && sameLevelBase(e.scenario, view)) {
        // Another layout's cameras on the same prepared plan: cheap, here.
        scene = this.mirror.guarded(() => e.scene.withCameras(view.name, JSON.stringify(view.cameras)));
        e.scene.free();
      } else if (!this.runner) {
        e?.scene.free();
        scene = this.mirror.guarded(() => this.mirror.core().Scene.load(JSON.stringify(coreScenario(view))));
        this.scenes.delete(id);
      } else {
        // The level's preparation, off the main thread; the page rebuilds its snapshot.
        const text = JSON.stringify(coreScenario(view));
        const { result } = await this.runner.start({ type: 'level', text }, () => {});
        if (this.figures !== figures) return;
        const a0 = performance.now();
        scene = this.mirror.guarded(() => this.mirror.core().Scene.fromSnapshot(result.snapshot));
        this.adoptMs[id] = performance.now() - a0;
        this.scenes.get(id)?.scene.free();
      }
      const made = /** @type {Scene} */ (scene);
      this.scenes.set(id, { scene: made, scenario: view });
      this.mirror.guarded(() => figures.setLevel(id, made));
      this.told.set(id, made);
    } catch (e) {
      if (e instanceof Cancelled || this.figures !== figures) return;
      this.broken.set(id, view);
      this.failed?.(e, id);
      return;
    }
    this.prepareMs[id] = performance.now() - t0;
    this.prepared++;
    this.changed?.();
    const now = this.current();
    if (now) this.schedule(now);
  }
}
