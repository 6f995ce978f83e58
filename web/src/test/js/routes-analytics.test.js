import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const routes = await import(js('routes.js'));
const a = await import(js('analytics-model.js'));

test('hash routes name a page and its parameters', () => {
  assert.deepEqual(routes.parseHash('#/explore?node=esfconet'), { name: 'explore', params: { node: 'esfconet' }, known: true });
  assert.deepEqual(routes.parseHash(''), { name: 'explore', params: {}, known: true });
  assert.equal(routes.parseHash('#/map').known, true);
  assert.equal(routes.parseHash('#/nowhere').known, false);
  assert.equal(routes.parseHash('#/nowhere', [...routes.PAGES, { name: 'nowhere' }]).known, true);
  assert.equal(routes.hashFor('sources', { id: 'src-a', empty: '' }), '#/sources?id=src-a');
  assert.equal(routes.hashFor('analytics'), '#/analytics');
});

test('every page in the navigation has a module with mount()', async () => {
  for (const page of routes.PAGES) {
    const module = await import(js(`pages/${page.name}.js`));
    assert.equal(typeof module.mount, 'function', page.name);
  }
});

const hubs = {
  view: 'two-mode',
  metric: 'degree',
  exact: true,
  items: [
    { id: 'esfconet', label: 'Network', name: 'ESFCoNet', score: 12, rank: 1 },
    { id: 'italy', label: 'Region', name: 'Italia', score: 11.5, rank: 2 },
  ],
};

test('a hubs answer is one table, rank and name first, with a summary', () => {
  const [t] = a.tablesOf(hubs);
  assert.equal(t.key, 'items');
  assert.deepEqual(t.columns, ['rank', 'name', 'label', 'id', 'score']);
  assert.deepEqual(a.summaryOf(hubs), [['view', 'two-mode'], ['metric', 'degree'], ['exact', true]]);
});

test('gaps with several lists become several tables', () => {
  const gaps = {
    view: 'actors',
    cutVertices: [{ id: 'italy', name: 'Italia' }],
    bridges: [{ source: 'a', target: 'b' }],
    isolated: [],
    missing: { links: [{ a: 'x', b: 'y', shared: ['z'] }] },
  };
  assert.deepEqual(a.tablesOf(gaps).map((t) => [t.key, t.rows.length]), [
    ['cutVertices', 1],
    ['bridges', 1],
    ['isolated', 0],
    ['missing.links', 1],
  ]);
});

test('a row highlights every known node it mentions', () => {
  const known = new Set(['a', 'b', 'c', 'z']);
  const row = { source: 'a', target: 'b', shared: ['z', 'q'], members: [{ id: 'c' }], score: 2 };
  assert.deepEqual([...a.idsInRow(row, known)].sort(), ['a', 'b', 'c', 'z']);
});

test('communities give each member its community', () => {
  const json = { modularity: 0.41, communities: [{ id: 0, members: ['a', 'b'] }, { id: 1, members: [{ id: 'c' }] }] };
  const c = a.communityOf(json, new Set(['a', 'b', 'c']));
  assert.deepEqual([...c], [['a', 0], ['b', 0], ['c', 1]]);
});

test('cells read well', () => {
  assert.equal(a.cellText(0.123456), '0.123');
  assert.equal(a.cellText(12), '12');
  assert.equal(a.cellText(['a', 'b'], (id) => id.toUpperCase()), 'A, B');
  assert.equal(a.cellText([{ name: 'X' }]), 'X');
  assert.equal(a.humanise('cutVertices'), 'cut vertices');
  assert.equal(a.humanise('missing.links'), 'missing · links');
});

test('objects in cells read as names, groups with their size, facts as arrows', () => {
  assert.equal(a.cellText({ id: 'italy', label: 'Region', name: 'Italia' }), 'Italia');
  assert.equal(a.cellText([{ community: 'c1', label: 'Veneto group', members: [{ id: 'a' }, { id: 'b' }] }]), 'Veneto group (2)');
  assert.equal(a.cellText({ source: 'a', type: 'MEMBER_OF', target: 'b' }, (id) => id.toUpperCase()), 'A → B');
  assert.equal(a.cellText({ weird: 1 }), '{"weird":1}');
});
