// @ts-check
/**
 * The side panel as a whole: brings every card up to date with the figures shown (live
 * during a drag, exact once settled) and the selection, and the proposal card with what
 * made the layout shown.
 */

import { StatsPanel } from '../panels/stats.js';
import { ZonesPanel } from '../panels/zones.js';
import { CostsPanel } from '../panels/costs.js';
import { BlindSpotList } from '../panels/blind-spots.js';
import { CameraEditor } from '../panels/camera-editor.js';
import { CameraList } from '../panels/camera-list.js';
import { $ } from '../panels/dom.js';
import { proposalBody } from '../budget/proposal-card.js';
import { layoutsOf } from '../model/layouts.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../core/types.js').BlindSpots} BlindSpots */
/** @typedef {import('../panels/camera-editor.js').EditorActions} EditorActions */

/**
 * @typedef {EditorActions & {
 *   select: (i: number, why?: string) => void,
 *   zoomToZone: (id: string) => void, highlightZone: (id: string|null) => void,
 *   zoomToBlindSpot: (k: number) => void, highlightBlindSpot: (k: number) => void,
 *   changeCost: (before: import('../model/scenario.js').Camera[], after: import('../model/scenario.js').Camera[]) => import('../core/types.js').ChangeCost,
 * }} SidePanelActions
 */

export class SidePanel {
  /** @param {SidePanelActions} actions @param {import('../core/types.js').Limits} limits */
  constructor(actions, limits) {
    this.stats = new StatsPanel(actions, limits);
    this.zones = new ZonesPanel(actions, limits);
    this.costs = new CostsPanel();
    this.blindSpots = new BlindSpotList(actions);
    this.editor = new CameraEditor(actions, limits);
    this.cameras = new CameraList(actions);
    this.changeCost = actions.changeCost;
  }

  /**
   * @param {Scenario} s @param {number} selected @param {Summary} figures @param {boolean} live
   * @param {boolean} inGesture (the camera list waits for the end of a drag)
   * @param {import('../model/optics.js').ModelRuleMap} rules the core's rules of the models
   */
  refresh(s, selected, figures, live, inGesture, rules) {
    this.stats.update(figures, s.cameras.length, live);
    this.zones.update(figures);
    this.costs.update(figures, s);
    this.updateProposal(s, figures);
    this.editor.update(s, selected, figures, rules);
    if (!inGesture) this.cameras.update(s, selected, figures);
    if (live) this.blindSpots.update(null, s, true);
  }

  /** @param {BlindSpots} spots @param {Scenario} s */
  showBlindSpots(spots, s) {
    this.blindSpots.update(spots, s, false);
  }

  /** A file was opened: rows are built anew. */
  reset() {
    this.zones.reset();
  }

  /** The proposal card: what the optimiser or the curve said about the layout shown. @param {Scenario} s @param {Summary} sm */
  updateProposal(s, sm) {
    const card = $('proposal-card');
    const meta = s.layouts?.list[s.layouts.active]?.meta;
    if (!meta || (meta.kind !== 'proposal' && meta.kind !== 'curve')) { card.hidden = true; return; }
    $('proposal-h').textContent = meta.kind === 'curve' ? 'From the cost curve' : 'Proposal';
    const account = this.changeCost(layoutsOf(s)[0].cameras, s.cameras);
    $('proposal-body').replaceChildren(...proposalBody(meta, s, sm.weighted_coverage, sm.costs.currency, account));
    card.hidden = false;
  }
}
