// The force layout of big graphs (canvas mode), off the page's main thread: the page stays
// responsive, drawing the positions this worker sends while it works. A classic worker, so it can
// load d3's browser build; the layout settings come from layout.js, as on the page.
//
// Messages in: {type: 'run', run, xs, ys (Float64Array, NaN = no place yet), fixed (Uint8Array),
//   radius (Float32Array), stub (Uint8Array), sources, targets (Uint32Array, node indices),
//   alpha, alphaDecay, budgetMs}; {type: 'fix', run, index, x, y} (null x: let go); {type: 'stop'}.
// Messages out: {type: 'positions', run, xy (Float32Array x0, y0, x1 …), progress, done}.

/* global d3 */
importScripts(new URL('../webjars/d3/7.9.0/dist/d3.min.js', self.location.href).href);

/** Above this many nodes without a place, the best-connected are laid out first (big-layout.js). */
const SEED_ABOVE = 1000;
/** How many of the best-connected nodes make the skeleton. */
const SKELETON = 1200;
/** Positions go to the page at most this often while the layout runs. */
const POST_MS = 80;

let modules = null;
let current = null;

function load() {
  modules ??= Promise.all([import('./layout.js'), import('./big-layout.js'), import('./synthetic.js')]);
  return modules;
}

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === 'stop') {
    current = null;
  } else if (m.type === 'fix') {
    if (!current || current.run !== m.run) return;
    const node = current.nodes[m.index];
    node.fx = m.x;
    node.fy = m.y;
    if (m.x !== null) {
      node.x = m.x;
      node.y = m.y;
    }
  } else if (m.type === 'run') {
    const [{ createSimulation }, big, { random }] = await load();
    run(m, createSimulation, big, random);
  }
};

function post(state, progress, done) {
  const { nodes } = state;
  const xy = new Float32Array(nodes.length * 2);
  for (let i = 0; i < nodes.length; i++) {
    xy[2 * i] = nodes[i].x;
    xy[2 * i + 1] = nodes[i].y;
  }
  self.postMessage({ type: 'positions', run: state.run, xy, progress, done }, [xy.buffer]);
}

function run(m, createSimulation, big, random) {
  const n = m.xs.length;
  const xs = m.xs;
  const ys = m.ys;
  const rnd = random(7);
  let unplaced = 0;
  for (let i = 0; i < n; i++) if (Number.isNaN(xs[i])) unplaced++;
  const radius = (d) => m.radius[d.index];
  let alpha = m.alpha;
  if (unplaced > SEED_ABOVE) {
    seed(m, createSimulation, big, rnd, radius);
    // the places are close to the end result already: less energy, so they do not scatter
    alpha = Math.min(alpha, 0.3);
  } else if (unplaced > 0) {
    big.placeFromNeighbours(n, m.sources, m.targets, xs, ys, rnd);
  }
  const nodes = new Array(n);
  for (let i = 0; i < n; i++) {
    const fixed = m.fixed[i] === 1;
    nodes[i] = { index: i, id: i, x: xs[i], y: ys[i], stub: m.stub[i] === 1, fx: fixed ? xs[i] : null, fy: fixed ? ys[i] : null };
  }
  const links = new Array(m.sources.length);
  for (let i = 0; i < links.length; i++) {
    links[i] = { source: m.sources[i], target: m.targets[i], stub: m.stub[m.targets[i]] === 1 };
  }
  const simulation = createSimulation(d3, radius).alphaDecay(m.alphaDecay).alpha(alpha);
  simulation.nodes(nodes);
  const degree = big.degrees(n, m.sources, m.targets);
  // hubs (a theme with thousands of projects) pull weakly on each of their links, as in d3's own
  // default: else they drag the whole graph into one ball
  simulation
    .force('link')
    .strength((l) => (l.stub ? 1 : 1 / Math.max(1, Math.min(degree[l.source.index], degree[l.target.index]))))
    .links(links);
  const state = { run: m.run, nodes };
  current = state;
  post(state, 0, false);
  const started = performance.now();
  const startAlpha = simulation.alpha();
  const step = () => {
    if (current !== state) return;
    const sliceStart = performance.now();
    while (performance.now() - sliceStart < POST_MS && simulation.alpha() > simulation.alphaMin()) {
      simulation.tick();
    }
    const done = simulation.alpha() <= simulation.alphaMin() || performance.now() - started > m.budgetMs;
    const progress = Math.min(1, Math.log(simulation.alpha() / startAlpha) / Math.log(simulation.alphaMin() / startAlpha));
    post(state, done ? 1 : progress, done);
    if (done) current = null;
    // a macrotask between slices, so that 'fix' and 'stop' messages get through
    else setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

/**
 * Lays out the skeleton (the best-connected nodes and the links among them) with the force
 * layout alone, then places every other node from its neighbours.
 */
function seed(m, createSimulation, big, rnd, radius) {
  const n = m.xs.length;
  const degree = big.degrees(n, m.sources, m.targets);
  const core = big.skeleton(degree, SKELETON);
  const inCore = new Int32Array(n).fill(-1);
  core.forEach((i, k) => (inCore[i] = k));
  const nodes = core.map((i) => ({ index: i, id: i, x: m.xs[i], y: m.ys[i] }));
  for (const d of nodes) {
    if (Number.isNaN(d.x)) {
      delete d.x;
      delete d.y;
    }
  }
  const links = [];
  for (let e = 0; e < m.sources.length; e++) {
    if (inCore[m.sources[e]] >= 0 && inCore[m.targets[e]] >= 0) links.push({ source: m.sources[e], target: m.targets[e] });
  }
  const coreDegree = new Map();
  for (const l of links) {
    coreDegree.set(l.source, (coreDegree.get(l.source) ?? 0) + 1);
    coreDegree.set(l.target, (coreDegree.get(l.target) ?? 0) + 1);
  }
  // d3 keeps `index` as the position in its own array: keep the graph's index apart
  const graphIndex = nodes.map((d) => d.index);
  const simulation = createSimulation(d3, (d) => radius({ index: graphIndex[d.index] })).alphaDecay(0.03);
  simulation.nodes(nodes);
  simulation
    .force('link')
    .id((d) => graphIndex[d.index])
    .strength((l) => 1 / Math.max(1, Math.min(coreDegree.get(graphIndex[l.source.index]), coreDegree.get(graphIndex[l.target.index]))))
    .links(links);
  simulation.alpha(1);
  const started = performance.now();
  while (simulation.alpha() > simulation.alphaMin() && performance.now() - started < 1500) simulation.tick();
  nodes.forEach((d, k) => {
    m.xs[core[k]] = d.x;
    m.ys[core[k]] = d.y;
  });
  // the skeleton's spacing suits its own size: the leaves around each node need room too
  big.placeFromNeighbours(n, m.sources, m.targets, m.xs, m.ys, rnd, 15);
}
