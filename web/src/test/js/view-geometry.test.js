import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const { HAIRLINE, hairlineWidth } = await import(js('view-geometry.js'));

/** The width in device pixels the canvas sees: its line width and transform are 32-bit floats. */
const deviceWidth = (width, k, ratio) => Math.fround(Math.fround(width) * Math.fround(k * ratio));

test('canvas lines stay hairlines (at most one device pixel) at every zoom and pixel ratio', () => {
  let oldTooWide = 0;
  for (const ratio of [1, 1.25, 1.5, 2, 3]) {
    for (let i = 0; i <= 4000; i++) {
      const k = 0.02 * Math.pow(400, i / 4000); // the zoom's scale extent, 0.02 to 8
      const w = deviceWidth(hairlineWidth(k, ratio), k, ratio);
      assert.ok(w <= 1, `scale ${k}, ratio ${ratio}: ${w} device pixels`);
      assert.ok(w >= HAIRLINE - 1e-6, `scale ${k}, ratio ${ratio}: ${w} device pixels, too thin`);
      if (ratio === 1 && deviceWidth(1 / k, k, 1) > 1) oldTooWide++;
    }
  }
  // the width it replaces, 1 / k, is a hair over one pixel at some scales: the check above sees that
  assert.ok(oldTooWide > 0);
});
