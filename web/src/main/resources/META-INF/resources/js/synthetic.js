// A synthetic graph of any size, shaped like netmap data (organisations and regions taking part in
// networks and projects), to try the explorer on big graphs: #/explore?demo=5000.
// Deterministic for a seed, so measurements can be repeated.

/** A small, fast, seeded random number generator (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Graph JSON with n nodes: one in ten a collaboration (network or project), the rest actors,
 * each actor in one to three collaborations, popular ones more often (so there are hubs).
 */
export function syntheticGraph(n, seed = 1) {
  const rnd = random(seed);
  const collaborations = Math.max(1, Math.round(n / 10));
  const nodes = [];
  const links = [];
  for (let i = 0; i < collaborations; i++) {
    const label = i % 3 === 0 ? 'Network' : 'Project';
    nodes.push({ id: `c-${i}`, label, name: `${label} ${i}`, properties: { synthetic: true } });
  }
  for (let i = collaborations; i < n; i++) {
    const label = i % 4 === 0 ? 'Region' : 'Organisation';
    const id = `a-${i}`;
    nodes.push({ id, label, name: `${label} ${i}`, properties: { synthetic: true } });
    const k = 1 + Math.floor(rnd() * 3);
    const seen = new Set();
    for (let j = 0; j < k; j++) {
      // squaring the draw favours low numbers: the first collaborations become hubs
      const c = Math.floor(rnd() * rnd() * collaborations);
      if (seen.has(c)) continue;
      seen.add(c);
      links.push({ source: id, target: `c-${c}`, type: label === 'Region' ? 'MEMBER_OF' : 'PARTICIPATES_IN', properties: {} });
    }
  }
  return { nodes, links, total: n, truncated: false };
}
