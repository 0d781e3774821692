// @ts-check
/**
 * Wraps the wasm `Scene` (docs/wasm-api.md): loads scenarios, mirrors the page's edits
 * into it with the cheapest call that fits, and fetches summaries, reports and layers
 * (cached per scene version). It never computes geometry itself.
 *
 * When the core fails (a trap: see core/load.js) the instance is dead: the mirror
 * refuses every call with a `CoreDown` error until `restart` hands it a fresh instance
 * and the scenario to rebuild (the page's single source of truth).
 */

import { coreScenario } from '../model/layouts.js';
import { sameBase } from '../model/scenario.js';
import { cornerMoved } from '../model/plan.js';
import { ruleMap } from '../model/optics.js';
import { takeShapes, replacePolygonRuns } from './shapes.js';
import { isTrap } from './load.js';
import { hasLevels, isLevelSwitch, shownLevel } from '../model/levels.js';
import { SiteScenes } from './site-scenes.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../model/optics.js').ModelRuleMap} ModelRuleMap */
/** @typedef {import('./shapes.js').Shapes} Shapes */
/** @typedef {import('./types.js').Core} Core */
/** @typedef {import('./types.js').Scene} Scene */
/** @typedef {import('./types.js').Summary} Summary */
/** @typedef {import('./types.js').Report} Report */
/** @typedef {import('./types.js').BlindSpots} BlindSpots */
/** @typedef {import('./types.js').Level} Level */
/** @typedef {import('./types.js').Picked} Picked */
/** @typedef {import('./types.js').RoomFound} RoomFound */
/** @typedef {import('./types.js').CameraObject} CameraObject */
/** @typedef {'views'|'blind'|'multi'|'dead'|'bands'} LayerName */
/**
 * A scene's first figures, computed by the open worker (files/open-worker.js).
 * `security`: the security analysis's values by name, with the ms each took (security/analysis.js asks `firstFigure`).
 * @typedef {{summary: Summary, summaryMs: number, blindSpots: BlindSpots, labels: Float64Array, layers: Partial<Record<LayerName, Shapes>>,
 *   security: Record<string, {value: unknown, ms: number}>}} FirstFigures
 */

/** @param {unknown} e */
export function errorMessage(e) {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** The core is restarting after a failure: nothing can be asked of it until it is back. */
export class CoreDown extends Error {
  constructor() {
    super('the planner\'s core is restarting after a failure; try again in a moment');
    this.name = 'CoreDown';
  }
}

/**
 * At most this many changed cameras are patched into the last summary and layers during
 * a drag (a camera drag changes one; a wall drag the cameras whose views it reaches);
 * beyond it everything is fetched whole, which is then cheaper.
 */
const LEAN_CAMERAS = 32;

/**
 * The warm-up leaves out the plan-wide calls when a full summary takes longer than this
 * (ms): see `warmUp`.
 */
const WHOLE_WARM_MS = 16;

/** No warm-up at all when a full summary took longer than this (ms): see `warmUp`. */
const SKIP_WARM_MS = 250;

/** The warm-up stops after a step that took longer than this (ms): see `warmUp`. */
const WARM_STEP_MS = 50;

/** How many scenes of other layouts stay loaded. */
const PARK_LIMIT = 3;

export class SceneMirror {
  /** @param {Core} wasm */
  constructor(wasm) {
    this.wasm = wasm;
    /** @type {Scene|null} */
    this.sceneOrNull = null;
    /** The scenario the scene currently holds. @type {Scenario|null} */
    this.scenario = null;
    /** The instance trapped; calls are refused until `restart`. */
    this.down = false;
    /** Bumped whenever the scene changes; layers and reports are cached per version. */
    this.version = 0;
    /** @type {{version: number, report: Report}|null} */
    this.reportCache = null;
    /** @type {{version: number, lean: boolean, summary: Summary}|null} */
    this.summaryCache = null;
    /** @type {Map<string, {version: number, shapes: Shapes}>} */
    this.layerCache = new Map();
    /** @type {{version: number, spots: BlindSpots}|null} */
    this.blindCache = null;
    /** Bumped when the scene is rebuilt (plan, catalogue or settings changed). */
    this.loadVersion = 0;
    /** Bumped when the catalogue or settings may have changed (not by a plan edit). */
    this.rulesVersion = 0;
    /** @type {{load: number, levels: Level[], rules: ModelRuleMap}|null} */
    this.loadCache = null;
    /** The zone label points, for the zones they were computed for (a wall edit keeps them). @type {{zones: unknown, load: number, labels: Float64Array}|null} */
    this.labelCache = null;
    /**
     * Lean mode (set by the page during a drag): summaries merge the core's lean
     * `totals()` with the full summary last fetched and the changed cameras'
     * `cameraSummary(i)`, and the per-camera layers (views, dead, bands) are patched
     * with `cameraLayers(i)` for the changed cameras instead of being fetched whole.
     */
    this.lean = false;
    /**
     * Which cameras' views and figures each scene version changed (null: anything
     * else), newest last, and whether it was a wall edit (the totals changed with no
     * camera's settings). 64 entries reach back further than a lean summary ever needs
     * (one per drag frame between two full summaries).
     * @type {{version: number, cams: number[]|null}[]}
     */
    this.log = [];
    /** cameraLayers(i) of this version, per camera. @type {{version: number, byCamera: Map<number, Shapes>}|null} */
    this.cameraLayersCache = null;
    /**
     * Scenes of the layouts shown before (model/layouts.js), kept loaded so that
     * switching back is a swap, not a reload; the oldest beyond PARK_LIMIT are freed.
     * @type {{scene: Scene, scenario: Scenario}[]}
     */
    this.parked = [];
    /** Layout switches served from a parked scene (tests read it). */
    this.parkHits = 0;
    /** Restarts after a failure of the core (tests read it). */
    this.restarts = 0;
    /** What the last `setPlan` redid, and how long it took (ms). @type {import('./types.js').PlanEdit|null} */
    this.lastPlanEdit = null;
    this.lastPlanEditMs = 0;
    /** ms spent inside the core's calls so far (copies out of its memory included); benchmarks read it. */
    this.coreMs = 0;
    this.depth = 0;
    /** Plan edits taken so far (`setPlan`). */
    this.planEdits = 0;
    /** The last full `summary()` call's ms (Infinity until one is made); see `warmUp`. */
    this.summaryMs = Infinity;
    /** What the open worker computed that the mirror does not keep itself (see `firstFigure`). @type {{version: number, security: Record<string, {value: unknown, ms: number}>}|null} */
    this.first = null;
    /** The warm-up's next step, while one is due, and the warm-up it belongs to. @type {ReturnType<typeof setTimeout>|null} */
    this.warming = null;
    /** @type {object|null} */
    this.warmToken = null;
    /** ms the last warm-up's steps took together. */
    this.warmupMs = 0;
    /** A site of several levels: the other levels' scenes and the site's figures (the level shown is this scene). */
    this.site = new SiteScenes(this);
    /** Level switches served from a kept scene (tests read it). */
    this.levelHits = 0;
  }

  /** The scene; throws when there is none or the core is down. @returns {Scene} */
  get scene() {
    if (this.down) throw new CoreDown();
    if (!this.sceneOrNull) throw new Error('no plan is loaded');
    return this.sceneOrNull;
  }

  /** @returns {Core} */
  core() {
    if (this.down) throw new CoreDown();
    return this.wasm;
  }

  /**
   * Runs `call` on the core; a trap marks the instance down (and is rethrown) so
   * nothing runs on its memory again.
   * @template T @param {() => T} call @returns {T}
   */
  guarded(call) {
    if (this.down) throw new CoreDown();
    const t0 = this.depth++ === 0 ? performance.now() : -1;
    try {
      return call();
    } catch (e) {
      // A trap here, or one an earlier call made outside the mirror (its instance now
      // refuses every call): either way the instance is done.
      if (isTrap(e) || this.instanceBroken()) this.down = true;
      throw e;
    } finally {
      if (--this.depth === 0) this.coreMs += performance.now() - t0;
    }
  }

  /** The instance's own word that it panicked (a flag it keeps; no memory is read). */
  instanceBroken() {
    try {
      return this.sceneOrNull?.isBroken() ?? false;
    } catch (e) {
      return isTrap(e);
    }
  }

  /**
   * A fresh instance of the core after a failure: every scene of the old one is gone
   * (its memory is not to be trusted); the scene is rebuilt from `scenario`.
   * @param {Core} wasm @param {Scenario|null} scenario
   */
  restart(wasm, scenario) {
    this.wasm = wasm;
    this.down = false;
    this.sceneOrNull = null;
    this.parked = [];
    this.site.reset(true);
    this.scenario = null;
    this.restarts++;
    if (scenario) this.reload(scenario);
  }

  /**
   * The scene kept loaded for exactly these cameras of this plan, catalogue and settings,
   * if any (the compare view reads its figures without loading).
   * @param {Scenario} s @param {Camera[]} cameras @returns {Scene|null}
   */
  findParked(s, cameras) {
    if (this.down) return null;
    return this.parked.find((p) => p.scenario.cameras === cameras && sameBase(p.scenario, s))?.scene ?? null;
  }

  /** @param {{scene: Scene, scenario: Scenario}} entry */
  park(entry) {
    this.parked.push(entry);
    while (this.parked.length > PARK_LIMIT) this.parked.shift()?.scene.free();
  }

  /**
   * Parses and validates a scenario text without touching the current scene.
   * Throws the core's error message on a bad file.
   * @param {string} text
   * @returns {{scene: Scene, scenario: Scenario, warnings: string[], site: import('./types.js').SiteFile|null}} `site`:
   *   the file of a site of several levels (`scene` is that of level `level`, else of its first), for `adopt`
   * @param {string} [level]
   */
  parse(text, level) {
    return this.guarded(() => {
      // Every level is read and checked; a file of one level becomes its scene as
      // `Scene.load` makes it, a site the scene of its first level (the others are
      // prepared from `site` after it is shown: see `adopt`).
      const file = this.wasm.SiteFile.parse(text);
      /** @type {Scene|null} */
      let scene = null;
      let used = false;
      try {
        if (file.levelCount() <= 1) {
          used = true;
          scene = file.intoScene();
          return { scene, scenario: JSON.parse(scene.scenarioJson()), warnings: scene.warnings(), site: null };
        }
        const levels = file.levels();
        scene = file.levelScene(levels.some((l) => l.id === level) ? /** @type {string} */ (level) : levels[0].id);
        return { scene, scenario: JSON.parse(file.scenarioJson()), warnings: file.warnings(), site: file };
      } catch (e) {
        if (!isTrap(e)) {
          scene?.free();
          if (!used) file.free();
        }
        throw e;
      }
    });
  }

  /**
   * A scene rebuilt from a worker's session snapshot (files/open-worker.js), with `text`
   * the scenario the worker's scene held (its canonical JSON): nothing is read or
   * prepared again. Throws the core's message when the bytes are not a snapshot of this
   * build or are damaged; the current scene is untouched either way.
   * @param {Uint8Array} snapshot @param {string} text
   * @returns {{scene: Scene, scenario: Scenario, warnings: string[]}}
   */
  fromSnapshot(snapshot, text) {
    return this.guarded(() => {
      const scene = this.wasm.Scene.fromSnapshot(snapshot);
      try {
        return { scene, scenario: JSON.parse(text), warnings: scene.warnings() };
      } catch (e) {
        if (!isTrap(e)) scene.free();
        throw e;
      }
    });
  }

  /**
   * Makes a parsed scene current. `figures`: what a worker computed from the scene this
   * one was rebuilt from (files/open-worker.js), kept as this version's so that the first
   * frame and figures need no call into the core.
   * `site`: the file a site of several levels was read from (`parse`): its other levels
   * are prepared from it. A scenario of one level needs none.
   * @param {Scene} scene @param {Scenario} scenario @param {FirstFigures} [figures] @param {import('./types.js').SiteFile|null} [site]
   */
  adopt(scene, scenario, figures, site = null) {
    this.site.opened(scenario, site);
    this.swapScene(scene, scenario);
    if (figures) {
      this.summaryCache = { version: this.version, lean: false, summary: figures.summary };
      this.summaryMs = figures.summaryMs;
      this.blindCache = { version: this.version, spots: figures.blindSpots };
      for (const [name, shapes] of Object.entries(figures.layers)) this.layerCache.set(name, { version: this.version, shapes });
      this.labelCache = { zones: scenario.plan.zones, load: this.rulesVersion, labels: figures.labels };
    }
    this.first = figures ? { version: this.version, security: figures.security } : null;
  }

  /**
   * The open worker's value of a security analysis result for the scene shown, and the ms
   * it took there (undefined when it has none, or the scene changed since).
   * @param {string} name @returns {{value: unknown, ms: number}|undefined}
   */
  firstFigure(name) {
    return this.first?.version === this.version ? this.first.security[name] : undefined;
  }

  /** Loads a scenario object (a full rebuild of the core's state). @param {Scenario} scenario */
  reload(scenario) {
    // (The level shown is a scenario of one level: its slice.)
    const { scene, site } = this.parse(JSON.stringify(coreScenario(scenario)));
    site?.free();
    const sameSite = hasLevels(scenario) && this.scenario && hasLevels(this.scenario) && this.site.figures;
    if (sameSite) this.adoptLevel(scene, scenario);
    else this.adopt(scene, scenario);
  }

  /**
   * Makes a scene of the level shown current, keeping the other levels' scenes (an edit
   * on one level of the site reloaded it). @param {Scene} scene @param {Scenario} scenario
   */
  adoptLevel(scene, scenario) {
    this.swapScene(scene, scenario);
    this.first = null;
  }

  /**
   * Makes `scene` (of `scenario`) the current one: the old one freed, with the parked
   * scenes that can never be used again (another plan, catalogue or settings), and every
   * cache keyed on the load made stale. @param {Scene} scene @param {Scenario} scenario
   */
  swapScene(scene, scenario) {
    if (this.sceneOrNull && this.sceneOrNull !== scene) this.sceneOrNull.free();
    this.parked = this.parked.filter((p) => {
      if (sameBase(p.scenario, scenario)) return true;
      p.scene.free();
      return false;
    });
    this.sceneOrNull = scene;
    this.scenario = scenario;
    this.loadVersion++;
    this.rulesVersion++;
    this.touch();
  }

  /**
   * Another level of the site: the scene of the level left is kept; the one shown is its
   * kept scene if it holds this level's plan, catalogue and settings (its cameras brought
   * up to date), else a new one of its slice.
   * @param {Scenario} prev @param {Scenario} next
   */
  switchLevel(prev, next) {
    const from = /** @type {string} */ (shownLevel(prev)), to = /** @type {string} */ (shownLevel(next));
    const kept = this.site.take(to, next);
    /** @type {Scene} */
    let scene;
    if (kept) {
      scene = kept.scene;
      if (kept.scenario.cameras !== next.cameras) {
        scene = kept.scene.withCameras(next.name, JSON.stringify(next.cameras));
        kept.scene.free();
      } else if (kept.scenario.name !== next.name) scene.setName(next.name);
      this.levelHits++;
    } else {
      scene = this.parse(JSON.stringify(coreScenario(next))).scene;
    }
    // Scenes parked for other layouts belong to the level left.
    for (const p of this.parked) p.scene.free();
    this.parked = [];
    this.site.keep(from, this.scene, prev);
    this.sceneOrNull = scene;
    this.scenario = next;
    this.loadVersion++;
    this.rulesVersion++;
    this.touch();
    this.first = null;
  }

  /**
   * A new scene version. @param {number|number[]} [cams] the only camera that changed,
   * or the cameras whose views a wall edit changed (every other view is as it was); -1
   * (or nothing): anything else
   */
  touch(cams = -1) {
    this.version++;
    this.log.push({ version: this.version, cams: Array.isArray(cams) ? cams : cams >= 0 ? [cams] : null });
    if (this.log.length > 64) this.log.splice(0, this.log.length - 64);
  }

  /**
   * The cameras whose views or figures changed since scene version `v`, or null when
   * something else changed (a load, a camera added or removed, a rename, a zone edit)
   * or the log does not reach back.
   * @param {number} v @returns {Set<number>|null}
   */
  changedSince(v) {
    if (v === this.version) return new Set();
    const first = this.log.findIndex((e) => e.version === v + 1);
    if (first < 0) return null;
    const cams = new Set();
    for (let k = first; k < this.log.length; k++) {
      const c = this.log[k].cams;
      if (!c) return null;
      for (const i of c) cams.add(i);
    }
    return cams;
  }

  /**
   * Brings the scene from the scenario it holds to `next`, with the cheapest calls.
   * On a refusal the scene is restored to what it held and the error is rethrown; on a
   * trap the core is down (see `restart`).
   * @param {Scenario} next
   */
  sync(next) {
    if (this.down) throw new CoreDown();
    const prev = this.scenario;
    if (prev === next) return;
    if (prev && this.sceneOrNull && isLevelSwitch(prev, next)) {
      this.guarded(() => this.switchLevel(prev, next));
      return;
    }
    if (prev && this.sceneOrNull && sameBase(prev, next) && prev.cameras !== next.cameras &&
      (prev.layouts?.active ?? 0) !== (next.layouts?.active ?? 0)) {
      this.guarded(() => this.switchLayout(prev, next));
      return;
    }
    if (prev && this.sceneOrNull && prev.plan !== next.plan && onlyPlanChanged(prev, next)) {
      this.guarded(() => this.setPlan(next));
      return;
    }
    if (!prev || !this.sceneOrNull || !sameBase(prev, next)) {
      this.reload(next);
      return;
    }
    try {
      this.guarded(() => {
        if (prev.name !== next.name) this.scene.setName(next.name);
        const cam = this.syncCameras(prev, next);
        this.scenario = next;
        this.touch(prev.name === next.name && cam >= 0 ? cam : -1);
      });
    } catch (e) {
      // Some calls may have gone through: rebuild from the last good scenario (unless
      // the core itself failed: then the page restarts it).
      if (!this.down) this.reload(prev);
      throw e;
    }
  }

  /**
   * A wall or zone edit: the core takes the new plan in place (`setPlan`: no reload of
   * the scenario, only the views near the change recomputed; a corner move goes as
   * `moveCorner`). A refusal changes nothing
   * in the core and is rethrown. Scenes parked for other layouts hold the old plan: freed.
   * @param {Scenario} next
   */
  setPlan(next) {
    const t0 = performance.now();
    // A corner drag sends the move, not the plan (the core checks and applies the same edit).
    const move = this.scenario ? cornerMoved(this.scenario.plan, next.plan) : null;
    const edit = move ? this.scene.moveCorner(move.from[0], move.from[1], move.to[0], move.to[1]) : this.scene.setPlan(JSON.stringify(next.plan));
    this.lastPlanEdit = edit;
    this.lastPlanEditMs = performance.now() - t0;
    this.planEdits++;
    for (const p of this.parked) p.scene.free();
    this.parked = [];
    const zonesSame = this.scenario?.plan.zones === next.plan.zones && !edit.zones_rebuilt;
    this.scenario = next;
    this.loadVersion++;
    // Walls only: the views the core did not list are exactly as they were, so the
    // layers and figures are patched for the listed cameras (a zone edit changes
    // every zone's figures: everything is fetched again).
    this.touch(zonesSame ? edit.cameras : -1);
  }

  /**
   * Another layout of the same plan: the scene of the layout left is parked (kept
   * loaded); the one shown is a parked scene holding exactly its cameras if there is
   * one, else a new scene sharing this one's prepared plan.
   * @param {Scenario} prev @param {Scenario} next
   */
  switchLayout(prev, next) {
    const k = this.parked.findIndex((p) => p.scenario.cameras === next.cameras && sameBase(p.scenario, next));
    /** @type {Scene} */
    let scene;
    if (k >= 0) {
      scene = this.parked.splice(k, 1)[0].scene;
      this.parkHits++;
      scene.setName(next.name);
    } else {
      // Same plan, catalogue and settings: reuse the prepared walls and zones.
      scene = this.scene.withCameras(next.name, JSON.stringify(next.cameras));
    }
    this.park({ scene: this.scene, scenario: prev });
    this.sceneOrNull = scene;
    this.scenario = next;
    this.loadVersion++;
    this.rulesVersion++;
    this.touch();
  }

  /**
   * @param {Scenario} prev @param {Scenario} next
   * @returns {number} the index of the only camera changed in place, else -1
   */
  syncCameras(prev, next) {
    const a = prev.cameras;
    const b = next.cameras;
    if (a === b) return -1;
    const s = this.scene;
    if (a.length === b.length) {
      let only = -1, count = 0;
      for (let i = 0; i < b.length; i++) {
        if (a[i] !== b[i]) {
          this.syncCamera(i, a[i], b[i]);
          only = i;
          count++;
        }
      }
      return count === 1 ? only : -1;
    }
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    if (b.length === a.length + 1 && k === a.length) {
      s.addCamera(JSON.stringify(b[k]));
      return -1;
    }
    if (b.length === a.length - 1 && sameTail(a, k + 1, b, k)) {
      s.removeCamera(k);
      return -1;
    }
    // Insertion in the middle: undoing a delete puts the camera back in its place.
    if (b.length === a.length + 1 && sameTail(a, k, b, k + 1)) {
      s.insertCamera(k, JSON.stringify(b[k]));
      return -1;
    }
    // Several changes at once.
    this.reload(next);
    return -1;
  }

  /**
   * A moved camera goes through `moveCamera`; anything else through `setCamera`, which
   * keeps the core's camera identical to ours. (`aimCamera` would turn a field of view
   * that comes from a lens into an override: see docs/web-app.md.)
   * @param {number} i @param {Camera} was @param {Camera} cam
   */
  syncCamera(i, was, cam) {
    const s = this.scene;
    const keys = new Set([...Object.keys(was), ...Object.keys(cam)]);
    keys.delete('position');
    const othersSame = [...keys].every((k) => JSON.stringify(was[/** @type {keyof Camera} */ (k)]) === JSON.stringify(cam[/** @type {keyof Camera} */ (k)]));
    if (othersSame) {
      s.moveCamera(i, cam.position[0], cam.position[1]);
      return;
    }
    s.setCamera(i, JSON.stringify(cam));
  }

  /**
   * Exact totals; cached per scene version. In lean mode (a drag), when only a few
   * cameras changed since the last summary (four: a drag changes one; more means
   * something else happened), the core's lean `totals()` and those cameras'
   * `cameraSummary(i)` are merged into it: every figure a drag moves is current;
   * per-zone level breakdowns wait for the full summary after the drag.
   * @returns {Summary}
   */
  summary() {
    const c = this.summaryCache;
    if (c?.version === this.version && (this.lean || !c.lean)) return c.summary;
    const changed = this.lean && c ? this.changedSince(c.version) : null;
    this.summaryCache = this.guarded(() => {
      if (c && changed && changed.size <= LEAN_CAMERAS) {
        const t = this.scene.totals();
        const base = c.summary;
        const zones = base.zones.map((z, k) => {
          const lz = t.zones[k];
          return lz && lz.id === z.id ? { ...z, ...lz } : z;
        });
        const cameras = base.cameras.slice();
        for (const i of changed) cameras[i] = this.scene.cameraSummary(i);
        return { version: this.version, lean: true, summary: { ...base, ...t, zones, cameras } };
      }
      const t0 = performance.now();
      const summary = this.scene.summary();
      this.summaryMs = performance.now() - t0;
      return { version: this.version, lean: false, summary };
    });
    return this.summaryCache.summary;
  }

  /** What can hold a camera at plan point (x, y). @param {number} x @param {number} y @returns {import('./types.js').MountAt} */
  mountAt(x, y) {
    return this.guarded(() => this.scene.mountAt(x, y));
  }

  /**
   * Where a camera placed or dropped at (x, y) goes and where it looks (the core's rule).
   * @param {number} x @param {number} y @param {number} range NaN: unknown @param {number} heading
   * @returns {import('./types.js').Placed}
   */
  placeCamera(x, y, range, heading) {
    return this.guarded(() => this.scene.placeCamera(x, y, range, heading));
  }

  /**
   * What changing layout `before` into layout `after` costs: the core's one cost account
   * (the proposal card, the compare view, the curve and the report all use it).
   * @param {Camera[]} before @param {Camera[]} after @returns {import('./types.js').ChangeCost}
   */
  changeCost(before, after) {
    return this.guarded(() => this.scene.changeCost(JSON.stringify(before), JSON.stringify(after)));
  }

  /** The full summary straight from the core, bypassing the cache and lean mode (tests). @returns {Summary} */
  freshSummary() {
    return this.guarded(() => this.scene.summary());
  }

  /** Camera i's view, dead zone and bands (cameraLayers), per version. @param {number} i */
  cameraLayers(i) {
    const c = this.cameraLayersCache;
    if (c?.version !== this.version) this.cameraLayersCache = { version: this.version, byCamera: new Map() };
    const byCamera = /** @type {NonNullable<SceneMirror['cameraLayersCache']>} */ (this.cameraLayersCache).byCamera;
    let shapes = byCamera.get(i);
    if (!shapes) {
      shapes = this.guarded(() => takeShapes(this.scene.cameraLayers(i)));
      byCamera.set(i, shapes);
    }
    return shapes;
  }

  /** The full report (blind spot polygons); cached per scene version. @returns {Report} */
  report() {
    if (this.reportCache?.version !== this.version) {
      this.reportCache = { version: this.version, report: this.guarded(() => this.scene.report()) };
    }
    return this.reportCache.report;
  }

  /** The blind-spot list (much smaller than the report); cached per scene version. @returns {BlindSpots} */
  blindSpots() {
    if (this.blindCache?.version !== this.version) {
      const spots = this.reportCache?.version === this.version ? this.reportCache.report : this.guarded(() => this.scene.blindSpots());
      this.blindCache = { version: this.version, spots };
    }
    return this.blindCache.spots;
  }

  /** The last blind-spot list computed, even if the scene changed since. */
  lastBlindSpots() {
    return this.blindCache?.spots ?? null;
  }

  blindSpotsAreCurrent() {
    return this.blindCache?.version === this.version;
  }

  /** Per-load data: the density levels (densest first), the models' rules, the zone label points. */
  loadData() {
    if (this.loadCache?.load !== this.rulesVersion) {
      this.loadCache = this.guarded(() => ({ load: this.rulesVersion, levels: this.scene.levels(), rules: ruleMap(this.scene.modelRules()) }));
    }
    return this.loadCache;
  }

  /** The density levels in use, densest first. @returns {Level[]} */
  levels() {
    return this.loadData().levels;
  }

  /** The core's rules of the catalogue's models. @returns {ModelRuleMap} */
  modelRules() {
    return this.loadData().rules;
  }

  /** A point well inside each zone (x, y pairs in zone order), for its label. */
  zoneLabels() {
    const zones = this.scenario?.plan.zones;
    const c = this.labelCache;
    if (c && c.zones === zones && c.load === this.rulesVersion) return c.labels;
    const labels = this.guarded(() => this.scene.zoneLabels());
    this.labelCache = { zones, load: this.rulesVersion, labels };
    return labels;
  }

  /**
   * The focal length giving camera i (a varifocal lens) a horizontal field of view of
   * `hfov`, clamped to the lens: the core inverts its own optics (`focalForHfov`).
   * Undefined for a camera without a varifocal lens with a known sensor.
   * @param {number} i @param {number} hfov @returns {number|undefined}
   */
  focalFor(i, hfov) {
    const f = this.guarded(() => this.scene.focalForHfov(i, hfov));
    return typeof f === 'number' && Number.isFinite(f) ? f : undefined;
  }

  /**
   * A new camera at `at` with the core's rules for its model (see `newCamera` in
   * docs/wasm-api.md); not added.
   * @param {{id: string, position: [number, number], heading_deg: number}} at @param {string} modelId '' for none
   * @param {number} height @param {number} like the camera whose optics a camera without a model copies, or -1
   * @returns {Camera}
   */
  newCamera(at, modelId, height, like) {
    return this.guarded(() => this.scene.newCamera(JSON.stringify(at), modelId, height, like));
  }

  /** Camera i refitted to another model by the core's rules (not applied). @param {number} i @param {string} modelId '' for none @returns {Camera} */
  refitCamera(i, modelId) {
    return this.guarded(() => this.scene.refitCamera(i, modelId));
  }

  /**
   * A layer, cached per version. In lean mode the per-camera layers (views, dead,
   * bands) are patched from the last copy with the changed cameras' `cameraLayers(i)`
   * (polygon 0 the view, 1 the dead zone, then one per level), so a drag copies one
   * camera's geometry instead of every camera's.
   * @param {LayerName} name @returns {Shapes}
   */
  layer(name) {
    const c = this.layerCache.get(name);
    if (c && c.version === this.version) return c.shapes;
    const per = name === 'views' || name === 'dead' ? 1 : name === 'bands' ? this.levels().length : 0;
    const changed = this.lean && c && per > 0 ? this.changedSince(c.version) : null;
    let shapes;
    if (c && changed && changed.size <= LEAN_CAMERAS) {
      const from = name === 'views' ? 0 : name === 'dead' ? 1 : 2;
      shapes = changed.size ? replacePolygonRuns(c.shapes, [...changed].map((i) => ({ p: i * per, part: this.cameraLayers(i), q: from })), per) : c.shapes;
    } else {
      shapes = this.guarded(() => takeShapes(this.scene.layer(name)));
    }
    this.layerCache.set(name, { version: this.version, shapes });
    return shapes;
  }

  /** A layer straight from the core, bypassing the cache (tests). @param {LayerName} name */
  freshLayer(name) {
    return this.guarded(() => takeShapes(this.scene.layer(name)));
  }

  /** The room around a plan point (`roomAt`). @param {number} x @param {number} y @returns {RoomFound} */
  roomAt(x, y) {
    return this.guarded(() => this.scene.roomAt(x, y));
  }

  /** What lies under a plan point. @param {number} x @param {number} y @returns {Picked} */
  pick(x, y) {
    return this.guarded(() => this.scene.pick(x, y));
  }

  /**
   * Runs the per-frame calls a few times so the engine has optimised them before the
   * first drag, in short steps between frames (one camera move, its calls and the move
   * back each: the scene is exactly as it was after every step, since a view is computed
   * again from the same inputs and coverage counts are integers), so that opening a large
   * plan never blocks the page on it. The plan-wide calls (`summary`, the blind layer) are
   * left out when the last full summary took longer than a frame: they cannot be made to
   * fit one by warming up. It stops when the scene changes (an edit, a drag, another
   * file) and after a step longer than WARM_STEP_MS, and is not run when a summary took
   * longer than SKIP_WARM_MS ('slow' both); `done` is told how it
   * ended, with the core's error when a call failed.
   * @param {(how: 'warm'|'slow'|'stopped'|'none'|'failed', error?: unknown) => void} [done] @param {number} [rounds]
   */
  warmUp(done = () => {}, rounds = 6) {
    if (this.warming) clearTimeout(this.warming);
    this.warming = null;
    const token = this.warmToken = {};
    const s = this.scenario, scene = this.sceneOrNull;
    if (!s || !scene || s.cameras.length === 0) { done('none'); return; }
    const idx = [0, Math.floor(s.cameras.length / 2), s.cameras.length - 1];
    // A plan whose summary takes this long has per-frame calls far longer than a frame:
    // warming them up would block the page for seconds and cannot make them fit one.
    if (this.summaryMs > SKIP_WARM_MS) { done('slow'); return; }
    const whole = this.summaryMs <= WHOLE_WARM_MS;
    const steps = idx.flatMap((i) => Array.from({ length: rounds }, (_, r) => ({ i, r })));
    this.warmupMs = 0;
    const step = () => {
      if (this.warmToken !== token) return;
      this.warming = null;
      const next = steps.shift();
      if (this.down || this.scenario !== s || this.sceneOrNull !== scene) { done('stopped'); return; }
      if (!next) { done('warm'); return; }
      const t0 = performance.now();
      const { i, r } = next;
      const [x, y] = s.cameras[i].position;
      try {
        this.guarded(() => {
          scene.moveCamera(i, x + 0.25 * (r + 1), y);
          try {
            if (r % 2 && whole) scene.summary();
            else {
              scene.totals();
              scene.cameraSummary(i);
            }
            takeShapes(scene.cameraLayers(i));
            if (whole) takeShapes(scene.layer('blind'));
          } finally {
            scene.moveCamera(i, x, y);
          }
        });
      } catch (e) {
        done('failed', e);
        return;
      }
      const ms = performance.now() - t0;
      this.warmupMs += ms;
      // A plan whose per-frame calls take this long cannot be made to fit a frame by
      // warming up: stop, rather than block the page for that long again and again.
      if (ms > WARM_STEP_MS) { done('slow'); return; }
      this.warming = setTimeout(step, 0);
    };
    // After the next frame: the plan is drawn first.
    requestAnimationFrame(() => { if (this.warmToken === token) this.warming = setTimeout(step, 0); });
  }
}

/** Everything but the plan is the same. @param {Scenario} a @param {Scenario} b */
function onlyPlanChanged(a, b) {
  return a.catalog === b.catalog && a.settings === b.settings && a.blindspot === b.blindspot &&
    a.cameras === b.cameras && a.name === b.name && (a.layouts?.active ?? 0) === (b.layouts?.active ?? 0);
}

/** @param {unknown[]} a @param {number} i @param {unknown[]} b @param {number} j */
function sameTail(a, i, b, j) {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}
