// Saving a view (what is in it, where each node is, what is pinned, the filters, size metric and
// zoom) as a compact string for the URL or local storage, and reading it back.
// Pure: no DOM, so node's test runner can check it.

export const VERSION = 1;
export const STORAGE_KEY = 'netmap.explore.view';

/** The state of a view as a plain object. */
export function captureState(graph, { filters, metric, transform } = {}) {
  const pos = {};
  for (const n of graph.nodes.values()) {
    if (n.x === undefined || n.y === undefined) continue;
    const pinned = n.fx !== undefined && n.fx !== null;
    pos[n.id] = pinned ? [round(n.x), round(n.y), 1] : [round(n.x), round(n.y)];
  }
  const state = {
    v: VERSION,
    roots: [...graph.roots],
    expanded: [...graph.expanded].map(([id, e]) => [id, e.limit]),
    whole: graph.whole || 0,
    pos,
  };
  if (filters) {
    state.filters = {
      hiddenLabels: [...filters.hiddenLabels],
      hiddenTypes: [...filters.hiddenTypes],
      theme: filters.theme,
      period: filters.period,
    };
  }
  if (metric) state.metric = metric;
  if (transform) state.transform = [round(transform.x), round(transform.y), round(transform.k, 1000)];
  return state;
}

function round(value, factor = 10) {
  return Math.round(value * factor) / factor;
}

/** The state as a URL-safe string (base64url of UTF-8 JSON). */
export function encodeState(state) {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Reads a string made by encodeState; null when it is not a valid saved view. */
export function decodeState(text) {
  if (!text || typeof text !== 'string') return null;
  try {
    const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return validate(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return null;
  }
}

/** The state when it has the shape captureState gives, else null. */
export function validate(state) {
  if (!state || state.v !== VERSION) return null;
  if (!Array.isArray(state.roots) || !Array.isArray(state.expanded)) return null;
  if (typeof state.pos !== 'object' || state.pos === null) return null;
  if (!state.roots.every((id) => typeof id === 'string')) return null;
  if (!state.expanded.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]))) {
    return null;
  }
  return state;
}

/**
 * What to fetch to rebuild a saved view: the whole graph (if it was loaded), each expanded node's
 * neighbourhood with the same limit, then the chosen nodes that were not expanded.
 */
export function restorePlan(state) {
  const plan = [];
  if (state.whole > 0) plan.push({ kind: 'graph', limit: state.whole });
  const expanded = new Set();
  for (const [id, limit] of state.expanded) {
    plan.push({ kind: 'neighbours', id, limit });
    expanded.add(id);
  }
  for (const id of state.roots) {
    if (!expanded.has(id)) plan.push({ kind: 'node', id });
  }
  return plan;
}

/** Puts saved positions back on the nodes in view; pinned ones are fixed there. */
export function applyPositions(graph, state) {
  let placed = 0;
  for (const [id, p] of Object.entries(state.pos ?? {})) {
    const node = graph.nodes.get(id);
    if (!node || !Array.isArray(p)) continue;
    node.x = p[0];
    node.y = p[1];
    node.vx = 0;
    node.vy = 0;
    delete node.unsettled;
    if (p[2]) {
      node.fx = p[0];
      node.fy = p[1];
    } else {
      node.fx = null;
      node.fy = null;
    }
    placed++;
  }
  return placed;
}

/** Filters as saved, back to the Sets the graph model uses. */
export function filtersFrom(state, defaults) {
  const f = state?.filters;
  if (!f) return defaults;
  return {
    hiddenLabels: new Set(f.hiddenLabels ?? []),
    hiddenTypes: new Set(f.hiddenTypes ?? []),
    theme: f.theme ?? null,
    period: f.period ?? null,
  };
}
