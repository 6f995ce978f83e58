import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js, loadD3 } from './helpers.js';

const d3 = loadD3();
globalThis.d3 = d3;
const { drawShape } = await import(js('styles.js'));

test('canvas shapes close their outlines with a line, never closePath (slow on long paths)', { skip: !d3 && 'd3 not unpacked (mvn -pl web test)' }, () => {
  for (const label of ['Organisation', 'Project', 'Network', 'Region', 'Theme', 'Event', 'Source']) {
    const calls = [];
    const context = new Proxy({}, { get: (_, name) => (...args) => calls.push([name, ...args]) });
    drawShape(context, label, 100, 50, 10);
    assert.ok(calls.length > 0, label);
    assert.ok(!calls.some((c) => c[0] === 'closePath'), `${label}: ${JSON.stringify(calls)}`);
    // every outline drawn with lines ends where it began
    let start = null;
    let last = null;
    const ends = () => {
      if (start && last) assert.ok(Math.hypot(last[0] - start[0], last[1] - start[1]) < 1e-9, `${label} outline open`);
    };
    for (const [name, x, y] of calls) {
      if (name === 'moveTo') {
        ends();
        start = [x, y];
        last = null;
      } else if (name === 'lineTo') last = [x, y];
      else last = null;
    }
    ends();
  }
});
