// @ts-check
/**
 * Draws a `Frame` (view/frame.js) onto a canvas: a pure function of the frame. Static
 * parts and the cameras that are not being edited are kept in offscreen canvases, each a
 * `LayerCache` keyed on the frame parts it depends on, so a drag redraws only what moves:
 * three full-canvas images plus the active camera and the overlays. While the view pans
 * or zooms, the last full frame is reprojected with one image draw, but only when nothing
 * but the view changed.
 */

import * as P from '../palette.js';
import { LayerCache, screenKey, otherCameras, sameKey } from './layer-cache.js';
import { drawGrid, drawZones, drawWalls, drawZoneLabels, drawOpeningLabels, drawPoleSites, drawZoneOutline, drawHighlight } from './plan.js';
import { ShapePathCache, Patterns, drawShapes } from './coverage.js';
import { toDevice } from '../view/transform.js';
import { drawView, drawCameras } from './cameras.js';
import { drawOverlays } from './overlays.js';
import { drawScaleBar } from './scale-bar.js';
import { UnderlayLayer } from './underlay.js';
import { drawSeenBy, drawShortfallAndFailure, shortfallPattern, SEEN_BY_ALPHA } from './security.js';
import { contextKey, drawLevelContext, linksKey, drawLevelLinks } from './level-context.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {import('./coverage.js').Rect} Rect */

/** The blind layer's own shapes (null when hidden). @param {Frame} f */
const blindOwn = (f) => (f.ui.show.blind ? f.core.layers.blind : null);
/** The dead zones, drawn over the blind spots in the same canvas. @param {Frame} f */
const blindExtra = (f) => (f.ui.show.dead ? f.core.layers.dead : null);
/** @param {Frame} f */
const multiOwn = (f) => (f.ui.show.multi ? f.core.layers.multi : null);

export class Renderer {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    this.patterns = new Patterns(this.ctx);
    /** Path2D per blind/multi polygon in plan coordinates, by a hash of its coordinates. */
    this.paths = new ShapePathCache();

    /** How the top layer last drew the walls (tests): stamped as pixels or stroked (plan.js drawWalls). */
    this.lod = { walls: /** @type {'pixels'|'paths'} */ ('paths') };
    /** The scanned plan traced over (its own cache: a wall drag does not resample it). */
    this.underlay = new UnderlayLayer();
    /** Background, grid, zones and the underlay over their tints (a wall edit keeps it). */
    this.base = new LayerCache((f) => [...screenKey(f), f.doc.plan.zones, f.underlay, ...contextKey(f)], (ctx, f, { W, H }) => {
      ctx.fillStyle = P.PAPER;
      ctx.fillRect(0, 0, W, H);
      drawGrid(ctx, f, W, H);
      drawZones(ctx, f);
      this.underlay.draw(ctx, f);
      drawLevelContext(ctx, f);
    });

    /**
     * The base with the views (and bands) of every camera except the active one and the
     * live ones (`ui.liveViews`: the views a wall drag changes). A view depends on its
     * camera, model, settings and the walls; during a wall drag the views not listed live
     * are exactly as before it, so `ui.plan` (the plan before the drag) keys them.
     */
    this.views = new LayerCache((f) => [...screenKey(f), f.ui.plan, f.underlay, f.doc.catalog, f.doc.settings, f.ui.active, f.ui.selected,
      f.ui.show.views && f.core.layers.views !== null, f.ui.show.bands, f.core.levels.length, f.ui.liveViews, ...otherCameras(f)], (ctx, f) => {
      ctx.drawImage(this.base.get(f), 0, 0);
      const views = f.core.layers.views;
      if (!f.ui.show.views || !views) return;
      const n = Math.min(f.doc.cameras.length, views.polygonOffsets.length - 1);
      const live = new Set(f.ui.liveViews);
      for (let i = 0; i < n; i++) if (i !== f.ui.active && !live.has(i)) drawView(ctx, f, views, i, false);
    });

    /**
     * Walls and labels, drawn above coverage. Labels step clear of `ui.labelCameras`.
     * During a wall drag: the plan before it without the edited walls (drawn live).
     */
    this.top = new LayerCache((f) => this.topKey(f), (ctx, f) => {
      const edited = new Set(f.ui.editedWalls ?? []);
      const walls = f.ui.plan.walls;
      this.lod.walls = drawWalls(ctx, f, edited.size ? walls.filter((_, i) => !edited.has(i)) : walls);
      drawPoleSites(ctx, f);
      drawLevelLinks(ctx, f);
      if (f.ui.show.labels) {
        drawZoneLabels(ctx, f);
        drawOpeningLabels(ctx, f, walls);
      }
    });


    /** Walls and labels with the icons of every camera except the active one. */
    this.cameras = new LayerCache((f) => [...this.topKey(f), f.doc.catalog, f.doc.settings, f.ui.active, f.ui.selected,
      f.ui.hoverCamera, f.ui.focused, ...otherCameras(f)], (ctx, f) => {
      ctx.drawImage(this.top.get(f), 0, 0);
      drawCameras(ctx, f, 0, f.doc.cameras.length, f.ui.active);
    });

    /** Blind spots with the dead zones over them (one image per frame, not two), and multi coverage. */
    this.blind = this.shapeLayer('blind', blindOwn, blindExtra);
    this.multi = this.shapeLayer('multi', multiOwn, () => null);

    /** The security analysis: seen-by tints (composited translucent), then the shortfall hatch and the failure region. */
    this.seenBy = new LayerCache((f) => [...screenKey(f), f.core.security.seenBy], (ctx, f) => drawSeenBy(ctx, f, this.paths));
    /** @type {Map<number, CanvasPattern|null>} */
    this.shortHatch = new Map();
    this.shortfall = new LayerCache((f) => [...screenKey(f), f.core.security.shortfall, f.core.security.failure], (ctx, f) => {
      const d = f.view.dpr;
      if (!this.shortHatch.has(d)) this.shortHatch.set(d, shortfallPattern(this.ctx, d));
      drawShortfallAndFailure(ctx, f, this.paths, this.shortHatch.get(d) ?? null);
    });

    /** The cached layers by name, for the per-frame record of what was redrawn. */
    this.caches = { base: this.base, views: this.views, top: this.top, cameras: this.cameras, blind: this.blind, multi: this.multi,
      seenBy: this.seenBy, shortfall: this.shortfall };
    /**
     * The layers the last `render` redrew, with the ms each took ("views" includes "base",
     * "cameras" includes "top" when both were redrawn); benchmarks read it.
     * @type {Record<string, number>}
     */
    this.redrawn = {};
    /**
     * Where the last full `render` spent its time (ms, recording the draw calls: the
     * raster comes at the flush): the cached views composited (and redrawn when stale),
     * the live views, the coverage layers, walls and icons, the overlays and scale bar.
     * @type {{views: number, liveViews: number, coverage: number, cameras: number, chrome: number}|null}
     */
    this.phases = null;
    /**
     * Benchmarks (`?perf=phases`): rasterise the canvas at the end of each phase, so that
     * `phases` holds each phase's raster too (it is otherwise paid at the flush).
     */
    this.rasterPhases = false;

    /** The last full-quality frame without overlays and scale bar, for pans and zooms. */
    this.snapshot = { canvas: /** @type {HTMLCanvasElement|null} */ (null), key: /** @type {unknown[]|null} */ (null), view: { scale: 1, tx: 0, ty: 0 } };
  }

  /** @param {Frame} f */
  topKey(f) {
    const labels = f.ui.show.labels;
    return [...screenKey(f), f.ui.plan, f.ui.editedWalls, f.doc.pole_sites, labels, labels ? f.core.labels : null, labels ? f.ui.labelCameras : null, ...linksKey(f)];
  }

  /**
   * A blind-spot or multi-coverage layer. On the same screen, it is repainted only where
   * its polygons changed since its last draw: the box of those added or dropped (the
   * path cache compares every polygon by a hash of its coordinates), which during a
   * camera or wall drag is a small part of the moved views' boxes.
   * @param {'blind'|'multi'} kind @param {(f: Frame) => Shapes|null} own @param {(f: Frame) => Shapes|null} extra
   * @returns {LayerCache<null>}
   */
  shapeLayer(kind, own, extra) {
    return new LayerCache(
      (f) => [...screenKey(f), own(f), extra(f)],
      (ctx, f, { partial, W, H }) => {
        const a = own(f), b = extra(f);
        const ownPaths = a ? this.paths.get(a, kind) : [];
        const extraPaths = b ? this.paths.get(b, 'dead') : [];
        /** @type {Rect|null} */
        let rect = null;
        if (partial) {
          const box = this.paths.changedBox(b ? [kind, 'dead'] : [kind]);
          // Nothing on screen can have changed.
          if (!box) return;
          const v = f.view;
          const [bx0, by0] = toDevice(v, v.dpr, box[0], box[3]), [bx1, by1] = toDevice(v, v.dpr, box[2], box[1]);
          // The outlines reach beyond the polygons' boxes: at most a miter (the
          // default limit, 10 half widths) of the widest outline, 1.6 px.
          const m = 9 * v.dpr;
          const x0 = Math.max(0, Math.floor(bx0 - m)), y0 = Math.max(0, Math.floor(by0 - m));
          const x1 = Math.min(W, Math.ceil(bx1 + m)), y1 = Math.min(H, Math.ceil(by1 + m));
          if (!(x1 > x0 && y1 > y0)) return;
          rect = [x0, y0, x1, y1];
          ctx.save();
          ctx.beginPath();
          ctx.rect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
          ctx.clip();
          ctx.clearRect(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]);
        } else {
          ctx.save();
        }
        if (a) drawShapes(ctx, f, ownPaths, this.patterns.get(f.view.dpr, kind), kind, rect);
        if (b) drawShapes(ctx, f, extraPaths, this.patterns.get(f.view.dpr, 'dead'), 'dead', rect);
        ctx.restore();
      },
      // The repaint is exact whatever changed, as long as the screen and the kinds drawn
      // are the same.
      (f) => [...screenKey(f), own(f) === null, extra(f) === null],
    );
  }

  /** Everything a full frame depends on except the view transform (and the overlays, drawn live). @param {Frame} f */
  snapshotKey(f) {
    const { view: v, ui } = f;
    return [Math.round(v.width * v.dpr), Math.round(v.height * v.dpr), v.dpr, f.doc, f.core, f.underlay, ui.show, ui.selected, ui.active,
      ui.hoverCamera, ui.hoverZone, ui.highlight, ui.labelCameras, ui.focused];
  }

  /** @param {Frame} f */
  render(f) {
    const before = Object.values(this.caches).map((c) => c.draws);
    // Every frame starts from the context's default state: a line dash, cap or join left
    // by the last frame's overlays must not reach what this frame draws live.
    this.ctx.save();
    try {
      this.render0(f);
    } finally {
      this.ctx.restore();
    }
    /** @type {Record<string, number>} */
    const redrawn = {};
    Object.entries(this.caches).forEach(([name, c], k) => {
      if (c.draws !== before[k]) redrawn[c.lastPartial ? `${name} (part)` : name] = c.lastMs;
    });
    this.redrawn = redrawn;
  }

  /** @param {Frame} f */
  render0(f) {
    const { ctx, canvas } = this;
    const v = f.view;
    const W = Math.round(v.width * v.dpr);
    const H = Math.round(v.height * v.dpr);
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    const snap = this.snapshot;
    const key = this.snapshotKey(f);
    if (f.ui.viewMoving && snap.canvas && sameKey(snap.key, key)) {
      // Only the view moved: reproject the last full frame (one image draw) until it rests.
      const k = v.scale / snap.view.scale;
      const dx = (v.tx - snap.view.tx * k) * v.dpr, dy = (v.ty - snap.view.ty * k) * v.dpr;
      ctx.fillStyle = P.PAPER;
      ctx.fillRect(0, 0, W, H);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(snap.canvas, dx, dy, W * k, H * k);
      this.drawChrome(f);
      return;
    }

    const active = f.ui.active >= 0 && f.ui.active < f.doc.cameras.length;
    const views = f.core.layers.views;
    const ph = this.phases = { views: 0, liveViews: 0, coverage: 0, cameras: 0, chrome: 0 };
    let t = performance.now();
    const lap = () => {
      if (this.rasterPhases) this.flush();
      const n = performance.now(), d = n - t;
      t = n;
      return d;
    };
    ctx.drawImage(this.views.get(f), 0, 0);
    ph.views = lap();
    if (f.ui.show.views && views) {
      const n = Math.min(f.doc.cameras.length, views.polygonOffsets.length - 1);
      for (const i of f.ui.liveViews) if (i < n) drawView(ctx, f, views, i, false);
    }
    if (active && f.ui.show.views && views) drawView(ctx, f, views, f.ui.active, true);
    ph.liveViews = lap();
    if (multiOwn(f)) ctx.drawImage(this.multi.get(f), 0, 0);
    const sec = f.core.security;
    if (sec.seenBy) {
      ctx.globalAlpha = SEEN_BY_ALPHA;
      ctx.drawImage(this.seenBy.get(f), 0, 0);
      ctx.globalAlpha = 1;
    }
    if (sec.shortfall || sec.failure) ctx.drawImage(this.shortfall.get(f), 0, 0);
    if (blindOwn(f) || blindExtra(f)) ctx.drawImage(this.blind.get(f), 0, 0);
    ph.coverage = lap();
    const edited = f.ui.editedWalls;
    if (edited) {
      // A wall drag: the walls it moves, under the others' layer (same ink), its labels and the icons.
      const walls = f.doc.plan.walls;
      drawWalls(ctx, f, edited.map((i) => walls[i]));
    }
    ctx.drawImage(this.cameras.get(f), 0, 0);
    if (f.ui.hoverZone) drawZoneOutline(ctx, f, f.ui.hoverZone);
    if (f.ui.highlight) drawHighlight(ctx, f, f.ui.highlight);
    if (active) drawCameras(ctx, f, f.ui.active, f.ui.active + 1);
    // Keep this frame for reprojection during pans and zooms (not while a camera is being
    // dragged: the frame after the drag will do).
    if (f.ui.live) {
      snap.key = null;
    } else {
      const sc = snap.canvas ?? document.createElement('canvas');
      if (sc.width !== W || sc.height !== H) {
        sc.width = W;
        sc.height = H;
      }
      const sctx = /** @type {CanvasRenderingContext2D} */ (sc.getContext('2d'));
      sctx.clearRect(0, 0, W, H);
      sctx.drawImage(canvas, 0, 0);
      snap.canvas = sc;
      snap.key = key;
      snap.view = { scale: v.scale, tx: v.tx, ty: v.ty };
    }
    ph.cameras = lap();
    this.drawChrome(f);
    ph.chrome = lap();
  }

  /** What is drawn on top of every frame: the scale bar, then the overlays. @param {Frame} f */
  drawChrome(f) {
    drawScaleBar(this.ctx, f);
    drawOverlays(this.ctx, f);
  }

  /** Makes the canvas rasterise now (benchmarks: the drawing cost lands in the timed frame). */
  flush() {
    this.ctx.getImageData(0, 0, 1, 1);
  }

  /** The colour at device pixel (x, y), as [r, g, b, a] (tests). @param {number} x @param {number} y */
  pixel(x, y) {
    return Array.from(this.ctx.getImageData(x, y, 1, 1).data);
  }
}
