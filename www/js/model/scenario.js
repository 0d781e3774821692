// @ts-check
/**
 * The document: the scenario's types and the pure edits on it.
 *
 * Scenarios are immutable values: an edit builds a new scenario that shares every
 * unchanged part (the plan, the catalogue, untouched cameras) with the old one. History
 * entries are therefore just references, cheap even for large plans, and the scene mirror
 * and the renderer's caches find what changed by comparing references. Never mutate a
 * scenario or any part of it in place.
 */

import { cameraIdsElsewhere } from './levels.js';

/**
 * @typedef {[number, number]} Pt
 * @typedef {{id: string, kind: string, path: Pt[], exterior?: boolean, open?: boolean, opaque?: boolean}} Wall
 * @typedef {{id: string, name: string, kind: string, priority?: number, required_level?: string, polygon: Pt[], holes?: Pt[][]}} Zone
 * @typedef {{origin: [number, number], rotation_deg?: number}} Georeference plan (0, 0) in longitude/latitude; the angle from true east to the plan's +x axis, counter-clockwise
 * @typedef {{walls: Wall[], zones: Zone[], georeference?: Georeference}} Plan
 * @typedef {import('../core/types.js').CameraModelObject} CameraModel a catalogue model, as the core's types say
 * @typedef {import('../core/types.js').CameraObject} Camera a camera, as the core's types say
 * @typedef {{min_blind_spot_m2?: number, currency?: string, target_height_m?: number,
 *            density_levels?: {name: string, px_per_m: number}[], camera_use?: 'live'|'analytics'|'recording'}} Settings
 * @typedef {{id: string, position: Pt, cost: number, height_m?: number}} PoleSite where a pole for cameras may stand
 * @typedef {{blindspot: number, name: string, plan: Plan,
 *            catalog: CameraModel[], cameras: Camera[], settings?: Settings,
 *            layouts?: import('./layouts.js').Layouts, underlay?: import('./underlay.js').Underlay,
 *            pole_sites?: PoleSite[]}} Scenario
 *   `name` and `cameras` are the active layout's; `layouts` (page only) lists them all
 *   (layouts.js; in a file: the main layout and `options`).
 */

/** @param {Scenario} s @param {number} i @param {Partial<Camera>} patch @returns {Scenario} */
export function withCamera(s, i, patch) {
  const cameras = s.cameras.slice();
  const cam = { ...cameras[i], ...patch };
  for (const k of /** @type {(keyof Camera)[]} */ (Object.keys(patch))) {
    if (patch[k] === undefined) delete cam[k];
  }
  cameras[i] = cam;
  return { ...s, cameras };
}

/** @param {Scenario} s @param {Camera} cam @returns {Scenario} */
export function withAddedCamera(s, cam) {
  return { ...s, cameras: [...s.cameras, cam] };
}

/** @param {Scenario} s @param {number} i @returns {Scenario} */
export function withoutCamera(s, i) {
  const cameras = s.cameras.slice();
  cameras.splice(i, 1);
  return { ...s, cameras };
}

/** @param {Scenario} s @param {string} name @returns {Scenario} */
export function withName(s, name) {
  return { ...s, name };
}

/** Replaces the catalogue. @param {Scenario} s @param {CameraModel[]} catalog @returns {Scenario} */
export function withCatalog(s, catalog) {
  return { ...s, catalog };
}

/** @param {Scenario} s @param {Settings} settings @returns {Scenario} */
export function withSettings(s, settings) {
  return { ...s, settings };
}

/** A camera id not yet used in the scenario, like `cam-7`. @param {Scenario} s @param {string} [stem] */
export function freshCameraId(s, stem = 'cam') {
  // Camera ids are unique over the file: on a site, the other levels' count too.
  const used = new Set([...s.cameras.map((c) => c.id), ...cameraIdsElsewhere(s)]);
  const base = stem.replace(/-\d+$/, '');
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** A model id not yet used in the catalogue. @param {Scenario} s @param {string} stem */
export function freshModelId(s, stem) {
  const used = new Set(s.catalog.map((m) => m.id));
  const base = stem.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** @param {Scenario} s @param {Camera} cam @returns {CameraModel|undefined} */
export function modelOf(s, cam) {
  return cam.model ? s.catalog.find((m) => m.id === cam.model) : undefined;
}

/** The index of the camera with this id, or -1. @param {Scenario} s @param {string|null} id */
export function cameraIndex(s, id) {
  return id === null ? -1 : s.cameras.findIndex((c) => c.id === id);
}

/** Same plan, catalogue, settings and format version: what a prepared scene depends on
 * besides its cameras. @param {Scenario} a @param {Scenario} b */
export function sameBase(a, b) {
  return a.plan === b.plan && a.catalog === b.catalog && a.settings === b.settings && a.blindspot === b.blindspot;
}

/** Normalises a heading to [0, 360). @param {number} deg */
export function normDeg(deg) {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Rounds to a fixed number of decimals, dropping float noise. @param {number} x @param {number} [dp] */
export function roundTo(x, dp = 3) {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
}
