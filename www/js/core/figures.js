// @ts-check
/**
 * The figures of a layout that is not on the plan, from a scene of its own, loaded on
 * demand and cached per layout (by the identity of its camera list and of the plan,
 * catalogue and settings), then freed: the plan's own scene is never reloaded for a
 * comparison. A scene already kept loaded for those cameras (a parked one) is read
 * without loading.
 */

import { levelSlice } from '../model/levels.js';
import { takeShapes } from './shapes.js';
import { isTrap } from './load.js';
import { sameBase } from '../model/scenario.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('./types.js').Summary} Summary */
/** @typedef {import('./shapes.js').Shapes} Shapes */
/** @typedef {{summary: Summary, layers: {views: Shapes, blind: Shapes, dead: Shapes}, ms: number}} Figures */

export class LayoutFigures {
  /** @param {import('./mirror.js').SceneMirror} mirror whose core loads the scenes (a trap takes it down) */
  constructor(mirror) {
    this.mirror = mirror;
    /** @type {WeakMap<Camera[], {base: Scenario, figures: Figures}>} */
    this.cache = new WeakMap();
    /** Scenes loaded for comparisons (tests read it). */
    this.loads = 0;
  }

  /**
   * A layout's exact figures and layers, from a scene of its own (cached).
   * @param {Scenario} s the page's scenario (for plan, catalogue, settings) @param {{name: string, cameras: Camera[]}} layout
   * @returns {Figures}
   */
  get(s, layout) {
    const c = this.cache.get(layout.cameras);
    if (c && sameBase(c.base, s)) return c.figures;
    const t0 = performance.now();
    const { layouts: _l, ...rest } = s;
    const m = this.mirror;
    const kept = m.findParked(s, layout.cameras);
    const figures = m.guarded(() => {
      // (On a site of several levels: the level shown's slice.)
      const scene = kept ?? m.core().Scene.load(JSON.stringify(levelSlice(/** @type {Scenario} */ ({ ...rest, name: layout.name, cameras: layout.cameras }))));
      if (!kept) this.loads++;
      let out;
      try {
        out = {
          summary: scene.summary(),
          layers: { views: takeShapes(scene.layer('views')), blind: takeShapes(scene.layer('blind')), dead: takeShapes(scene.layer('dead')) },
          ms: 0,
        };
      } catch (e) {
        // Nothing more is asked of an instance that trapped, not even a free.
        if (!kept && !isTrap(e)) scene.free();
        throw e;
      }
      if (!kept) scene.free();
      return out;
    });
    figures.ms = performance.now() - t0;
    this.cache.set(layout.cameras, { base: s, figures });
    return figures;
  }
}
