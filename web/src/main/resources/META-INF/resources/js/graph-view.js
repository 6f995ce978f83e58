// The force-directed graph: SVG for small graphs, <canvas> above CANVAS_THRESHOLD nodes.
// One simulation for the life of the view; node objects keep their positions between updates,
// so adding or hiding nodes moves only what must move. Labels are placed without overlap when
// the layout comes to rest and after each zoom.

import { displayName, labelName, translate } from './i18n.js';
import { placeLabels } from './labels.js';
import { drawShape, shapePath, styleOf } from './styles.js';
import { endId } from './graph-model.js';
import { createSimulation } from './layout.js';

/** Above this many nodes the graph is drawn on a canvas. */
export const CANVAS_THRESHOLD = 1500;
/** At most this many labels are drawn on a canvas. */
const CANVAS_LABELS = 300;
/** A layout on canvas runs in slices of this many milliseconds, so the page stays responsive. */
const SLICE_MS = 40;
/** A canvas layout stops after this long even if not at rest (big graphs stay usable). */
const CANVAS_LAYOUT_BUDGET_MS = 12000;

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
      ...links.map((l) => ({ ...l, source: endId(l.source), target: endId(l.target) })),
      ...stubLinks,
    ];
    state.degree = new Map();
    for (const l of state.links) {
      state.degree.set(l.source, (state.degree.get(l.source) ?? 0) + 1);
      state.degree.set(l.target, (state.degree.get(l.target) ?? 0) + 1);
    }
    setMode(nodes.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
    // big graphs cool faster: fewer ticks, each of them costly
    simulation.alphaDecay(state.mode === 'canvas' ? 0.06 : 0.035);
    simulation.nodes(state.nodes);
    simulation.force('link').links(state.links);
    simulation.force('collide').radius((d) => r(d) + 3);
    if (state.mode === 'svg') renderSvg();
    const share = state.nodes.length ? fresh / state.nodes.length : 0;
    const heat = fresh > 0 ? Math.max(0.3, Math.min(1, share * 1.5)) : removed > 0 ? 0.1 : 0;
    if (heat > 0) {
      reheat(heat);
    } else if (state.resting || simulation.alpha() <= simulation.alphaMin() || state.nodes.length === 0) {
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
      runSlices();
    }
  }

  let sliceTimer = null;
  /** Runs the canvas layout in time slices, drawing and reporting progress between them. */
  function runSlices() {
    if (sliceTimer) clearTimeout(sliceTimer);
    const started = performance.now();
    const startAlpha = simulation.alpha();
    const step = () => {
      const sliceStart = performance.now();
      while (performance.now() - sliceStart < SLICE_MS && simulation.alpha() > simulation.alphaMin()) {
        simulation.tick();
      }
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
    state.placed = placeLabels(screenItems(), measure, { height: 14, max, bounds: { width, height } });
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

  let drawPending = false;
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

  /** Nodes drawn as plain squares while zooming a graph this big: shapes cost too much per frame. */
  const SIMPLE_WHILE_ZOOMING = 3000;

  function paintFrame() {
    const ratio = window.devicePixelRatio || 1;
    const t = state.transform;
    context.save();
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.translate(t.x, t.y);
    context.scale(t.k, t.k);
    const x0 = t.invertX(0);
    const y0 = t.invertY(0);
    const x1 = t.invertX(width);
    const y1 = t.invertY(height);
    const visible = (d) => d.x >= x0 - 30 && d.x <= x1 + 30 && d.y >= y0 - 30 && d.y <= y1 + 30;

    context.beginPath();
    for (const l of state.links) {
      const s = l.source;
      const e = l.target;
      if (!visible(s) && !visible(e)) continue;
      context.moveTo(s.x, s.y);
      context.lineTo(e.x, e.y);
    }
    context.strokeStyle = 'rgba(90, 90, 90, 0.35)';
    context.lineWidth = 1 / t.k;
    context.stroke();

    // one path per fill colour: far fewer draw calls than one per node
    const groups = new Map();
    for (const d of state.nodes) {
      if (!visible(d)) continue;
      const colour = d.stub ? '#ffffff' : fill(d);
      if (!groups.has(colour)) groups.set(colour, []);
      groups.get(colour).push(d);
    }
    const tiny = t.k * 8 < 2.5 || (state.zooming && state.nodes.length > SIMPLE_WHILE_ZOOMING);
    for (const [colour, list] of groups) {
      context.beginPath();
      for (const d of list) {
        const rad = r(d);
        if (tiny) context.rect(d.x - rad, d.y - rad, rad * 2, rad * 2);
        else drawShape(context, d.stub ? 'Organisation' : d.label, d.x, d.y, rad);
      }
      context.fillStyle = colour;
      context.fill();
      if (!tiny) {
        context.strokeStyle = '#ffffff';
        context.lineWidth = 1 / t.k;
        context.stroke();
      }
    }
    if (state.selected) {
      const d = state.nodes.find((n) => n.id === state.selected);
      if (d) {
        context.beginPath();
        context.arc(d.x, d.y, r(d) + 4 / t.k, 0, 2 * Math.PI);
        context.strokeStyle = '#111';
        context.lineWidth = 2.5 / t.k;
        context.stroke();
      }
    }
    context.restore();

    if (state.resting && !state.zooming) {
      context.save();
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.font = FONT;
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      for (const d of state.nodes) {
        const p = state.placed.get(d.id);
        if (!p) continue;
        context.textAlign = p.anchor === 'middle' ? 'center' : p.anchor === 'end' ? 'right' : 'left';
        context.strokeStyle = 'rgba(255,255,255,0.9)';
        context.lineWidth = 3;
        context.strokeText(nodeName(d), p.x, p.y);
        context.fillStyle = '#1a1a1a';
        context.fillText(nodeName(d), p.x, p.y);
      }
      context.restore();
    }
  }

  function findAt(event) {
    const [px, py] = d3.pointer(event, canvas.node());
    const t = state.transform;
    const x = t.invertX(px);
    const y = t.invertY(py);
    let best = null;
    let bestDistance = Infinity;
    for (const d of state.nodes) {
      const dx = d.x - x;
      const dy = d.y - y;
      const dist = dx * dx + dy * dy;
      const reach = r(d) + 4 / t.k;
      if (dist < reach * reach && dist < bestDistance) {
        best = d;
        bestDistance = dist;
      }
    }
    return best;
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
          })
          .on('drag', (event) => {
            const d = event.subject.node;
            d.fx = state.transform.invertX(event.x);
            d.fy = state.transform.invertY(event.y);
            d.x = d.fx;
            d.y = d.fy;
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

  /** Zooms so every node (or the given ids) fits, with a margin. */
  function fit(ids = null, duration = 500, maxScale = 2.5) {
    const list = state.nodes.filter((d) => !ids || ids.has(d.id));
    if (!list.length) return;
    const [minX, maxX] = d3.extent(list, (d) => d.x);
    const [minY, maxY] = d3.extent(list, (d) => d.y);
    const pad = 60;
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
