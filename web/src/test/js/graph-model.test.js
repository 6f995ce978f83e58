import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neighbourhood, js } from './helpers.js';

const m = await import(js('graph-model.js'));

test('merging a neighbourhood adds the centre, its neighbours and their links once', () => {
  const g = m.createGraph();
  const added = m.mergeGraph(g, neighbourhood('esfconet', ['toscana', 'vlaanderen']), { centre: 'esfconet', limit: 25 });
  assert.deepEqual(added, ['esfconet', 'toscana', 'vlaanderen']);
  assert.equal(g.nodes.size, 3);
  assert.equal(g.links.size, 2);
  assert.deepEqual([...g.links.keys()].sort(), ['toscana|MEMBER_OF|esfconet', 'vlaanderen|MEMBER_OF|esfconet']);
  assert.deepEqual(g.expanded.get('esfconet'), { limit: 25, shown: 2, total: 2 });
  assert.ok(g.roots.has('esfconet'));
});

test('merging an overlapping neighbourhood keeps node objects and their positions', () => {
  const g = m.createGraph();
  m.mergeGraph(g, neighbourhood('esfconet', ['toscana', 'vlaanderen']), { centre: 'esfconet' });
  const toscana = g.nodes.get('toscana');
  toscana.x = 120;
  toscana.y = -40;
  const json = neighbourhood('toscana', ['esfconet', 'italy']);
  const added = m.mergeGraph(g, json, { centre: 'toscana' });
  assert.deepEqual(added, ['italy']);
  assert.equal(g.nodes.get('toscana'), toscana, 'same object');
  assert.equal(toscana.x, 120);
  assert.equal(toscana.y, -40);
  // the new node starts next to the node that was expanded, not at the origin
  const italy = g.nodes.get('italy');
  assert.ok(Math.hypot(italy.x - 120, italy.y + 40) < 60, `italy at ${italy.x},${italy.y}`);
  assert.equal(g.nodes.size, 4);
  assert.equal(g.links.size, 4);
});

test('link keys accept ends that d3 has turned into objects', () => {
  assert.equal(m.linkKey({ source: { id: 'a' }, target: 'b', type: 'T' }), 'a|T|b');
  assert.equal(m.endId({ id: 'x' }), 'x');
  assert.equal(m.endId('y'), 'y');
});

test('a capped hub shows "+N more" and the next page asks for one page more', () => {
  const g = m.createGraph();
  const shown = Array.from({ length: 25 }, (_, i) => `org-${i}`);
  m.mergeGraph(g, neighbourhood('hub', shown, { total: 62 }), { centre: 'hub', limit: 25 });
  assert.deepEqual(m.moreStubs(g), [{ id: 'more:hub', parent: 'hub', count: 37 }]);
  assert.equal(m.nextLimit(g, 'hub'), 50);
  const more = Array.from({ length: 50 }, (_, i) => `org-${i}`);
  m.mergeGraph(g, neighbourhood('hub', more, { total: 62 }), { centre: 'hub', limit: 50 });
  assert.deepEqual(m.moreStubs(g), [{ id: 'more:hub', parent: 'hub', count: 12 }]);
  assert.equal(g.nodes.size, 51);
  const all = Array.from({ length: 62 }, (_, i) => `org-${i}`);
  m.mergeGraph(g, neighbourhood('hub', all, { total: 62 }), { centre: 'hub', limit: 75 });
  assert.deepEqual(m.moreStubs(g), []);
  assert.equal(m.nextLimit(g, 'unknown'), m.PAGE);
});

test('next limit never passes what the API allows', () => {
  const g = m.createGraph();
  g.expanded.set('hub', { limit: 990, shown: 990, total: 5000 });
  assert.equal(m.nextLimit(g, 'hub'), m.MAX_NEIGHBOURS);
});

test('hiding a node takes the neighbours that hung only on it', () => {
  const g = m.createGraph();
  m.mergeGraph(g, neighbourhood('esfconet', ['toscana', 'vlaanderen']), { centre: 'esfconet' });
  m.mergeGraph(g, neighbourhood('toscana', ['esfconet', 'italy']), { centre: 'toscana' });
  const removed = m.hideNode(g, 'toscana');
  assert.deepEqual(removed.sort(), ['italy', 'toscana']);
  assert.deepEqual([...g.nodes.keys()].sort(), ['esfconet', 'vlaanderen']);
  assert.equal(g.links.size, 1);
  assert.ok(!g.expanded.has('toscana'));
});

test('undo puts back the view before the last expand and hide, with the same node objects', () => {
  const g = m.createGraph();
  const history = new m.History();
  m.mergeGraph(g, neighbourhood('esfconet', ['toscana', 'vlaanderen']), { centre: 'esfconet' });
  const toscana = g.nodes.get('toscana');
  history.push(g);
  m.mergeGraph(g, neighbourhood('toscana', ['esfconet', 'italy']), { centre: 'toscana' });
  history.push(g);
  m.hideNode(g, 'vlaanderen');
  assert.equal(g.nodes.size, 3);
  assert.ok(history.undo(g));
  assert.deepEqual([...g.nodes.keys()].sort(), ['esfconet', 'italy', 'toscana', 'vlaanderen']);
  assert.ok(history.undo(g));
  assert.deepEqual([...g.nodes.keys()].sort(), ['esfconet', 'toscana', 'vlaanderen']);
  assert.equal(g.nodes.get('toscana'), toscana);
  assert.ok(!g.expanded.has('toscana'));
  assert.equal(history.undo(g), false);
});

test('the undo stack keeps only its depth', () => {
  const g = m.createGraph();
  const history = new m.History(3);
  for (let i = 0; i < 5; i++) history.push(g);
  assert.equal(history.size, 3);
});

function themed() {
  const g = m.createGraph();
  const json = {
    nodes: [
      { id: 'esfconet', label: 'Network', name: 'ESFCoNet', properties: { period: '2007-2013' } },
      { id: 'com-in', label: 'Project', name: 'COM-IN', properties: { period: '2014-2020' } },
      { id: 'toscana', label: 'Region', name: 'Toscana', properties: {} },
      { id: 'veneto-lavoro', label: 'Organisation', name: 'Veneto Lavoro', properties: {} },
      { id: 'italy', label: 'Region', name: 'Italia', properties: {} },
      { id: 'social-inclusion', label: 'Theme', name: 'Inclusione sociale', properties: {} },
      { id: 'young-people', label: 'Theme', name: 'Giovani', properties: {} },
      { id: 'lonely', label: 'Organisation', name: 'Alone', properties: {} },
    ],
    links: [
      { source: 'toscana', target: 'esfconet', type: 'MEMBER_OF', properties: { role: 'coordinator', sources: ['s1'] } },
      { source: 'veneto-lavoro', target: 'com-in', type: 'PARTICIPATES_IN', properties: { role: 'lead' } },
      { source: 'toscana', target: 'italy', type: 'PART_OF', properties: {} },
      { source: 'esfconet', target: 'social-inclusion', type: 'ADDRESSES', properties: {} },
      { source: 'esfconet', target: 'young-people', type: 'ADDRESSES', properties: {} },
      { source: 'com-in', target: 'social-inclusion', type: 'ADDRESSES', properties: {} },
    ],
  };
  m.mergeGraph(g, json);
  return g;
}

const ids = (view) => view.nodes.map((n) => n.id).sort();

test('no filters show everything', () => {
  const g = themed();
  const v = m.applyFilters(g, m.noFilters());
  assert.equal(v.nodes.length, 8);
  assert.equal(v.links.length, 6);
});

test('the label filter hides a kind of node and whoever only hung on it', () => {
  const g = themed();
  const f = m.noFilters();
  f.hiddenLabels.add('Project');
  const v = m.applyFilters(g, f);
  assert.deepEqual(ids(v), ['esfconet', 'italy', 'lonely', 'social-inclusion', 'toscana', 'young-people']);
  assert.ok(v.links.every((l) => l.source !== 'com-in' && l.target !== 'com-in'));
});

test('the relationship-type filter hides links, and nodes cut off by it', () => {
  const g = themed();
  const f = m.noFilters();
  f.hiddenTypes.add('ADDRESSES');
  const v = m.applyFilters(g, f);
  assert.deepEqual(ids(v), ['com-in', 'esfconet', 'italy', 'lonely', 'toscana', 'veneto-lavoro']);
  assert.equal(v.links.length, 3);
});

test('the theme filter keeps the collaborations addressing the theme', () => {
  const g = themed();
  const f = m.noFilters();
  f.theme = 'young-people';
  const v = m.applyFilters(g, f);
  assert.deepEqual(ids(v), ['esfconet', 'italy', 'lonely', 'toscana', 'young-people']);
});

test('the period filter keeps collaborations of that programme period', () => {
  const g = themed();
  const f = m.noFilters();
  f.period = '2014-2020';
  const v = m.applyFilters(g, f);
  // Toscana and Italia stay: they are still linked to each other
  assert.deepEqual(ids(v), ['com-in', 'italy', 'lonely', 'social-inclusion', 'toscana', 'veneto-lavoro']);
  assert.deepEqual(m.periodsInView(g), ['2007-2013', '2014-2020']);
  assert.deepEqual(m.themesInView(g).map((n) => n.id), ['social-inclusion', 'young-people']);
});

test('a node the user chose stays even when filters cut its links', () => {
  const g = themed();
  g.roots.add('italy');
  const f = m.noFilters();
  f.hiddenTypes.add('PART_OF');
  assert.ok(ids(m.applyFilters(g, f)).includes('italy'));
});

test('relations list the other end, role, dates and sources of each fact', () => {
  const g = themed();
  const rel = m.relationsOf(g, 'toscana');
  assert.equal(rel.length, 2);
  const member = rel.find((r) => r.type === 'MEMBER_OF');
  assert.equal(member.other.id, 'esfconet');
  assert.equal(member.role, 'coordinator');
  assert.equal(member.outgoing, true);
  assert.deepEqual(member.sources, ['s1']);
});

test('view degrees count links in view', () => {
  const g = themed();
  const d = m.viewDegrees(g.links.values());
  assert.equal(d.get('esfconet'), 3);
  assert.equal(d.get('social-inclusion'), 2);
  assert.equal(d.get('lonely'), undefined);
});

test('radii grow with the square root of the metric, between min and max', () => {
  const r = m.radii(['a', 'b', 'c'], new Map([['a', 100], ['b', 25]]), { min: 5, max: 25 });
  assert.equal(r.get('a'), 25);
  assert.equal(r.get('b'), 15);
  assert.equal(r.get('c'), 5);
  const uniform = m.radii(['a', 'b'], new Map());
  assert.equal(uniform.get('a'), uniform.get('b'));
});

test('source support counts the nodes and relationships citing each source', () => {
  const json = {
    nodes: [
      { id: 'src-1', label: 'Source', properties: {} },
      { id: 'src-2', label: 'Source', properties: {} },
      { id: 'a', label: 'Organisation', properties: { sources: ['src-1'] } },
      { id: 'b', label: 'Network', properties: { sources: ['src-1', 'src-3'] } },
    ],
    links: [{ source: 'a', target: 'b', type: 'MEMBER_OF', properties: { sources: ['src-1'] } }],
  };
  const s = m.sourceSupport(json);
  assert.deepEqual(s.get('src-1').nodes.map((n) => n.id), ['a', 'b']);
  assert.equal(s.get('src-1').links.length, 1);
  assert.deepEqual(s.get('src-2'), { nodes: [], links: [] });
  assert.equal(s.get('src-3').nodes.length, 1);
});

test('the synthetic graph has the size asked for, valid links and hubs, and repeats for a seed', async () => {
  const { syntheticGraph } = await import(js('synthetic.js'));
  const g = syntheticGraph(5000, 7);
  assert.equal(g.nodes.length, 5000);
  const ids = new Set(g.nodes.map((n) => n.id));
  assert.ok(g.links.every((l) => ids.has(l.source) && ids.has(l.target)));
  const degree = m.viewDegrees(g.links);
  assert.ok(Math.max(...degree.values()) > 50, 'some hubs');
  assert.deepEqual(syntheticGraph(100, 7), syntheticGraph(100, 7));
});

test('views start without Source nodes, which link to nothing', () => {
  const g = themed();
  m.addNode(g, { id: 'src-a', label: 'Source', name: 'A document' });
  g.roots.delete('src-a');
  assert.ok(!ids(m.applyFilters(g, m.defaultFilters())).includes('src-a'));
  assert.ok(ids(m.applyFilters(g, m.noFilters())).includes('src-a'));
});

/** The compact whole graph (/api/graph?compact=true): periods only, links without properties. */
function compactGraph(ids, centre) {
  return {
    nodes: [{ id: centre, label: 'Network', name: centre.toUpperCase(), properties: { period: '2007-2013' } }, ...ids.map((id) => ({ id, label: 'Organisation', name: id.toUpperCase(), properties: {} }))],
    links: ids.map((id) => ({ source: id, target: centre, type: 'MEMBER_OF' })),
    total: ids.length + 1,
    truncated: false,
  };
}

test('the compact whole graph marks what it adds partial and keeps what was in view', () => {
  const g = m.createGraph();
  m.mergeGraph(g, neighbourhood('esfconet', ['toscana']), { centre: 'esfconet', limit: 25 });
  m.mergeGraph(g, compactGraph(['toscana', 'vlaanderen'], 'esfconet'), { partial: true });
  // known before: its properties and its link's stay
  assert.deepEqual(g.nodes.get('toscana').properties, { sources: ['src-a'] });
  assert.ok(!g.nodes.get('toscana').partial);
  assert.equal(g.links.get('toscana|MEMBER_OF|esfconet').properties.role, 'partner');
  // new: partial, but with what filters read
  assert.ok(g.nodes.get('vlaanderen').partial);
  assert.ok(g.links.get('vlaanderen|MEMBER_OF|esfconet').partial);
  assert.deepEqual(m.periodsInView(g), []);
  assert.ok(m.isPartial(g, 'vlaanderen'));
  assert.ok(m.isPartial(g, 'esfconet'), 'one of its links lacks properties');
  assert.ok(!m.isPartial(g, 'toscana'));
});

test('a partial node is completed from its details and neighbourhood, adding nothing', () => {
  const g = m.createGraph();
  m.mergeGraph(g, compactGraph(['toscana', 'vlaanderen', 'berlin'], 'esfconet'), { partial: true });
  assert.deepEqual(m.periodsInView(g), ['2007-2013']);
  assert.equal(m.relationsOf(g, 'esfconet')[0].role, null);
  // the neighbourhood is capped: berlin's link is not in it
  const around = neighbourhood('esfconet', ['toscana', 'vlaanderen', 'lazio'], { total: 4 });
  m.completeNode(g, 'esfconet', { properties: { period: '2007-2013', scope: 'international' } }, around);
  assert.equal(g.nodes.size, 4);
  assert.equal(g.links.size, 3);
  assert.deepEqual(g.nodes.get('esfconet').properties, { period: '2007-2013', scope: 'international' });
  const roles = Object.fromEntries(m.relationsOf(g, 'esfconet').map((r) => [r.other.id, r.role]));
  assert.deepEqual(roles, { berlin: null, toscana: 'partner', vlaanderen: 'partner' });
  assert.ok(!m.isPartial(g, 'esfconet'), 'asked once, even for the link beyond the cap');
  // its neighbours' own properties are still to be read
  assert.ok(m.isPartial(g, 'toscana'));
  // a later neighbourhood fills in a link's properties
  m.mergeGraph(g, neighbourhood('toscana', ['esfconet']), { centre: 'toscana', limit: 25 });
  assert.ok(!g.nodes.get('toscana').partial);
});
