// Starting places for the nodes of a big graph, so that its first drawing already looks like the
// network and the force layout has little left to do. Pure (typed arrays in, typed arrays out, no
// DOM, no d3), so node's test runner can check it; the layout worker (layout-worker.js) uses it.
//
// The idea, from multilevel layouts: the best-connected nodes (the skeleton) are laid out first
// with the force layout alone; every other node then goes where its placed neighbours are, the
// neighbours weighted by 1 / their degree (a theme linked to thousands of projects says little
// about where one project belongs, its few partners say a lot), breadth first from the skeleton.

/** Node counts per index from link ends. */
export function degrees(n, sources, targets) {
  const degree = new Uint32Array(n);
  for (let i = 0; i < sources.length; i++) {
    degree[sources[i]]++;
    degree[targets[i]]++;
  }
  return degree;
}

/** The indices of the k nodes with the most links, most first (ties: lower index first). */
export function skeleton(degree, k) {
  const order = Array.from(degree.keys());
  order.sort((a, b) => degree[b] - degree[a] || a - b);
  return order.slice(0, Math.min(k, order.length));
}

/** Adjacency lists in compressed form: neighbours of i are list[start[i] .. start[i + 1]). */
export function adjacency(n, sources, targets) {
  const degree = degrees(n, sources, targets);
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
  const fill = start.slice(0, n);
  const list = new Uint32Array(start[n]);
  for (let i = 0; i < sources.length; i++) {
    list[fill[sources[i]]++] = targets[i];
    list[fill[targets[i]]++] = sources[i];
  }
  return { start, list, degree };
}

/**
 * Places every node without a position (NaN in xs) next to its placed neighbours, breadth first
 * from the placed ones: at the mean of their positions weighted by 1 / degree, plus a small
 * random offset (so that the leaves of one node do not all land on one point). A part of the
 * graph with no path to a placed node starts from a spiral around what is placed. Changes xs and
 * ys in place.
 *
 * @param random () => number in [0, 1), seeded, so the same graph gets the same places
 * @param spread how far (in layout units) a node lands from the mean of its neighbours
 * @returns how many nodes were placed from neighbours (the others started a part on the spiral)
 */
export function placeFromNeighbours(n, sources, targets, xs, ys, random, spread = 20) {
  const { start, list, degree } = adjacency(n, sources, targets);
  const placed = new Uint8Array(n);
  const queue = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(xs[i]) && !Number.isNaN(ys[i])) {
      placed[i] = 1;
      queue[tail++] = i;
      minX = Math.min(minX, xs[i]);
      maxX = Math.max(maxX, xs[i]);
      minY = Math.min(minY, ys[i]);
      maxY = Math.max(maxY, ys[i]);
    }
  }
  const cx = tail ? (minX + maxX) / 2 : 0;
  const cy = tail ? (minY + maxY) / 2 : 0;
  const radius = tail ? Math.max(maxX - minX, maxY - minY) / 2 + spread * 2 : 0;
  const golden = Math.PI * (3 - Math.sqrt(5));
  let spiral = 0;
  let next = 0;
  let fromNeighbours = 0;
  for (;;) {
    while (head < tail) {
      const i = queue[head++];
      for (let e = start[i]; e < start[i + 1]; e++) {
        const j = list[e];
        if (placed[j]) continue;
        // j's place: the weighted mean of all its neighbours placed so far
        let sx = 0;
        let sy = 0;
        let sw = 0;
        for (let f = start[j]; f < start[j + 1]; f++) {
          const k = list[f];
          if (!placed[k]) continue;
          const w = 1 / Math.max(1, degree[k]);
          sx += xs[k] * w;
          sy += ys[k] * w;
          sw += w;
        }
        const angle = random() * 2 * Math.PI;
        const distance = spread * (0.5 + random());
        xs[j] = sx / sw + distance * Math.cos(angle);
        ys[j] = sy / sw + distance * Math.sin(angle);
        placed[j] = 1;
        queue[tail++] = j;
        fromNeighbours++;
      }
    }
    // a part of the graph that no placed node reaches: its first node goes on a spiral around
    // what is placed, the rest of it around that node
    while (next < n && placed[next]) next++;
    if (next >= n) break;
    const r = radius + spread * 3 * Math.sqrt(spiral + 0.5);
    xs[next] = cx + r * Math.cos(spiral * golden);
    ys[next] = cy + r * Math.sin(spiral * golden);
    spiral++;
    placed[next] = 1;
    queue[tail++] = next;
  }
  return fromNeighbours;
}
