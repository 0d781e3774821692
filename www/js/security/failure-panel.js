// @ts-check
/**
 * The "If a camera fails" card: each camera's unique coverage (what turns blind without
 * it) and the openings and zones that lose their required level, most critical first
 * (the core's order), with the area seen by 0, 1, 2 and 3 or more cameras. A click picks
 * the camera and shows its unique area on the plan. DOM calls and textContent only.
 */

import { el, $ } from '../panels/dom.js';
import { fmtArea } from '../format.js';

/** @typedef {import('../core/types.js').Audit} Audit */

/** How many cameras the card lists. */
const SHOWN = 8;

export class FailurePanel {
  /** @param {{choose: (cameraId: string) => void}} actions */
  constructor(actions) {
    this.actions = actions;
    this.list = $('failure-list');
    this.state = $('failure-state');
    this.seenBy = $('failure-seen-by');
    this.key = '';
  }

  /** @param {Audit|null} a @param {boolean} stale @param {string|null} chosen @param {string} why what the badge says while stale */
  update(a, stale, chosen, why) {
    this.state.hidden = !stale;
    this.state.className = 'badge live';
    this.state.textContent = why;
    this.list.classList.toggle('stale', stale);
    if (!a) return;
    const key = `${JSON.stringify(a.critical_cameras.slice(0, SHOWN))}|${chosen}|${a.seen_by_m2.join(',')}`;
    if (key === this.key) return;
    this.key = key;
    this.list.replaceChildren(...a.critical_cameras.slice(0, SHOWN).map((c) => {
      const lost = [...c.openings_lost.map((o) => `opening ${o}`), ...c.zones_lost.map((z) => `zone ${z}`)];
      const li = el('li', {
        class: `failure-row${c.id === chosen ? ' chosen' : ''}${lost.length ? ' loses' : ''}`, 'data-camera': c.id, tabindex: '0', role: 'button',
        'aria-pressed': String(c.id === chosen), title: 'Show what turns blind without this camera',
      }, [
        el('span', { class: 'failure-id', text: c.id }),
        el('span', { class: 'failure-area', 'data-value': String(c.unique_m2), text: `${fmtArea(c.unique_m2)} only it sees` }),
        el('span', { class: 'failure-lost', text: lost.length ? `without it: ${lost.join(', ')} fall short` : 'no requirement depends on it alone' }),
      ]);
      li.addEventListener('click', () => this.actions.choose(c.id));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.actions.choose(c.id); });
      return li;
    }));
    if (a.critical_cameras.length > SHOWN) this.list.append(el('li', { class: 'more', text: `and ${a.critical_cameras.length - SHOWN} more` }));
    const [s0, s1, s2, s3] = a.seen_by_m2;
    this.seenBy.textContent = `Seen by no camera ${fmtArea(s0)} · by exactly 1 ${fmtArea(s1)} · by 2 ${fmtArea(s2)} · by 3 or more ${fmtArea(s3)}`;
  }
}
