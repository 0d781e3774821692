// @ts-check
/** The legend: what each colour, hatching and stroke on the plan means. */

import { el } from './dom.js';

/**
 * The legend under the plan, with swatches drawn by the renderer's own strokes.
 * @param {HTMLElement} host
 * @param {(ctx: CanvasRenderingContext2D, kind: string, w: number, h: number, dpr: number) => void} drawSwatch render/swatch.js's
 */
export function buildLegend(host, drawSwatch) {
  const dpr = Math.max(1, Math.round(window.devicePixelRatio || 1));
  /** @type {[string, string][][]} */
  const groups = [
    [['camera', 'Camera'], ['view', 'Camera view (own colour)'], ['bands', 'Detail rings: identify · recognise · observe'],
      ['blind', 'Blind spot'], ['dead', 'Dead zone under a camera (blind)'], ['multi', 'Seen by 2+ cameras'],
      ['shortfall', 'Seen, below the required level'], ['seenby', 'Seen by 1 · 2 · 3+ cameras'], ['route', 'Route: unseen · seen']],
    [['exterior', 'Exterior opening (way in)'], ['wall', 'Wall'], ['door', 'Door, closed'], ['door-open', 'Door, open'],
      ['window', 'Window'], ['glass', 'Glass'], ['railing', 'Railing']],
    [['room', 'Room'], ['room-high', 'Room, high priority'], ['asset', 'Asset (display case)'], ['exterior-zone', 'Exterior zone']],
  ];
  host.replaceChildren();
  for (const g of groups) {
    const ul = el('ul', { class: 'legend-group' });
    for (const [kind, label] of g) {
      const c = /** @type {HTMLCanvasElement} */ (el('canvas', { 'aria-hidden': 'true', class: 'swatch' }));
      const w = 34, h = 18;
      c.width = w * dpr;
      c.height = h * dpr;
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
      const ctx = c.getContext('2d');
      if (ctx) drawSwatch(ctx, kind, w, h, dpr);
      ul.append(el('li', { 'data-legend': kind }, [c, el('span', { text: label })]));
    }
    host.append(ul);
  }
}
