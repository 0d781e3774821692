// @ts-check
/**
 * The underlay layer: the scanned plan the user traces over (model/underlay.js), drawn in
 * plan coordinates into the base layer, over the paper and the zone tints and under the
 * coverage, walls and cameras. It is multiplied onto what lies under it, so a scan's white
 * paper leaves the zone tints as they are and only its lines darken them; the opacity
 * sets how strong the scan is. It keeps its own cached canvas (keyed on the view and the
 * frame's `underlay` part), so a wall drag redraws the base without resampling the image.
 * Also draws the underlay tool's overlay: the calibration points and the outline with its
 * turning knob.
 */

import { LayerCache, screenKey } from './layer-cache.js';
import { deviceMatrix, toScreen } from '../view/transform.js';
import { imageMatrix, corners, toPlan } from '../model/underlay.js';
import { haloText, FONT } from './paths.js';

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {Extract<import('../view/frame.js').Overlay, {kind: 'underlay'}>} UnderlayOverlay */

const ACCENT = '#0b63c5';
const CAL = '#d4003c';

export class UnderlayLayer {
  constructor() {
    this.cache = new LayerCache((f) => [...screenKey(f), f.underlay], (ctx, f) => drawImage(ctx, f));
  }

  /** Draws the underlay, if there is one, onto the base layer's canvas. @param {CanvasRenderingContext2D} ctx @param {Frame} f */
  draw(ctx, f) {
    if (!f.underlay) return;
    const cv = this.cache.get(f);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (f.underlay.source) ctx.globalCompositeOperation = 'multiply';
    ctx.drawImage(cv, 0, 0);
    ctx.restore();
  }
}

/** @param {CanvasRenderingContext2D} ctx @param {Frame} f */
function drawImage(ctx, f) {
  const layer = f.underlay;
  if (!layer) return;
  const u = layer.placement;
  ctx.save();
  if (layer.source) {
    ctx.setTransform(...deviceMatrix(f.view, f.view.dpr));
    ctx.transform(...imageMatrix(u));
    ctx.globalAlpha = u.opacity ?? 1;
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(layer.source, 0, 0, layer.sourceWidth, layer.sourceHeight, 0, 0, u.image.width, u.image.height);
  } else {
    // The image is not here (missing from this browser, loading, or failed): its outline
    // shows where it lies, so the plan still reads as traced over something.
    const pts = corners(u).map(([x, y]) => toScreen(f.view, x, y));
    const d = f.view.dpr;
    ctx.setTransform(d, 0, 0, d, 0, 0);
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.setLineDash([6, 5]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#8a8f98';
    ctx.stroke();
    ctx.setLineDash([]);
    // The note sits inside the top-left corner, clear of the zone labels in the middle.
    const [x0, y0] = pts.reduce(([a, b], [x, y]) => [Math.min(a, x), Math.min(b, y)], [Infinity, Infinity]);
    ctx.font = `600 13px ${FONT}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    const text = layer.status === 'loading' ? `Loading the underlay ${u.image.name}…` : `Underlay image missing: ${u.image.name} (see the Underlay card)`;
    haloText(ctx, text, Math.max(8, x0 + 10), Math.max(8, y0 + 10), '#5b616b', 1);
  }
  ctx.restore();
}

/**
 * The underlay tool's overlay (CSS px): the image's outline and turning knob while moving,
 * the calibration points A and B with the line between them and its length.
 * @param {CanvasRenderingContext2D} ctx @param {Frame} f @param {UnderlayOverlay} o
 */
export function drawUnderlayOverlay(ctx, f, o) {
  const d = f.view.dpr;
  ctx.save();
  ctx.setTransform(d, 0, 0, d, 0, 0);
  if (o.outline) {
    const pts = o.outline.map(([x, y]) => toScreen(f.view, x, y));
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = ACCENT;
    ctx.setLineDash(o.locked ? [4, 4] : []);
    ctx.stroke();
    ctx.setLineDash([]);
    if (o.knob && !o.locked) {
      const top = toScreen(f.view, ...o.knob.stem);
      const k = toScreen(f.view, ...o.knob.at);
      ctx.beginPath();
      ctx.moveTo(top[0], top[1]);
      ctx.lineTo(k[0], k[1]);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(k[0], k[1], 7, 0, Math.PI * 2);
      ctx.fillStyle = o.hot === 'knob' ? ACCENT : '#ffffff';
      ctx.fill();
      ctx.stroke();
    }
  }
  const pts = o.points.map(([x, y]) => toScreen(f.view, x, y));
  ctx.font = `600 13px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (pts.length) {
    const end = o.pointer && pts.length === 1 ? toScreen(f.view, ...o.pointer) : pts[1];
    if (end) {
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      ctx.lineTo(end[0], end[1]);
      ctx.lineWidth = 2;
      ctx.strokeStyle = CAL;
      ctx.setLineDash(pts.length === 1 ? [6, 4] : []);
      ctx.stroke();
      ctx.setLineDash([]);
      if (o.label) haloText(ctx, o.label, (pts[0][0] + end[0]) / 2, (pts[0][1] + end[1]) / 2 - 14, CAL, 1);
    }
    pts.forEach(([x, y], i) => {
      ctx.beginPath();
      ctx.moveTo(x - 8, y); ctx.lineTo(x + 8, y);
      ctx.moveTo(x, y - 8); ctx.lineTo(x, y + 8);
      ctx.lineWidth = 2;
      ctx.strokeStyle = CAL;
      ctx.stroke();
      haloText(ctx, i ? 'B' : 'A', x, y + 18, CAL, 1);
    });
  }
  ctx.restore();
}

