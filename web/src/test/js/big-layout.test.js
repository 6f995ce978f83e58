// Starting places for big graphs (the layout worker's first step) and canvas hit testing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js, loadD3 } from './helpers.js';

const { adjacency, degrees, placeFromNeighbours, skeleton } = await import(js('big-layout.js'));
const { nodeAt } = await import(js('hit-test.js'));
const { random } = await import(js('synthetic.js'));
const d3 = loadD3();
const skip = d3 ? false : 'd3 not unpacked: run through Maven (mvn -pl web test) or set NETMAP_D3';

const u32 = (list) => Uint32Array.from(list);

test('degrees, adjacency and the skeleton of the best-connected nodes', () => {
  // a star around 0, and 4–5 on their own
  const sources = u32([0, 0, 0, 4]);
  const targets = u32([1, 2, 3, 5]);
  assert.deepEqual([...degrees(6, sources, targets)], [3, 1, 1, 1, 1, 1]);
  const { start, list } = adjacency(6, sources, targets);
  assert.deepEqual([...list.slice(start[0], start[1])].sort(), [1, 2, 3]);
  assert.deepEqual([...list.slice(start[5], start[6])], [4]);
  assert.deepEqual(skeleton(degrees(6, sources, targets), 3), [0, 1, 2]);
});

test('every node gets a place, next to its placed neighbours, the same for the same seed', () => {
  // 0 placed at the origin, 10 placed far away; 1–3 hang on 0, 4 on 10, 5 between 0 and 10;
  // 6–7 are a part of their own
  const n = 11;
  const sources = u32([1, 2, 3, 4, 5, 5, 6]);
  const targets = u32([0, 0, 0, 10, 0, 10, 7]);
  const place = () => {
    const xs = new Float64Array(n).fill(NaN);
    const ys = new Float64Array(n).fill(NaN);
    xs[0] = 0;
    ys[0] = 0;
    xs[10] = 1000;
    ys[10] = 0;
    const fromNeighbours = placeFromNeighbours(n, sources, targets, xs, ys, random(3), 20);
    return { xs, ys, fromNeighbours };
  };
  const { xs, ys, fromNeighbours } = place();
  assert.equal(fromNeighbours, 6, 'all but the part of their own (6, 7) and the unlinked 8, 9');
  for (let i = 0; i < n; i++) assert.ok(Number.isFinite(xs[i]) && Number.isFinite(ys[i]), `node ${i} has a place`);
  const distance = (i, x, y) => Math.hypot(xs[i] - x, ys[i] - y);
  for (const i of [1, 2, 3]) assert.ok(distance(i, 0, 0) <= 30, `node ${i} next to 0`);
  assert.ok(distance(4, 1000, 0) <= 30, 'node 4 next to 10');
  // weights 1 / degree: 0 has 4 links, 10 has 2, so 5 lands two thirds of the way to 10
  assert.ok(distance(5, 2000 / 3, 0) <= 30, `node 5 between its two neighbours, at ${xs[5]}`);
  assert.ok(distance(7, xs[6], ys[6]) <= 30, 'node 7 next to 6, its only neighbour');
  assert.ok(distance(6, 500, 0) > 500, 'a part of its own starts outside the placed ones');
  assert.deepEqual(place().xs, xs, 'same seed, same places');
});

test('a hub says less about where a node belongs than a node with few links', () => {
  // 1 is linked to hub 0 (linked to 50 others) and to 2 (linked to 1 only): it lands near 2
  const n = 53;
  const s = [1, 1];
  const t = [0, 2];
  for (let i = 3; i < n; i++) {
    s.push(i);
    t.push(0);
  }
  const xs = new Float64Array(n).fill(NaN);
  const ys = new Float64Array(n).fill(NaN);
  xs[0] = 0;
  ys[0] = 0;
  xs[2] = 1000;
  ys[2] = 0;
  placeFromNeighbours(n, u32(s), u32(t), xs, ys, random(1), 0);
  assert.ok(xs[1] > 900, `node 1 at x ${xs[1]}: near its small neighbour`);
});

test('hit testing finds the node under the pointer, the nearest of overlapping ones, or none', { skip }, () => {
  const nodes = [
    { id: 'a', x: 0, y: 0, r: 10 },
    { id: 'b', x: 15, y: 0, r: 10 },
    { id: 'big', x: 200, y: 200, r: 40 },
  ];
  for (let i = 0; i < 2000; i++) nodes.push({ id: `n${i}`, x: 400 + (i % 50) * 30, y: (i / 50) * 30, r: 6 });
  const tree = d3.quadtree(nodes, (d) => d.x, (d) => d.y);
  const reach = (d) => d.r + 2;
  const at = (x, y) => nodeAt(tree, x, y, reach, 42)?.id ?? null;
  assert.equal(at(1, 1), 'a');
  assert.equal(at(9, 0), 'b', 'inside both: the nearer centre wins');
  assert.equal(at(-11, 0), 'a', 'within the margin');
  assert.equal(at(-13, 0), null);
  assert.equal(at(235, 200), 'big', 'a big node far from its centre');
  assert.equal(at(100, 100), null, 'empty space');
  assert.equal(at(400 + 7 * 30 + 3, 3 * 30 - 2), 'n157');
  // the same answer as looking at every node
  const rnd = random(5);
  for (let k = 0; k < 300; k++) {
    const x = rnd() * 1900 - 20;
    const y = rnd() * 1300 - 20;
    let best = null;
    let bestDistance = Infinity;
    for (const d of nodes) {
      const dist = (d.x - x) ** 2 + (d.y - y) ** 2;
      if (dist < reach(d) ** 2 && dist < bestDistance) {
        best = d.id;
        bestDistance = dist;
      }
    }
    assert.equal(at(x, y), best, `at ${x}, ${y}`);
  }
});
