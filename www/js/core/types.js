// @ts-check
/**
 * What the core answers, typed by the bindings' generated `.d.ts` (www/pkg/blindspot.d.ts:
 * wasm-bindgen's signatures plus src/wasm_types.ts, which tests/boundary_types.rs checks
 * against the core's real results). The page names these types from here.
 */

/** @typedef {typeof import('../../pkg/blindspot.js')} Core the generated module */
/** @typedef {import('../../pkg/blindspot.js').Scene} Scene */
/** @typedef {import('../../pkg/blindspot.js').FlatShapes} FlatShapes */
/** @typedef {import('../../pkg/blindspot.js').Summary} Summary */
/** @typedef {import('../../pkg/blindspot.js').Totals} Totals */
/** @typedef {import('../../pkg/blindspot.js').Report} Report */
/** @typedef {import('../../pkg/blindspot.js').BlindSpots} BlindSpots */
/** @typedef {import('../../pkg/blindspot.js').BlindSpot} BlindSpot */
/** @typedef {import('../../pkg/blindspot.js').ZoneStats} ZoneStats */
/** @typedef {import('../../pkg/blindspot.js').CameraStats} CameraStats */
/** @typedef {import('../../pkg/blindspot.js').CameraLevel} CameraLevel */
/** @typedef {import('../../pkg/blindspot.js').LevelCoverage} LevelCoverage */
/** @typedef {import('../../pkg/blindspot.js').Costs} Costs */
/** @typedef {import('../../pkg/blindspot.js').CostLine} CostLine */
/** @typedef {import('../../pkg/blindspot.js').Level} Level */
/** @typedef {import('../../pkg/blindspot.js').Picked} Picked */
/** @typedef {import('../../pkg/blindspot.js').SiteFile} SiteFile */
/** @typedef {import('../../pkg/blindspot.js').SiteFigures} SiteFigures */
/** @typedef {import('../../pkg/blindspot.js').SiteLevel} SiteLevel */
/** @typedef {import('../../pkg/blindspot.js').Headline} Headline */
/** @typedef {import('../../pkg/blindspot.js').PlanEdit} PlanEdit */
/** @typedef {import('../../pkg/blindspot.js').RoomFound} RoomFound */
/** @typedef {import('../../pkg/blindspot.js').Limits} Limits */
/** @typedef {import('../../pkg/blindspot.js').Bound} Bound */
/** @typedef {import('../../pkg/blindspot.js').ModelRules} ModelRules */
/** @typedef {import('../../pkg/blindspot.js').CameraObject} CameraObject */
/** @typedef {import('../../pkg/blindspot.js').CameraModelObject} CameraModelObject */
/** @typedef {import('../../pkg/blindspot.js').Proposal} Proposal */
/** @typedef {import('../../pkg/blindspot.js').ChangeCost} ChangeCost */
/** @typedef {import('../../pkg/blindspot.js').MountAt} MountAt */
/** @typedef {import('../../pkg/blindspot.js').Placed} Placed */
/** @typedef {import('../../pkg/blindspot.js').CurvePoint} CurvePoint */
/** @typedef {import('../../pkg/blindspot.js').SiteProposal} SiteProposal */
/** @typedef {import('../../pkg/blindspot.js').SiteCurvePoint} SiteCurvePoint */
/** @typedef {import('../../pkg/blindspot.js').LevelPoint} LevelPoint */
/** @typedef {import('../../pkg/blindspot.js').LevelShare} LevelShare */
/** @typedef {import('../../pkg/blindspot.js').OpeningsAudit} OpeningsAudit */
/** @typedef {import('../../pkg/blindspot.js').OpeningAudit} OpeningAudit */
/** @typedef {import('../../pkg/blindspot.js').Audit} Audit */
/** @typedef {import('../../pkg/blindspot.js').CameraFailure} CameraFailure */
/** @typedef {import('../../pkg/blindspot.js').MissedOpening} MissedOpening */
/** @typedef {import('../../pkg/blindspot.js').RouteReport} RouteReport */
/** @typedef {import('../../pkg/blindspot.js').PathReport} PathReport */
/** @typedef {import('../../pkg/blindspot.js').DetectionPoint} DetectionPoint */

export {};
