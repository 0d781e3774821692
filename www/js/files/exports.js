// @ts-check
/**
 * What the page exports, all made by the core's one renderer and report writer
 * (src/document/, docs/documents.md): the report for the board, the view on screen as
 * SVG or PNG, and the tables as CSV. Nothing leaves the machine: each is a blob offered
 * as a download, or opened in a new tab of this browser to print.
 */


/** Today's date in this computer's time zone, as YYYY-MM-DD. @param {Date} [d] */
export function localDate(d = new Date()) {
  const p = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * An SVG rasterised to PNG in a canvas (the browser's own SVG renderer).
 * @param {string} svg @param {number} width @param {number} height @returns {Promise<Blob>}
 */
export async function svgToPng(svg, width, height) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    const loaded = new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error('the browser could not draw the SVG'));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made (the image may be too large)'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The report for the board, of layout `k` of the file form `file` (main first, then the
 * options), from a scene loaded for it alone and freed after.
 * @param {any} wasm the core module @param {unknown} file @param {number} k @param {string} date YYYY-MM-DD
 * @returns {string}
 */
export function reportHtml(wasm, file, k, date) {
  const scene = wasm.Scene.load(JSON.stringify(file));
  try {
    return scene.reportHtml(date, k);
  } finally {
    scene.free?.();
  }
}

/** The CSV tables and their file names. */
export const TABLES = /** @type {const} */ ([
  { table: 'zones', suffix: 'zones' },
  { table: 'cameras', suffix: 'cameras' },
  { table: 'bill-of-materials', suffix: 'bill-of-materials' },
  { table: 'openings', suffix: 'openings' },
]);
