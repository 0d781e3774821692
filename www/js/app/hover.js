// @ts-check
/**
 * What the pointer rests on: a camera or one of its handles (the camera tool's hit test),
 * else the blind spot and zones under the point (the core's `pick`). Sets the hover state
 * the renderer outlines and fills the tooltip.
 */

import { toWorld } from '../view/transform.js';
import { hitCamera } from '../tools/camera-tool.js';
import { cameraBlock, placeBlocks } from '../panels/tooltip.js';
import { errorMessage } from '../core/mirror.js';

/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('./frame.js').FrameLoop} FrameLoop */
/** @typedef {import('../panels/tooltip.js').Tooltip} Tooltip */
/** @typedef {import('./messages.js').Messages} Messages */

/**
 * @typedef {{ui: UiState, mirror: SceneMirror, loop: FrameLoop, tooltip: Tooltip, messages: Messages,
 *   selected: () => number, coreFailed: (e: unknown, what: string) => boolean}} HoverDeps
 */

export class Hover {
  /** @param {HoverDeps} deps */
  constructor(deps) {
    this.d = deps;
  }

  /** @param {[number, number]} p canvas CSS px */
  at(p) {
    const { ui, mirror, loop, tooltip } = this.d;
    const f = loop.current;
    if (!f || mirror.down) return;
    const hit = hitCamera(f, p, this.d.selected(), 'mouse');
    const sm = mirror.summary();
    if (hit) {
      const i = hit.index;
      ui.setHover({ camera: i, zone: null, blind: -1 });
      tooltip.show(p[0], p[1], [cameraBlock(f.doc.cameras[i], f.core.optics[i], sm.cameras[i], hit.drag)]);
      return;
    }
    const [wx, wy] = toWorld(f.view, p[0], p[1]);
    let picked, spot = null;
    try {
      picked = mirror.pick(wx, wy);
      if (picked.blind_spot !== null) spot = mirror.blindSpots().blind_spots[picked.blind_spot] ?? null;
    } catch (e) {
      if (!this.d.coreFailed(e, 'Hover')) this.d.messages.showError('What is under the pointer could not be found', errorMessage(e));
      return;
    }
    const byId = new Map(sm.zones.map((z) => [z.id, z]));
    const zones = picked.zones.flatMap((id) => byId.get(id) ?? []);
    zones.sort((a, b) => (a.kind === 'asset' ? -1 : 0) - (b.kind === 'asset' ? -1 : 0));
    ui.setHover({ camera: -1, zone: zones[0]?.id ?? null, blind: spot ? /** @type {number} */ (picked.blind_spot) : -1 });
    tooltip.show(p[0], p[1], placeBlocks(spot, zones, sm));
  }

  leave() {
    this.d.ui.setHover({ camera: -1, zone: null, blind: -1 });
    this.d.tooltip.hide();
  }
}
