// The force layout run headless with the webjar's d3, as the page runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js, loadD3, neighbourhood } from './helpers.js';

const d3 = loadD3();
const m = await import(js('graph-model.js'));
const { createSimulation, settle } = await import(js('layout.js'));
const skip = d3 ? false : 'd3 not unpacked: run through Maven (mvn -pl web test) or set NETMAP_D3';

function run(graph, simulation, alpha = 1) {
  const nodes = [...graph.nodes.values()];
  const links = [...graph.links.values()].map((l) => ({ ...l }));
  simulation.nodes(nodes);
  simulation.force('link').links(links);
  simulation.alpha(alpha);
  return settle(simulation);
}

test('a neighbourhood comes to rest without overlapping nodes, neighbours near their centre', { skip }, () => {
  const g = m.createGraph();
  m.addNode(g, { id: 'esfconet', label: 'Network', name: 'ESFCoNet' }).x = 0;
  g.nodes.get('esfconet').y = 0;
  const names = Array.from({ length: 12 }, (_, i) => `member-${i}`);
  m.mergeGraph(g, neighbourhood('esfconet', names), { centre: 'esfconet' });
  const radius = () => 8;
  const sim = createSimulation(d3, radius);
  const ticks = run(g, sim);
  assert.ok(ticks > 50 && ticks < 1000, `${ticks} ticks`);
  const nodes = [...g.nodes.values()];
  for (const n of nodes) assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y), n.id);
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const d = Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
      assert.ok(d > 2 * 8, `${nodes[i].id} and ${nodes[j].id} overlap (${d.toFixed(1)})`);
    }
  }
  const centre = g.nodes.get('esfconet');
  for (const n of nodes.filter((x) => x !== centre)) {
    const d = Math.hypot(n.x - centre.x, n.y - centre.y);
    assert.ok(d < 120, `${n.id} is ${d.toFixed(0)} px from its centre`);
  }
});

test('expanding a neighbour moves the nodes already laid out only a little', { skip }, () => {
  const g = m.createGraph();
  const names = Array.from({ length: 10 }, (_, i) => `member-${i}`);
  m.addNode(g, { id: 'hub', label: 'Network', name: 'Hub' });
  Object.assign(g.nodes.get('hub'), { x: 0, y: 0 });
  m.mergeGraph(g, neighbourhood('hub', names), { centre: 'hub' });
  const sim = createSimulation(d3, () => 8);
  run(g, sim);
  const before = new Map([...g.nodes.values()].map((n) => [n.id, [n.x, n.y]]));
  // expand member-3 with 8 new neighbours, with the energy the page uses for a partial change
  m.mergeGraph(g, neighbourhood('member-3', Array.from({ length: 8 }, (_, i) => `new-${i}`)), { centre: 'member-3' });
  run(g, sim, 0.5);
  const moves = [...before].map(([id, [x, y]]) => Math.hypot(g.nodes.get(id).x - x, g.nodes.get(id).y - y));
  const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
  // the whole picture may drift and turn a little to make room, but it must not jump
  assert.ok(mean < 60, `old nodes moved ${mean.toFixed(1)} px on average`);
  // the new nodes grew next to the node that was expanded
  const anchor = g.nodes.get('member-3');
  for (let i = 0; i < 8; i++) {
    const n = g.nodes.get(`new-${i}`);
    assert.ok(Math.hypot(n.x - anchor.x, n.y - anchor.y) < 150, `new-${i}`);
  }
});

test('pinned nodes do not move', { skip }, () => {
  const g = m.createGraph();
  m.addNode(g, { id: 'hub', label: 'Network', name: 'Hub' });
  m.mergeGraph(g, neighbourhood('hub', ['a', 'b', 'c']), { centre: 'hub' });
  const a = g.nodes.get('a');
  Object.assign(a, { x: 300, y: 300, fx: 300, fy: 300 });
  run(g, createSimulation(d3, () => 8));
  assert.equal(a.x, 300);
  assert.equal(a.y, 300);
});
