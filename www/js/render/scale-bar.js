// @ts-check
/** The scale bar and north arrow in the plan's bottom-right corner. */

import * as P from '../palette.js';
import { FONT } from './paths.js';

/** @typedef {import('../view/frame.js').Frame} Frame */

/** A scale bar and north arrow in the bottom-right corner. @param {CanvasRenderingContext2D} ctx @param {Frame} f */
export function drawScaleBar(ctx, f) {
  const v = f.view;
  const d = v.dpr;
  const nice = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000];
  const m = nice.find((n) => n * v.scale >= 70) ?? 5000;
  const L = m * v.scale;
  const x1 = v.width - 22, y = v.height - 22, x0 = x1 - L;
  ctx.save();
  ctx.scale(d, d);
  ctx.fillStyle = 'rgba(251, 250, 247, 0.9)';
  ctx.fillRect(x0 - 10, y - 26, L + 20 + 0, 36);
  ctx.strokeStyle = P.INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x0, y - 6);
  ctx.lineTo(x0, y);
  ctx.lineTo(x1, y);
  ctx.lineTo(x1, y - 6);
  ctx.moveTo((x0 + x1) / 2, y);
  ctx.lineTo((x0 + x1) / 2, y - 4);
  ctx.stroke();
  ctx.font = `600 12px ${FONT}`;
  ctx.fillStyle = P.INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${m} m`, (x0 + x1) / 2, y - 7);
  // North arrow.
  const nx = x0 - 30, ny = y - 4;
  ctx.beginPath();
  ctx.moveTo(nx, ny - 20);
  ctx.lineTo(nx + 6, ny - 4);
  ctx.lineTo(nx, ny - 8);
  ctx.lineTo(nx - 6, ny - 4);
  ctx.closePath();
  ctx.fill();
  ctx.textBaseline = 'top';
  ctx.font = `700 11px ${FONT}`;
  ctx.fillText('N', nx, ny - 3);
  ctx.restore();
}
