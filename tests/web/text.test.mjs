// UTF-8 decoding of opened files (www/js/files/text.js): invalid bytes are refused with
// their place, never replaced; a byte order mark is dropped.
import test from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, firstInvalidUtf8 } from '../../www/js/files/text.js';

const bytes = (/** @type {number[]} */ ...b) => new Uint8Array(b);
const utf8 = (/** @type {string} */ s) => new TextEncoder().encode(s);

test('valid UTF-8 decodes, with the byte order mark dropped', () => {
  assert.equal(decodeUtf8(utf8('{"name": "Galerie d’Apollon — 1ᵉʳ étage 🏛"}')), '{"name": "Galerie d’Apollon — 1ᵉʳ étage 🏛"}');
  assert.equal(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d)), '{}');
  assert.equal(firstInvalidUtf8(utf8('é€😀')), utf8('é€😀').length);
});

test('the first invalid byte is found: stray continuation, overlong, surrogate, beyond U+10FFFF, cut short', () => {
  // "ab" then a lone continuation byte at offset 2.
  assert.equal(firstInvalidUtf8(bytes(0x61, 0x62, 0x80)), 2);
  // Overlong "/" (C0 AF) and overlong three-byte (E0 80 AF).
  assert.equal(firstInvalidUtf8(bytes(0x61, 0xc0, 0xaf)), 1);
  assert.equal(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf)), 0);
  // A UTF-16 surrogate encoded (ED A0 80) and U+110000 (F4 90 80 80).
  assert.equal(firstInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0x80)), 1);
  assert.equal(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80)), 0);
  // é (C3 A9) is fine; a sequence cut by the end of the file is not.
  assert.equal(firstInvalidUtf8(bytes(0xc3, 0xa9, 0xe2, 0x82)), 2);
});

test('a file that is not UTF-8 is refused with its line and column', () => {
  // Latin-1 "é" (E9) on line 2, column 12: {"a": 1,\n  "name": "Caf\xe9"}
  const latin1 = [...utf8('{"a": 1,\n  "name": "Caf'), 0xe9, ...utf8('"}')];
  assert.throws(() => decodeUtf8(new Uint8Array(latin1)), /byte 23 \(line 2, column 15\) is not valid UTF-8/);
});
