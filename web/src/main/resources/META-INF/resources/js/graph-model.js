// The graph the user is looking at: which nodes and links are in view, which nodes were expanded
// and how far, what is left out ("+N more"), undo, filters and view degrees.
// Pure: no DOM and no d3, so node's test runner can check it. Node objects keep their identity
// across merges and undo, so the positions the force layout gave them survive (no jumping).

/** How many neighbours one expand shows, and how many more each "+N more" adds. */
export const PAGE = 25;
/** The most neighbours the API returns for one node. */
export const MAX_NEIGHBOURS = 1000;
/** Labels of collaborations, the ones actors take part in. */
export const COLLABORATIONS = new Set(['Network', 'Project']);

/** The properties of a link not read yet (see completeNode). */
const NO_PROPERTIES = Object.freeze({});

/** The stable key of a link: two links with the same ends and type are one fact. */
export function linkKey(link) {
  return `${endId(link.source)}|${link.type}|${endId(link.target)}`;
}

/** A link end as an id, whether it is still an id or already a node object (after d3). */
export function endId(end) {
  return typeof end === 'object' && end !== null ? end.id : end;
}

/** An empty graph. */
export function createGraph() {
  return { nodes: new Map(), links: new Map(), expanded: new Map(), roots: new Set(), whole: 0 };
}

/**
 * Merges graph JSON (a neighbourhood from /api/nodes/{id}/neighbours, or /api/graph) into the
 * graph. Nodes already in view keep their object and position; new ones start next to the centre,
 * spread on a small circle, so the layout grows from where the user clicked.
 *
 * @param graph the graph, changed in place
 * @param json {nodes, links, total, truncated}
 * @param options centre: the id whose neighbourhood this is (omit for a whole-graph load);
 *   limit: the neighbour limit the request used; partial: the JSON is the compact whole graph
 *   (/api/graph?compact=true): its nodes and links lack most properties, so it leaves the
 *   properties of what is in view alone and marks what it adds `partial` (see completeNode)
 * @returns the ids of the nodes that were not in view before
 */
export function mergeGraph(graph, json, { centre = null, limit = PAGE, partial = false } = {}) {
  const added = [];
  const anchor = centre ? graph.nodes.get(centre) : null;
  const newcomers = json.nodes.filter((n) => !graph.nodes.has(n.id));
  let index = 0;
  for (const data of json.nodes) {
    const existing = graph.nodes.get(data.id);
    if (existing) {
      existing.name = data.name;
      existing.nameEn = data.nameEn;
      existing.label = data.label;
      if (!partial) {
        existing.properties = data.properties ?? existing.properties ?? {};
        existing.partial = false;
      }
      continue;
    }
    const node = {
      id: data.id,
      label: data.label,
      name: data.name,
      nameEn: data.nameEn,
      properties: data.properties ?? {},
      // not laid out yet: the view gives the layout energy for it
      unsettled: true,
    };
    if (partial) node.partial = true;
    if (anchor && anchor.x !== undefined && data.id !== centre) {
      const angle = (2 * Math.PI * index) / Math.max(1, newcomers.length);
      const radius = 30 + 2 * Math.sqrt(newcomers.length);
      node.x = anchor.x + radius * Math.cos(angle);
      node.y = anchor.y + radius * Math.sin(angle);
    }
    index++;
    graph.nodes.set(node.id, node);
    added.push(node.id);
  }
  for (const link of json.links) {
    const key = linkKey(link);
    const existing = graph.links.get(key);
    if (existing) {
      // a link first seen in the compact graph gets its properties when they come
      if (existing.partial && !partial) {
        existing.properties = link.properties ?? {};
        existing.partial = false;
      }
    } else if (graph.nodes.has(link.source) && graph.nodes.has(link.target)) {
      const added = {
        key,
        source: link.source,
        target: link.target,
        type: link.type,
        // the compact graph's hundreds of thousands of links share one empty, frozen object
        properties: link.properties ?? (partial ? NO_PROPERTIES : {}),
      };
      if (partial) added.partial = true;
      graph.links.set(key, added);
    }
  }
  if (centre) {
    graph.roots.add(centre);
    // total counts the nodes of the whole neighbourhood, the centre included
    const shown = json.nodes.filter((n) => n.id !== centre).length;
    const total = json.total === undefined ? shown : Math.max(shown, json.total - 1);
    graph.expanded.set(centre, { limit, shown, total });
  }
  return added;
}

/**
 * Whether a node came with the compact whole graph and lacks properties, its own or those of its
 * links in view (roles, dates, sources): the details panel then reads them (completeNode).
 */
export function isPartial(graph, id) {
  if (graph.nodes.get(id)?.partial) return true;
  for (const l of graph.links.values()) {
    if (l.partial && (endId(l.source) === id || endId(l.target) === id)) return true;
  }
  return false;
}

/**
 * Fills in what the compact graph left out about one node: its properties from its details
 * (/api/nodes/{id}) and the properties of its links in view from its neighbourhood
 * (/api/nodes/{id}/neighbours). Adds no node and no link. Links the neighbourhood does not hold
 * (beyond its cap) keep empty properties and are no longer partial, so this is asked once.
 */
export function completeNode(graph, id, details, neighbourhood) {
  const node = graph.nodes.get(id);
  if (!node) return;
  if (details) {
    node.properties = details.properties ?? {};
    node.partial = false;
  }
  if (neighbourhood) {
    const byKey = new Map(neighbourhood.links.map((l) => [linkKey(l), l]));
    for (const l of graph.links.values()) {
      if (!l.partial || (endId(l.source) !== id && endId(l.target) !== id)) continue;
      l.properties = byKey.get(l.key)?.properties ?? {};
      l.partial = false;
    }
  }
}

/** Adds a single node (a search result chosen before its neighbourhood arrives). */
export function addNode(graph, data) {
  if (!graph.nodes.has(data.id)) {
    graph.nodes.set(data.id, { properties: {}, ...data });
  }
  graph.roots.add(data.id);
  return graph.nodes.get(data.id);
}

/**
 * The "+N more" stubs: one per expanded node whose neighbourhood the API capped, with how many
 * neighbours are left out.
 */
export function moreStubs(graph) {
  const stubs = [];
  for (const [id, e] of graph.expanded) {
    const left = e.total - e.shown;
    if (left > 0 && graph.nodes.has(id)) {
      stubs.push({ id: `more:${id}`, parent: id, count: left });
    }
  }
  return stubs;
}

/** The limit for the next page of a node's neighbours: one page more than it shows. */
export function nextLimit(graph, id, page = PAGE) {
  const e = graph.expanded.get(id);
  const current = e ? e.limit : 0;
  return Math.min(MAX_NEIGHBOURS, current + page);
}

/**
 * Hides a node with its links, and the neighbours that were only in view because of it (linked
 * to nothing else, neither expanded nor chosen by the user).
 */
export function hideNode(graph, id) {
  const removed = [id];
  const neighbours = new Set();
  for (const [key, link] of graph.links) {
    const s = endId(link.source);
    const t = endId(link.target);
    if (s === id || t === id) {
      neighbours.add(s === id ? t : s);
      graph.links.delete(key);
    }
  }
  graph.nodes.delete(id);
  graph.expanded.delete(id);
  graph.roots.delete(id);
  const degree = viewDegrees(graph.links.values());
  for (const n of neighbours) {
    if (!degree.get(n) && !graph.expanded.has(n) && !graph.roots.has(n)) {
      graph.nodes.delete(n);
      removed.push(n);
    }
  }
  return removed;
}

/** A snapshot of what is in view, for undo. Node objects are shared, so positions are kept. */
export function snapshot(graph) {
  return {
    nodes: new Map(graph.nodes),
    links: new Map(graph.links),
    expanded: new Map([...graph.expanded].map(([k, v]) => [k, { ...v }])),
    roots: new Set(graph.roots),
    whole: graph.whole,
  };
}

/** Puts a snapshot back into the graph. */
export function restore(graph, snap) {
  graph.nodes = new Map(snap.nodes);
  graph.links = new Map(snap.links);
  graph.expanded = new Map([...snap.expanded].map(([k, v]) => [k, { ...v }]));
  graph.roots = new Set(snap.roots);
  graph.whole = snap.whole;
}

/** An undo stack of bounded depth. */
export class History {
  constructor(depth = 30) {
    this.depth = depth;
    this.stack = [];
  }

  /** Remembers the graph as it is now, before a change. */
  push(graph) {
    this.stack.push(snapshot(graph));
    if (this.stack.length > this.depth) this.stack.shift();
  }

  /** Puts the graph back as it was before the last change; false when there is nothing to undo. */
  undo(graph) {
    const snap = this.stack.pop();
    if (!snap) return false;
    restore(graph, snap);
    return true;
  }

  get size() {
    return this.stack.length;
  }

  clear() {
    this.stack = [];
  }
}

/** How many links each node has among the given links. */
export function viewDegrees(links) {
  const degree = new Map();
  for (const link of links) {
    for (const end of [endId(link.source), endId(link.target)]) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
    }
  }
  return degree;
}

/** The filters that show everything. */
export function noFilters() {
  return { hiddenLabels: new Set(), hiddenTypes: new Set(), theme: null, period: null };
}

/**
 * The filters a view starts with: everything but Source nodes, which link to nothing (facts name
 * their sources in properties) and have a page of their own.
 */
export function defaultFilters() {
  const filters = noFilters();
  filters.hiddenLabels.add('Source');
  return filters;
}

/**
 * The part of the graph the filters let through. Label and relationship-type filters drop what
 * they name; the theme filter keeps the collaborations addressing the theme; the period filter
 * keeps the collaborations of that programme period (nodes without a period are kept). A node
 * that only the filters cut off (linked before, isolated after) goes too, unless the user chose
 * it; nodes with no links at all stay.
 */
export function applyFilters(graph, filters = noFilters()) {
  const all = [...graph.nodes.values()];
  const links = [...graph.links.values()];
  const themeOf = new Map();
  if (filters.theme) {
    for (const l of links) {
      if (l.type === 'ADDRESSES' && endId(l.target) === filters.theme) {
        themeOf.set(endId(l.source), true);
      }
    }
  }
  const keep = new Set();
  for (const n of all) {
    if (filters.hiddenLabels.has(n.label)) continue;
    if (COLLABORATIONS.has(n.label)) {
      if (filters.theme && !themeOf.has(n.id)) continue;
      if (filters.period && n.properties?.period && n.properties.period !== filters.period) continue;
    }
    if (filters.theme && n.label === 'Theme' && n.id !== filters.theme) continue;
    keep.add(n.id);
  }
  const visibleLinks = links.filter(
    (l) =>
      !filters.hiddenTypes.has(l.type) && keep.has(endId(l.source)) && keep.has(endId(l.target)),
  );
  const before = viewDegrees(links);
  // the filters let every link through (the common case): the degrees are the same
  const after = visibleLinks.length === links.length ? before : viewDegrees(visibleLinks);
  const nodes = all.filter(
    (n) => keep.has(n.id) && (after.get(n.id) || !before.get(n.id) || graph.roots.has(n.id)),
  );
  return { nodes, links: visibleLinks };
}

/** The themes in view, for the theme filter. */
export function themesInView(graph) {
  return [...graph.nodes.values()].filter((n) => n.label === 'Theme');
}

/** The programme periods in view, sorted, for the period filter. */
export function periodsInView(graph) {
  const periods = new Set();
  for (const n of graph.nodes.values()) {
    if (n.properties?.period) periods.add(String(n.properties.period));
  }
  return [...periods].sort();
}

/** The labels and relationship types in view, for the filter check boxes. */
export function kindsInView(graph) {
  const labels = new Set();
  const types = new Set();
  for (const n of graph.nodes.values()) labels.add(n.label);
  for (const l of graph.links.values()) types.add(l.type);
  return { labels: [...labels].sort(), types: [...types].sort() };
}

/**
 * The relationships of one node in view, with the other end, the role and the sources of each
 * (the facts the details panel lists).
 */
export function relationsOf(graph, id) {
  const out = [];
  for (const l of graph.links.values()) {
    const s = endId(l.source);
    const t = endId(l.target);
    if (s !== id && t !== id) continue;
    const other = graph.nodes.get(s === id ? t : s);
    out.push({
      type: l.type,
      outgoing: s === id,
      other,
      role: l.properties?.role ?? null,
      since: l.properties?.since ?? null,
      until: l.properties?.until ?? null,
      sources: l.properties?.sources ?? [],
    });
  }
  out.sort((a, b) => a.type.localeCompare(b.type) || String(a.other?.name).localeCompare(String(b.other?.name)));
  return out;
}

/**
 * A radius for each node from a metric: the square root of the value scaled between min and max
 * radius, so area follows the metric. Nodes without a value get the minimum.
 */
export function radii(ids, values, { min = 6, max = 24 } = {}) {
  let top = 0;
  for (const id of ids) top = Math.max(top, values.get(id) ?? 0);
  const out = new Map();
  for (const id of ids) {
    const v = values.get(id) ?? 0;
    out.set(id, top > 0 ? min + (max - min) * Math.sqrt(v / top) : min + (max - min) * 0.25);
  }
  return out;
}

/**
 * What each source supports, from graph JSON: the nodes and the relationships whose sources name
 * it. Sources named nowhere have empty lists.
 */
export function sourceSupport(json) {
  const support = new Map();
  const entry = (id) => {
    if (!support.has(id)) support.set(id, { nodes: [], links: [] });
    return support.get(id);
  };
  for (const n of json.nodes) {
    if (n.label === 'Source') entry(n.id);
  }
  for (const n of json.nodes) {
    for (const s of n.properties?.sources ?? []) entry(s).nodes.push(n);
  }
  for (const l of json.links) {
    for (const s of l.properties?.sources ?? []) entry(s).links.push(l);
  }
  return support;
}
