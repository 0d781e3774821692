// @ts-check
/**
 * Edits on cameras: set fields, add (with the add bar's model and height, and the rules of
 * model/optics.js), duplicate, delete, and the field-of-view patch (a focal length for a
 * varifocal lens, from the core).
 */

import { withCamera, withAddedCamera, withoutCamera, freshCameraId, roundTo, cameraIndex } from '../model/scenario.js';
import { errorMessage } from '../core/mirror.js';
import { cameraOptics } from '../model/optics.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('./commands.js').Commands} Commands */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('./messages.js').Messages} Messages */

export class CameraCommands {
  /**
   * @param {{commands: Commands, mirror: SceneMirror, ui: UiState, messages: Messages,
   *   coreFailed: (e: unknown, what: string) => boolean}} deps
   */
  constructor(deps) {
    this.d = deps;
  }

  /** @param {number} i @param {Partial<Camera>} patch @param {string} label @param {string} [coalesce] */
  commitCamera(i, patch, label, coalesce) {
    const { commands, ui } = this.d;
    const s = commands.scenario();
    if (i < 0 || i >= s.cameras.length) return;
    const renamed = patch.id !== undefined && patch.id !== s.cameras[i].id;
    if (commands.commit(withCamera(s, i, patch), label, { coalesce }) && renamed) ui.select(/** @type {string} */ (patch.id));
  }

  /** The optics camera i has in effect (the core's figures). @param {number} i */
  optics(i) {
    const s = this.d.commands.scenario();
    return cameraOptics(s, s.cameras[i], this.d.mirror.summary().cameras[i], this.d.mirror.modelRules());
  }

  /** The model the next camera gets: the one picked in the add bar, else the selected
   * camera's, else the first in the catalogue ('' for none). */
  addModelId() {
    const s = this.d.commands.scenario();
    const picked = this.d.ui.add.model;
    if (picked !== null && (picked === '' || s.catalog.some((m) => m.id === picked))) return picked;
    const sel = this.d.commands.selectedIndex();
    return (sel >= 0 ? s.cameras[sel].model : undefined) ?? s.catalog[0]?.id ?? '';
  }

  /**
   * Places a camera at plan point (x, y): the core gives it what its model leaves open
   * (`newCamera`); a camera without a model copies the selected camera's optics.
   * @param {number} x @param {number} y
   */
  addCameraAt(x, y) {
    const { commands, ui, messages, mirror } = this.d;
    const s = commands.scenario();
    const sel = commands.selectedIndex();
    const model = s.catalog.find((m) => m.id === this.addModelId());
    /** @type {Camera} */
    let cam;
    /** @type {import('../core/types.js').Placed} */
    let placed;
    try {
      // The core snaps it onto a wall near the click and aims it into the room (or at the
      // opening or asset it faces); a snapped position is kept exact (it lies on the wall).
      placed = mirror.placeCamera(x, y, model?.range_m ?? NaN, sel >= 0 ? s.cameras[sel].heading_deg : 0);
      const at = placed.snapped ? placed.position : [roundTo(x, 2), roundTo(y, 2)];
      cam = mirror.newCamera({ id: freshCameraId(s), position: /** @type {[number, number]} */ (at), heading_deg: placed.heading_deg },
        model?.id ?? '', ui.add.height, sel);
    } catch (e) {
      if (!this.d.coreFailed(e, 'Add camera')) messages.showError('Add camera: not possible', errorMessage(e));
      return;
    }
    if (commands.commit(withAddedCamera(s, cam), 'Add camera')) {
      ui.select(cam.id);
      messages.announce(`Camera ${cam.id} added${model ? `: ${model.name}` : ''}, ${mountText(placed)}`);
      if (!placed.mount) messages.toast(`Camera ${cam.id}: nothing here can hold a camera (no solid wall within reach, no pole site, no room's ceiling).`);
      commands.afterEdit(0);
    }
  }

  /**
   * The patch that gives camera `cam` a horizontal field of view of `hfov`: a focal length
   * for a varifocal lens (the core inverts its optics), else an override of the field of view.
   * @param {Camera} cam @param {number} hfov @returns {Partial<Camera>}
   */
  fovPatch(cam, hfov) {
    const s = this.d.commands.scenario();
    const rule = cam.model ? this.d.mirror.modelRules().get(cam.model) : undefined;
    const range = rule?.lens === 'varifocal' ? rule.focal_range_mm : undefined;
    if (range && cam.hfov_deg === undefined) {
      let i = s.cameras.indexOf(cam);
      if (i < 0) i = cameraIndex(s, cam.id);
      const f = i >= 0 ? this.d.mirror.focalFor(i, hfov) : undefined;
      if (f !== undefined) return { focal_mm: Math.min(range[1], Math.max(range[0], roundTo(f, 2))) };
    }
    return { hfov_deg: Math.min(360, Math.max(1, roundTo(hfov, 1))) };
  }

  /**
   * Gives camera i another model ('' for none), by the core's rules (`refitCamera`: the
   * overrides the model supplies go, what it cannot supply stays).
   * @param {number} i @param {string} modelId
   */
  changeModel(i, modelId) {
    const { commands, mirror, messages } = this.d;
    const s = commands.scenario();
    if (i < 0 || i >= s.cameras.length) return;
    /** @type {Camera} */
    let cam;
    try {
      cam = mirror.refitCamera(i, modelId);
    } catch (e) {
      if (!this.d.coreFailed(e, 'Change model')) messages.showError('Change model: not possible', errorMessage(e));
      return;
    }
    const cameras = s.cameras.slice();
    cameras[i] = cam;
    commands.commit({ ...s, cameras }, 'Change model');
  }

  deleteSelected() {
    const { commands, ui, messages } = this.d;
    const i = commands.selectedIndex();
    if (i < 0) return;
    const id = commands.scenario().cameras[i].id;
    if (commands.commit(withoutCamera(commands.scenario(), i), 'Delete camera')) {
      ui.select(null);
      messages.toast(`Deleted ${id} — Ctrl+Z to undo`);
      messages.announce(`Camera ${id} deleted`);
    }
  }

  duplicateSelected() {
    const { commands, ui, messages } = this.d;
    const i = commands.selectedIndex();
    if (i < 0) return;
    const s = commands.scenario();
    const src = s.cameras[i];
    const copy = { ...src, id: freshCameraId(s, src.id), position: /** @type {[number, number]} */ ([roundTo(src.position[0] + 1, 2), roundTo(src.position[1] - 1, 2)]) };
    if (commands.commit(withAddedCamera(s, copy), 'Duplicate camera')) {
      ui.select(copy.id);
      messages.announce(`Camera ${copy.id} added as a copy of ${src.id}`);
    }
  }
}

/** How a placed camera hangs, in words. @param {import('../core/types.js').Placed} p */
function mountText(p) {
  const aim = p.aim === 'room' ? 'aimed into the room' : p.aim.startsWith('opening') || p.aim.startsWith('asset') ? `aimed at ${p.aim}` : 'aim unchanged';
  if (p.mount === 'wall') return `on wall ${p.wall}, ${aim}`;
  if (p.mount === 'ceiling') return `from the ceiling of ${p.zone}, ${aim}`;
  if (p.mount === 'pole') return `on pole ${p.pole}, ${aim}`;
  return 'with nothing to hold it';
}

/**
 * A dragged camera dropped near a wall: onto it (the core's rule), turned away from the
 * wall when it faced into it; else unchanged.
 * @param {{placeCamera: (x: number, y: number, range: number, heading: number) => import('../core/types.js').Placed}} mirror
 * @param {Camera} cam @param {[number, number]} at @returns {Partial<Camera>}
 */
export function snapOnDrop(mirror, cam, at) {
  const p = mirror.placeCamera(at[0], at[1], cam.range_m ?? NaN, cam.heading_deg);
  if (!p.snapped) return { position: at };
  const off = Math.cos(((cam.heading_deg - (p.out_deg ?? p.heading_deg)) * Math.PI) / 180);
  // Facing the wall (more than 90° from straight out): turn it to look out.
  return off < 0 ? { position: p.position, heading_deg: p.heading_deg } : { position: p.position };
}
