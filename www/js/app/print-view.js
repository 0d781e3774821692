// @ts-check
/**
 * Printing the page: instead of the toolbar, a cropped canvas and the side panel, one
 * landscape A4 page with the plan's name, the headline figures and the whole plan drawn
 * by the core as vector graphics at a stated scale (its legend and scale bar included).
 * The full report for the board is Export > Report.
 */

import { $, el } from '../panels/dom.js';
import { fmtArea, fmtMoney, pctText } from '../format.js';
import { localDate } from '../files/exports.js';

/** @typedef {import('../core/types.js').Summary} Summary */

/**
 * @param {{scene: () => any, name: () => string, summary: () => Summary|null, met: number}} d the core's met threshold (`Scene.limits()`)
 */
export function installPrintView(d) {
  const host = $('print-view');
  window.addEventListener('beforeprint', () => {
    const scene = d.scene();
    const sm = d.summary();
    if (!scene || !sm) return;
    // A4 landscape less the 12 mm margins, less room for the title and figures.
    const svg = /** @type {string} */ (scene.paperSvg(273, 150));
    const img = el('img', { alt: `Plan of ${d.name()}`, class: 'print-plan' });
    /** @type {HTMLImageElement} */ (img).src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    const required = sm.zones.filter((z) => z.required_level);
    const meeting = required.filter((z) => z.required_coverage >= d.met).length;
    const figure = (/** @type {string} */ label, /** @type {string} */ value) =>
      el('div', { class: 'print-figure' }, [el('span', { text: label }), el('b', { text: value })]);
    host.replaceChildren(
      el('h1', { text: d.name() }),
      el('p', { class: 'print-sub', text: `CCTV coverage plan · printed ${localDate()} · the full report is Export › Report` }),
      el('div', { class: 'print-figures' }, [
        figure('Covered', `${pctText(sm.coverage)} % (${fmtArea(sm.covered_area_m2)} of ${fmtArea(sm.target_area_m2)})`),
        figure('Not covered', fmtArea(sm.blind_area_m2)),
        figure('At required level', required.length ? `${meeting} of ${required.length} zones` : '–'),
        figure('Cost', `${fmtMoney(sm.costs.total, sm.costs.currency)}${sm.costs.example_prices ? ' (example prices)' : ''}`),
      ]),
      img,
    );
  });
  window.addEventListener('afterprint', () => host.replaceChildren());
}
