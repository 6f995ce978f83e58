import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const { HAIRLINE, fitBox, hairlineWidth } = await import(js('view-geometry.js'));

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

test('fit takes the bulk of a big graph, leaving out a few far-off nodes', () => {
  // a cloud of 1,000 nodes on a 100 × 60 grid, and 5 unlinked nodes far away
  const cloud = [];
  for (let i = 0; i < 1000; i++) cloud.push({ x: (i % 40) * 2.5, y: Math.floor(i / 40) * 2.5 });
  const far = [{ x: -900, y: 0 }, { x: 1200, y: 30 }, { x: 50, y: -700 }, { x: 40, y: 800 }, { x: 900, y: 900 }];
  const box = fitBox([...cloud, ...far, { x: undefined, y: undefined }, { x: NaN, y: 1 }]);
  assert.ok(box.minX >= 0 && box.maxX <= 97.5, `x: ${box.minX} to ${box.maxX}`);
  assert.ok(box.minY >= 0 && box.maxY <= 60, `y: ${box.minY} to ${box.maxY}`);
  // and still most of the cloud
  assert.ok(box.maxX - box.minX >= 90 && box.maxY - box.minY >= 55, JSON.stringify(box));
});

test('fit takes every node of a small graph', () => {
  const nodes = [{ x: 0, y: 0 }, { x: 10, y: 5 }, { x: -300, y: 2 }, { x: 4, y: 400 }];
  assert.deepEqual(fitBox(nodes), { minX: -300, maxX: 10, minY: 0, maxY: 400 });
  assert.equal(fitBox([]), null);
  assert.equal(fitBox([{ x: undefined, y: undefined }]), null);
});
