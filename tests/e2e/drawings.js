// @ts-check
// Drawings for the import tests, written in the tests (docs/import.md describes what is read).

/** DXF group code / value pairs as text. @param {[number|string, number|string][]} pairs */
function dxf(pairs) {
  return pairs.map(([c, v]) => `${String(c).padStart(3)}\n${v}\n`).join('');
}

/**
 * Two 5 × 5 m rooms side by side, in metres, on layers whose names say nothing a guess
 * can use: OUTER (the outline), INNER (the partition at x = 5), AREAS (the two rooms)
 * and NOTES (a text). Mapped right, a 360° camera in the west room sees exactly that
 * room: 25 of 50 m².
 */
function twoRoomsDxf() {
  /** @param {string} layer @param {[number, number][]} pts */
  const poly = (layer, pts) => [[0, 'LWPOLYLINE'], [8, layer], [90, pts.length], [70, 1], ...pts.flatMap(([x, y]) => [[10, x], [20, y]])];
  return dxf(/** @type {any} */ ([
    [0, 'SECTION'], [2, 'HEADER'], [9, '$INSUNITS'], [70, 6], [0, 'ENDSEC'],
    [0, 'SECTION'], [2, 'ENTITIES'],
    ...poly('OUTER', [[0, 0], [10, 0], [10, 5], [0, 5]]),
    [0, 'LINE'], [8, 'INNER'], [10, 5], [20, 0], [11, 5], [21, 5],
    ...poly('AREAS', [[0, 0], [5, 0], [5, 5], [0, 5]]),
    ...poly('AREAS', [[5, 0], [10, 0], [10, 5], [5, 5]]),
    [0, 'TEXT'], [8, 'NOTES'], [10, 1], [20, -1], [40, 0.25], [1, 'drawn by the tests'],
    [0, 'ENDSEC'], [0, 'EOF'],
  ]));
}

/**
 * The importers' benchmark drawing (benches/import.rs, museum_dxf): a grid of 8 × 6 m
 * galleries in millimetres with double-line walls, doorways, a door block in each, the
 * area polyline and name, furniture and hatching; 14 entities per gallery.
 * @param {number} galleries
 */
function museumDxf(galleries) {
  const cols = Math.ceil(Math.sqrt(galleries));
  const out = [];
  out.push(dxf([[0, 'SECTION'], [2, 'HEADER'], [9, '$INSUNITS'], [70, '4'], [0, 'ENDSEC'],
    [0, 'SECTION'], [2, 'BLOCKS'], [0, 'BLOCK'], [2, 'DOOR'], [70, '0'], [10, '0'], [20, '0'],
    [0, 'ARC'], [8, '0'], [10, '0'], [20, '0'], [40, '900'], [50, '0'], [51, '90'],
    [0, 'LINE'], [8, '0'], [10, '0'], [20, '0'], [11, '0'], [21, '900'], [0, 'ENDBLK'], [0, 'ENDSEC'],
    [0, 'SECTION'], [2, 'ENTITIES']]));
  /** @param {string} layer @param {number[]} a @param {number[]} b */
  const line = (layer, a, b) => out.push(`  0\nLINE\n  8\n${layer}\n 10\n${a[0]}\n 20\n${a[1]}\n 11\n${b[0]}\n 21\n${b[1]}\n`);
  for (let g = 0; g < galleries; g++) {
    const x = (g % cols) * 8000, y = Math.floor(g / cols) * 6000;
    for (const f of [0, -200]) { line('A-WALL', [x, y + f], [x + 3000, y + f]); line('A-WALL', [x + 3900, y + f], [x + 8000, y + f]); }
    for (const f of [0, -200]) { line('A-WALL', [x + f, y], [x + f, y + 2500]); line('A-WALL', [x + f, y + 3400], [x + f, y + 6000]); }
    out.push(`  0\nINSERT\n  8\nA-DOOR\n  2\nDOOR\n 10\n${x + 3000}\n 20\n${y}\n`);
    out.push(`  0\nLWPOLYLINE\n  8\nA-AREA\n 90\n4\n 70\n1\n 10\n${x}\n 20\n${y}\n 10\n${x + 8000}\n 20\n${y}\n 10\n${x + 8000}\n 20\n${y + 6000}\n 10\n${x}\n 20\n${y + 6000}\n`);
    out.push(`  0\nTEXT\n  8\nA-AREA-IDEN\n 10\n${x + 1000}\n 20\n${y + 1000}\n 40\n250\n  1\nGallery ${g}\n`);
    line('A-FURN', [x + 2000, y + 2000], [x + 4000, y + 2000]);
    line('A-FURN', [x + 2000, y + 2600], [x + 4000, y + 2600]);
    out.push('  0\nHATCH\n  8\nA-WALL-PATT\n  2\nANSI31\n 70\n0\n 71\n0\n 91\n0\n');
  }
  out.push(dxf([[0, 'ENDSEC'], [0, 'EOF']]));
  return { text: out.join(''), entities: galleries * 14 };
}

module.exports = { twoRoomsDxf, museumDxf };
