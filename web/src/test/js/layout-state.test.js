import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js, neighbourhood } from './helpers.js';

const m = await import(js('graph-model.js'));
const s = await import(js('layout-state.js'));

function laidOut() {
  const g = m.createGraph();
  m.mergeGraph(g, neighbourhood('esfconet', ['toscana', 'vlaanderen']), { centre: 'esfconet', limit: 25 });
  m.addNode(g, { id: 'cesie', label: 'Organisation', name: 'CESIE' });
  const at = { esfconet: [0, 0], toscana: [101.26, -40.04], vlaanderen: [-80, 33.3], cesie: [200, 200] };
  for (const [id, [x, y]] of Object.entries(at)) Object.assign(g.nodes.get(id), { x, y });
  const v = g.nodes.get('vlaanderen');
  v.fx = v.x;
  v.fy = v.y;
  return g;
}

test('a view survives the trip through a URL-safe string', () => {
  const g = laidOut();
  const filters = m.noFilters();
  filters.hiddenLabels.add('Theme');
  filters.period = '2007-2013';
  const state = s.captureState(g, { filters, metric: 'pagerank', transform: { x: 400.04, y: 300, k: 1.23456 } });
  const text = s.encodeState(state);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  const back = s.decodeState(text);
  assert.deepEqual(back, state);
  assert.deepEqual(back.pos.toscana, [101.3, -40]);
  assert.deepEqual(back.pos.vlaanderen, [-80, 33.3, 1]);
  assert.deepEqual(back.expanded, [['esfconet', 25]]);
  assert.deepEqual(back.transform, [400, 300, 1.235]);
  assert.deepEqual([...s.filtersFrom(back).hiddenLabels], ['Theme']);
});

test('names with accents survive encoding', () => {
  const g = m.createGraph();
  m.addNode(g, { id: 'citta', label: 'Region', name: 'Città' });
  const state = s.captureState(g);
  state.note = 'România, Työ- ja elinkeinoministeriö';
  assert.equal(s.decodeState(s.encodeState(state)).note, 'România, Työ- ja elinkeinoministeriö');
});

test('broken or foreign strings are no saved view', () => {
  assert.equal(s.decodeState(''), null);
  assert.equal(s.decodeState('not base64 ***'), null);
  assert.equal(s.decodeState(s.encodeState({ v: 99, roots: [], expanded: [], pos: {} })), null);
  assert.equal(s.decodeState(s.encodeState({ v: 1, roots: [3], expanded: [], pos: {} })), null);
  assert.equal(s.decodeState(s.encodeState({ v: 1, roots: [], expanded: [['x', 'y']], pos: {} })), null);
});

test('the restore plan fetches the whole graph, then each expansion with its limit, then lone nodes', () => {
  const g = laidOut();
  g.whole = 500;
  const plan = s.restorePlan(s.captureState(g));
  assert.deepEqual(plan, [
    { kind: 'graph', limit: 500 },
    { kind: 'neighbours', id: 'esfconet', limit: 25 },
    { kind: 'node', id: 'cesie' },
  ]);
});

test('restoring puts every node back where it was, pinned ones fixed', () => {
  const state = s.captureState(laidOut());
  const g = m.createGraph();
  m.mergeGraph(g, neighbourhood('esfconet', ['toscana', 'vlaanderen']), { centre: 'esfconet', limit: 25 });
  m.addNode(g, { id: 'cesie', label: 'Organisation', name: 'CESIE' });
  assert.equal(s.applyPositions(g, state), 4);
  assert.equal(g.nodes.get('toscana').x, 101.3);
  assert.equal(g.nodes.get('toscana').fx, null);
  assert.equal(g.nodes.get('vlaanderen').fx, -80);
  assert.equal(g.nodes.get('vlaanderen').fy, 33.3);
  assert.equal(g.nodes.get('cesie').y, 200);
});
