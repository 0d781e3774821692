// @ts-check
/**
 * The contract between the app, the tools and the renderer: what one frame draws.
 *
 * A `Frame` is the document, what the core said about it, the viewport, UI flags, the
 * overlays the active tool and the open features return, and the underlay's image. The renderer draws it and
 * nothing else (render/renderer.js): it keys its caches on these parts and may reproject
 * the last frame only when nothing but `view` changed. Every part is replaced, never
 * mutated, so identity says "unchanged".
 */

/** @typedef {import('../model/scenario.js').Scenario} Scenario */
/** @typedef {import('../model/optics.js').Optics} Optics */
/** @typedef {import('../core/shapes.js').Shapes} Shapes */
/** @typedef {import('../core/types.js').CameraStats} CameraStats */
/** @typedef {import('../core/types.js').Level} Level */
/** @typedef {[number, number][]} Ring */

/**
 * What the core said about the document: the geometry to draw (a layer is null when it is
 * not shown, except `views`, always fetched: the blind layer's partial redraw needs the
 * active view's extent), each camera's figures and optics in effect, the density levels
 * (densest first: the order of `bands`) and a label point per zone.
 * @typedef {{
 *   layers: {views: Shapes|null, blind: Shapes|null, multi: Shapes|null, dead: Shapes|null, bands: Shapes|null},
 *   cameras: CameraStats[],
 *   optics: Optics[],
 *   levels: Level[],
 *   labels: Float64Array|null,
 *   security: SecurityLayers,
 * }} CoreFrame
 */

/**
 * The security analysis's layers (null when not shown): the places seen by at least 1, 2
 * and 3 cameras, the parts of zones seen but below their required level, and what turns
 * blind if the chosen camera fails.
 * @typedef {{seenBy: Shapes[]|null, shortfall: Shapes|null, failure: Shapes|null}} SecurityLayers
 */

/**
 * The viewport: the view transform (view/transform.js) and the canvas size in CSS px with
 * its device pixel ratio.
 * @typedef {{scale: number, tx: number, ty: number, width: number, height: number, dpr: number}} Viewport
 */

/**
 * @typedef {{views: boolean, blind: boolean, multi: boolean, labels: boolean, bands: boolean, dead: boolean,
 *   shortfall: boolean, seenby: boolean}} Show
 */

/**
 * UI flags that change what is drawn under the overlays.
 * - `selected`: the selected camera (index, or -1); its view is drawn stronger.
 * - `active`: the camera being edited, drawn live over the cached layers (-1: none).
 * - `hoverCamera`, `hoverZone`: what the pointer is over (or the list highlights).
 * - `highlight`: a polygon to outline (a blind spot hovered or zoomed to), or null.
 * - `labelCameras`: the cameras zone labels step clear of (the settled ones during a drag,
 *   so a drag never redraws every wall).
 * - `focused`: the plan has the keyboard focus (the selection ring is solid).
 * - `live`: a gesture (drag) is in progress; `viewMoving`: a pan or zoom is.
 * - `plan`: the plan the cached layers draw: during a wall drag the plan as it was before
 *   the drag (the walls in `editedWalls` are drawn live, from `doc.plan`), else `doc.plan`.
 * - `editedWalls`: during a wall drag, the indices of the walls it changed (the same
 *   array while the same walls are edited), else null.
 * - `liveViews`: the cameras besides the active one whose views changed during the
 *   gesture (a wall drag: those it reaches), drawn live over the cached views; the same
 *   array while the set is the same.
 * @typedef {{show: Show, selected: number, active: number, hoverCamera: number, hoverZone: string|null,
 *   highlight: Ring[][]|null, labelCameras: Scenario['cameras'], focused: boolean, live: boolean, viewMoving: boolean,
 *   plan: Scenario['plan'], editedWalls: number[]|null, liveViews: number[]}} UiFlags
 */

/**
 * Items drawn over the plan, in order, after everything else, in CSS px unless said.
 * - `camera-handles`: the drag handles, nominal sector, near and far edges and level
 *   marks of camera `index`; `tiltActive` while its tilt handle is dragged.
 * - `ghost`: a camera about to be placed at plan point `at`.
 * - `marks`: places marked for the optimiser (plan points).
 * - `diff`: rings round cameras added and changed, crosses where cameras were removed
 *   (against another layout).
 * - `plan-edit`: the plan editor's state: the selection (walls by index, zone by index,
 *   a corner), the corner under the pointer, the outline being drawn and where its next
 *   point would go, what it snapped to, the length typed, a selection box (CSS px), a
 *   note shown at a plan point (a refusal's reason), and `ghost`: the pieces a drag moves,
 *   sketched while the core is too slow to follow every frame.
 * - `security`: the opening focused in the openings panel (a wall id) with the cameras
 *   that see it, the route drawn (`routeStale` while it waits for a drag to settle) and
 *   a route's start point.
 * @typedef {{kind: 'camera-handles', index: number, tiltActive: boolean}
 *   | {kind: 'ghost', at: [number, number]}
 *   | {kind: 'plan-edit', mode: string, ghost: [[number, number], [number, number]][], sel: PlanSelection, hover: [number, number]|null, hoverWall: number,
 *      draft: [number, number][], next: [number, number]|null, snap: string, snapAt: [number, number]|null,
 *      typed: string, closed: boolean, box: [[number, number], [number, number]]|null,
 *      note: {at: [number, number], text: string}|null}
 *   | {kind: 'marks', points: [number, number][]}
 *   | {kind: 'diff', added: [number, number][], changed: [number, number][], removed: [number, number][]}
 *   | SecurityOverlay | UnderlayOverlay} Overlay
 */

/**
 * The underlay tool's items (plan points): the image's outline, its turning knob (`stem`,
 * the middle of the top edge, and `at`), whether it is locked and what the pointer is over
 * (`hot`); the calibration's points A and B, the pointer while B is chosen, and the label
 * of the line between them.
 * @typedef {{kind: 'underlay', outline: [number, number][]|null, knob: {stem: [number, number], at: [number, number]}|null,
 *   locked: boolean, hot: string, points: [number, number][], pointer: [number, number]|null, label: string}} UnderlayOverlay
 */

/**
 * The underlay (model/underlay.js) as a frame draws it: its placement and the decoded image
 * (`source`, `sourceWidth` x `sourceHeight` pixels, drawn over the image's width x height
 * units), or no source while it loads or when this browser does not have it (`status`;
 * then its outline is drawn).
 * @typedef {{placement: import('../model/underlay.js').Underlay, source: CanvasImageSource|null,
 *   sourceWidth: number, sourceHeight: number, status: 'ready'|'loading'|'missing'|'failed'}} UnderlayFrame
 */

/**
 * @typedef {{kind: 'security', opening: string|null, cameras: number[],
 *   route: import('../core/types.js').PathReport|null, routeStale: boolean, start: [number, number]|null}} SecurityOverlay
 */

/**
 * What the plan editor has selected: walls (indices), a zone (index, or -1) and a corner.
 * @typedef {{walls: number[], zone: number, vertex: [number, number]|null}} PlanSelection
 */

/** @typedef {{doc: Scenario, core: CoreFrame, view: Viewport, ui: UiFlags, overlays: Overlay[], underlay: UnderlayFrame|null}} Frame */

export {};
