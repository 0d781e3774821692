// @ts-check
/**
 * The page's one place for camera rules, fed by the core: the rules themselves live in
 * the core (src/camera_rules.rs: where a model's field of view comes from, its
 * projection, whether it can be mounted, what a new camera gets, what a camera keeps
 * when its model changes, the bounds of the fields and the "met" threshold) and reach
 * the page as data (`Scene.limits()`, `scene.modelRules()`) or as answers
 * (`scene.newCamera`, `scene.refitCamera`). This module only puts the core's figures for
 * a camera together; it restates no rule.
 */

import { modelOf } from './scenario.js';

/** @typedef {import('./scenario.js').Scenario} Scenario */
/** @typedef {import('./scenario.js').Camera} Camera */
/** @typedef {import('./scenario.js').CameraModel} CameraModel */
/** @typedef {import('../core/types.js').Limits} Limits */
/** @typedef {import('../core/types.js').Bound} Bound */
/** @typedef {import('../core/types.js').ModelRules} ModelRules */
/** @typedef {Map<string, ModelRules>} ModelRuleMap the core's rules of the catalogue's models, by id */
/**
 * A camera's entry in the core's summary: what the page needs of it here.
 * @typedef {{id: string, hfov_deg?: number, vfov_deg?: number, range_m?: number, focal_mm?: number,
 *   near_m?: number, far_m?: number}} CameraFigures
 */

/** A model's kind as people read it; PTZ cameras are planned at their current aim. @param {string|undefined} kind */
export function kindLabel(kind) {
  switch (kind) {
    case 'ptz': return 'PTZ (at current aim)';
    case undefined: case '': return 'camera';
    default: return kind;
  }
}

/**
 * @typedef {{hfov: number, range: number, vfov?: number, focal?: number, near?: number, far?: number,
 *   mounted: boolean, tilt: number, lens: 'varifocal'|'fixed'|'free', focalRange?: [number, number],
 *   model: CameraModel|undefined}} Optics
 * `lens` says where the field of view comes from (the core's rule); `focalRange` is a
 * varifocal lens's range.
 */

/**
 * The optics a camera has in effect. The numbers come from the core's summary (`stats`,
 * the camera's entry in it); the camera's and model's own values stand in only until the
 * core has answered (a camera being placed). The lens and the projection are the core's
 * rules for its model.
 * @param {Scenario} s @param {Camera} cam @param {CameraFigures|undefined} stats @param {ModelRuleMap} rules
 * @returns {Optics}
 */
export function cameraOptics(s, cam, stats, rules) {
  const model = modelOf(s, cam);
  const rule = cam.model ? rules.get(cam.model) : undefined;
  const ok = stats && stats.id === cam.id;
  return {
    hfov: (ok ? stats.hfov_deg : undefined) ?? cam.hfov_deg ?? model?.hfov_deg ?? NaN,
    range: (ok ? stats.range_m : undefined) ?? cam.range_m ?? model?.range_m ?? NaN,
    vfov: ok ? stats.vfov_deg : undefined,
    focal: ok ? stats.focal_mm : undefined,
    near: ok ? stats.near_m : undefined,
    far: ok ? stats.far_m : undefined,
    mounted: cam.height_m !== undefined,
    // A camera states its tilt, else a fisheye looks straight down (the core's default).
    tilt: cam.tilt_deg ?? (rule?.projection === 'fisheye' ? 90 : 0),
    lens: rule?.lens ?? 'free',
    focalRange: rule?.focal_range_mm,
    model,
  };
}

/** The core's rules as a map by model id. @param {ModelRules[]} list @returns {ModelRuleMap} */
export function ruleMap(list) {
  return new Map(list.map((r) => [r.id, r]));
}

/** True when `v` lies within a bound (as the core checks it). @param {Bound} b @param {number} v */
export function within(b, v) {
  return Number.isFinite(v) && (b.min_inclusive ? v >= b.min : v > b.min) && v <= b.max;
}

/** A bound in words, for a message: "from 0 to 100 m", "more than 0, at most 360 degrees". @param {Bound} b */
export function boundText(b) {
  return b.min_inclusive ? `from ${b.min} to ${b.max} ${b.unit}` : `more than ${b.min}, at most ${b.max} ${b.unit}`;
}
