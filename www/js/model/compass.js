// @ts-check
/**
 * Headings as compass bearings. The file keeps its convention (degrees counter-clockwise
 * from east, +y north); the page shows bearings: degrees clockwise from north, north up.
 * The same rule as the core's documents (src/document/compass.rs).
 */

const POINTS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];

/** The bearing of a file heading, in [0, 360). @param {number} headingDeg */
export function bearingOf(headingDeg) {
  const b = (((90 - headingDeg) % 360) + 360) % 360;
  return b >= 360 ? 0 : b;
}

/** The file heading of a bearing, in [0, 360). @param {number} bearingDeg */
export function headingOf(bearingDeg) {
  return bearingOf(bearingDeg); // the map is its own inverse: h = 90 - b
}

/** The 16-point compass name of a bearing. @param {number} bearingDeg */
export function compassPoint(bearingDeg) {
  return POINTS[Math.round((((bearingDeg % 360) + 360) % 360) / 22.5) % 16];
}

/** A heading as people read it: "045° NE". @param {number} headingDeg */
export function fmtBearing(headingDeg) {
  const b = bearingOf(headingDeg);
  const whole = ((Math.round(b) % 360) + 360) % 360;
  return `${String(whole).padStart(3, '0')}° ${compassPoint(b)}`;
}
