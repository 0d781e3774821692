// @ts-check
/**
 * The hover tooltip: what lies under the pointer, in words. A camera: its model, aim,
 * mount, the floor it sees, and what dragging there does. Elsewhere: the blind spot and
 * the zones under the point, with their coverage.
 */

import { el, $ } from './dom.js';
import { fmtArea, fmtPct, fmtNum } from '../format.js';
import { kindLabel } from '../model/optics.js';
import { fmtBearing } from '../model/compass.js';

/** @typedef {import('../model/scenario.js').Camera} Camera */
/** @typedef {import('../model/optics.js').Optics} Optics */
/** @typedef {import('../core/types.js').CameraStats} CameraStats */
/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../core/types.js').BlindSpot} BlindSpot */
/** @typedef {import('../core/types.js').ZoneStats} ZoneStats */
/** @typedef {{title: string, lines: string[], kind?: string}} TipBlock */

const DRAG_HINTS = {
  heading: 'Drag to rotate',
  range: 'Drag to change the range',
  fovLeft: 'Drag to widen or narrow the view',
  fovRight: 'Drag to widen or narrow the view',
  tilt: 'Drag up or down to tilt (; and \' keys)',
  move: 'Drag to move · click to edit',
};

/**
 * @param {Camera} cam @param {Optics} spec @param {CameraStats|undefined} st
 * @param {keyof typeof DRAG_HINTS} drag what the pointer is over: the camera or one of its handles
 * @returns {TipBlock}
 */
export function cameraBlock(cam, spec, st, drag) {
  const lines = [];
  if (spec.model) lines.push(`${spec.model.name} · ${kindLabel(spec.model.kind)}`);
  lines.push(`${spec.hfov >= 360 ? 'All round' : `Bearing ${fmtBearing(cam.heading_deg)}`} · view ${fmtNum(spec.hfov, 1)}° · range ${fmtNum(spec.range, 1)} m`);
  if (spec.mounted) {
    lines.push(`At ${fmtNum(cam.height_m ?? NaN, 2)} m, tilted ${fmtNum(spec.tilt, 1)}° · floor from ${fmtNum(spec.near ?? NaN, 1)} to ${fmtNum(spec.far ?? NaN, 1)} m`);
  }
  const va = st?.view_area_m2;
  if (va !== undefined) lines.push(`Sees ${fmtArea(va)} of floor${st?.dead_zone_m2 ? ` · ${fmtArea(st.dead_zone_m2)} dead zone below` : ''}`);
  lines.push(DRAG_HINTS[drag]);
  return { title: `Camera ${cam.id}`, lines, kind: 'camera' };
}

/**
 * The blind spot and the zones under a plan point (assets first).
 * @param {BlindSpot|null} spot @param {ZoneStats[]} zones @param {Summary} sm
 * @returns {TipBlock[]}
 */
export function placeBlocks(spot, zones, sm) {
  const names = new Map(sm.zones.map((z) => [z.id, z.name]));
  /** @type {TipBlock[]} */
  const blocks = [];
  if (spot) {
    blocks.push({ title: `Blind spot · ${fmtArea(spot.area_m2)}`, lines: ['Not seen by any camera', `In ${spot.zone_ids.map((id) => names.get(id) ?? id).join(', ')}`], kind: 'blind' });
  }
  for (const z of zones) {
    const lines = [`${z.kind} · priority ${fmtNum(z.priority, 1)} · ${fmtArea(z.area_m2)}`, `${fmtPct(z.coverage)} covered (${fmtArea(z.covered_area_m2)})`];
    if (z.required_level) lines.push(`${fmtPct(z.required_coverage)} at ${z.required_level} (required)`);
    blocks.push({ title: z.name, lines, kind: 'zone' });
  }
  return blocks;
}

export class Tooltip {
  constructor() {
    this.tooltip = $('tooltip');
  }

  /** @param {number} x @param {number} y canvas CSS px @param {TipBlock[]} blocks */
  show(x, y, blocks) {
    const t = this.tooltip;
    if (!blocks.length) { t.hidden = true; return; }
    t.replaceChildren(...blocks.map((b) => el('div', { class: `tip-block ${b.kind ?? ''}` }, [
      el('div', { class: 'tip-title', text: b.title }), ...b.lines.map((l) => el('div', { class: 'tip-line', text: l })),
    ])));
    t.hidden = false;
    const host = /** @type {HTMLElement} */ (t.parentElement);
    const W = host.clientWidth, H = host.clientHeight;
    const w = t.offsetWidth, h = t.offsetHeight;
    let left = x + 16, top = y + 16;
    if (left + w > W - 8) left = x - w - 16;
    if (top + h > H - 8) top = y - h - 16;
    t.style.left = `${Math.max(8, left)}px`;
    t.style.top = `${Math.max(8, top)}px`;
  }

  hide() {
    this.tooltip.hidden = true;
  }
}
