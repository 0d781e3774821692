// @ts-check
/**
 * The optimiser's runs: what its phases are called on screen, the types of its results,
 * and its worker (a core/worker-runner.js WorkerRunner: one run at a time, Cancel
 * terminates the worker, a trap drops it).
 */

import { WorkerRunner, Cancelled } from '../core/worker-runner.js';

export { Cancelled };

/** @typedef {import('../model/scenario.js').Camera} Camera */

/**
 * The core's proposal and curve point (the generated .d.ts types them, with the account).
 * @typedef {import('../core/types.js').Proposal} Proposal
 * @typedef {import('../core/types.js').CurvePoint} CurvePoint
 * @typedef {import('../core/types.js').SiteProposal} SiteProposal
 * @typedef {import('../core/types.js').SiteCurvePoint} SiteCurvePoint
 * @typedef {{initMs: number, totalMs: number, phases: {phase: string, startMs: number, ms: number}[]}} Timing
 * @typedef {{phase: string, done: number, total: number, at: number, level?: number, step?: number, steps?: number}} Progress
 */

/** What each phase of the core is called on screen. */
export const PHASE_TEXT = /** @type {Record<string, string>} */ ({
  loading: 'Reading the plan',
  sampling: 'Laying sample points over the zones',
  candidate_views: 'Working out what each candidate camera would see',
  selection: 'Choosing cameras',
  local_search: 'Improving the choice',
  done: 'Finishing',
});

/** Runs the optimiser in its module worker (budget/worker.js), one run at a time. */
/** @extends {WorkerRunner<Progress & {type: 'progress'}, any>} */
export class OptimizerRunner extends WorkerRunner {}
