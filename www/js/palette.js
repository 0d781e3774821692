// @ts-check
/**
 * Colours and strokes. Chosen to read on a washed-out projector and to survive the
 * common colour-vision deficiencies: camera colours come from the Okabe–Ito and Tol
 * palettes; blind spots are told apart by hatching as well as hue; exterior openings
 * use black-and-yellow hazard stripes, which rely on luminance, not hue.
 */

/** Camera colours, in order; the i-th camera takes CAMERA[i % n]. */
export const CAMERA = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#56B4E9', // sky blue
  '#332288', // indigo
  '#999933', // olive
  '#44AA99', // teal
  '#AA4499', // purple (last: nearest to the blind-spot crimson)
];

export const INK = '#1d232b';
export const PAPER = '#fbfaf7';
export const OUTSIDE = '#eef1ef';

export const BLIND = '#d4003c'; // strong crimson, hatched
export const BLIND_FILL = 'rgba(212, 0, 60, 0.13)';
export const MULTI = '#3b2a8f';
/** The dead zone under a mounted camera: blind too, but told apart by dark cross-hatching. */
export const DEAD = '#2b313a';
export const DEAD_FILL = 'rgba(43, 49, 58, 0.26)';

/** Seen, but below the zone's required level: amber hatching the other way from the blind spots'. */
export const SHORT = '#b86e00';
export const SHORT_FILL = 'rgba(230, 159, 0, 0.16)';
/** Seen by exactly 1, exactly 2, 3 or more cameras (0 is the blind spots): vermilion, sky blue, bluish green. */
export const SEEN_BY = ['#D55E00', '#56B4E9', '#009E73'];
/** What turns blind if the chosen camera fails. */
export const FAILURE = '#7a1fa2';
/** Opening status: watched as required, seen below it, unseen. */
export const STATUS = { met: '#1b7a3d', below: '#c77700', unseen: '#d4003c' };
/** A route: unseen stretches crimson, seen ones dark blue; the highlight ring of the cameras that see an opening. */
export const ROUTE_UNSEEN = '#d4003c';
export const ROUTE_SEEN = '#0b4f8a';
export const HIGHLIGHT = '#ffd21f';

export const WALL = '#1d232b';
export const DOOR = '#8a5a2b';
export const WINDOW = '#2f6fb0';
export const GLASS = '#1aa0c8';
export const RAILING = '#4a4f57';
export const HAZARD_YELLOW = '#ffd21f';

/** Zone fill by kind and priority (1 = faint, 5+ = strong). @param {string} kind @param {number} priority */
export function zoneFill(kind, priority) {
  const p = Math.max(1, Math.min(5, Math.round(priority || 1)));
  if (kind === 'asset') return ['#f7e7b4', '#f4dc98', '#f1d27d', '#eec764', '#ebbd4c'][p - 1];
  if (kind === 'exterior') return ['#e4ece7', '#dbe6df', '#d1e0d7', '#c6d9cd', '#bbd2c3'][p - 1];
  return ['#f4f1ea', '#eee7d9', '#e8ddc8', '#e2d3b7', '#dcc9a6'][p - 1];
}

/** Zone outline by kind. @param {string} kind */
export function zoneStroke(kind) {
  if (kind === 'asset') return '#8a6a10';
  if (kind === 'exterior') return '#6d8a78';
  return '#b9ae98';
}

/** @param {number} i */
export function cameraColour(i) {
  return CAMERA[((i % CAMERA.length) + CAMERA.length) % CAMERA.length];
}

/** `#rrggbb` with an alpha, as rgba(). @param {string} hex @param {number} a */
export function withAlpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

/** Layout comparison marks: cameras added, moved or changed, removed (against the first layout). */
export const DIFF_ADDED = '#00a651';
export const DIFF_CHANGED = '#f5a300';
export const DIFF_REMOVED = '#1d232b';
