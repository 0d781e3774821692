// @ts-check
/**
 * Presenting mode, for a meeting-room projector: full screen, large type, the editing
 * chrome hidden, the headline figures large, the layouts switched with the keyboard (a
 * presenter's clicker sends Page Up and Page Down) or a click, and cameras still dragged
 * live. Esc (or leaving full screen) ends it.
 */

import { $, el } from '../panels/dom.js';
import { layoutsOf, activeLayout } from '../model/layouts.js';

/** @typedef {import('../model/scenario.js').Scenario} Scenario */

/**
 * @typedef {{
 *   scenario: () => Scenario|null, switchTo: (k: number) => void, fit: () => void,
 *   selected: () => number, deselect: () => void, announce: (text: string) => void, changed: () => void,
 * }} PresentDeps
 */

export class Presenter {
  /** @param {PresentDeps} d */
  constructor(d) {
    this.d = d;
    this.on = false;
    /** Whether presenting asked for full screen (so leaving it ends presenting). */
    this.fullscreen = false;
    this.bar = $('present-bar');
    this.tabs = $('present-layouts');
    this.key = '';
    $('present-exit').addEventListener('click', () => this.exit());
    document.addEventListener('fullscreenchange', () => {
      if (!document.fullscreenElement && this.fullscreen) {
        this.fullscreen = false;
        this.exit();
      }
    });
    // Before the app's keys: while presenting, these switch layouts and end the mode.
    window.addEventListener('keydown', (e) => this.onKey(e), true);
  }

  toggle() {
    if (this.on) this.exit();
    else this.enter();
  }

  enter() {
    if (this.on) return;
    this.on = true;
    document.body.classList.add('presenting');
    this.bar.hidden = false;
    this.update(this.d.scenario());
    const root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().then(() => { this.fullscreen = true; }, () => { /* refused: present in the window */ });
    }
    this.refit();
    this.d.announce('Presenting: Page Up and Page Down, or the arrow keys, switch layouts; drag a camera to move it; Escape ends.');
  }

  exit() {
    if (!this.on) return;
    this.on = false;
    document.body.classList.remove('presenting');
    this.bar.hidden = true;
    if (document.fullscreenElement && this.fullscreen) {
      this.fullscreen = false;
      document.exitFullscreen().catch(() => {});
    }
    this.refit();
    this.d.announce('Presenting ended');
  }

  /** The layout changes the canvas size: fit the plan once the page has laid out. */
  refit() {
    requestAnimationFrame(() => requestAnimationFrame(() => { this.d.fit(); this.d.changed(); }));
  }

  /** The layout buttons, when the layouts changed. @param {Scenario|null} s */
  update(s) {
    if (!this.on || !s) return;
    const list = layoutsOf(s);
    const active = activeLayout(s);
    const key = `${active}\u0000${list.map((l) => l.name).join('\u0000')}`;
    if (key === this.key) return;
    this.key = key;
    this.tabs.replaceChildren(...list.map((l, k) => {
      const b = el('button', { type: 'button', role: 'tab', 'aria-selected': String(k === active), class: k === active ? 'active' : '', text: l.name });
      b.addEventListener('click', () => this.d.switchTo(k));
      return b;
    }));
  }

  /** @param {KeyboardEvent} e */
  onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
    const tag = /** @type {HTMLElement|null} */ (e.target)?.tagName ?? '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    if (e.key === 'p' || e.key === 'P') {
      e.preventDefault();
      e.stopPropagation();
      this.toggle();
      return;
    }
    if (!this.on) return;
    const s = this.d.scenario();
    if (!s) return;
    const n = layoutsOf(s).length;
    const k = activeLayout(s);
    const cameraSelected = this.d.selected() >= 0;
    /** @param {number} to */
    const go = (to) => {
      e.preventDefault();
      e.stopPropagation();
      const next = ((to % n) + n) % n;
      if (next !== k) {
        this.d.switchTo(next);
        this.d.announce(`Layout ${next + 1} of ${n}: ${layoutsOf(s)[next].name}`);
      }
    };
    if (e.key === 'PageDown' || (e.key === 'ArrowRight' && !cameraSelected) || e.key === ' ') return go(k + 1);
    if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && !cameraSelected)) return go(k - 1);
    if (/^[1-9]$/.test(e.key) && Number(e.key) <= n) return go(Number(e.key) - 1);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (cameraSelected) this.d.deselect();
      else this.exit();
    }
  }
}
