// The library of example queries on the Query page: questions users ask, in Cypher, in both
// languages. Pure data and helpers, tested with node's test runner.

export const EXAMPLES = [
  {
    id: 'secretariats',
    title: { it: 'Chi tiene la segreteria di ogni rete', en: 'Who holds the secretariat of each network' },
    query: `MATCH (a)-[m:MEMBER_OF]->(n:Network)
WHERE m.role IN ['secretariat', 'presidency', 'coordinator']
RETURN n.name AS network, m.role AS role, a.name AS holder, a
ORDER BY network, role`,
  },
  {
    id: 'regions-in-networks',
    title: { it: 'Regioni in più di una rete o progetto', en: 'Regions in more than one network or project' },
    query: `MATCH (r:Region)-[:MEMBER_OF|PARTICIPATES_IN]->(c)
WITH r, collect(DISTINCT c) AS collaborations
WHERE size(collaborations) > $min
RETURN r.name AS region, [c IN collaborations | c.name] AS collaborations, r, collaborations AS nodes
ORDER BY size(collaborations) DESC`,
    params: { min: 1 },
  },
  {
    id: 'bridges',
    title: {
      it: 'Organizzazioni che collegano due programmi',
      en: 'Organisations that bridge two programmes',
    },
    query: `MATCH (o:Organisation)-[:PARTICIPATES_IN|MEMBER_OF]->(c)
WITH o, collect(DISTINCT coalesce(c.programme, c.period, c.name)) AS programmes, collect(c) AS via
WHERE size(programmes) >= 2
RETURN o.name AS organisation, programmes, o, via`,
  },
  {
    id: 'inclusion-2007-2013',
    title: {
      it: 'Progetti 2007-2013 sull\u2019inclusione sociale',
      en: 'Projects in 2007-2013 on social inclusion',
    },
    query: `MATCH (p:Project {period: $period})-[:ADDRESSES]->(t:Theme)
WHERE t.id IN ['social-inclusion', 'labour-market-inclusion', 'trafficking-victims', 'people-serving-sentences']
RETURN p.name AS project, collect(t.name) AS themes, p`,
    params: { period: '2007-2013' },
  },
  {
    id: 'declared-gaps',
    title: {
      it: 'Partner dichiarati ma non ancora mappati',
      en: 'Partners declared but not yet mapped',
    },
    query: `MATCH (c) WHERE c:Project OR c:Network
WITH c, coalesce(c.declaredPartners, c.declaredMembers) AS declared,
     COUNT { (c)<-[:PARTICIPATES_IN|MEMBER_OF]-() } AS mapped
WHERE declared IS NOT NULL AND declared > mapped
RETURN c.name AS collaboration, declared, mapped, declared - mapped AS missing
ORDER BY missing DESC`,
  },
  {
    id: 'neighbourhood',
    title: { it: 'Il vicinato di un nodo', en: 'The neighbourhood of a node' },
    query: `MATCH p = (n {id: $id})-[*1..2]-(m)
RETURN p LIMIT 200`,
    params: { id: 'esfconet' },
  },
];

/** The example's title in the language, falling back to English. */
export function exampleTitle(example, lang) {
  return example.title[lang] ?? example.title.en;
}

/** Reads the parameters box: empty means none; otherwise a JSON object, or an error message. */
export function parseParams(text) {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return { params: {} };
  try {
    const value = JSON.parse(trimmed);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { error: 'params must be a JSON object, e.g. {"id": "esfconet"}' };
    }
    return { params: value };
  } catch (e) {
    return { error: `params are not valid JSON: ${e.message}` };
  }
}

/** Adds a query to the front of the history, without repeats, keeping at most max entries. */
export function remember(history, entry, max = 30) {
  const key = JSON.stringify([entry.query.trim(), entry.params ?? {}]);
  const rest = history.filter((h) => JSON.stringify([h.query.trim(), h.params ?? {}]) !== key);
  return [{ query: entry.query, params: entry.params ?? {} }, ...rest].slice(0, max);
}

/** How a result cell reads in the table: nodes by name, relationships by type, the rest as JSON. */
export function cellText(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') {
    if ('id' in value && 'label' in value && 'properties' in value) return `${value.name ?? value.id} (${value.label})`;
    if ('type' in value && 'source' in value && 'target' in value) return `${value.source} -[${value.type}]-> ${value.target}`;
    if ('nodes' in value && 'links' in value) return `path of ${value.links.length} step(s)`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The result graph in the shape the graph view draws: links keyed, ends as ids. */
export function drawable(graph) {
  const nodes = (graph?.nodes ?? []).map((n) => ({ ...n }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = (graph?.links ?? [])
    .filter((l) => ids.has(l.source) && ids.has(l.target))
    .map((l, i) => ({ ...l, key: `${l.source}|${l.type}|${l.target}|${i}` }));
  return { nodes, links };
}
