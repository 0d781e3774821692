// Headings shown as compass bearings (www/js/model/compass.js), against the core's rule
// (src/document/compass.rs): bearing = 90 - heading, clockwise from north.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bearingOf, headingOf, compassPoint, fmtBearing } from '../../www/js/model/compass.js';

test('file headings become bearings clockwise from north', () => {
  assert.equal(bearingOf(0), 90); // east
  assert.equal(bearingOf(90), 0); // north
  assert.equal(bearingOf(180), 270); // west
  assert.equal(bearingOf(270), 180); // south
  assert.equal(bearingOf(-90), 180);
  assert.equal(bearingOf(335), 115);
  assert.equal(bearingOf(450), 0);
});

test('a bearing gives back its heading', () => {
  for (const h of [0, 12.5, 90, 179, 270, 359]) assert.ok(Math.abs(headingOf(bearingOf(h)) - h) < 1e-9, String(h));
});

test('bearings are written with their compass point, as in the documents', () => {
  assert.equal(fmtBearing(90), '000° N');
  assert.equal(fmtBearing(45), '045° NE');
  assert.equal(fmtBearing(-90), '180° S');
  assert.equal(fmtBearing(67.5), '023° NNE');
  assert.equal(fmtBearing(90.4), '000° N');
  assert.equal(fmtBearing(335), '115° ESE');
  assert.equal(compassPoint(247.5), 'WSW');
});
