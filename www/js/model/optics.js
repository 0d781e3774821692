// @ts-check
/**
 * The page's one copy of the camera rules: which optics a camera has in effect (the
 * core's figures, with the camera's own values standing in until the core has answered),
 * where a model's field of view comes from, what makes a fisheye, what a new camera gets,
 * what a camera keeps when its model changes, the bounds of the editable fields and the
 * "met" threshold. Every panel, tool and dialog asks here; none restates a rule.
 */

import { modelOf, roundTo } from './scenario.js';

/** @typedef {import('./scenario.js').Scenario} Scenario */
/** @typedef {import('./scenario.js').Camera} Camera */
/** @typedef {import('./scenario.js').CameraModel} CameraModel */
/**
 * A camera's entry in the core's summary: what the page needs of it here.
 * @typedef {{id: string, hfov_deg?: number, vfov_deg?: number, range_m?: number, focal_mm?: number,
 *   near_m?: number, far_m?: number}} CameraFigures
 */

/**
 * A zone meets its required level when at least this share of it is seen at that level,
 * so that "100.0 %" (shown to 0.1) always means met.
 */
export const MET = 0.9995;

/**
 * Bounds of the camera fields a person edits (as the core validates them).
 * `min` is exclusive where `minExclusive` says so.
 */
export const LIMITS = {
  height_m: { min: 0, max: 100, unit: 'm' },
  tilt_deg: { min: -90, max: 90, unit: '°' },
  hfov_deg: { min: 0, minExclusive: true, max: 360, unit: '°' },
  range_m: { min: 0, minExclusive: true, max: 100_000, unit: 'm' },
};

/** What a camera placed without a model of its own optics gets. */
export const NEW_CAMERA = { hfov_deg: 90, range_m: 20, tilt_deg: 20 };

/** @param {CameraModel|undefined} m */
export function isFisheye(m) {
  return !!m && (m.projection === 'fisheye' || (m.projection === undefined && m.kind === 'fisheye'));
}

/**
 * Where a model's field of view comes from: `varifocal` (the camera picks a focal length),
 * `fixed` (a fixed lens, a panorama or a fisheye: the model gives it), or `free` (no model,
 * or a model without optics: the camera states it).
 * @param {CameraModel|undefined} m @returns {'varifocal'|'fixed'|'free'}
 */
export function lensOf(m) {
  if (!m) return 'free';
  if (m.focal_range_mm) return 'varifocal';
  if (m.hfov_deg !== undefined || (m.focal_mm !== undefined && m.sensor_mm) || isFisheye(m)) return 'fixed';
  return 'free';
}

/** A model that gives a vertical field of view, so a camera of it can be mounted (tilted, with a dead zone). @param {CameraModel} m */
export function isMountable(m) {
  return m.vfov_deg !== undefined || m.resolution_px !== undefined || m.sensor_mm !== undefined || isFisheye(m);
}

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
 *   mounted: boolean, tilt: number, lens: 'varifocal'|'fixed'|'free', model: CameraModel|undefined}} Optics
 */

/**
 * The optics a camera has in effect. The numbers come from the core's summary (`stats`,
 * the camera's entry in it); the camera's and model's own values stand in only until the
 * core has answered (a camera being placed).
 * @param {Scenario} s @param {Camera} cam @param {CameraFigures|undefined} stats
 * @returns {Optics}
 */
export function cameraOptics(s, cam, stats) {
  const model = modelOf(s, cam);
  const ok = stats && stats.id === cam.id;
  return {
    hfov: (ok ? stats.hfov_deg : undefined) ?? cam.hfov_deg ?? model?.hfov_deg ?? NaN,
    range: (ok ? stats.range_m : undefined) ?? cam.range_m ?? model?.range_m ?? NaN,
    vfov: ok ? stats.vfov_deg : undefined,
    focal: ok ? stats.focal_mm : undefined,
    near: ok ? stats.near_m : undefined,
    far: ok ? stats.far_m : undefined,
    mounted: cam.height_m !== undefined,
    // Fisheyes look straight down unless tilted (the core's default).
    tilt: cam.tilt_deg ?? (isFisheye(model) ? 90 : 0),
    lens: lensOf(model),
    model,
  };
}

/**
 * A new camera of `model` (or of no model) at a point: the model's optics apply and the
 * camera states only what the model leaves open; a mountable model gets the height and a
 * tilt (a fisheye none: it looks straight down).
 * @param {{id: string, position: [number, number], heading_deg: number}} at
 * @param {CameraModel|undefined} model @param {number} height from the add bar
 * @param {Optics|null} like the optics of the camera selected, which a camera without a model copies
 * @returns {Camera}
 */
export function newCamera(at, model, height, like) {
  /** @type {Camera} */
  const cam = { ...at };
  if (model) {
    cam.model = model.id;
    if (lensOf(model) === 'free' && model.hfov_deg === undefined) cam.hfov_deg = NEW_CAMERA.hfov_deg;
    if (model.range_m === undefined) cam.range_m = NEW_CAMERA.range_m;
    if (isMountable(model) && Number.isFinite(height) && height > 0) {
      cam.height_m = height;
      if (!isFisheye(model)) cam.tilt_deg = NEW_CAMERA.tilt_deg;
    }
  } else {
    // No model: a flat cone with its own field of view and range.
    cam.hfov_deg = like && Number.isFinite(like.hfov) ? roundTo(like.hfov, 1) : NEW_CAMERA.hfov_deg;
    cam.range_m = like && Number.isFinite(like.range) ? roundTo(like.range, 2) : NEW_CAMERA.range_m;
  }
  return cam;
}

/**
 * What a camera keeps when its model changes to `next`: the overrides the new model
 * supplies go, a focal length it cannot take goes, and a fisheye looks straight down.
 * Without a model the camera must state its own values: it keeps the ones it has now.
 * @param {Camera} cam @param {Optics} o its optics in effect now @param {CameraModel|undefined} next
 * @returns {Partial<Camera>}
 */
export function patchForModel(cam, o, next) {
  /** @type {Partial<Camera>} */
  const patch = { model: next?.id };
  if (!next) {
    patch.hfov_deg = roundTo(o.hfov, 2);
    patch.range_m = roundTo(o.range, 2);
    patch.focal_mm = undefined;
    if (cam.height_m !== undefined && o.vfov !== undefined) patch.vfov_deg = roundTo(o.vfov, 2);
    return patch;
  }
  if (lensOf(next) !== 'free' || next.hfov_deg !== undefined) patch.hfov_deg = undefined;
  if (next.range_m !== undefined) patch.range_m = undefined;
  if (next.vfov_deg !== undefined || next.resolution_px || next.sensor_mm) patch.vfov_deg = undefined;
  const fr = next.focal_range_mm;
  if (!fr || (cam.focal_mm !== undefined && (cam.focal_mm < fr[0] || cam.focal_mm > fr[1]))) patch.focal_mm = undefined;
  const fisheye = isFisheye(next), wasFisheye = isFisheye(o.model);
  if (cam.height_m !== undefined) {
    if (fisheye && !wasFisheye) patch.tilt_deg = undefined; // a fisheye looks straight down
    if (!fisheye && wasFisheye && cam.tilt_deg === undefined) patch.tilt_deg = NEW_CAMERA.tilt_deg;
  }
  return patch;
}

/** True when `v` lies within a field's bounds. @param {{min: number, max: number, minExclusive?: boolean}} lim @param {number} v */
export function within(lim, v) {
  return Number.isFinite(v) && (lim.minExclusive ? v > lim.min : v >= lim.min) && v <= lim.max;
}
