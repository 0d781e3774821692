// @ts-check
/**
 * The contract of a tool: one mode of pointer and keyboard editing. Exactly one tool is
 * active (tools/pointer.js); it turns pointer and key input into edits through the
 * context it is given (the app's commands: preview during a gesture, then one commit),
 * so undo, autosave and the core's validation apply to every tool alike, and it returns
 * the overlays it wants drawn. Panning, pinching and wheel zoom are the host's, not the
 * tools'. Points are canvas CSS px.
 *
 * To add a tool (the plan editor's walls and zones): write it in tools/, give it the
 * context it needs, and register it in main.js with `tools.register(tool)`.
 */

/** @typedef {import('../view/frame.js').Frame} Frame */
/** @typedef {import('../view/frame.js').Overlay} Overlay */
/** @typedef {[number, number]} ScreenPoint canvas CSS px */

/**
 * What a tool found under a point (its own kinds).
 * @typedef {{kind: string, [key: string]: unknown}} Hit
 */

/**
 * @typedef {{
 *   id: string,
 *   hitTest(p: ScreenPoint, f: Frame, pointerType: string): Hit|null,
 *   down(p: ScreenPoint, hit: Hit|null, e: PointerEvent): boolean,
 *   move(p: ScreenPoint, e: PointerEvent): void,
 *   up(p: ScreenPoint, e: PointerEvent, cancelled: boolean): void,
 *   hover(p: ScreenPoint, hit: Hit|null): void,
 *   leave(): void,
 *   tap(p: ScreenPoint, e: PointerEvent): void,
 *   key(e: KeyboardEvent): boolean,
 *   overlays(f: Frame): Overlay[],
 *   cursor(hit: Hit|null, pressed: boolean): string,
 *   activate(): void,
 *   deactivate(): void,
 * }} Tool
 * - `hitTest`: what lies under p for this tool (`pointerType` sets the reach: a finger is wider).
 * - `down`: a press; returns true to take the gesture (then `move` and `up` follow),
 *   false to let the host pan.
 * - `move`: the pointer moved during the tool's gesture (coalesce to one update a frame).
 * - `up`: the gesture ended; `cancelled` when the pointer was lost or a second finger
 *   turned it into a pinch: end without applying p, keeping what was previewed.
 * - `hover`: the pointer rests at p (at most once a frame, no gesture); `leave`: it left.
 * - `tap`: a press and release on the background that did not pan.
 * - `key`: a key press while the page, not a field, has it; true when handled.
 * - `overlays`: what to draw over this frame (view/frame.js `Overlay`).
 * - `cursor`: the pointer's cursor over `hit` (`pressed`: during a press).
 * - `activate` / `deactivate`: the tool becomes the active one, or stops being it.
 */

export {};
