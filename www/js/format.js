// @ts-check
/** Number formatting for figures people quote: m² and % to 0.1. */

const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** @param {number} x e.g. 1234.56 -> "1,234.6" */
export function fmt1(x) {
  return Number.isFinite(x) ? one.format(Math.round(x * 10) / 10) : '–';
}

/** @param {number} m2 */
export function fmtArea(m2) {
  return `${fmt1(m2)} m²`;
}

/** A fraction 0..1 as a percentage to 0.1. @param {number} f */
export function fmtPct(f) {
  return `${fmt1(f * 100)} %`;
}

/** The percentage number alone, as shown (for data attributes and tests). @param {number} f */
export function pctText(f) {
  return fmt1(f * 100);
}

/** @param {number} x */
export function fmtInt(x) {
  return whole.format(x);
}

/** @param {number} x @param {number} [dp] */
export function fmtNum(x, dp = 2) {
  if (!Number.isFinite(x)) return '';
  return String(Math.round(x * 10 ** dp) / 10 ** dp);
}
