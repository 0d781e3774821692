// @ts-check
/**
 * The first page of a PDF as an image, by pdfjs-dist 6.5.438 (vendored from npm into
 * www/vendor/pdfjs by scripts/vendor-web.sh: served from the page's own origin, never from
 * the internet). pdfjs is loaded only when a PDF is, and parses the file in its own module
 * worker. It works under the page's Content-Security-Policy as it is: the worker is
 * 'self', its JPEG 2000 and JBIG2 decoders are wasm ('wasm-unsafe-eval' is already
 * there for the core), fonts and CMaps are fetched from 'self'.
 */

import { UnderlayError } from './error.js';

// A variable, not a quoted path given to new URL with import.meta.url: the self-contained file
// carries the page's modules but not pdfjs (1.7 MB), and its loader rewrites such literals.
const VENDOR = '../../vendor/pdfjs/';

/** @type {Promise<any>|null} */
let lib = null;

/** pdfjs, loaded once. */
function pdfjs() {
  if (!lib) {
    lib = (async () => {
      const base = new URL(VENDOR, import.meta.url);
      if (base.protocol !== 'http:' && base.protocol !== 'https:') {
        throw new UnderlayError('PDF underlays need the planner served from its folder (scripts/run.sh); ' +
          'this self-contained file carries no PDF reader. Load a PNG or JPEG of the page instead.');
      }
      const m = await import(new URL('pdf.min.mjs', base).href);
      m.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', base).href;
      return { m, base };
    })();
    lib.catch(() => { lib = null; });
  }
  return lib;
}

/**
 * Renders page 1 of the PDF `bytes` (a file called `name`) into a canvas of at most
 * `maxPixels` pixels and `maxSide` a side, at up to 4 pixels per point (288 dpi), and
 * gives its size in points.
 * @param {string} name @param {Uint8Array<ArrayBuffer>} bytes @param {number} maxPixels @param {number} maxSide
 * @returns {Promise<import('./load.js').Decoded>}
 */
export async function renderFirstPage(name, bytes, maxPixels, maxSide) {
  let loaded;
  try {
    loaded = await pdfjs();
  } catch (e) {
    if (e instanceof UnderlayError) throw e;
    throw new UnderlayError(`${name}: the PDF reader could not be loaded (${e instanceof Error ? e.message : String(e)}). ` +
      'Build the page with scripts/build-web.sh, which puts it in www/vendor/pdfjs.');
  }
  const { m, base } = loaded;
  // pdfjs takes the buffer over to its worker: give it a copy, the caller keeps the bytes.
  const task = m.getDocument({
    data: bytes.slice(),
    wasmUrl: new URL('wasm/', base).href,
    standardFontDataUrl: new URL('standard_fonts/', base).href,
    cMapUrl: new URL('cmaps/', base).href,
    iccUrl: new URL('iccs/', base).href,
    enableXfa: false,
  });
  // An encrypted file asks for a password: refuse at once (the page has no password to give).
  task.onPassword = () => { task.destroy(); };
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const err = /** @type {{name?: string, message?: string}} */ (e);
    if (err?.name === 'PasswordException' || /password/i.test(err?.message ?? '') || task.destroyed) {
      throw new UnderlayError(`${name} is encrypted: it opens only with a password. Remove the protection ` +
        '(or print it to a new PDF) and load that file.');
    }
    if (err?.name === 'InvalidPDFException') {
      throw new UnderlayError(`${name} is not a valid PDF: ${err.message ?? 'it could not be parsed'} (a damaged or cut-short file). ` +
        'Export it again from the program that made it.');
    }
    throw new UnderlayError(`${name} could not be read as a PDF: ${err?.message ?? String(e)}.`);
  }
  try {
    const page = await doc.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const w = unit.width, h = unit.height;
    const k = Math.min(4, Math.sqrt(maxPixels / (w * h)), maxSide / Math.max(w, h));
    const viewport = page.getViewport({ scale: k });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(viewport.width));
    canvas.height = Math.max(1, Math.floor(viewport.height));
    await page.render({ canvas, viewport, background: '#ffffff' }).promise;
    return { source: canvas, sourceWidth: canvas.width, sourceHeight: canvas.height, width: w, height: h };
  } catch (e) {
    throw new UnderlayError(`${name}: its first page could not be drawn (${e instanceof Error ? e.message : String(e)}).`);
  } finally {
    // Ends the worker's copy of the document (the loading task owns it).
    task.destroy();
  }
}
