// @ts-check
/**
 * The security analysis in the page (docs/security.md, docs/web-app.md "Security"):
 * the headlines beside the coverage figures, the openings card, the route card and the
 * failure card, the layers they add to the plan and the overlay they draw. The openings
 * and the zone headline follow a drag live; the failure costs and the route are
 * recomputed once it settles, and the cards say so meanwhile.
 */

import { $ } from '../panels/dom.js';
import { OpeningsPanel } from './openings-panel.js';
import { RoutePanel, routeToDraw, fmtP } from './route-panel.js';
import { FailurePanel } from './failure-panel.js';

/** @typedef {import('./analysis.js').SecurityAnalysis} SecurityAnalysis */
/** @typedef {import('./analysis.js').RouteStart} RouteStart */
/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../core/types.js').Summary} Summary */
/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Show} Show */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {import('../view/frame.js').SecurityLayers} SecurityLayers */
/** @typedef {import('../view/transform.js').Box} Box */

/**
 * @typedef {{
 *   analysis: SecurityAnalysis,
 *   scenario: () => Scenario|null,
 *   met: number,
 *   inGesture: () => boolean,
 *   zoomToBox: (box: Box, minSize: number) => void,
 *   select: (i: number, why: string) => void,
 *   requestFrame: () => void,
 *   pickPoint: () => void,
 *   failed: (e: unknown, what: string) => void,
 * }} SecurityDeps
 * `failed` reports an error of the core (not a refusal, which is shown in its card).
 */

export class SecurityUI {
  /** @param {SecurityDeps} d */
  constructor(d) {
    this.d = d;
    /** The opening focused in the openings card (a wall id). @type {string|null} */
    this.focused = null;
    /** The camera whose failure region is shown (an id). @type {string|null} */
    this.failureCamera = null;
    /** The point picked as a route's start. @type {[number, number]|null} */
    this.point = null;
    this.openings = new OpeningsPanel({ focus: (id) => this.focus(id) });
    this.routes = new RoutePanel({
      find: (from, to) => this.find(from, to), clear: () => this.clearRoute(), pick: () => d.pickPoint(),
      which: () => { this.refreshRoute(); d.requestFrame(); },
    });
    this.failures = new FailurePanel({ choose: (id) => this.chooseFailure(id) });
    this.stat = { zones: $('stat-zones-met'), openings: $('stat-openings-met'), piRow: $('stat-pi-row'), piLabel: $('stat-pi-label'), pi: $('stat-pi') };
  }

  /** The cards, with the figures shown (live during a drag). @param {Summary} figs @param {boolean} live */
  refresh(figs, live) {
    const s = this.d.scenario();
    if (!s) return;
    const a = this.d.analysis;
    try {
      const req = figs.zones.filter((z) => z.required_level);
      const met = req.filter((z) => z.required_coverage >= this.d.met).length;
      this.stat.zones.textContent = req.length ? `${met} of ${req.length}` : 'none required';
      this.stat.zones.dataset.met = String(met);
      this.stat.zones.classList.toggle('short', met < req.length);
      const o = a.openings();
      this.stat.openings.textContent = o.openings_audited ? `${o.openings_met} of ${o.openings_audited}` : 'no exterior opening';
      this.stat.openings.dataset.met = String(o.openings_met);
      this.stat.openings.classList.toggle('short', o.openings_met < o.openings_audited);
      if (this.focused && !o.openings.some((x) => x.id === this.focused)) this.focused = null;
      this.openings.update(o, this.d.inGesture(), this.focused);
      if (this.failureCamera && !s.cameras.some((c) => c.id === this.failureCamera)) this.failureCamera = null;
      a.failureIndex = this.failureCamera ? s.cameras.findIndex((c) => c.id === this.failureCamera) : -1;
      this.routes.updateChoices(o.openings.map((x) => x.id), this.point, s);
      if (!live || !this.d.inGesture()) a.refreshFull();
      this.refreshWorkerCards();
    } catch (e) {
      this.d.failed(e, 'The security analysis');
    }
  }

  /** The cards the worker fills: the failure card, the route card and the P(I). */
  refreshWorkerCards() {
    const a = this.d.analysis;
    const full = a.full;
    this.failures.update(a.audit(), !full || full.version !== this.d.analysis.mirror.version, this.failureCamera,
      this.d.inGesture() ? 'updates when you let go' : 'computing…');
    this.refreshRoute();
  }

  /** The route card and the P(I) beside the coverage figures. */
  refreshRoute() {
    const a = this.d.analysis;
    const done = a.route();
    const state = !a.routeAsk ? 'none' : !a.routeDue() ? 'current' : this.d.inGesture() ? 'due' : 'computing';
    this.routes.update(done, { state, live: this.d.inGesture() });
    const r = done?.report;
    const p = r?.most_vulnerable?.p_interruption;
    this.stat.piRow.hidden = p === undefined;
    if (r && p !== undefined) {
      const to = this.d.scenario()?.plan.zones.find((z) => z.id === r.to)?.name ?? r.to;
      this.stat.piLabel.textContent = `P(I) ${r.from.replace(/^opening /, '')} → ${to}`;
      this.stat.pi.textContent = `${fmtP(p)}${state === 'current' ? '' : ' (updating)'}`;
      this.stat.pi.dataset.value = String(p);
      this.stat.pi.classList.toggle('short', p < 0.5);
    }
  }

  /** A worker result arrived: the cards and the plan follow. */
  workerDone() {
    try {
      this.refreshWorkerCards();
    } catch (e) {
      this.d.failed(e, 'The security analysis');
    }
    this.d.requestFrame();
  }

  /** @param {string} from an opening id or '@point' @param {string} to a zone id */
  find(from, to) {
    if (!to) return;
    /** @type {RouteStart|null} */
    const start = from === '@point' && this.point ? { kind: 'point', at: this.point } : from && from !== '@point' ? { kind: 'opening', id: from } : null;
    if (!start) {
      this.d.pickPoint();
      return;
    }
    this.d.analysis.askRoute(start, to);
    this.d.analysis.refreshFull();
    this.refreshRoute();
  }

  clearRoute() {
    this.d.analysis.clearRoute();
    this.point = null;
    const s = this.d.scenario();
    if (s) this.routes.updateChoices(this.d.analysis.openings().openings.map((x) => x.id), null, s);
    this.refreshRoute();
    this.d.requestFrame();
  }

  /** A point picked on the plan as the route's start. @param {[number, number]} at */
  pointPicked(at) {
    this.point = at;
    const s = this.d.scenario();
    if (s) this.routes.updateChoices(this.d.analysis.openings().openings.map((x) => x.id), at, s);
    this.routes.choosePoint();
    this.find('@point', this.routes.to.value);
  }

  /** Focuses an opening (or unfocuses it on a second click): zooms to it and the cameras that see it. @param {string} id */
  focus(id) {
    if (this.focused === id) {
      this.focused = null;
      this.refreshOpenings();
      this.d.requestFrame();
      return;
    }
    this.focused = id;
    const s = this.d.scenario();
    const wall = s?.plan.walls.find((w) => w.id === id);
    if (s && wall) {
      const o = this.d.analysis.openings().openings.find((x) => x.id === id);
      const pts = [...wall.path, ...(o?.cameras ?? []).map((c) => s.cameras[c.index]?.position).filter((p) => p !== undefined)];
      const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
      this.d.zoomToBox({ minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }, 10);
    }
    this.refreshOpenings();
    this.d.requestFrame();
  }

  refreshOpenings() {
    try {
      this.openings.update(this.d.analysis.openings(), this.d.inGesture(), this.focused);
    } catch (e) {
      this.d.failed(e, 'The opening audit');
    }
  }

  /** Shows (or hides, on a second click) what turns blind without a camera, and selects it. @param {string} id */
  chooseFailure(id) {
    const s = this.d.scenario();
    if (!s) return;
    this.failureCamera = this.failureCamera === id ? null : id;
    const i = s.cameras.findIndex((c) => c.id === id);
    if (this.failureCamera && i >= 0) this.d.select(i, 'list');
    this.d.analysis.failureIndex = this.failureCamera ? i : -1;
    this.d.analysis.refreshFull();
    this.refreshWorkerCards();
    this.d.requestFrame();
  }

  /** The layers for the frame. @param {Show} show @returns {SecurityLayers} */
  layers(show) {
    const a = this.d.analysis;
    const s = this.d.scenario();
    const fi = s && this.failureCamera ? s.cameras.findIndex((c) => c.id === this.failureCamera) : -1;
    return {
      seenBy: show.seenby ? a.seenBy() : null,
      shortfall: show.shortfall ? a.shortfall() : null,
      failure: fi >= 0 ? a.failure(fi) : null,
    };
  }

  /** What the security analysis draws over the frame. @param {Frame} f @returns {Overlay[]} */
  overlays(f) {
    const a = this.d.analysis;
    /** @type {number[]} */
    let cameras = [];
    if (this.focused) {
      const o = a.lastOpenings()?.openings.find((x) => x.id === this.focused);
      cameras = (o?.cameras ?? []).filter((c) => c.index < f.doc.cameras.length).map((c) => c.index);
    }
    const done = a.route();
    const route = done?.report ? routeToDraw(done.report, this.routes.which()) : null;
    const start = a.routeAsk?.start.kind === 'point' ? a.routeAsk.start.at : this.point;
    if (!this.focused && !route && !start) return [];
    return [{ kind: 'security', opening: this.focused, cameras, route, routeStale: !!route && a.routeDue(), start }];
  }

  /** A new plan: nothing focused, no route. */
  reset() {
    this.focused = null;
    this.failureCamera = null;
    this.point = null;
    this.d.analysis.reset();
  }
}
