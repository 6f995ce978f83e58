import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLES, cellText, drawable, exampleTitle, parseParams, remember } from '../../main/resources/META-INF/resources/js/query-examples.js';

test('every example has a title in both languages and a read-only query', () => {
  assert.ok(EXAMPLES.length >= 4);
  for (const example of EXAMPLES) {
    assert.ok(example.title.it && example.title.en, example.id);
    assert.doesNotMatch(example.query, /\b(CREATE|MERGE|SET|DELETE|REMOVE|LOAD)\b/i, example.id);
  }
  assert.equal(exampleTitle(EXAMPLES[0], 'en'), 'Who holds the secretariat of each network');
  assert.equal(exampleTitle(EXAMPLES[0], 'fr'), 'Who holds the secretariat of each network');
});

test('parameters must be a JSON object, and empty means none', () => {
  assert.deepEqual(parseParams(''), { params: {} });
  assert.deepEqual(parseParams(' {"id": "esfconet"} '), { params: { id: 'esfconet' } });
  assert.match(parseParams('[1]').error, /JSON object/);
  assert.match(parseParams('{id: 1}').error, /not valid JSON/);
});

test('the history keeps the newest first, without repeats, capped', () => {
  let history = [];
  history = remember(history, { query: 'RETURN 1' });
  history = remember(history, { query: 'RETURN 2' });
  history = remember(history, { query: 'RETURN 1 ' });
  assert.deepEqual(history.map((h) => h.query), ['RETURN 1 ', 'RETURN 2']);
  for (let i = 0; i < 40; i++) history = remember(history, { query: `RETURN ${i + 10}` }, 5);
  assert.equal(history.length, 5);
  assert.equal(history[0].query, 'RETURN 49');
});

test('cells show nodes by name, relationships by type and values as text', () => {
  assert.equal(cellText({ id: 'esfconet', label: 'Network', name: 'ESFCoNet', properties: {} }), 'ESFCoNet (Network)');
  assert.equal(cellText({ source: 'a', target: 'b', type: 'MEMBER_OF', properties: {} }), 'a -[MEMBER_OF]-> b');
  assert.equal(cellText([1, 'x', null]), '1, x, ');
  assert.equal(cellText({ a: 1 }), '{"a":1}');
  assert.equal(cellText(null), '');
});

test('the drawable graph keys links and drops links to nodes it does not have', () => {
  const g = drawable({
    nodes: [{ id: 'a' }, { id: 'b' }],
    links: [
      { source: 'a', target: 'b', type: 'LINKED_TO' },
      { source: 'a', target: 'z', type: 'LINKED_TO' },
    ],
  });
  assert.equal(g.nodes.length, 2);
  assert.deepEqual(g.links.map((l) => l.key), ['a|LINKED_TO|b|0']);
});
