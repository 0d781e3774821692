// @ts-check
/**
 * Reading an underlay file: what it is (by its first bytes, not its name), whether it is
 * within the limits, its SHA-256, and its pixels. Every refusal is an `UnderlayError`
 * whose message names the file and says what is wrong and what the limit is; nothing is
 * decoded that the checks refused. The file is parsed as data: a PNG or JPEG by the
 * browser's image decoder, a PDF by pdfjs in its worker (underlay/pdf.js).
 */

import { fmt1, fmtInt } from '../format.js';
import { renderFirstPage } from './pdf.js';
import { UnderlayError } from './error.js';

export { UnderlayError };

/** @typedef {import('../model/underlay.js').UnderlayImage} UnderlayImage */

/**
 * The largest file accepted: 25 MB. A 300 dpi scan of an A1 sheet is a few MB as PNG or
 * JPEG, a vector PDF of a floor far less; IndexedDB keeps files this size reliably within
 * the browser's quota, and reading and hashing one takes a fraction of a second.
 */
export const MAX_BYTES = 25_000_000;
/**
 * The largest image decoded: 50 megapixels (e.g. 8,660 x 5,770). Decoded, every pixel
 * takes 4 bytes, so this is 200 MB of memory before the canvas copies it; browsers refuse
 * or crash on canvases much bigger (Chromium stops at 32,767 px a side).
 */
export const MAX_PIXELS = 50_000_000;
/** The longest side decoded, in pixels (the canvas limit of the browsers the page supports). */
export const MAX_SIDE = 16_384;

/** What the limits are, in the words the page shows. */
export const LIMITS_TEXT = `up to ${fmtInt(MAX_BYTES / 1e6)} MB and ${fmtInt(MAX_PIXELS / 1e6)} megapixels ` +
  `(${fmtInt(MAX_SIDE)} px a side)`;

/** @param {number} n */
function megabytes(n) {
  return `${fmt1(n / 1e6)} MB`;
}

/** The image types by their signatures. @param {Uint8Array} b @returns {UnderlayImage['type']|null} */
export function sniff(b) {
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  // A PDF's header may follow some junk, within the first kilobyte (the PDF spec allows it).
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'application/pdf';
  return null;
}

/** Whether a file is meant as an underlay (by its name or type): it goes to the underlay, not the scenario reader. @param {File} file */
export function isUnderlayFile(file) {
  return /\.(png|jpe?g|pdf)$/i.test(file.name) || ['image/png', 'image/jpeg', 'application/pdf'].includes(file.type);
}

/**
 * The pixel size a PNG or JPEG header states, read before decoding so that an image too big
 * to decode is refused without trying. Null when the header is not there (a damaged file).
 * @param {Uint8Array} b @param {UnderlayImage['type']} type @returns {[number, number]|null}
 */
export function headerSize(b, type) {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (type === 'image/png') {
    // The IHDR chunk comes first: length, "IHDR", width, height.
    if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
    return [dv.getUint32(16), dv.getUint32(20)];
  }
  if (type === 'image/jpeg') {
    let i = 2;
    while (i + 4 <= b.length) {
      if (b[i] !== 0xff) return null;
      const m = b[i + 1];
      if (m === 0xff) { i++; continue; }
      if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) { i += 2; continue; }
      if (m === 0xd9 || m === 0xda) return null; // image data before any frame header
      const len = dv.getUint16(i + 2);
      // SOF0..SOF15 carry the frame's size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
      if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
        if (i + 9 > b.length) return null;
        return [dv.getUint16(i + 7), dv.getUint16(i + 5)];
      }
      i += 2 + len;
    }
  }
  return null;
}

/** @param {string} name @param {number} w @param {number} h */
function checkPixels(name, w, h) {
  if (w * h > MAX_PIXELS || Math.max(w, h) > MAX_SIDE) {
    throw new UnderlayError(`${name} is ${fmtInt(w)} x ${fmtInt(h)} pixels (${fmt1((w * h) / 1e6)} megapixels): too large to decode ` +
      `reliably in a browser. The limit is ${fmtInt(MAX_PIXELS / 1e6)} megapixels and ${fmtInt(MAX_SIDE)} px a side; ` +
      'scale the scan down (150–200 dpi is plenty to trace walls) and load it again.');
  }
}

/** SHA-256 of the bytes, as 64 lowercase hex digits. @param {Uint8Array<ArrayBuffer>} bytes */
export async function sha256Hex(bytes) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * The drawable image: a decoded bitmap, or a canvas with a PDF's first page, and its size
 * in image units (pixels; points for a PDF).
 * @typedef {{source: CanvasImageSource, sourceWidth: number, sourceHeight: number, width: number, height: number}} Decoded
 */

/**
 * Checks and decodes `bytes` of a file called `name`, of sniffed type `type`.
 * @param {string} name @param {Uint8Array<ArrayBuffer>} bytes @param {UnderlayImage['type']} type @returns {Promise<Decoded>}
 */
export async function decode(name, bytes, type) {
  if (type === 'application/pdf') return renderFirstPage(name, bytes, MAX_PIXELS / 4, MAX_SIDE);
  const size = headerSize(bytes, type);
  const label = type === 'image/png' ? 'PNG' : 'JPEG';
  if (!size) throw new UnderlayError(`${name} could not be read: it starts like a ${label} file, but its header is damaged or cut short.`);
  checkPixels(name, size[0], size[1]);
  let bitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type }));
  } catch (e) {
    throw new UnderlayError(`${name} could not be decoded as a ${label} image (${e instanceof Error ? e.message : String(e)}): ` +
      'the file is damaged or cut short. Export or scan it again.');
  }
  return { source: bitmap, sourceWidth: bitmap.width, sourceHeight: bitmap.height, width: bitmap.width, height: bitmap.height };
}

/**
 * Reads a file the user gave: checks its size and type, hashes it and decodes it.
 * @param {File} file
 * @returns {Promise<{image: UnderlayImage, bytes: Uint8Array<ArrayBuffer>, decoded: Decoded}>}
 */
export async function readUnderlayFile(file) {
  const name = file.name || 'the file';
  if (file.size > MAX_BYTES) {
    throw new UnderlayError(`${name} is ${megabytes(file.size)}: an underlay may be at most ${megabytes(MAX_BYTES)}, ` +
      'what the browser stores and decodes reliably. Scale the scan down or save it as JPEG, and load it again.');
  }
  if (file.size === 0) throw new UnderlayError(`${name} is empty (0 bytes).`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniff(bytes);
  if (!type) {
    throw new UnderlayError(`${name} is not a PNG, JPEG or PDF file: its first bytes are none of those formats' signatures ` +
      '(a renamed file, or a different format). An underlay is a PNG or JPEG image, or a PDF (its first page).');
  }
  const decoded = await decode(name, bytes, type);
  const sha256 = await sha256Hex(bytes);
  return { image: { name, type, bytes: bytes.length, sha256, width: decoded.width, height: decoded.height }, bytes, decoded };
}
