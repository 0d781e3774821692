// @ts-check
/** Moving the view: fit the plan, zoom to a zone or a blind spot, keep a camera on screen. */

import { fitView, planBox, boxOf, toScreen, zoomAt, panBy } from '../view/transform.js';
import { fmtArea } from '../format.js';

/** @typedef {import('../view/transform.js').Box} Box */
/** @typedef {import('./ui-state.js').UiState} UiState */
/** @typedef {import('../model/history.js').Store} Store */
/** @typedef {import('../core/mirror.js').SceneMirror} SceneMirror */
/** @typedef {import('./messages.js').Messages} Messages */

export class Viewport {
  /** @param {{ui: UiState, store: Store, mirror: SceneMirror, messages: Messages}} deps */
  constructor(deps) {
    this.d = deps;
  }

  fit() {
    const { ui, store } = this.d;
    const vp = ui.viewport;
    if (!store.scenario || !vp.width) return;
    // Keep clear of the layer and zoom bars along the top and the scale bar at the bottom.
    ui.setView(fitView(planBox(store.scenario), vp.width, vp.height, { l: 28, r: 28, t: 62, b: 50 }));
  }

  /** @param {Box} box @param {number} minSize metres */
  zoomToBox(box, minSize) {
    const { ui } = this.d;
    const cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2;
    const hw = Math.max(box.maxX - box.minX, minSize) / 2, hh = Math.max(box.maxY - box.minY, minSize) / 2;
    ui.setView(fitView({ minX: cx - hw, minY: cy - hh, maxX: cx + hw, maxY: cy + hh }, ui.viewport.width, ui.viewport.height, 80));
  }

  /** Pans so a plan point is on screen. @param {[number, number]} p */
  ensureVisible(p) {
    const { ui } = this.d;
    const { view, width, height } = ui.viewport;
    const [X, Y] = toScreen(view, p[0], p[1]);
    const m = 60;
    if (X < m || Y < m || X > width - m || Y > height - m) ui.setView({ ...view, tx: view.tx + width / 2 - X, ty: view.ty + height / 2 - Y });
  }

  /** @param {number} factor about the middle of the plan */
  zoomBy(factor) {
    const { view, width, height } = this.d.ui.viewport;
    this.d.ui.moveView(zoomAt(view, factor, width / 2, height / 2));
  }

  /** @param {number} dx @param {number} dy CSS px */
  panBy(dx, dy) {
    this.d.ui.moveView(panBy(this.d.ui.viewport.view, dx, dy));
  }

  /** Blind spot k of the last list. @param {number} k */
  zoomToBlindSpot(k) {
    const b = this.d.mirror.lastBlindSpots()?.blind_spots[k];
    if (!b) return;
    const box = boxOf(b.polygon[0]);
    if (!box) return;
    this.d.ui.setFocus({ blind: k });
    this.zoomToBox(box, 8);
    this.d.messages.announce(`Blind spot of ${fmtArea(b.area_m2)} shown`);
  }

  /** @param {string} id */
  zoomToZone(id) {
    const z = this.d.store.scenario?.plan.zones.find((zz) => zz.id === id);
    if (!z) return;
    const box = boxOf(z.polygon);
    if (box) this.zoomToBox(box, 6);
    this.d.ui.setFocus({ zone: id });
  }
}
