// @ts-check
/**
 * Draws a `Frame` (view/frame.js): a pure function of the frame. Static parts and the
 * cameras that are not being edited are kept in canvases of their own, each a
 * `LayerCache` keyed on the frame parts it depends on, so a drag redraws only what moves.
 * The page's plan is a stack (`stacked`): each cached layer is its own canvas, the
 * browser's compositor stacks them, and a frame draws only the live parts (the active
 * camera's view, the live views, the edited walls, the active icon, the overlays) into
 * thin canvases at their depths; a comparison's map draws the layers into its one canvas
 * as images. While the view pans or zooms, the last full frame is reprojected with one
 * image draw, but only when nothing but the view changed.
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

/**
 * Where `compose` hands the frame's depths: `layer` a cached layer (null: not shown this
 * frame) with the opacity it is composited at, `live` a part drawn for this frame only
 * (null: nothing this frame).
 * @typedef {{
 *   layer: (name: string, cache: LayerCache<any>|null, alpha?: number) => void,
 *   live: (name: string, draw: ((ctx: CanvasRenderingContext2D) => void)|null) => void,
 * }} Sink
 */
/**
 * @typedef {{name: string, el: HTMLCanvasElement, ctx: CanvasRenderingContext2D, opacity: number, shown: boolean, dirty: boolean, live: boolean, drawnIn: number}} StackEntry
 * @typedef {{order: StackEntry[], byName: Record<string, StackEntry>, live: StackEntry[], flat: HTMLCanvasElement|null, flatRender: number, cssW: number, cssH: number}} Stack
 */

export class Renderer {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{stacked?: boolean}} [opts] stacked: each cached layer is its own canvas under
   *   `canvas` (the page's plan: the browser composites them), instead of being drawn into
   *   `canvas` every frame (a comparison's map, the tests' fresh renderer)
   */
  constructor(canvas, opts = {}) {
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

    /**
     * The last full frame drawn when no camera was being dragged, and its key
     * (`snapshotKey`): a pan or zoom reprojects its image while the key holds.
     * @type {{frame: Frame, key: unknown[]}|null}
     */
    this.lastFull = null;
    /** The image of `frame` without overlays and scale bar (`snapshotOf`, made when a pan starts). */
    this.snapshot = { canvas: /** @type {HTMLCanvasElement|null} */ (null), frame: /** @type {Frame|null} */ (null) };
    /** Frames rendered (the stack's composite read is kept per frame). */
    this.renders = 0;
    /** @type {Stack|null} */
    this.stack = opts.stacked ? this.makeStack() : null;
  }

  /**
   * The stack: each cached layer in its own canvas, and the live parts in thin canvases
   * between them, inserted below the plan canvas (which stays on top: it takes the
   * pointer, the focus and the keys, and draws the live top part and the chrome). The
   * others are `.plan-layer`s: no pointer events, hidden from assistive technology.
   * @returns {Stack}
   */
  makeStack() {
    const top = this.canvas;
    const parent = top.parentElement;
    if (!parent) throw new Error('the plan canvas must be in the page before its layers can be stacked under it');
    /** @type {StackEntry[]} */
    const order = [];
    /** @param {string} name @param {LayerCache<any>|null} cache @param {number} [opacity] */
    const add = (name, cache, opacity = 1) => {
      const el = document.createElement('canvas');
      el.className = 'plan-layer';
      el.dataset.layer = name;
      el.setAttribute('aria-hidden', 'true');
      el.style.visibility = 'hidden';
      if (opacity !== 1) el.style.opacity = String(opacity);
      parent.insertBefore(el, top);
      if (cache) cache.element = el;
      order.push({ name, el, ctx: /** @type {CanvasRenderingContext2D} */ (el.getContext('2d')), opacity, shown: false, dirty: false, live: !cache, drawnIn: -1 });
    };
    add('views', this.views);
    add('liveViews', null);
    add('multi', this.multi);
    add('seenBy', this.seenBy, SEEN_BY_ALPHA);
    add('shortfall', this.shortfall);
    add('blind', this.blind);
    add('liveWalls', null);
    add('cameras', this.cameras);
    order.push({ name: 'top', el: top, ctx: this.ctx, opacity: 1, shown: true, dirty: true, live: true, drawnIn: -1 });
    return { order, byName: Object.fromEntries(order.map((e) => [e.name, e])), live: order.filter((e) => e.live && e.el !== top), flat: null, flatRender: -1, cssW: -1, cssH: -1 };
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
    /** @type {{canvas: HTMLCanvasElement|null}} */
    const scratch = { canvas: null };
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
          // Drawn into a scratch canvas of the layer's size without a clip, and the box
          // copied: a path clipped to the box antialiases differently from the whole
          // draw's near the clip (measured: up to 32 px in), whereas unclipped, on a
          // canvas of the same size, each polygon is rasterised as in a whole draw. Only
          // the polygons that can paint in the box are drawn (drawShapes); what they
          // paint outside it stays in the scratch canvas.
          const sc = scratch.canvas ??= document.createElement('canvas');
          if (sc.width !== W || sc.height !== H) {
            sc.width = W;
            sc.height = H;
          }
          const g = /** @type {CanvasRenderingContext2D} */ (sc.getContext('2d'));
          g.setTransform(1, 0, 0, 1, 0, 0);
          g.clearRect(x0, y0, x1 - x0, y1 - y0);
          g.save();
          if (a) drawShapes(g, f, ownPaths, this.patterns.get(f.view.dpr, kind), kind, rect);
          if (b) drawShapes(g, f, extraPaths, this.patterns.get(f.view.dpr, 'dead'), 'dead', rect);
          g.restore();
          ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
          ctx.drawImage(sc, x0, y0, x1 - x0, y1 - y0, x0, y0, x1 - x0, y1 - y0);
          return;
        }
        ctx.save();
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
    this.renders++;
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
    const resize = (/** @type {HTMLCanvasElement} */ c) => {
      if (c.width !== W || c.height !== H) {
        c.width = W;
        c.height = H;
      }
    };
    resize(canvas);
    const st = this.stack;
    if (st) {
      for (const e of st.live) resize(e.el);
      // Every canvas of the stack covers the frame's box (the plan canvas is sized by the page).
      if (st.cssW !== v.width || st.cssH !== v.height) {
        st.cssW = v.width;
        st.cssH = v.height;
        for (const e of st.order) {
          if (e.el === canvas) continue;
          e.el.style.width = `${v.width}px`;
          e.el.style.height = `${v.height}px`;
        }
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    const key = this.snapshotKey(f);
    const last = this.lastFull;
    if (f.ui.viewMoving && last && sameKey(last.key, key)) {
      // Only the view moved: reproject the last full frame (one image draw) until it rests.
      const snap = this.snapshotOf(last.frame);
      const k = v.scale / last.frame.view.scale;
      const dx = (v.tx - last.frame.view.tx * k) * v.dpr, dy = (v.ty - last.frame.view.ty * k) * v.dpr;
      if (st) for (const e of st.order) if (e.el !== canvas) this.show(e, false);
      ctx.fillStyle = P.PAPER;
      ctx.fillRect(0, 0, W, H);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(snap, dx, dy, W * k, H * k);
      this.drawChrome(f);
      return;
    }

    const ph = this.phases = { views: 0, liveViews: 0, coverage: 0, cameras: 0, chrome: 0 };
    let t = performance.now();
    const lap = () => {
      if (this.rasterPhases) this.flush();
      const n = performance.now(), d = n - t;
      t = n;
      return d;
    };
    this.compose(f, this.stack ? this.stackSink(f) : flatSink(ctx, f), (name) => { ph[name] = lap(); });
    // Keep this frame for reprojection during pans and zooms (not while a camera is being
    // dragged: the frame after the drag will do). Its image is made when a pan starts.
    this.lastFull = f.ui.live ? null : { frame: f, key };
    this.drawChrome(f);
    ph.chrome = lap();
  }

  /**
   * The frame's depths, bottom to top, handed to `sink`: a cached layer (or null when the
   * frame does not show it) or a live part drawn for this frame only. The flat sink draws
   * them all into one canvas; the stack's sink leaves the cached layers in their own
   * canvases for the browser to stack. `lap` is told when each phase ends.
   * @param {Frame} f @param {Sink} sink @param {(phase: 'views'|'liveViews'|'coverage'|'cameras') => void} [lap]
   */
  compose(f, sink, lap = () => {}) {
    const active = f.ui.active >= 0 && f.ui.active < f.doc.cameras.length;
    const views = f.core.layers.views;
    sink.layer('views', this.views);
    lap('views');
    sink.live('liveViews', f.ui.show.views && views && (f.ui.liveViews.length || active) ? (ctx) => {
      const n = Math.min(f.doc.cameras.length, views.polygonOffsets.length - 1);
      for (const i of f.ui.liveViews) if (i < n) drawView(ctx, f, views, i, false);
      if (active) drawView(ctx, f, views, f.ui.active, true);
    } : null);
    lap('liveViews');
    const sec = f.core.security;
    sink.layer('multi', multiOwn(f) ? this.multi : null);
    sink.layer('seenBy', sec.seenBy ? this.seenBy : null, SEEN_BY_ALPHA);
    sink.layer('shortfall', sec.shortfall || sec.failure ? this.shortfall : null);
    sink.layer('blind', blindOwn(f) || blindExtra(f) ? this.blind : null);
    lap('coverage');
    const edited = f.ui.editedWalls;
    // A wall drag: the walls it moves, under the others' layer (same ink), its labels and the icons.
    sink.live('liveWalls', edited ? (ctx) => drawWalls(ctx, f, edited.map((i) => f.doc.plan.walls[i])) : null);
    sink.layer('cameras', this.cameras);
    sink.live('top', (ctx) => {
      if (f.ui.hoverZone) drawZoneOutline(ctx, f, f.ui.hoverZone);
      if (f.ui.highlight) drawHighlight(ctx, f, f.ui.highlight);
      if (active) drawCameras(ctx, f, f.ui.active, f.ui.active + 1);
    });
    lap('cameras');
  }

  /**
   * The image of a full frame without its overlays and scale bar, for reprojection: drawn
   * once per frame asked for, from the cached layers (which still hold that frame: only
   * reprojected frames came after it).
   * @param {Frame} f
   */
  snapshotOf(f) {
    const snap = this.snapshot;
    if (snap.frame === f && snap.canvas) return snap.canvas;
    const sc = snap.canvas ?? document.createElement('canvas');
    const W = Math.round(f.view.width * f.view.dpr), H = Math.round(f.view.height * f.view.dpr);
    sc.width = W;
    sc.height = H;
    const sctx = /** @type {CanvasRenderingContext2D} */ (sc.getContext('2d'));
    sctx.save();
    try {
      this.compose(f, flatSink(sctx, f));
    } finally {
      sctx.restore();
    }
    snap.canvas = sc;
    snap.frame = f;
    return sc;
  }

  /**
   * The stack's sink: a cached layer is brought up to date in its own canvas and shown (or
   * hidden); a live canvas is cleared if it holds anything, and drawn.
   * @param {Frame} f @returns {Sink}
   */
  stackSink(f) {
    const st = /** @type {Stack} */ (this.stack);
    return {
      layer: (name, cache) => {
        const e = st.byName[name];
        if (cache) {
          const n = cache.draws;
          cache.get(f);
          if (cache.draws !== n) e.drawnIn = this.renders;
        }
        this.show(e, cache !== null);
      },
      live: (name, draw) => {
        const e = st.byName[name];
        const W = e.el.width, H = e.el.height;
        // The top canvas (the plan element) always holds the chrome: cleared every frame.
        if (e.dirty || e.el === this.canvas) {
          e.ctx.clearRect(0, 0, W, H);
          e.drawnIn = this.renders;
        }
        e.dirty = false;
        if (draw) {
          e.ctx.save();
          try {
            draw(e.ctx);
          } finally {
            e.ctx.restore();
          }
          e.dirty = true;
          e.drawnIn = this.renders;
        }
        this.show(e, e.el === this.canvas || e.dirty);
      },
    };
  }

  /** @param {StackEntry} e @param {boolean} on */
  show(e, on) {
    if (e.shown === on) return;
    e.shown = on;
    e.el.style.visibility = on ? '' : 'hidden';
  }

  /** What is drawn on top of every frame: the scale bar, then the overlays. @param {Frame} f */
  drawChrome(f) {
    drawScaleBar(this.ctx, f);
    drawOverlays(this.ctx, f);
  }

  /**
   * Makes the canvases rasterise now (benchmarks: the drawing cost lands in the timed
   * frame): the plan canvas, and in a stack every canvas drawn in the last render (each
   * holds its own recorded draw calls until it is read or presented; reading one that
   * holds none would only time a copy).
   */
  flush() {
    if (!this.stack) {
      this.ctx.getImageData(0, 0, 1, 1);
      return;
    }
    for (const e of this.stack.order) if (e.drawnIn === this.renders && e.el.width > 0 && e.el.height > 0) e.ctx.getImageData(0, 0, 1, 1);
  }

  /**
   * What the user sees, as one canvas: the plan canvas itself, or the stack's shown
   * canvases composited in their order and opacities into a scratch canvas (kept until
   * the next render). Tests read it.
   */
  composed() {
    const st = this.stack;
    if (!st) return this.canvas;
    if (st.flat && st.flatRender === this.renders) return st.flat;
    const out = st.flat ?? document.createElement('canvas');
    out.width = this.canvas.width;
    out.height = this.canvas.height;
    const g = /** @type {CanvasRenderingContext2D} */ (out.getContext('2d'));
    for (const e of st.order) {
      if (!e.shown || e.el.width === 0 || e.el.height === 0) continue;
      g.globalAlpha = e.opacity;
      g.drawImage(e.el, 0, 0);
    }
    g.globalAlpha = 1;
    st.flat = out;
    st.flatRender = this.renders;
    return out;
  }

  /** The colour the user sees at device pixel (x, y), as [r, g, b, a] (tests). @param {number} x @param {number} y */
  pixel(x, y) {
    const c = this.composed();
    return Array.from(/** @type {CanvasRenderingContext2D} */ (c.getContext('2d')).getImageData(x, y, 1, 1).data);
  }
}

/**
 * The flat sink: every depth drawn into `ctx` (cached layers as images).
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @returns {Sink}
 */
function flatSink(ctx, f) {
  return {
    layer: (_name, cache, alpha = 1) => {
      if (!cache) return;
      ctx.globalAlpha = alpha;
      ctx.drawImage(cache.get(f), 0, 0);
      ctx.globalAlpha = 1;
    },
    live: (_name, draw) => {
      if (draw) draw(ctx);
    },
  };
}
