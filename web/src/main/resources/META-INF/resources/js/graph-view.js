// The force-directed graph: SVG for small graphs, <canvas> above CANVAS_THRESHOLD nodes.
// One simulation for the life of the view; node objects keep their positions between updates,
// so adding or hiding nodes moves only what must move. Labels are placed without overlap when
// the layout comes to rest and after each zoom.

import { displayName, labelName, translate } from './i18n.js';
import { placeLabels } from './labels.js';
import { drawShape, shapePath, styleOf } from './styles.js';
import { endId } from './graph-model.js';
import { createSimulation } from './layout.js';
import { nodeAt } from './hit-test.js';
import { fitBox, hairlineWidth } from './view-geometry.js';

/** Above this many nodes the graph is drawn on a canvas. */
export const CANVAS_THRESHOLD = 1500;
/** At most this many labels are drawn on a canvas. */
const CANVAS_LABELS = 300;
/** Fewer labels than this find room between the nodes of a canvas: it is a crowd (see placeLabelsNow). */
const CROWD_LABELS = 15;
/** A layout on canvas runs in slices of this many milliseconds, so the page stays responsive. */
const SLICE_MS = 40;
/** A canvas layout stops after this long even if not at rest (big graphs stay usable). */
const CANVAS_LAYOUT_BUDGET_MS = 12000;
/** The same in the layout worker, which does not hold up the page. */
const WORKER_LAYOUT_BUDGET_MS = 10000;
/**
 * A canvas drawing that took longer than this is not redone on every frame while the user pans or
 * zooms: the last one is moved and scaled instead, and drawn again when the gesture ends.
 */
const REDRAW_WHILE_MOVING_MS = 8;
/** The smallest a node is drawn on a canvas, in screen pixels across. */
const MIN_DOT = 2;

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * @param container the element to draw into (gets the size of its CSS box)
 * @param options lang, onActivate(node) (click / Enter), onSelect(node), onMore(stub),
 *   onProgress(fraction or null), onRest(), ariaLabel
 */
export function createGraphView(container, options) {
  const d3 = globalThis.d3;
  const opts = { lang: 'it', ...options };
  const state = {
    nodes: [],
    links: [],
    radius: new Map(),
    colours: null,
    highlight: null,
    selected: null,
    mode: null,
    transform: d3.zoomIdentity,
    placed: new Map(),
    degree: new Map(),
    resting: false,
    stubs: new Map(),
    byId: new Map(),
  };

  const wrap = d3.select(container).append('div').attr('class', 'graph-view');
  let width = container.clientWidth || 800;
  let height = container.clientHeight || 500;

  // at rest until there is something to lay out
  const simulation = createSimulation(d3, (d) => r(d)).alpha(0);

  function r(d) {
    if (d.stub) return 9;
    return state.radius.get(d.id) ?? 8;
  }

  const zoom = d3
    .zoom()
    .scaleExtent([0.02, 8])
    // d3's default filter, and on canvas a press on a node is left to the node drag (the hint says
    // "drag: pin"), as the SVG nodes do with their own listeners
    .filter((event) => {
      if ((event.ctrlKey && event.type !== 'wheel') || event.button) return false;
      return !(state.mode === 'canvas' && event.type === 'mousedown' && findAt(event));
    })
    .on('start', () => {
      state.zooming = true;
      clearTimeout(labelTimer);
      wrap.attr('data-state', 'zooming');
    })
    .on('zoom', (event) => {
      state.transform = event.transform;
      if (state.mode === 'svg') layer.attr('transform', event.transform);
      else drawCanvas();
      hideLabelsWhileMoving();
    })
    .on('end', () => {
      state.zooming = false;
      clearTimeout(labelTimer);
      wrap.attr('data-state', state.resting ? 'rest' : 'moving');
      if (!state.resting) drawCanvas();
      else if (state.mode === 'svg') placeLabelsNow();
      else {
        // on a big canvas, wait until the user stops zooming before placing labels again
        drawCanvas();
        labelTimer = setTimeout(placeLabelsNow, 250);
      }
    });
  let labelTimer = null;

  // --- SVG mode elements
  const svg = wrap
    .append('svg')
    .attr('class', 'graph-svg')
    .attr('role', 'group')
    .attr('aria-label', opts.ariaLabel ?? 'graph');
  const layer = svg.append('g').attr('class', 'layer');
  const linkLayer = layer.append('g').attr('class', 'links');
  const nodeLayer = layer.append('g').attr('class', 'nodes');
  const labelLayer = layer.append('g').attr('class', 'labels').attr('aria-hidden', 'true');

  // --- canvas mode element
  const canvas = wrap.append('canvas').attr('class', 'graph-canvas').attr('role', 'img').style('display', 'none');
  const context = canvas.node().getContext('2d');

  const measureContext = document.createElement('canvas').getContext('2d');
  measureContext.font = FONT;
  const measure = (text) => measureContext.measureText(text).width;

  function resize() {
    width = container.clientWidth || width;
    height = container.clientHeight || height;
    svg.attr('width', width).attr('height', height).attr('viewBox', [0, 0, width, height]);
    const ratio = window.devicePixelRatio || 1;
    canvas
      .attr('width', Math.round(width * ratio))
      .attr('height', Math.round(height * ratio))
      .style('width', `${width}px`)
      .style('height', `${height}px`);
    if (state.mode === 'canvas') drawCanvas();
  }
  const observer = new ResizeObserver(() => resize());
  observer.observe(container);
  resize();

  if (state.transform === d3.zoomIdentity) {
    state.transform = d3.zoomIdentity.translate(width / 2, height / 2);
  }

  function setMode(mode) {
    if (state.mode === mode) return;
    state.mode = mode;
    svg.style('display', mode === 'svg' ? null : 'none');
    canvas.style('display', mode === 'canvas' ? null : 'none');
    wrap.attr('data-mode', mode);
    svg.on('.zoom', null);
    canvas.on('.zoom', null);
    const target = mode === 'svg' ? svg : canvas;
    target.call(zoom).on('dblclick.zoom', null);
    target.call(zoom.transform, state.transform);
    if (mode === 'canvas') setUpCanvasPointer();
  }

  // --- data

  /**
   * Shows these nodes and links. Nodes are the graph model's objects (positions live on them);
   * links are copied, since the simulation replaces their ends with node objects.
   */
  function update({ nodes, links, stubs = [], radius, colours = null, highlight = null, selected = null }) {
    state.radius = radius ?? new Map();
    state.colours = colours;
    state.highlight = highlight;
    state.selected = selected;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const stubNodes = [];
    const stubLinks = [];
    const keep = new Set();
    for (const s of stubs) {
      const parent = byId.get(s.parent);
      if (!parent) continue;
      let stub = state.stubs.get(s.id);
      if (!stub) {
        stub = { id: s.id, stub: true, parent: s.parent, x: (parent.x ?? 0) + 25, y: (parent.y ?? 0) + 25 };
        state.stubs.set(s.id, stub);
      }
      stub.count = s.count;
      keep.add(s.id);
      stubNodes.push(stub);
      stubLinks.push({ key: `stub|${s.id}`, source: s.parent, target: s.id, type: 'MORE', stub: true });
    }
    for (const id of state.stubs.keys()) if (!keep.has(id)) state.stubs.delete(id);

    const before = new Set(state.nodes.map((n) => n.id));
    // only nodes without a settled place need the layout to move; nodes that come back with a
    // position (undo, a saved view, the page drawn again) stay where they were
    let fresh = 0;
    for (const n of nodes) {
      if (n.x === undefined || Number.isNaN(n.x)) {
        // d3 places nodes without a position on a phyllotaxis spiral: a calm start
        fresh++;
      } else if (n.unsettled) {
        fresh++;
      }
      delete n.unsettled;
    }
    const removed = state.nodes.length - nodes.filter((n) => before.has(n.id)).length;
    state.nodes = [...nodes, ...stubNodes];
    state.links = [
      // only what drawing needs (a big graph has hundreds of thousands of links)
      ...links.map((l) => ({ key: l.key, type: l.type, source: endId(l.source), target: endId(l.target) })),
      ...stubLinks,
    ];
    state.degree = new Map();
    for (const l of state.links) {
      state.degree.set(l.source, (state.degree.get(l.source) ?? 0) + 1);
      state.degree.set(l.target, (state.degree.get(l.target) ?? 0) + 1);
    }
    setMode(nodes.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
    state.byId = new Map(state.nodes.map((d) => [d.id, d]));
    sceneDirty = true;
    treeDirty = true;
    if (state.mode === 'canvas') {
      // the layout runs in a worker (or in slices): the page's simulation only serves SVG
      simulation.on('tick', null).on('end', null).stop();
      for (const l of state.links) {
        l.source = state.byId.get(l.source);
        l.target = state.byId.get(l.target);
      }
      state.links = state.links.filter((l) => l.source && l.target);
    } else {
      stopWorker();
      simulation.alphaDecay(0.035);
      simulation.nodes(state.nodes);
      simulation.force('link').links(state.links);
      simulation.force('collide').radius((d) => r(d) + 3);
      renderSvg();
    }
    const share = state.nodes.length ? fresh / state.nodes.length : 0;
    const heat = fresh > 0 ? Math.max(0.3, Math.min(1, share * 1.5)) : removed > 0 ? 0.1 : 0;
    const layingOut = state.mode === 'canvas' && (workerRun !== null || sliceTimer !== null);
    if (heat > 0) {
      reheat(heat);
    } else if (layingOut) {
      drawCanvas();
    } else if (state.resting || state.mode === 'canvas' || simulation.alpha() <= simulation.alphaMin() || state.nodes.length === 0) {
      if (state.mode === 'svg') ticked();
      else drawCanvas();
      rest();
    }
  }

  /** Restarts the layout with this much energy. */
  function reheat(alpha) {
    state.resting = false;
    wrap.attr('data-state', 'moving');
    simulation.alpha(Math.max(simulation.alpha(), alpha));
    if (state.mode === 'svg') {
      simulation.on('tick', ticked).on('end', rest).restart();
    } else {
      simulation.on('tick', null).on('end', null).stop();
      if (!layInWorker(alpha)) runSlices();
    }
  }

  // --- the canvas layout in a worker (layout-worker.js)

  let worker = null;
  let workerBroken = false;
  /** The run the worker is on: its number and the nodes it lays out, in the order it knows them. */
  let workerRun = null;
  let runCount = 0;

  function stopWorker() {
    if (workerRun) {
      worker?.postMessage({ type: 'stop' });
      workerRun = null;
      opts.onProgress?.(null);
    }
  }

  /** Starts the layout in the worker; false when there is no worker (the caller lays out here). */
  function layInWorker(alpha) {
    if (workerBroken) return false;
    if (!worker) {
      try {
        worker = new Worker(new URL('./layout-worker.js', import.meta.url));
      } catch {
        workerBroken = true;
        return false;
      }
      worker.onmessage = onWorkerMessage;
      worker.onerror = (event) => {
        // no worker here after all (a browser without import() in workers): lay out on the page
        event.preventDefault?.();
        workerBroken = true;
        worker = null;
        if (workerRun) {
          workerRun = null;
          simulation.alpha(1);
          runSlices();
        }
      };
    }
    const nodes = state.nodes;
    const n = nodes.length;
    const index = new Map();
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const fixed = new Uint8Array(n);
    const radius = new Float32Array(n);
    const stub = new Uint8Array(n);
    nodes.forEach((d, i) => {
      index.set(d, i);
      const placed = d.x !== undefined && d.x !== null && !Number.isNaN(d.x);
      xs[i] = placed ? d.x : NaN;
      ys[i] = placed ? d.y : NaN;
      if (d.fx !== undefined && d.fx !== null) {
        fixed[i] = 1;
        xs[i] = d.fx;
        ys[i] = d.fy;
      }
      radius[i] = r(d);
      stub[i] = d.stub ? 1 : 0;
    });
    const sources = new Uint32Array(state.links.length);
    const targets = new Uint32Array(state.links.length);
    state.links.forEach((l, i) => {
      sources[i] = index.get(l.source);
      targets[i] = index.get(l.target);
    });
    const placedBefore = nodes.filter((d) => d.x !== undefined && !Number.isNaN(d.x)).length;
    workerRun = { id: ++runCount, nodes, index, first: true, seeded: placedBefore < n / 2 };
    worker.postMessage(
      { type: 'run', run: runCount, xs, ys, fixed, radius, stub, sources, targets, alpha, alphaDecay: 0.06, budgetMs: WORKER_LAYOUT_BUDGET_MS },
      [xs.buffer, ys.buffer, fixed.buffer, radius.buffer, stub.buffer, sources.buffer, targets.buffer],
    );
    opts.onProgress?.(0);
    return true;
  }

  function onWorkerMessage(event) {
    const m = event.data;
    const run = workerRun;
    if (!run || m.run !== run.id) return;
    const { xy } = m;
    const nodes = run.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const d = nodes[i];
      if (d.fx !== undefined && d.fx !== null) continue;
      d.x = xy[2 * i];
      d.y = xy[2 * i + 1];
    }
    sceneDirty = true;
    treeDirty = true;
    if (run.first) {
      run.first = false;
      // a graph laid out from scratch: show all of it from its first drawing on
      if (run.seeded) opts.onPlaced?.();
    }
    drawCanvas();
    if (m.done) {
      workerRun = null;
      opts.onProgress?.(null);
      rest();
    } else {
      opts.onProgress?.(m.progress);
    }
  }

  let sliceTimer = null;
  /** Runs the canvas layout in time slices, drawing and reporting progress between them. */
  function runSlices() {
    if (sliceTimer) clearTimeout(sliceTimer);
    simulation.alphaDecay(0.06);
    simulation.nodes(state.nodes);
    simulation.force('link').links(state.links);
    simulation.force('collide').radius((d) => r(d) + 3);
    const started = performance.now();
    const startAlpha = simulation.alpha();
    const step = () => {
      const sliceStart = performance.now();
      while (performance.now() - sliceStart < SLICE_MS && simulation.alpha() > simulation.alphaMin()) {
        simulation.tick();
      }
      sceneDirty = true;
      treeDirty = true;
      drawCanvas();
      const done = simulation.alpha() <= simulation.alphaMin();
      const overBudget = performance.now() - started > CANVAS_LAYOUT_BUDGET_MS;
      const progress = Math.min(1, Math.log(simulation.alpha() / startAlpha) / Math.log(simulation.alphaMin() / startAlpha));
      opts.onProgress?.(done || overBudget ? null : progress);
      if (done || overBudget) {
        sliceTimer = null;
        rest();
      } else {
        sliceTimer = setTimeout(step, 0);
      }
    };
    opts.onProgress?.(0);
    sliceTimer = setTimeout(step, 0);
  }

  function rest() {
    state.resting = true;
    placeLabelsNow();
    wrap.attr('data-state', 'rest');
    opts.onRest?.();
  }

  // --- SVG drawing

  function nodeName(d) {
    return d.stub ? translate(opts.lang, 'explore.more', { n: d.count }) : displayName(d, opts.lang);
  }

  function fill(d) {
    if (state.colours && state.colours.has(d.id)) return state.colours.get(d.id);
    return styleOf(d.label).colour;
  }

  function renderSvg() {
    linkLayer
      .selectAll('line')
      .data(state.links, (l) => l.key)
      .join('line')
      .attr('class', (l) => `link link-${l.type}${l.stub ? ' stub-link' : ''}`);

    const nodeSel = nodeLayer
      .selectAll('g.node')
      .data(state.nodes, (d) => d.id)
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('class', 'node')
          .attr('tabindex', 0)
          .attr('role', 'button')
          .attr('data-id', (d) => d.id);
        g.append('path').attr('class', 'shape');
        g.append('circle').attr('class', 'pin-mark').attr('r', 2.5);
        g.append('text').attr('class', 'stub-text').attr('text-anchor', 'middle').attr('dy', '0.35em');
        g.append('title');
        g.on('click', (event, d) => activate(event, d))
          .on('dblclick', (event, d) => unpin(event, d))
          .on('keydown', (event, d) => keydown(event, d))
          .on('focus', (event, d) => showLabelOf(d, true))
          .on('blur', (event, d) => showLabelOf(d, false))
          .on('mouseenter', (event, d) => showLabelOf(d, true))
          .on('mouseleave', (event, d) => showLabelOf(d, false))
          .call(drag());
        return g;
      });
    nodeSel
      .classed('stub', (d) => !!d.stub)
      .classed('selected', (d) => d.id === state.selected)
      .classed('pinned', (d) => d.fx !== undefined && d.fx !== null)
      .classed('faded', (d) => !!state.highlight && !state.highlight.has(d.id) && !d.stub)
      .classed('highlighted', (d) => !!state.highlight && state.highlight.has(d.id))
      .attr('data-label', (d) => d.label ?? 'more')
      .attr('aria-label', (d) => (d.stub ? nodeName(d) : `${nodeName(d)}, ${labelName(d.label, opts.lang)}`))
      .attr('aria-pressed', (d) => (d.stub ? null : String(d.id === state.selected)));
    nodeSel
      .select('path.shape')
      .attr('d', (d) => (d.stub ? roundedPill(nodeName(d)) : shapePath(d.label, r(d))))
      .attr('fill', (d) => (d.stub ? '#fff' : fill(d)));
    nodeSel.select('text.stub-text').text((d) => (d.stub ? nodeName(d) : ''));
    nodeSel.select('title').text((d) => (d.stub ? nodeName(d) : `${nodeName(d)} (${labelName(d.label, opts.lang)})`));

    labelLayer
      .selectAll('text')
      .data(
        state.nodes.filter((d) => !d.stub),
        (d) => d.id,
      )
      .join('text')
      .attr('class', 'label')
      .attr('data-id', (d) => d.id)
      .text((d) => nodeName(d));
    linkLayer.selectAll('line').classed('faded', (l) => !!state.highlight && !(state.highlight.has(endId(l.source)) && state.highlight.has(endId(l.target))));
  }

  function roundedPill(text) {
    const w = measure(text) + 12;
    const h = 16;
    const x = -w / 2;
    return `M${x + 8},${-h / 2}h${w - 16}a8,8 0 0 1 0,${h}h${-(w - 16)}a8,8 0 0 1 0,${-h}z`;
  }

  function ticked() {
    if (state.mode !== 'svg') return;
    linkLayer
      .selectAll('line')
      .attr('x1', (l) => l.source.x)
      .attr('y1', (l) => l.source.y)
      .attr('x2', (l) => l.target.x)
      .attr('y2', (l) => l.target.y);
    nodeLayer.selectAll('g.node').attr('transform', (d) => `translate(${d.x},${d.y})`);
    if (!state.resting) hideLabelsWhileMoving();
  }

  /** While the layout moves, only the selected node and the biggest few keep a label. */
  function hideLabelsWhileMoving() {
    if (state.mode !== 'svg') return;
    state.placed = new Map();
    const k = state.transform.k;
    labelLayer
      .selectAll('text.label')
      .attr('x', (d) => d.x + (r(d) + 3) / 1)
      .attr('y', (d) => d.y)
      .attr('text-anchor', 'start')
      .attr('font-size', 12 / k)
      .classed('hidden', (d) => d.id !== state.selected);
  }

  function screenItems() {
    const t = state.transform;
    const degree = state.degree;
    return state.nodes.map((d) => ({
      id: d.id,
      x: t.applyX(d.x),
      y: t.applyY(d.y),
      r: (d.stub ? measure(nodeName(d)) / 2 + 6 : r(d) * reach(d.label)) * t.k,
      text: d.stub ? '' : nodeName(d),
      priority:
        (d.id === state.selected ? 1e9 : 0) +
        (state.highlight?.has(d.id) ? 1e6 : 0) +
        r(d) * 1000 +
        (degree.get(d.id) ?? 0),
    }));
  }

  /** How far a shape reaches, in radii of the circle of the same area (diamonds are tall). */
  function reach(label) {
    return { Network: 1.5, Project: 1.35, Theme: 1.35, Event: 1.2, Region: 1.15 }[label] ?? 1.05;
  }

  /** Places labels without overlap, in screen space (so it depends on the zoom). */
  function placeLabelsNow() {
    const max = state.mode === 'canvas' ? CANVAS_LABELS : 2000;
    const items = screenItems();
    const bounds = { width, height };
    state.placed = placeLabels(items, measure, { height: 14, max, bounds });
    if (state.mode === 'canvas' && state.placed.size < CROWD_LABELS) {
      // a crowd where hardly a label finds a free spot: name the biggest nodes over the others,
      // a few per screen area, so that a zoomed-out big graph still says what is where
      const few = Math.max(CROWD_LABELS, Math.round((width * height) / 9000));
      state.placed = placeLabels(items, measure, { height: 14, max: few, bounds, avoidNodes: false });
    }
    if (state.mode === 'svg') {
      const t = state.transform;
      labelLayer
        .selectAll('text.label')
        .each(function (d) {
          const p = state.placed.get(d.id);
          const text = d3.select(this);
          text.classed('hidden', !p).attr('font-size', 12 / t.k);
          if (p) {
            text
              .attr('x', t.invertX(p.x))
              .attr('y', t.invertY(p.y))
              .attr('dy', '0.35em')
              .attr('text-anchor', p.anchor);
          }
        });
    } else {
      drawCanvas();
    }
  }

  function showLabelOf(d, on) {
    if (d.stub || state.mode !== 'svg') return;
    labelLayer
      .selectAll('text.label')
      .filter((x) => x.id === d.id)
      .classed('hover', on)
      .raise();
  }

  // --- canvas drawing
  //
  // Links and nodes are drawn into a scene: an offscreen canvas the size of the view plus half of
  // it on every side. Each frame copies the scene to the screen, moved and scaled to the current
  // transform, then draws the labels and the selection on top. While the user pans or zooms a big
  // graph only that copy is made (a few milliseconds, whatever the number of nodes); the scene is
  // drawn again when the gesture ends, when it no longer covers the view or is too coarse, when
  // positions change, and on every frame when drawing it is cheap.

  let drawPending = false;
  /** Positions, data or colours changed since the scene was drawn. */
  let sceneDirty = true;
  /** Positions changed since the quadtree for hit testing was built. */
  let treeDirty = true;
  let tree = null;
  let maxReach = 0;
  const scene = document.createElement('canvas');
  const sceneContext = scene.getContext('2d');
  /** What the scene was drawn for: transform, view size and margins, pixel ratio, cost. */
  let drawn = null;

  function drawCanvas() {
    if (state.mode !== 'canvas' || drawPending) return;
    drawPending = true;
    requestAnimationFrame(() => {
      drawPending = false;
      paint();
    });
  }

  function paint() {
    const started = performance.now();
    paintFrame();
    wrap.attr('data-paint-ms', (performance.now() - started).toFixed(1));
  }

  function paintFrame() {
    const ratio = window.devicePixelRatio || 1;
    const t = state.transform;
    const started = performance.now();
    const fresh = needsScene(t, ratio);
    if (fresh) drawScene(t, ratio);
    const s = drawn.transform;
    const f = t.k / s.k;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingEnabled = f !== 1;
    context.drawImage(
      scene,
      t.x - f * (drawn.mx + s.x),
      t.y - f * (drawn.my + s.y),
      drawn.width * f,
      drawn.height * f,
    );
    // what a new scene costs: the canvas draws its paths only when they are first used, here
    if (fresh) drawn.ms = performance.now() - started;

    if (state.selected) {
      const d = state.byId.get(state.selected);
      if (d && d.x !== undefined) {
        context.beginPath();
        context.arc(t.applyX(d.x), t.applyY(d.y), (r(d) + 4 / t.k) * t.k, 0, 2 * Math.PI);
        context.strokeStyle = '#111';
        context.lineWidth = 2.5;
        context.stroke();
      }
    }

    if (state.resting && !state.zooming) {
      context.font = FONT;
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      context.strokeStyle = 'rgba(255,255,255,0.9)';
      context.fillStyle = '#1a1a1a';
      context.lineWidth = 3;
      for (const [id, p] of state.placed) {
        const d = state.byId.get(id);
        if (!d) continue;
        context.textAlign = p.anchor === 'middle' ? 'center' : p.anchor === 'end' ? 'right' : 'left';
        const text = nodeName(d);
        context.strokeText(text, p.x, p.y);
        context.fillText(text, p.x, p.y);
      }
    }
  }

  /** Whether the scene must be drawn again for this frame, or the last one can be moved. */
  function needsScene(t, ratio) {
    if (sceneDirty || !drawn || drawn.ratio !== ratio || drawn.viewWidth !== width || drawn.viewHeight !== height) {
      return true;
    }
    const s = drawn.transform;
    if (s.k === t.k && s.x === t.x && s.y === t.y) return false;
    // cheap enough to draw on every frame, or the gesture is over: draw it sharp where it is now
    if (!state.zooming || drawn.ms <= REDRAW_WHILE_MOVING_MS) return true;
    const f = t.k / s.k;
    const left = t.x - f * (drawn.mx + s.x);
    const top = t.y - f * (drawn.my + s.y);
    const covers = left <= 0 && top <= 0 && left + drawn.width * f >= width && top + drawn.height * f >= height;
    return !covers || f > 2.5 || f < 0.4;
  }

  function drawScene(t, ratio) {
    const mx = Math.round(width / 2);
    const my = Math.round(height / 2);
    const w = width + 2 * mx;
    const h = height + 2 * my;
    if (scene.width !== Math.round(w * ratio) || scene.height !== Math.round(h * ratio)) {
      scene.width = Math.round(w * ratio);
      scene.height = Math.round(h * ratio);
    }
    const c = sceneContext;
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.clearRect(0, 0, w, h);
    c.translate(mx + t.x, my + t.y);
    c.scale(t.k, t.k);
    // the part of the layout the scene shows, with room for the biggest shapes
    const pad = 30;
    const x0 = (-mx - t.x) / t.k - pad;
    const y0 = (-my - t.y) / t.k - pad;
    const x1 = (width + mx - t.x) / t.k + pad;
    const y1 = (height + my - t.y) / t.k + pad;

    c.beginPath();
    let lines = 0;
    for (const l of state.links) {
      const a = l.source;
      const b = l.target;
      // off the scene when both ends are beyond the same edge
      if ((a.x < x0 && b.x < x0) || (a.x > x1 && b.x > x1) || (a.y < y0 && b.y < y0) || (a.y > y1 && b.y > y1)) continue;
      c.moveTo(a.x, a.y);
      c.lineTo(b.x, b.y);
      lines++;
    }
    // many lines on top of each other are drawn fainter, so a dense part shows as a shade, not black
    c.strokeStyle = `rgba(90, 90, 90, ${linkOpacity(lines).toFixed(3)})`;
    c.lineWidth = hairlineWidth(t.k, ratio); // hairlines: far cheaper (view-geometry.js)
    c.stroke();

    // one path per fill colour: far fewer draw calls than one per node
    const groups = new Map();
    let shown = 0;
    for (const d of state.nodes) {
      if (!(d.x >= x0 && d.x <= x1 && d.y >= y0 && d.y <= y1)) continue;
      const colour = d.stub ? '#ffffff' : fill(d);
      let list = groups.get(colour);
      if (!list) groups.set(colour, (list = []));
      list.push(d);
      shown++;
    }
    // far out, shapes are a few pixels wide: squares look the same and cost much less; and no node
    // gets smaller than a dot of MIN_DOT pixels, so a zoomed-out big graph still shows its colours
    const tiny = t.k * 8 < 2.5;
    const outline = !tiny && shown < 20000;
    const least = MIN_DOT / 2 / t.k;
    // the most common colour first, so that the rarer (often bigger) kinds of node stay on top
    for (const [colour, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      c.beginPath();
      for (const d of list) {
        const rad = r(d);
        if (tiny) {
          const half = Math.max(rad, least);
          c.rect(d.x - half, d.y - half, half * 2, half * 2);
        }
        else drawShape(c, d.stub ? 'Organisation' : d.label, d.x, d.y, rad);
      }
      c.fillStyle = colour;
      c.fill();
      if (outline) {
        c.strokeStyle = '#ffffff';
        c.lineWidth = hairlineWidth(t.k, ratio);
        c.stroke();
      }
    }
    drawn = { transform: t, mx, my, width: w, height: h, viewWidth: width, viewHeight: height, ratio, ms: 0 };
    sceneDirty = false;
  }

  /** The opacity of link lines: 0.35 for a few thousand on screen, down to 0.03 for very many. */
  function linkOpacity(lines) {
    return Math.max(0.03, Math.min(0.35, 0.35 * Math.sqrt(4000 / Math.max(1, lines))));
  }

  function findAt(event) {
    const [px, py] = d3.pointer(event, canvas.node());
    const t = state.transform;
    if (!tree || treeDirty) {
      const placed = state.nodes.filter((d) => d.x !== undefined && !Number.isNaN(d.x));
      tree = d3.quadtree(placed, (d) => d.x, (d) => d.y);
      maxReach = 0;
      for (const d of placed) maxReach = Math.max(maxReach, r(d));
      treeDirty = false;
    }
    const margin = 4 / t.k;
    return nodeAt(tree, t.invertX(px), t.invertY(py), (d) => r(d) + margin, maxReach + margin);
  }

  function setUpCanvasPointer() {
    canvas
      .call(
        d3
          .drag()
          .subject((event) => {
            const d = findAt(event.sourceEvent);
            return d ? { ...d, node: d, x: state.transform.applyX(d.x), y: state.transform.applyY(d.y) } : null;
          })
          .on('start', (event) => {
            const d = event.subject.node;
            d.fx = d.x;
            d.fy = d.y;
            tellWorker(d);
          })
          .on('drag', (event) => {
            const d = event.subject.node;
            d.fx = state.transform.invertX(event.x);
            d.fy = state.transform.invertY(event.y);
            d.x = d.fx;
            d.y = d.fy;
            tellWorker(d);
            sceneDirty = true;
            treeDirty = true;
            drawCanvas();
          })
          .on('end', () => {
            opts.onChange?.();
          }),
      )
      .on('click', (event) => {
        const d = findAt(event);
        if (d) activate(event, d);
      })
      .on('dblclick', (event) => {
        const d = findAt(event);
        if (d) unpin(event, d);
      })
      .on('mousemove', (event) => {
        const d = findAt(event);
        canvas.style('cursor', d ? 'pointer' : null);
        canvas.attr('title', d ? nodeName(d) : null);
      });
  }

  /** A node pinned or let go while the worker lays out: it must know. */
  function tellWorker(d) {
    const i = workerRun?.index.get(d);
    if (i === undefined) return;
    worker?.postMessage({ type: 'fix', run: workerRun.id, index: i, x: d.fx ?? null, y: d.fy ?? null });
  }

  // --- interaction

  function activate(event, d) {
    event.stopPropagation?.();
    if (d.stub) opts.onMore?.(d);
    else opts.onActivate?.(d);
  }

  function unpin(event, d) {
    event.preventDefault();
    event.stopPropagation();
    if (d.stub) return;
    d.fx = null;
    d.fy = null;
    refreshClasses();
    reheat(0.2);
    opts.onChange?.();
  }

  function keydown(event, d) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(event, d);
    } else if ((event.key === 'p' || event.key === 'P') && !d.stub) {
      togglePin(d);
    }
  }

  function togglePin(d) {
    if (d.fx !== undefined && d.fx !== null) {
      d.fx = null;
      d.fy = null;
      reheat(0.2);
    } else {
      d.fx = d.x;
      d.fy = d.y;
    }
    refreshClasses();
    opts.onChange?.();
  }

  function drag() {
    return d3
      .drag()
      .on('start', (event, d) => {
        if (!event.active) simulation.alphaTarget(0.2).restart();
        state.resting = false;
        d.fx = d.x;
        d.fy = d.y;
      })
      .on('drag', (event, d) => {
        d.fx = event.x;
        d.fy = event.y;
      })
      .on('end', (event, d) => {
        if (!event.active) simulation.alphaTarget(0);
        refreshClasses();
        opts.onChange?.();
      });
  }

  function refreshClasses() {
    if (state.mode === 'svg') {
      nodeLayer.selectAll('g.node').classed('pinned', (d) => d.fx !== undefined && d.fx !== null);
    } else {
      drawCanvas();
    }
  }

  // --- view

  /**
   * Zooms so every node (or the given ids) fits, with a margin; a big graph fits its bulk, without
   * the few nodes farthest out (fitBox).
   */
  function fit(ids = null, duration = 500, maxScale = 2.5) {
    const list = state.nodes.filter((d) => !ids || ids.has(d.id));
    const box = fitBox(list);
    if (!box) return;
    const { minX, maxX, minY, maxY } = box;
    const pad = state.mode === 'canvas' ? 32 : 60;
    const k = Math.min(maxScale, (width - pad * 2) / Math.max(1, maxX - minX), (height - pad * 2) / Math.max(1, maxY - minY));
    const t = d3.zoomIdentity
      .translate(width / 2, height / 2)
      .scale(Math.max(0.02, k))
      .translate(-(minX + maxX) / 2, -(minY + maxY) / 2);
    const target = state.mode === 'svg' ? svg : canvas;
    if (duration > 0 && state.mode === 'svg') target.transition().duration(duration).call(zoom.transform, t);
    else target.call(zoom.transform, t);
  }

  function setTransform(t) {
    state.transform = d3.zoomIdentity.translate(t.x, t.y).scale(t.k);
    const target = state.mode === 'svg' ? svg : canvas;
    if (state.mode) target.call(zoom.transform, state.transform);
  }

  /** The view as a standalone SVG document (works in canvas mode too). */
  function toSvg() {
    const list = state.nodes;
    const pad = 40;
    const [minX, maxX] = list.length ? d3.extent(list, (d) => d.x) : [0, 100];
    const [minY, maxY] = list.length ? d3.extent(list, (d) => d.y) : [0, 100];
    const w = maxX - minX + pad * 2 + 200;
    const h = maxY - minY + pad * 2;
    const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const parts = [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(w)}" height="${Math.ceil(h)}" viewBox="${minX - pad} ${minY - pad} ${Math.ceil(w)} ${Math.ceil(h)}">`,
      `<rect x="${minX - pad}" y="${minY - pad}" width="${Math.ceil(w)}" height="${Math.ceil(h)}" fill="#ffffff"/>`,
      `<g stroke="#8a8a8a" stroke-opacity="0.6" stroke-width="1">`,
    ];
    for (const l of state.links) {
      if (l.stub) continue;
      parts.push(`<line x1="${l.source.x.toFixed(1)}" y1="${l.source.y.toFixed(1)}" x2="${l.target.x.toFixed(1)}" y2="${l.target.y.toFixed(1)}"/>`);
    }
    parts.push('</g><g stroke="#ffffff" stroke-width="1.5">');
    for (const d of list) {
      if (d.stub) continue;
      parts.push(`<path transform="translate(${d.x.toFixed(1)},${d.y.toFixed(1)})" d="${shapePath(d.label, r(d))}" fill="${fill(d)}"><title>${esc(nodeName(d))}</title></path>`);
    }
    parts.push(`</g><g font-family="system-ui, sans-serif" font-size="12" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">`);
    for (const d of list) {
      if (d.stub) continue;
      const p = state.placed.get(d.id);
      const t = state.transform;
      const x = p ? t.invertX(p.x) : d.x + r(d) + 3;
      const y = p ? t.invertY(p.y) : d.y;
      const anchor = p ? p.anchor : 'start';
      if (!p && state.placed.size) continue;
      parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" dy="0.35em" text-anchor="${anchor}">${esc(nodeName(d))}</text>`);
    }
    parts.push('</g></svg>');
    return parts.join('\n');
  }

  /** The view as a PNG blob, drawn from the SVG export at twice its size. */
  async function toPng() {
    const text = toSvg();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      await new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = reject;
        image.src = url;
      });
      const scale = Math.min(2, 8000 / Math.max(image.width, image.height));
      const out = document.createElement('canvas');
      out.width = Math.ceil(image.width * scale);
      out.height = Math.ceil(image.height * scale);
      const c = out.getContext('2d');
      c.scale(scale, scale);
      c.drawImage(image, 0, 0);
      return await new Promise((resolve) => out.toBlob(resolve, 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  function setLang(lang) {
    opts.lang = lang;
    if (state.mode === 'svg') renderSvg();
    placeLabelsNow();
  }

  function destroy() {
    simulation.stop();
    worker?.terminate();
    if (sliceTimer) clearTimeout(sliceTimer);
    clearTimeout(labelTimer);
    observer.disconnect();
    wrap.remove();
  }

  return {
    update,
    fit,
    setLang,
    setTransform,
    toSvg,
    toPng,
    togglePin,
    destroy,
    reheat,
    get transform() {
      return state.transform;
    },
    get mode() {
      return state.mode;
    },
    get resting() {
      return state.resting;
    },
    focusNode(id) {
      nodeLayer
        .selectAll('g.node')
        .filter((d) => d.id === id)
        .node()
        ?.focus();
    },
  };
}
