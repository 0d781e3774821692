// @ts-check
/**
 * A panel over the plan for a long job running off the main thread (an optimiser run,
 * opening a large file): what it is doing in words, a bar, the seconds elapsed, and
 * Cancel. The page stays usable meanwhile.
 */

import { $ } from './dom.js';
import { fmt1 } from '../format.js';

export class ProgressPanel {
  /**
   * @param {string} prefix the ids of its parts: PREFIX (the panel), -title, -phase, -bar, -time, -note
   * @param {string} cancelId the Cancel button
   * @param {() => void} onCancel
   */
  constructor(prefix, cancelId, onCancel) {
    this.panel = $(prefix);
    this.title = $(`${prefix}-title`);
    this.phase = $(`${prefix}-phase`);
    this.bar = /** @type {HTMLProgressElement} */ ($(`${prefix}-bar`));
    this.time = $(`${prefix}-time`);
    /** @type {ReturnType<typeof setInterval>|null} */
    this.clock = null;
    $(cancelId).addEventListener('click', onCancel);
  }

  /** @param {string} title @param {string} phase */
  show(title, phase) {
    this.title.textContent = title;
    this.say(phase, null);
    const t0 = performance.now();
    this.time.textContent = '';
    if (this.clock) clearInterval(this.clock);
    this.clock = setInterval(() => { this.time.textContent = `${fmt1((performance.now() - t0) / 1000)} s`; }, 100);
    this.panel.hidden = false;
  }

  /** @param {string} phase what is happening, in words @param {number|null} fraction done, 0..1, or null when unknown */
  say(phase, fraction) {
    this.phase.textContent = phase;
    if (fraction === null) this.bar.removeAttribute('value');
    else this.bar.value = fraction;
  }

  hide() {
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
    this.panel.hidden = true;
  }
}
