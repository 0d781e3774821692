// @ts-check
/**
 * Screen (CSS px) positions of a camera's handles. The same numbers drive the drawing
 * (render/overlays.js), the hit tests (tools/camera-tool.js) and the test hooks. The
 * optics (field of view, range, near and far edge) are the core's, passed in; the handles
 * only place them on screen.
 */

import { toScreen } from './transform.js';

/** @typedef {import('./transform.js').View} View */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../model/optics.js').Optics} Optics */
/**
 * @typedef {{centre: [number, number], R: number, dH: number, spec: Optics, fovHandles: boolean,
 *   heading: [number, number], fovLeft: [number, number], fovRight: [number, number], range: [number, number],
 *   tilt: [number, number]|null}} Handles
 * `R` is the range in CSS px, `dH` the heading knob's distance from the centre.
 */

const DEG = Math.PI / 180;

/** @param {View} view @param {Camera} cam @param {Optics} spec @returns {Handles} */
export function cameraHandles(view, cam, spec) {
  const [cx, cy] = toScreen(view, cam.position[0], cam.position[1]);
  const R = spec.range * view.scale;
  const dH = Math.min(Math.max(0.55 * R, 40), 110, Math.max(R - 24, R * 0.5));
  const h = cam.heading_deg * DEG;
  const half = (Math.min(spec.hfov, 360) / 2) * DEG;
  const at = (/** @type {number} */ ang, /** @type {number} */ d) => /** @type {[number, number]} */ ([cx + Math.cos(ang) * d, cy - Math.sin(ang) * d]);
  // The field of view is dragged for cameras that choose it (no model, a model without
  // optics, a varifocal lens), or that already override a fixed lens.
  const fovHandles = spec.hfov < 360 && (spec.lens !== 'fixed' || cam.hfov_deg !== undefined);
  return {
    centre: [cx, cy],
    R, dH, spec, fovHandles,
    heading: at(h, dH),
    fovLeft: at(h + half, dH),
    fovRight: at(h - half, dH),
    range: at(h, R),
    /** Behind the camera (usually over the wall it hangs on): drag up or down to tilt. */
    tilt: spec.mounted ? at(h + Math.PI, 30) : null,
  };
}
