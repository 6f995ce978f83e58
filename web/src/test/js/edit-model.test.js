import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const m = await import(js('edit-model.js'));

test('properties become form rows and back, lists joined with a bar', () => {
  const props = { kind: 'ngo', aliases: ['A', 'B'], founded: 1999, sources: ['s'], version: 3, name: 'X' };
  assert.deepEqual(m.propertyRows(props), [['aliases', 'A | B'], ['founded', '1999'], ['kind', 'ngo']]);
  assert.deepEqual(m.rowsToProperties([['kind', ' ngo '], ['', 'dropped'], ['aliases', 'A | B']]), {
    properties: { kind: 'ngo', aliases: 'A | B' },
    duplicate: null,
  });
  assert.equal(m.rowsToProperties([['kind', 'a'], ['kind', 'b']]).duplicate, 'kind');
});

const MODEL = {
  relationships: {
    MEMBER_OF: [['Organisation', 'Network'], ['Region', 'Network']],
    LOCATED_IN: [['Organisation', 'Region']],
    LINKED_TO: [['Network', 'Network'], ['Network', 'Project'], ['Project', 'Network']],
    PART_OF: [['Region', 'Region']],
  },
};

test('relationship types follow the model, in either direction', () => {
  assert.deepEqual(m.allowedTypes(MODEL, 'Organisation', 'Network'), [{ type: 'MEMBER_OF', outgoing: true }]);
  assert.deepEqual(m.allowedTypes(MODEL, 'Network', 'Organisation'), [{ type: 'MEMBER_OF', outgoing: false }]);
  assert.deepEqual(m.allowedTypes(MODEL, 'Network', 'Project'), [
    { type: 'LINKED_TO', outgoing: true },
    { type: 'LINKED_TO', outgoing: false },
  ]);
  assert.deepEqual(m.allowedTypes(MODEL, 'Region', 'Region'), [{ type: 'PART_OF', outgoing: true }]);
  assert.deepEqual(m.allowedTypes(MODEL, 'Theme', 'Organisation'), []);
});

test('an audit entry is described from the point of view of one node', () => {
  const entry = {
    action: 'merge-nodes',
    before: {
      nodes: [
        { id: 'a', properties: { name: 'A', kind: 'ngo', version: 1 } },
        { id: 'b', properties: { name: 'B', version: 1 } },
      ],
      relationships: [
        { source: 'b', type: 'MEMBER_OF', target: 'n', properties: { role: 'partner' } },
        { source: 'a', type: 'MEMBER_OF', target: 'm', properties: { role: 'member', version: 1 } },
      ],
    },
    after: {
      nodes: [{ id: 'a', properties: { name: 'A', kind: 'ngo', aliases: ['B'], version: 2 } }],
      relationships: [
        { source: 'a', type: 'MEMBER_OF', target: 'n', properties: { role: 'partner' } },
        { source: 'a', type: 'MEMBER_OF', target: 'm', properties: { role: 'member', since: '2010', version: 2 } },
      ],
    },
  };
  assert.deepEqual(m.describeEntry(entry, 'a'), {
    node: 'changed',
    keys: ['aliases'],
    relationships: [
      { kind: 'changed', type: 'MEMBER_OF', outgoing: true, other: 'm', keys: ['since'] },
      { kind: 'added', type: 'MEMBER_OF', outgoing: true, other: 'n', keys: [] },
    ],
  });
  const b = m.describeEntry(entry, 'b');
  assert.equal(b.node, 'deleted');
  assert.deepEqual(b.relationships.map((r) => r.kind), ['removed']);
  const n = m.describeEntry(entry, 'n');
  assert.equal(n.node, null);
  assert.deepEqual(n.relationships.map((r) => [r.kind, r.other, r.outgoing]), [['added', 'a', false], ['removed', 'b', false]]);
});

test('only editors and admins edit', () => {
  assert.equal(m.canEdit({ authenticated: true, role: 'EDITOR' }), true);
  assert.equal(m.canEdit({ authenticated: true, role: 'ROLE_ADMIN' }), true);
  assert.equal(m.canEdit({ authenticated: true, role: 'READER' }), false);
  assert.equal(m.canEdit({ authenticated: false, role: 'ADMIN' }), false);
  assert.equal(m.canEdit(null), false);
  assert.equal(m.relationshipPath({ source: 'a', type: 'MEMBER_OF', target: 'b.c' }), '/api/relationships/a/MEMBER_OF/b.c');
});
