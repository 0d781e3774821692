// The structured results of the wasm boundary (src/wasm.rs), as the page receives
// them through serde-wasm-bindgen. Added to the generated www/pkg/blindspot.d.ts;
// tests/boundary_types.rs checks every interface here against the results the core
// really produces (every field present is declared, every required one is present).
// `?` marks a field the core leaves out when it has no value.

/** A ring of [x, y] points in plan metres; closed rings repeat the first point. */
export type Ring = [number, number][];

/** A density level: a name and horizontal pixels per metre at the target. */
export interface Level {
  name: string;
  px_per_m: number;
}

/** Area seen at a density level or better. */
export interface LevelCoverage {
  name: string;
  px_per_m: number;
  covered_area_m2: number;
  coverage: number;
}

export type ZoneKind = "room" | "exterior" | "asset";

/** One zone's figures. */
export interface ZoneStats {
  id: string;
  name: string;
  kind: ZoneKind;
  priority: number;
  area_m2: number;
  covered_area_m2: number;
  coverage: number;
  multi_covered_area_m2: number;
  required_level?: string;
  required_coverage: number;
  levels: LevelCoverage[];
}

/** One camera's density band: how far it holds and the floor seen at it. */
export interface CameraLevel {
  name: string;
  radius_m: number;
  area_m2: number;
}

/** One camera's figures (the optics in effect, its footprint, its bands). */
export interface CameraStats {
  id: string;
  model?: string;
  view_area_m2: number;
  hfov_deg?: number;
  vfov_deg?: number;
  range_m?: number;
  focal_mm?: number;
  near_m?: number;
  far_m?: number;
  dead_zone_m2?: number;
  levels?: CameraLevel[];
  /** Only in the full report: the view polygon. */
  view?: Ring[];
}

export interface CostLine {
  model: string | null;
  name: string;
  count: number;
  unit_price: number;
  install_cost: number;
  total: number;
  example_prices: boolean;
}

/** A pole site holding cameras of the layout, at its stated cost (once). */
export interface PoleLine {
  id: string;
  cameras: number;
  cost: number;
}

export interface Costs {
  currency: string;
  lines: CostLine[];
  hardware: number;
  installation: number;
  /** Pole sites holding cameras, and their sum (in `total`). */
  poles: PoleLine[];
  poles_total: number;
  /** Hardware, installation and poles: the account's `total_after` for this layout. */
  total: number;
  unpriced_cameras: number;
  example_prices: boolean;
}

/** The overall figures. */
export interface Overall {
  target_area_m2: number;
  covered_area_m2: number;
  coverage: number;
  weighted_coverage: number;
  multi_covered_area_m2: number;
  blind_area_m2: number;
  levels: LevelCoverage[];
  costs: Costs;
}

/** `summary()`: totals per zone and camera, without polygons. */
export interface Summary extends Overall {
  zones: ZoneStats[];
  cameras: CameraStats[];
}

/** A level of a site (`SiteFile.levels()`): a floor or the outdoor site plan. */
export interface SiteLevel {
  id: string;
  name: string;
  elevation_m: number;
}

/** A level's or the whole site's headline (`SiteFigures`): areas summed over the levels, percentages of the sums. */
export interface Headline extends Overall {
  cameras: number;
  zones_meeting: number;
  zones_with_requirement: number;
}

/** A zone's live figures. */
export interface ZoneTotals {
  id: string;
  covered_area_m2: number;
  coverage: number;
  required_coverage: number;
  multi_covered_area_m2: number;
}

/** `totals()`: what a drag frame refreshes. */
export interface Totals extends Overall {
  zones: ZoneTotals[];
}

export interface BlindSpot {
  area_m2: number;
  zone_ids: string[];
  polygon: Ring[];
}

/** Blind spots below the listing threshold, counted in the totals only. */
export interface Omitted {
  count: number;
  area_m2: number;
  threshold_m2: number;
}

/** `blindSpots()`. */
export interface BlindSpots {
  blind_spots: BlindSpot[];
  blind_spots_omitted: Omitted;
}

/** `report()`: the fields and values of `blindspot report --format json`. */
export interface Report extends Summary, BlindSpots {
  name: string;
  warnings: string[];
}

/** `pick(x, y)`: the zones under a point, and the blind spot (an index into the report's list). */
export interface Picked {
  zones: string[];
  blind_spot: number | null;
}

/** A bound: min < x <= max, or min <= x <= max when min_inclusive. */
export interface Bound {
  min: number;
  min_inclusive: boolean;
  max: number;
  unit: string;
}

export interface CameraLimits {
  height_m: Bound;
  tilt_deg: Bound;
  hfov_deg: Bound;
  vfov_deg: Bound;
  range_m: Bound;
  coordinate_m: Bound;
}

export interface NewCameraDefaults {
  hfov_deg: number;
  range_m: number;
  tilt_deg: number;
}

/** `Scene.limits()`. */
export interface Limits {
  camera: CameraLimits;
  met_fraction: number;
  new_camera: NewCameraDefaults;
}

export type Lens = "free" | "fixed" | "varifocal";
export type Projection = "rectilinear" | "panoramic" | "fisheye";

/** `modelRules()`: one per catalogue model. */
export interface ModelRules {
  id: string;
  lens: Lens;
  projection: Projection;
  mountable: boolean;
  focal_range_mm?: [number, number];
}

/** How a camera's picture is used (docs/scenario-format.md). */
export type CameraUse = "live" | "analytics" | "recording";

/** A camera's recording settings over the scenario's. */
export interface RecordingOverride {
  codec?: "h264" | "h265";
  fps?: number;
  activity?: "low" | "medium" | "high";
  hours_per_day?: number;
  retention_days?: number;
  bitrate_mbps?: number;
}

/** What a camera is for: a task at a density, for a target, at a zone or a point. */
export interface Purpose {
  task: string;
  target: string;
  zone?: string;
  at?: [number, number];
}

/** A camera, as in a scenario file. */
export interface CameraObject {
  id: string;
  model?: string;
  position: [number, number];
  heading_deg: number;
  hfov_deg?: number;
  vfov_deg?: number;
  range_m?: number;
  focal_mm?: number;
  height_m?: number;
  tilt_deg?: number;
  use?: CameraUse;
  recording?: RecordingOverride;
  purpose?: Purpose;
  /** The level it is on (a file of several levels; none: the first). */
  level?: string;
}

/** A camera model, as in a scenario's catalogue. */
export interface CameraModelObject {
  id: string;
  name: string;
  kind?: "dome" | "bullet" | "varifocal" | "panoramic" | "fisheye" | "ptz";
  projection?: Projection;
  resolution_px?: [number, number];
  hfov_deg?: number;
  vfov_deg?: number;
  focal_mm?: number;
  focal_range_mm?: [number, number];
  sensor_mm?: [number, number];
  range_m?: number;
  unit_price?: number;
  install_cost?: number;
  removal_cost?: number;
  example_prices?: boolean;
}

export interface ProposalStats {
  samples: number;
  sample_step_m: number;
  candidates: number;
  greedy_evaluations: number;
  local_search_evaluations: number;
  /** After greedy (and guard), before local search: the objective, and the weighted coverage. */
  greedy_value: number;
  greedy_coverage: number;
}

/** `Scene.mountAt`: what can hold a camera at a point (`mount: null`: nothing). */
export interface MountAt {
  mount: "wall" | "ceiling" | "pole" | null;
  wall?: string;
  zone?: string;
  pole?: string;
  distance_m?: number;
}

/** `Scene.placeCamera`: where a camera placed by hand goes and where it looks. */
export interface Placed extends MountAt {
  position: [number, number];
  heading_deg: number;
  snapped: boolean;
  aim: string;
  out_deg?: number;
}

/** The one cost account (`Scene.changeCost`, proposals, curve points). */
export interface ChangeCost {
  currency: string;
  hardware: number;
  installation: number;
  moves: number;
  removals: number;
  poles: number;
  spend: number;
  total_before: number;
  total_after: number;
  kept: string[];
  added: string[];
  moved: string[];
  replaced: string[];
  removed: string[];
  poles_added: string[];
  unpriced: string[];
  example_prices: boolean;
}

/** What an unmet requirement is about: a zone, or an audited opening. */
export type RequirementKind = "zone" | "opening";

/** A requirement a proposal leaves unmet, with what more meeting it would cost. */
export interface Unmet {
  kind: RequirementKind;
  id: string;
  name: string;
  priority: number;
  required_level: string;
  required_cameras: number;
  blind: boolean;
  estimated_share: number;
  required_share: number;
  extra_cost: number | null;
  extra_cameras: number;
}

/** `optimize()`: the proposed layout and what the run found. */
export interface Proposal {
  cameras: CameraObject[];
  added: string[];
  moved: string[];
  removed: string[];
  cost: number;
  account: ChangeCost;
  estimated_coverage: number;
  upper_bound: number;
  objective: number;
  objective_bound: number;
  guarantee: number;
  unmet: Unmet[];
  target_reached: boolean;
  warnings: string[];
  stats: ProposalStats;
}

/** One point of `curve()`. */
export interface CurvePoint {
  budget: number;
  cost: number;
  total: number;
  camera_count: number;
  account: ChangeCost;
  estimated_coverage: number;
  objective: number;
  refined: boolean;
  cameras: CameraObject[];
}

/** One level's part of `optimizeSite()`'s proposal: its share of the budget and its proposal. */
export interface LevelShare {
  level: string;
  name: string;
  budget: number;
  proposal: Proposal;
}

/** `optimizeSite()`: a layout of every level within one budget for the site. */
export interface SiteProposal {
  budget: number;
  levels: LevelShare[];
  cost: number;
  estimated_coverage: number;
  cameras: CameraObject[];
}

/** One level's part of a point of `curveSite()`. */
export interface LevelPoint {
  level: string;
  name: string;
  cost: number;
  total: number;
  camera_count: number;
  added: number;
  estimated_coverage: number;
}

/** One point of `curveSite()`: the best split of its budget over the levels' curves. */
export interface SiteCurvePoint {
  budget: number;
  cost: number;
  total: number;
  camera_count: number;
  estimated_coverage: number;
  levels: LevelPoint[];
  cameras: CameraObject[];
}

/** What `Scene.setPlan` redid: views computed again, the cameras whose views came out changed (every other view is exactly as before), and whether the zones' cells were rebuilt. */
export interface PlanEdit {
  views: number;
  cameras: number[];
  zones_rebuilt: boolean;
}

/** The room around a point (`Scene.roomAt`): `polygon` counter-clockwise, `holes` clockwise, open rings. */
export interface RoomFound {
  found: "room" | "open" | "on_wall";
  polygon: [number, number][];
  holes: [number, number][][];
  area_m2: number;
}

// ---- The security analysis (src/analysis/, docs/security.md) ----

export type WallKind = "wall" | "door" | "window" | "glass" | "railing";
export type OpeningStatus = "met" | "below" | "unseen";

/** What one camera sees of one side of an opening. */
export interface SideSeen {
  side: string;
  width_m: number;
  fraction: number;
  level?: string;
  required_width_m: number;
}

/** A camera that sees an opening. */
export interface OpeningCamera {
  id: string;
  index: number;
  sides: SideSeen[];
  sees_approach: boolean;
}

/** One audited opening. */
export interface OpeningAudit {
  id: string;
  kind: WallKind;
  exterior: boolean;
  width_m: number;
  at: [number, number];
  approach: string;
  required_level?: string;
  required_cameras: number;
  status: OpeningStatus;
  seen_width_m: number;
  watched_width_m: number;
  most_cameras: number;
  seen_from_other_side_by: string[];
  cameras: OpeningCamera[];
}

/** A camera whose view misses the audited opening nearest to it. */
export interface MissedOpening {
  camera: string;
  opening: string;
  distance_m: number;
}

/** `auditOpenings()`: the openings alone. */
export interface OpeningsAudit {
  openings_met: number;
  openings_audited: number;
  openings: OpeningAudit[];
  cameras_missing_nearest_opening: MissedOpening[];
}

export interface SecurityHeadline {
  zones_met: number;
  zones_required: number;
  openings_met: number;
  openings_audited: number;
}

/** A zone with a required level: how much of it meets it. */
export interface ZoneRequirement {
  id: string;
  name: string;
  kind: ZoneKind;
  priority: number;
  required_level: string;
  area_m2: number;
  met_area_m2: number;
  below_m2: number;
  blind_m2: number;
  required_coverage: number;
  met: boolean;
}

/** What one camera's failure costs. */
export interface CameraFailure {
  id: string;
  index: number;
  unique_m2: number;
  unique_weighted_m2: number;
  openings_lost: string[];
  zones_lost: string[];
}

/** `audit()`. */
export interface Audit {
  headline: SecurityHeadline;
  openings: OpeningAudit[];
  cameras_missing_nearest_opening: MissedOpening[];
  zones: ZoneRequirement[];
  critical_cameras: CameraFailure[];
  seen_by_m2: [number, number, number, number];
}

export interface Delay {
  mean_s: number;
  sd_s: number;
}

/** A stretch of a route in view of cameras, in metres along it. */
export interface Stretch {
  from_m: number;
  to_m: number;
  cameras: string[];
}

/** An opening a route passes. */
export interface Passage {
  opening: string;
  at: [number, number];
  at_m: number;
  time_s: number;
  delay: Delay;
}

/** A detection opportunity along a route. */
export interface DetectionPoint {
  element: string;
  kind: string;
  p_detect: number;
  at: [number, number];
  time_s: number;
  remaining_s: number;
  p_first?: number;
  p_in_time?: number;
}

export interface CriticalPoint {
  at: [number, number];
  at_m: number;
  time_s: number;
}

/** One route with its exposure (and its P(I) when the settings give a response force). */
export interface PathReport {
  name: string;
  points: [number, number][];
  length_m: number;
  time_to_asset_s: number;
  total_time_s: number;
  seen_m: number;
  unseen_m: number;
  unseen_before_first_seen_m: number;
  unseen_before_first_seen_s: number;
  first_seen_by?: string;
  first_seen_to_asset_s?: number;
  seen_stretches: Stretch[];
  openings: Passage[];
  detections: DetectionPoint[];
  first_detecting_element?: string;
  p_interruption?: number;
  critical_point?: CriticalPoint;
}

/** A change and the lowest P(I) it gives. */
export interface Change {
  description: string;
  p_interruption: number;
}

/** `route()` and `routeFromPoint()`. */
export interface RouteReport {
  from: string;
  to: string;
  resolution_m: number;
  region?: [[number, number], [number, number]];
  method: string;
  least_watched: PathReport;
  fastest: PathReport;
  most_vulnerable?: PathReport;
  candidates: [string, number | null, number][];
  best_change?: Change;
  changes: Change[];
  assumptions: string[];
}
