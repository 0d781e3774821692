// @ts-check
// Files for the underlay tests, made here so that every pixel and distance is known:
// a PNG drawn pixel by pixel (zlib from Node), a one-page vector PDF written by hand,
// and broken variants of both. fixtures/encrypted.pdf is vectorPdf() encrypted by qpdf 11.3
// (`qpdf --encrypt survey-2026 owner-2026 256 -- in.pdf fixtures/encrypted.pdf`: AES-256,
// a user password is needed to open it).
const zlib = require('node:zlib');

/** CRC-32 (PNG chunks). @param {Buffer} buf */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * An RGB PNG of w x h pixels; `ink(x, y)` says which pixels are dark (the rest white).
 * @param {number} w @param {number} h @param {(x: number, y: number) => [number, number, number]|null} ink
 */
function png(w, h, ink) {
  const raw = Buffer.alloc((w * 3 + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const c = ink(x, y);
      if (c) raw.set(c, y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The scan the tests trace over: 800 x 600 px, white, with a frame and two dimension lines.
 * - A: from (100, 100) to (500, 100): 400 px, "8 m" on the drawing (what calibration uses);
 * - B: from (100, 400) to (700, 400): 600 px, so 12 m once calibrated (the wall drawn over it).
 * Each line is 3 px thick, with 21 px ticks at its ends, centred on the pixel rows and
 * columns named (the click targets are pixel centres: x + 0.5, y + 0.5).
 */
const SCAN = { w: 800, h: 600, a: [[100, 100], [500, 100]], b: [[100, 400], [700, 400]] };
function scanPng() {
  const near = (/** @type {number} */ v, /** @type {number} */ c, /** @type {number} */ r) => Math.abs(v - c) <= r;
  return png(SCAN.w, SCAN.h, (x, y) => {
    if (x < 4 || y < 4 || x >= SCAN.w - 4 || y >= SCAN.h - 4) return [40, 40, 40];
    for (const [[x0, y0], [x1]] of [SCAN.a, SCAN.b]) {
      if (near(y, y0, 1) && x >= x0 && x <= x1) return [0, 0, 0];
      if ((near(x, x0, 1) || near(x, x1, 1)) && near(y, y0, 10)) return [0, 0, 0];
    }
    return null;
  });
}

/**
 * A one-page PDF (A4 landscape, 842 x 595 pt) drawing a blue rectangle and a black
 * diagonal in vector operators, and "EXIT" in Helvetica (not embedded: pdfjs draws it with
 * its standard font data, fetched from the page's own origin).
 * The rectangle fills x 100..400, y 100..300 in PDF points (origin bottom-left); the text
 * starts at (100, 450), 48 pt high.
 */
function vectorPdf() {
  const content = '0 0 1 rg 100 100 300 200 re f\n0 0 0 RG 6 w 500 100 m 800 500 l S\n0 0 0 rg BT /F1 48 Tf 100 450 Td (EXIT) Tj ET\n';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A scanned floor plan for the screenshots: 1200 x 800 px, walls 6 px thick with door
 * gaps, a column grid and a 10 m dimension line of 500 px (so 50 px per metre).
 */
function floorPlanPng() {
  const W = 1200, H = 800;
  /** @type {[number, number, number, number][]} walls as x0, y0, x1, y1 (axis-aligned) */
  const walls = [
    [100, 100, 1100, 100], [100, 100, 100, 650], [1100, 100, 1100, 650], [100, 650, 520, 650], [600, 650, 1100, 650],
    [450, 100, 450, 330], [450, 400, 450, 650], [800, 100, 800, 260], [800, 330, 800, 650], [100, 380, 380, 380], [800, 420, 1100, 420],
  ];
  const ink = /** @type {[number, number, number]} */ ([38, 38, 44]);
  return png(W, H, (x, y) => {
    for (const [x0, y0, x1, y1] of walls) {
      if (x >= Math.min(x0, x1) - 3 && x <= Math.max(x0, x1) + 3 && y >= Math.min(y0, y1) - 3 && y <= Math.max(y0, y1) + 3) return ink;
    }
    // Columns of the hall.
    for (const cx of [550, 700]) for (const cy of [220, 380, 540]) if (Math.abs(x - cx) <= 8 && Math.abs(y - cy) <= 8) return ink;
    // The dimension line under the plan: 10 m.
    if (y >= 719 && y <= 721 && x >= 100 && x <= 600) return ink;
    if ((Math.abs(x - 100) <= 1 || Math.abs(x - 600) <= 1) && Math.abs(y - 720) <= 12) return ink;
    // A faint paper texture, as a scan has.
    return (x * 7 + y * 13) % 97 === 0 ? [225, 222, 214] : [248, 246, 240];
  });
}

module.exports = { png, scanPng, SCAN, vectorPdf, floorPlanPng, crc32, chunk };
