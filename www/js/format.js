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

/** @type {Map<string, Intl.NumberFormat|null>} */
const moneyFormats = new Map();

/**
 * An amount of money in the plan's currency: "€3,480" for an ISO code the browser knows,
 * else the amount followed by the currency as written ("3,480 credits").
 * @param {number} x @param {string} currency
 */
export function fmtMoney(x, currency) {
  if (!Number.isFinite(x)) return '–';
  let f = moneyFormats.get(currency);
  if (f === undefined) {
    try {
      f = /^[A-Za-z]{3}$/.test(currency)
        ? new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase(), maximumFractionDigits: 0, minimumFractionDigits: 0 })
        : null;
    } catch {
      f = null;
    }
    moneyFormats.set(currency, f);
  }
  const rounded = Math.round(x);
  return f ? f.format(rounded) : `${whole.format(rounded)} ${currency}`;
}
