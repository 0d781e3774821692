// @ts-check
/**
 * What the core answers, as the page reads it (docs/wasm-api.md): the summary, the lean
 * totals, the report, the blind-spot list and the density levels.
 */

/**
 * @typedef {{name: string, px_per_m: number, covered_area_m2: number, coverage: number}} LevelCoverage
 * @typedef {{id: string, name: string, kind: string, priority: number, area_m2: number,
 *            covered_area_m2: number, coverage: number, multi_covered_area_m2: number,
 *            required_level?: string, required_coverage: number, levels: LevelCoverage[]}} ZoneStats
 * @typedef {{name: string, radius_m: number, area_m2: number}} CameraLevel
 * @typedef {{id: string, model?: string, view_area_m2: number, hfov_deg?: number, vfov_deg?: number,
 *            range_m?: number, focal_mm?: number, near_m?: number, far_m?: number, dead_zone_m2?: number,
 *            levels?: CameraLevel[]}} CameraStats
 * @typedef {{model: string|null, name: string, count: number, unit_price: number, install_cost: number,
 *            total: number, example_prices: boolean}} CostLine
 * @typedef {{currency: string, lines: CostLine[], hardware: number, installation: number, total: number,
 *            unpriced_cameras: number, example_prices: boolean}} Costs
 * @typedef {{target_area_m2: number, covered_area_m2: number, coverage: number, weighted_coverage: number,
 *            multi_covered_area_m2: number, blind_area_m2: number, levels: LevelCoverage[], zones: ZoneStats[],
 *            cameras: CameraStats[], costs: Costs}} Summary
 * @typedef {{area_m2: number, zone_ids: string[], polygon: [number, number][][]}} BlindSpot
 * @typedef {{blind_spots: BlindSpot[], blind_spots_omitted?: {count: number, area_m2: number, threshold_m2: number}}} BlindSpots
 * @typedef {Summary & BlindSpots & {name: string, warnings?: string[]}} Report
 * @typedef {{name: string, px_per_m: number}} Level
 * @typedef {{target_area_m2: number, covered_area_m2: number, coverage: number, weighted_coverage: number,
 *            multi_covered_area_m2: number, blind_area_m2: number, levels: LevelCoverage[], costs: Costs,
 *            zones: {id: string, covered_area_m2: number, coverage: number, required_coverage: number, multi_covered_area_m2: number}[]}} Totals
 * @typedef {{zones: string[], blind_spot: number|null}} Picked
 */

export {};
