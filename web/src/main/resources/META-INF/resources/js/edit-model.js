// The data side of editing: form rows to properties and back, the relationship types the model
// allows between two nodes, and what an audit entry changed, for the History panel.
// Pure: no DOM, so node's test runner can check it.

/** The actions of the audit log, in the order a node's life usually has them. */
export const ACTIONS = [
  'create-node',
  'update-node',
  'merge-nodes',
  'delete-node',
  'create-relationship',
  'update-relationship',
  'delete-relationship',
  'revert',
];

/** Properties a form does not show as rows: they have fields of their own, or are bookkeeping. */
export const NOT_ROWS = ['name', 'nameEn', 'sources', 'version'];

/** A node's or relationship's properties as form rows [key, text]; lists joined with " | ". */
export function propertyRows(properties = {}, hidden = NOT_ROWS) {
  return Object.entries(properties)
    .filter(([key, value]) => !hidden.includes(key) && value !== null && value !== undefined)
    .map(([key, value]) => [key, Array.isArray(value) ? value.join(' | ') : String(value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Form rows back to properties: rows without a key are skipped, text is sent as typed (the server
 * reads dates, numbers and "a | b" lists the way the importer does). Returns {properties, duplicate}
 * where duplicate names a key given twice, if any.
 */
export function rowsToProperties(rows) {
  const properties = {};
  let duplicate = null;
  for (const [rawKey, value] of rows) {
    const key = String(rawKey ?? '').trim();
    if (!key) continue;
    if (key in properties) duplicate ??= key;
    properties[key] = String(value ?? '').trim();
  }
  return { properties, duplicate };
}

/**
 * The relationship types the model (GET /api/model) allows between a node of label `from` and
 * one of label `to`, in either direction: [{type, outgoing}] where outgoing means from → to.
 */
export function allowedTypes(model, from, to) {
  const out = [];
  for (const [type, pairs] of Object.entries(model?.relationships ?? {})) {
    if (pairs.some(([a, b]) => a === from && b === to)) out.push({ type, outgoing: true });
    if (from !== to && pairs.some(([a, b]) => a === to && b === from)) out.push({ type, outgoing: false });
  }
  return out.sort((a, b) => a.type.localeCompare(b.type) || Number(b.outgoing) - Number(a.outgoing));
}

/** The keys whose values differ between two property maps (version left out). */
export function changedKeys(before = {}, after = {}) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  keys.delete('version');
  return [...keys]
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .sort();
}

/**
 * What an audit entry did, as seen from one node: its own property changes and the relationships
 * added, changed or removed (each with the other end).
 *
 * @returns {{node: 'created'|'changed'|'deleted'|null, keys: string[],
 *   relationships: {kind: 'added'|'changed'|'removed', type, other, outgoing, keys}[]}}
 */
export function describeEntry(entry, nodeId) {
  const before = entry?.before ?? {};
  const after = entry?.after ?? {};
  const find = (side) => (side.nodes ?? []).find((n) => n.id === nodeId) ?? null;
  const was = find(before);
  const is = find(after);
  let node = null;
  if (was && is) node = 'changed';
  else if (is) node = 'created';
  else if (was) node = 'deleted';
  const keys = was && is ? changedKeys(was.properties, is.properties) : [];

  const key = (r) => `${r.source}|${r.type}|${r.target}`;
  const rels = new Map();
  for (const r of before.relationships ?? []) rels.set(key(r), { was: r, is: null });
  for (const r of after.relationships ?? []) rels.set(key(r), { ...(rels.get(key(r)) ?? { was: null }), is: r });
  const relationships = [];
  for (const { was: a, is: b } of rels.values()) {
    const r = b ?? a;
    if (r.source !== nodeId && r.target !== nodeId) continue;
    const kind = a && b ? 'changed' : b ? 'added' : 'removed';
    relationships.push({
      kind,
      type: r.type,
      outgoing: r.source === nodeId,
      other: r.source === nodeId ? r.target : r.source,
      keys: kind === 'changed' ? changedKeys(a.properties, b.properties) : [],
    });
  }
  relationships.sort((x, y) => x.type.localeCompare(y.type) || x.other.localeCompare(y.other));
  return { node, keys, relationships };
}

/** The role of a login as GET /api/me gives it, and whether it may edit. */
export function canEdit(me) {
  if (!me?.authenticated) return false;
  const role = String(me.role ?? '').toUpperCase().replace(/^ROLE_/, '');
  return role === 'EDITOR' || role === 'ADMIN';
}

/** The path of a relationship in the editing API. */
export function relationshipPath(link) {
  const q = encodeURIComponent;
  return `/api/relationships/${q(link.source)}/${q(link.type)}/${q(link.target)}`;
}
