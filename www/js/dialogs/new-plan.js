// @ts-check
/**
 * New plan: a name and the size of the site, in metres (the plan's unit: 1 unit is 1 m,
 * the grid and the scale bar show it). The plan starts with no walls and one exterior
 * zone, the site, because coverage is measured in zones and the core needs one: draw the
 * rooms (Edit plan), make their zones, then delete or resize the site. Opening it is one
 * undoable step, like opening a file. DOM with textContent only.
 */

import { $, dialog, input } from '../panels/dom.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/scenario.js').CameraModel} CameraModel */

/** The largest site side offered, metres (a campus; the core's own bound is far larger). */
const MAX_SIDE_M = 5000;

/**
 * The scenario of a new plan. @param {string} name @param {number} width @param {number} depth
 * @param {CameraModel[]} catalog @returns {Scenario}
 */
export function newPlan(name, width, depth, catalog) {
  return {
    blindspot: 1,
    name,
    plan: { walls: [], zones: [{ id: 'site', name: 'Site', kind: 'exterior', priority: 1, polygon: [[0, 0], [width, 0], [width, depth], [0, depth]], holes: [] }] },
    catalog,
    cameras: [],
  };
}

export class NewPlanDialog {
  /** @param {{starter: () => CameraModel[], open: (s: Scenario) => boolean, startEditing: () => void}} deps */
  constructor(deps) {
    this.d = deps;
    this.dialog = dialog('new-plan');
    $('new-plan-cancel').addEventListener('click', () => this.dialog.close());
    $('new-plan-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.create();
    });
  }

  open() {
    $('new-plan-error').textContent = '';
    if (!this.dialog.open) this.dialog.showModal();
    input('new-plan-name').select();
  }

  create() {
    const name = input('new-plan-name').value.trim();
    const w = Number(input('new-plan-width').value), h = Number(input('new-plan-depth').value);
    const err = $('new-plan-error');
    if (!name) { err.textContent = 'Give the plan a name.'; return; }
    for (const [v, what] of /** @type {[number, string][]} */ ([[w, 'width'], [h, 'depth']])) {
      if (!(Number.isFinite(v) && v >= 1 && v <= MAX_SIDE_M)) {
        err.textContent = `The site's ${what} must be a number of metres from 1 to ${MAX_SIDE_M.toLocaleString('en-GB')}.`;
        return;
      }
    }
    if (this.d.open(newPlan(name, w, h, this.d.starter()))) {
      this.dialog.close();
      this.d.startEditing();
    }
  }
}
