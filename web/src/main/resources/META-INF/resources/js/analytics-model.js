// Turning analytics API answers into tables, and finding which nodes a row is about.
// The hubs answer is {view, metric, exact, items:[{id, label, name, score, rank}]}; brokers,
// communities and gaps are read the same generic way: every list of objects in the answer is a
// table, every plain value a line of summary. Pure: node's test runner checks it.

const NAME_KEYS = ['id', 'label', 'name', 'nameEn'];

/** The tables in an answer: [{key, rows, columns}], the top-level list first. */
export function tablesOf(json) {
  if (Array.isArray(json)) return json.length && isObject(json[0]) ? [table('items', json)] : [];
  const out = [];
  for (const [key, value] of Object.entries(json ?? {})) {
    if (Array.isArray(value) && value.length > 0 && isObject(value[0])) out.push(table(key, value));
    else if (Array.isArray(value) && value.length === 0) out.push(table(key, []));
    else if (isObject(value)) {
      for (const [inner, v] of Object.entries(value)) {
        if (Array.isArray(v) && (v.length === 0 || isObject(v[0]))) out.push(table(`${key}.${inner}`, v));
      }
    }
  }
  return out;
}

function table(key, rows) {
  const columns = [];
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      if (!columns.includes(k) && !['nameEn'].includes(k)) columns.push(k);
    }
  }
  // rank first, then who the row is about, then the figures
  columns.sort((a, b) => weight(a) - weight(b));
  return { key, rows, columns };
}

function weight(column) {
  const order = ['rank', 'name', 'label', 'id'];
  const i = order.indexOf(column);
  return i >= 0 ? i : order.length;
}

/** The plain values of an answer (view, metric, exact, modularity …) as [key, value] pairs. */
export function summaryOf(json) {
  if (!isObject(json)) return [];
  return Object.entries(json).filter(([, v]) => v === null || typeof v !== 'object');
}

/** The ids of known nodes a row mentions anywhere (id, members, source/target, shared …). */
export function idsInRow(row, knownIds) {
  const found = new Set();
  const visit = (value) => {
    if (typeof value === 'string') {
      if (knownIds.has(value)) found.add(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) Object.values(value).forEach(visit);
  };
  visit(row);
  return found;
}

/**
 * Community of each known node, from a communities answer: every row of its first table is a
 * community; the nodes it mentions are its members. Nodes named by no row are left out.
 */
export function communityOf(json, knownIds) {
  const [first] = tablesOf(json);
  const out = new Map();
  if (!first) return out;
  first.rows.forEach((row, index) => {
    const community = row.community ?? row.id ?? index;
    for (const id of idsInRow(row, knownIds)) {
      if (!out.has(id)) out.set(id, typeof community === 'number' ? community : index);
    }
  });
  return out;
}

/** A cell's text: numbers rounded, lists of nodes by name, lists of values joined. */
export function cellText(value, nameOf = (id) => id) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3);
  }
  if (Array.isArray(value)) {
    const parts = value.slice(0, 8).map((v) => (isObject(v) ? objectText(v, nameOf) : nameOf(String(v))));
    return parts.join(', ') + (value.length > 8 ? ` … (${value.length})` : '');
  }
  if (isObject(value)) return objectText(value, nameOf);
  if (typeof value === 'string') return nameOf(value);
  return String(value);
}

/** An object in a cell: its name (or label, id …), with the size of its member list; facts as arrows. */
function objectText(v, nameOf) {
  if (v.source !== undefined && v.type !== undefined && v.target !== undefined) {
    return `${nameOf(String(v.source))} → ${nameOf(String(v.target))}`;
  }
  const name = v.name ?? (v.id !== undefined ? nameOf(String(v.id)) : undefined) ?? v.label ?? v.community;
  if (name === undefined) return JSON.stringify(v);
  return Array.isArray(v.members) ? `${name} (${v.members.length})` : String(name);
}

/** A table or column key in words: "cutVertices" → "cut vertices". */
export function humanise(key) {
  return key
    .replace(/\./g, ' · ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ')
    .toLowerCase();
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The view shown when a projection is refused for its size: it is never refused (no projection). */
export const FALLBACK_VIEW = 'two-mode';

/**
 * The view to show instead of `view` after an error of the API: `FALLBACK_VIEW` when the server
 * refused the view for its size (503 with the ProblemDetail code `view-too-large`, as the actors
 * and regions projections of a large graph are), else null (any other error is shown as it is).
 */
export function fallbackView(error, view) {
  if (!error || error.status !== 503 || error.problem?.code !== 'view-too-large') return null;
  const refused = error.problem.view ?? view;
  return refused === FALLBACK_VIEW ? null : FALLBACK_VIEW;
}

/**
 * The parameters of the notice that tells which view was refused and how big it was:
 * {view, ties} with ties formatted in the language ('' when the server did not say).
 */
export function tooLargeParams(error, view, lang) {
  const ties = Number(error?.problem?.ties);
  return {
    view: error?.problem?.view ?? view,
    ties: Number.isFinite(ties) && ties > 0 ? ties.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB') : '',
  };
}
