// @ts-check
/** Files as text: UTF-8 decoding that refuses what it cannot read, saying where. */

/**
 * The file as text. Invalid UTF-8 is refused with its place (never replaced silently with
 * U+FFFD, which would change names and ids); a byte order mark is dropped.
 * @param {Uint8Array} bytes @returns {string}
 */
export function decodeUtf8(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1, lineStart = 0;
    for (let k = 0; k < at; k++) if (bytes[k] === 0x0a) { line++; lineStart = k + 1; }
    throw new Error(`the file is not UTF-8 text: byte ${at} (line ${line}, column ${at - lineStart + 1}) is not valid UTF-8; save the file as UTF-8`);
  }
}

/**
 * The offset of the first byte that does not start or continue a valid UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or the length
 * when a sequence is cut short at the end.
 * @param {Uint8Array} b @returns {number}
 */
export function firstInvalidUtf8(b) {
  let k = 0;
  while (k < b.length) {
    const c = b[k];
    if (c < 0x80) { k++; continue; }
    let n, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return k;
    for (let j = 1; j <= n; j++) {
      if (k + j >= b.length) return k;
      const d = b[k + j];
      if (j === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return k;
    }
    k += n + 1;
  }
  return b.length;
}
