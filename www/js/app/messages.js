// @ts-check
/**
 * What the page tells the user: the error banner (a refused edit, a bad file), the fatal
 * screen (the core could not start), short toasts, and the screen-reader live region.
 */

import { $ } from '../panels/dom.js';

export class Messages {
  constructor() {
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.toastTimer = null;
    $('banner-close').addEventListener('click', () => this.hideError());
  }

  /** @param {string} title @param {string} message */
  showError(title, message) {
    $('banner-title').textContent = title;
    $('banner-message').textContent = message;
    $('banner').hidden = false;
  }

  hideError() {
    $('banner').hidden = true;
  }

  /** @param {string} text */
  toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => { t.hidden = true; }, 3500);
  }

  /** Tells screen-reader users what changed. @param {string} text */
  announce(text) {
    $('sr-status').textContent = text;
  }
}

/** The page cannot work at all: says why, in the page (a failed start must show, not hang). @param {string} title @param {string} message */
export function showFatal(title, message) {
  $('fatal-title').textContent = title;
  $('fatal-message').textContent = message;
  $('fatal').hidden = false;
  $('loading').hidden = true;
  document.body.dataset.ready = 'failed';
}
