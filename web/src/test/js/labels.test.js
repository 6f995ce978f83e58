import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const { placeLabels, overlaps } = await import(js('labels.js'));
const measure = (text) => text.length * 7;

function assertNoOverlap(placed, items) {
  const boxes = [...placed.values()].map((p) => p.box);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `labels ${i} and ${j} overlap`);
  }
  for (const [id, p] of placed) {
    for (const it of items) {
      if (it.id === id) continue;
      assert.ok(!overlaps(p.box, [it.x - it.r, it.y - it.r, it.x + it.r, it.y + it.r]), `label of ${id} covers node ${it.id}`);
    }
  }
}

test('a lone node gets its label on the right', () => {
  const placed = placeLabels([{ id: 'a', x: 100, y: 100, r: 8, text: 'ESFCoNet', priority: 1 }], measure);
  const p = placed.get('a');
  assert.equal(p.anchor, 'start');
  assert.equal(p.x, 111);
  assert.deepEqual(p.box, [111, 93, 111 + 56, 107]);
});

test('a crowded row of nodes gets labels that never overlap, the important ones first', () => {
  const items = Array.from({ length: 40 }, (_, i) => ({
    id: `n${i}`,
    x: 100 + (i % 10) * 30,
    y: 100 + Math.floor(i / 10) * 20,
    r: 6,
    text: `Organisation ${i}`,
    priority: i === 37 ? 100 : 1,
  }));
  const placed = placeLabels(items, measure);
  assert.ok(placed.has('n37'), 'the most important node keeps its label');
  assert.ok(placed.size < items.length, 'some labels are left out');
  assert.ok(placed.size >= 4);
  assertNoOverlap(placed, items);
});

test('labels move to the left when the right is taken', () => {
  const items = [
    { id: 'a', x: 100, y: 100, r: 8, text: 'Alpha', priority: 1 },
    { id: 'b', x: 125, y: 100, r: 8, text: 'Bravo', priority: 2 },
  ];
  const placed = placeLabels(items, measure);
  assert.equal(placed.get('b').anchor, 'start');
  assert.notEqual(placed.get('a').anchor, 'start');
  assertNoOverlap(placed, items);
});

test('labels stay on screen and respect the maximum', () => {
  const items = [
    { id: 'edge', x: 790, y: 10, r: 5, text: 'Right at the edge', priority: 1 },
    { id: 'out', x: -50, y: 10, r: 5, text: 'Off screen', priority: 1 },
  ];
  const placed = placeLabels(items, measure, { bounds: { width: 800, height: 600 } });
  assert.ok(!placed.has('out'));
  const p = placed.get('edge');
  assert.ok(p.box[2] <= 800 && p.box[0] >= 0 && p.box[1] >= 0);
  const many = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, x: i * 200, y: 0, r: 2, text: 'x', priority: i }));
  assert.equal(placeLabels(many, measure, { max: 5 }).size, 5);
});

test('a crowd of 50,000 nodes gets at most the allowed labels, none over another', () => {
  // how fast this runs is the browser benchmark's business (bench/browser.sh), not a unit test's
  const items = Array.from({ length: 50000 }, (_, i) => ({
    id: `n${i}`,
    x: (i * 7919) % 800,
    y: (i * 104729) % 600,
    r: 3,
    text: `Organisation ${i}`,
    priority: i % 100,
  }));
  const placed = placeLabels(items, measure, { max: 300, bounds: { width: 800, height: 600 } });
  assert.ok(placed.size <= 300, `${placed.size} labels`);
  assertNoOverlap(placed, items);
});

test('in a crowd, labels may lie over other nodes but never over each other', () => {
  // a tight block of nodes, the most important in its middle: none of those finds a spot clear of
  // every node
  const items = Array.from({ length: 400 }, (_, i) => ({
    id: `n${i}`,
    x: 100 + (i % 20) * 8,
    y: 100 + Math.floor(i / 20) * 8,
    r: 4,
    text: `Organisation ${i}`,
    priority: -Math.hypot((i % 20) - 10, Math.floor(i / 20) - 10),
  }));
  assert.ok(!placeLabels(items, measure).has('n210'), 'avoiding the nodes, the middle has no label');
  const placed = placeLabels(items, measure, { max: 10, avoidNodes: false });
  assert.ok(placed.size >= 5 && placed.size <= 10, `${placed.size} labels`);
  assert.ok(placed.has('n210'), 'the most important node is named');
  const boxes = [...placed.values()].map((p) => p.box);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `labels ${i} and ${j} overlap`);
  }
});
