// @ts-check
/**
 * The "Ways in" card: every audited opening with its status colour, riskiest first
 * (unseen, then the weakest: the core's order). A click zooms to the opening and rings
 * the cameras that see it; they follow the cameras as they move, since the list is
 * rebuilt from the live audit. Also the cameras whose view misses the opening nearest
 * to them. Built with DOM calls and textContent only.
 */

import { el, $ } from '../panels/dom.js';
import { fmtNum } from '../format.js';

/** @typedef {import('../core/types.js').OpeningsAudit} OpeningsAudit */
/** @typedef {import('../core/types.js').OpeningAudit} OpeningAudit */

/** The words for a status. @type {Record<string, string>} */
const STATUS_TEXT = { met: 'watched', below: 'below requirement', unseen: 'unseen' };

/**
 * One line on how an opening is watched.
 * @param {OpeningAudit} o @returns {string}
 */
export function openingDetail(o) {
  const level = o.required_level ?? 'any level';
  const need = `${o.required_cameras > 1 ? `${o.required_cameras} cameras` : '1 camera'} at ${level}`;
  const approaching = o.cameras.filter((c) => c.sees_approach).map((c) => c.id);
  if (o.status === 'unseen') {
    const inside = o.seen_from_other_side_by.length ? `; seen only once in, by ${o.seen_from_other_side_by.join(', ')}` : '';
    return `No camera sees its ${o.approach} approach (needs ${need})${inside}`;
  }
  const watched = `${fmtNum(o.watched_width_m, 1)} of ${fmtNum(o.width_m, 1)} m watched as required (${need})`;
  return `${watched}; seen by ${approaching.join(', ')}`;
}

export class OpeningsPanel {
  /** @param {{focus: (id: string) => void}} actions */
  constructor(actions) {
    this.actions = actions;
    this.list = $('opening-list');
    this.lead = $('openings-lead');
    this.missed = $('opening-missed');
    this.state = $('openings-state');
    this.key = '';
    /** @type {string|null} */
    this.focused = null;
  }

  /** @param {OpeningsAudit} a @param {boolean} live @param {string|null} focused */
  update(a, live, focused) {
    this.state.hidden = !live;
    const rows = a.openings.map((o) => `${o.id}|${o.status}|${openingDetail(o)}`);
    const key = `${rows.join('\u0001')}|${focused}|${a.cameras_missing_nearest_opening.map((m) => `${m.camera}>${m.opening}`).join(',')}`;
    if (key === this.key) return;
    this.key = key;
    this.lead.textContent = a.openings_audited === 0
      ? 'No exterior opening on this plan (mark doors, windows, glass and railings "exterior" to audit them).'
      : `${a.openings_met} of ${a.openings_audited} watched as required. Click one to show it and the cameras that see it.`;
    this.list.replaceChildren(...a.openings.map((o) => {
      const li = el('li', {
        class: `opening-row ${o.status}${o.id === focused ? ' focused' : ''}`, 'data-opening': o.id, 'data-status': o.status,
        tabindex: '0', role: 'button', 'aria-pressed': String(o.id === focused),
        title: o.id === focused ? 'Click again to stop showing it' : 'Zoom to this opening and ring the cameras that see it',
      }, [
        el('span', { class: 'status-dot', 'aria-hidden': 'true' }),
        el('span', { class: 'opening-id', text: o.id }),
        el('span', { class: 'opening-kind', text: o.kind }),
        el('span', { class: 'opening-status', text: STATUS_TEXT[o.status] ?? o.status }),
        el('span', { class: 'opening-detail', text: openingDetail(o) }),
      ]);
      li.addEventListener('click', () => this.actions.focus(o.id));
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          this.actions.focus(o.id);
        }
      });
      return li;
    }));
    const m = a.cameras_missing_nearest_opening;
    this.missed.replaceChildren(...(m.length ? [
      el('h3', { class: 'sub-h', text: 'Cameras missing their nearest opening' }),
      el('ul', { class: 'missed-list' }, m.map((x) => el('li', { 'data-camera': x.camera }, [
        el('b', { text: x.camera }), ` does not see ${x.opening}, ${fmtNum(x.distance_m, 1)} m away`,
      ]))),
    ] : []));
  }
}
