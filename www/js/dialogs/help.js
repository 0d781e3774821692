// @ts-check
/** The help dialog: mouse, touch and keyboard use, layouts and budgets. */

import { $, dialog } from '../panels/dom.js';

export class Help {
  constructor() {
    this.dialog = dialog('help');
    $('help-close').addEventListener('click', () => this.dialog.close());
  }

  open() {
    if (!this.dialog.open) this.dialog.showModal();
  }
}
