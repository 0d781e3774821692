// @ts-check
/**
 * The levels of a site (model/levels.js): show one. Like showing another layout, it is
 * one undoable step (Ctrl+Z walks back across levels in the order things happened, and
 * undoing an edit made on another level shows that level again); the view stays where it
 * is (every level shares the plan's coordinates).
 */

import { levelNamed, shownLevel, withLevelShown } from '../model/levels.js';

/** @typedef {import('./commands.js').Commands} Commands */

export class LevelCommands {
  /** @param {{commands: Commands, ui: import('./ui-state.js').UiState, messages: import('./messages.js').Messages, perf: {levelMs: number[]}}} deps */
  constructor(deps) {
    this.d = deps;
  }

  /** Shows level `id` on the plan. @param {string} id */
  show(id) {
    const { commands, ui, messages, perf } = this.d;
    const s = commands.scenario();
    const level = levelNamed(s, id);
    if (!level || shownLevel(s) === id) return;
    const t0 = performance.now();
    ui.select(null);
    if (commands.commit(withLevelShown(s, id), `Show ${level.name}`)) {
      perf.levelMs.push(performance.now() - t0);
      commands.afterEdit(0);
      messages.announce(`Showing the level ${level.name}`);
    }
  }
}
