// Map: NUTS 2 regions coloured by a measure, ties between regions as arcs (width = weight),
// a programme-period selector, zoom to Italy or Europe, the region's collaborations on click,
// and a small chart of ties per period. Data: /api/planner/map and /api/analytics/timeline.

import { el, clear } from '../dom.js';
import { getJson } from '../api.js';

const PERIODS = ['2000-2006', '2007-2013', '2014-2020', '2021-2027'];
const GEO = '/data/geo/gisco_NUTS_RG_20M_2021_4326_LEVL_';
const CREDITS = '© EuroGeographics for the administrative boundaries (Eurostat GISCO)';
const WIDTH = 900;
const HEIGHT = 760;
const EUROPE = { type: 'LineString', coordinates: [[-11, 35], [33, 35], [33, 70], [-11, 70]] };

const TEXT = {
  it: {
    title: 'Mappa delle regioni',
    period: 'Periodo',
    all: 'Tutti',
    measure: 'Colore',
    ties: 'Numero di legami',
    strength: 'Peso dei legami',
    collaborations: 'Numero di reti e progetti',
    italy: 'Italia',
    europe: 'Europa',
    pick: 'Clicca una regione per vederne reti, progetti e partner.',
    partners: 'Partner',
    networks: 'Reti e progetti',
    none: 'nessuno',
    unmapped: 'Fuori mappa (senza codice NUTS): ',
    timeline: 'Legami tra regioni per periodo',
    plan: 'Pianifica la cooperazione',
    loading: 'Carico la mappa…',
  },
  en: {
    title: 'Map of regions',
    period: 'Period',
    all: 'All',
    measure: 'Colour',
    ties: 'Number of ties',
    strength: 'Weight of ties',
    collaborations: 'Number of networks and projects',
    italy: 'Italy',
    europe: 'Europe',
    pick: 'Click a region to see its networks, projects and partners.',
    partners: 'Partners',
    networks: 'Networks and projects',
    none: 'none',
    unmapped: 'Not on the map (no NUTS code): ',
    timeline: 'Ties between regions per period',
    plan: 'Plan cooperation',
    loading: 'Loading the map…',
  },
};

/** GeoJSON from GISCO winds outer rings counter-clockwise; d3-geo wants them clockwise. */
function rewind(collection) {
  const d3 = window.d3;
  for (const feature of collection.features) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      rings.forEach((ring, i) => {
        const area = d3.geoArea({ type: 'Polygon', coordinates: [ring] });
        // an outer ring covering more than a hemisphere, or a hole covering less, is the wrong way round
        if ((i === 0 && area > 2 * Math.PI) || (i > 0 && area < 2 * Math.PI)) ring.reverse();
      });
    }
  }
  return collection;
}

export function mount(root, ctx) {
  const d3 = window.d3;
  const words = TEXT[ctx.lang] ?? TEXT.en;
  const state = {
    period: ctx.storage?.get('map.period') ?? '',
    measure: ctx.storage?.get('map.measure') ?? 'ties',
    zoom: ctx.storage?.get('map.zoom') ?? 'europe',
    selected: null,
  };

  const period = el('select', { id: 'map-period' }, el('option', { value: '' }, words.all),
    PERIODS.map((p) => el('option', { value: p }, p)));
  period.value = state.period;
  const measure = el('select', { id: 'map-measure' },
    ['ties', 'strength', 'collaborations'].map((m) => el('option', { value: m }, words[m])));
  measure.value = state.measure;
  const italy = el('button', { type: 'button', id: 'map-zoom-italy' }, words.italy);
  const europe = el('button', { type: 'button', id: 'map-zoom-europe' }, words.europe);
  const canvas = el('div', { class: 'map-canvas' });
  const panel = el('aside', { class: 'map-panel', id: 'map-panel' }, el('p', {}, words.pick));
  const legend = el('div', { class: 'map-legend' });
  const unmapped = el('p', { class: 'map-unmapped' });
  const timeline = el('div', { class: 'map-timeline' });

  clear(root);
  root.append(
    el('h2', {}, words.title),
    el('div', { class: 'map-page' },
      el('div', { class: 'map-controls' },
        el('label', {}, words.period, ' ', period),
        el('label', {}, words.measure, ' ', measure),
        italy, europe, legend),
      el('div', {}, canvas, unmapped, el('h3', {}, words.timeline), timeline),
      panel));

  const svg = d3.select(canvas).append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
    .attr('role', 'img').attr('aria-label', words.title);
  canvas.append(el('div', { class: 'map-credits' }, CREDITS));
  const gCountries = svg.append('g');
  const gRegions = svg.append('g');
  const gArcs = svg.append('g');
  const gDots = svg.append('g');

  let countries = null;
  let nuts2 = null;
  let data = null;
  const done = ctx.progress?.start(words.loading);
  Promise.all([getJson(`${GEO}0.geojson`), getJson(`${GEO}2.geojson`)])
    .then(([c, r]) => {
      countries = rewind(c);
      nuts2 = rewind(r);
      return load();
    })
    .catch((e) => panel.replaceChildren(el('p', { class: 'error' }, e.message)))
    .finally(() => done?.());
  drawTimeline();

  period.addEventListener('change', () => {
    state.period = period.value;
    ctx.storage?.set('map.period', state.period);
    load();
    drawTimeline();
  });
  measure.addEventListener('change', () => {
    state.measure = measure.value;
    ctx.storage?.set('map.measure', state.measure);
    draw();
  });
  italy.addEventListener('click', () => zoom('italy'));
  europe.addEventListener('click', () => zoom('europe'));

  function zoom(to) {
    state.zoom = to;
    ctx.storage?.set('map.zoom', to);
    draw();
  }

  async function load() {
    const query = state.period ? `?period=${encodeURIComponent(state.period)}` : '';
    data = await getJson(`/api/planner/map${query}`);
    draw();
    if (state.selected) select(state.selected);
  }

  function projection() {
    const p = d3.geoAzimuthalEqualArea().rotate([-10, -52]);
    const target = state.zoom === 'italy'
      ? countries.features.find((f) => f.properties.NUTS_ID === 'IT')
      : EUROPE;
    return p.fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], target);
  }

  /** The features a NUTS code stands for: its country, its NUTS 2 regions, or its NUTS 2 parent. */
  function featuresOf(code) {
    if (!code) return [];
    if (code.length === 2) return countries.features.filter((f) => f.properties.NUTS_ID === code);
    const prefix = code.slice(0, 4);
    return nuts2.features.filter((f) => f.properties.NUTS_ID.startsWith(prefix));
  }

  function value(region) {
    if (state.measure === 'collaborations') return region.collaborations.length;
    return region[state.measure];
  }

  function draw() {
    if (!countries || !data) return;
    const path = d3.geoPath(projection());
    const regions = data.regions.filter((r) => r.nuts);
    unmapped.textContent = words.unmapped +
      (data.regions.filter((r) => !r.nuts).map((r) => r.name).join(', ') || words.none);
    // colour: the most specific region whose code is a prefix of the feature's code
    const byCode = new Map(regions.map((r) => [r.nuts, r]));
    const regionOf = (id) => {
      for (let n = Math.min(id.length, 4); n >= 2; n--) {
        const r = byCode.get(id.slice(0, n));
        if (r) return r;
      }
      return null;
    };
    const max = d3.max(regions, value) || 1;
    const colour = d3.scaleSequential(d3.interpolateBlues).domain([0, max]);
    legend.textContent = `${words[state.measure]}: 0 – ${max}`;

    gCountries.selectAll('path').data(countries.features, (f) => f.properties.NUTS_ID)
      .join('path').attr('class', 'map-country').attr('d', path)
      .style('fill', (f) => { const r = byCode.get(f.properties.NUTS_ID); return r ? colour(value(r)) : null; });
    gRegions.selectAll('path').data(nuts2.features, (f) => f.properties.NUTS_ID)
      .join('path').attr('class', 'map-region').attr('d', path)
      .style('fill', (f) => { const r = regionOf(f.properties.NUTS_ID); return r && r.nuts.length > 2 ? colour(value(r)) : 'transparent'; })
      .classed('is-selected', (f) => { const r = regionOf(f.properties.NUTS_ID); return !!r && r.id === state.selected; })
      .on('click', (event, f) => { const r = regionOf(f.properties.NUTS_ID); if (r) select(r.id); })
      .selectAll('title').data((f) => [f]).join('title')
      .text((f) => { const r = regionOf(f.properties.NUTS_ID); return r ? `${r.name}: ${value(r)}` : f.properties.NUTS_NAME ?? f.properties.NUTS_ID; });

    // points: the centroid of the features a region stands for
    const points = new Map();
    for (const r of regions) {
      const features = featuresOf(r.nuts);
      if (features.length) points.set(r.id, path.centroid({ type: 'FeatureCollection', features }));
    }
    const ties = data.ties.filter((t) => points.has(t.source) && points.has(t.target));
    gArcs.selectAll('path').data(ties, (t) => `${t.source}|${t.target}`)
      .join('path').attr('class', 'map-arc')
      .attr('d', (t) => {
        const [x1, y1] = points.get(t.source);
        const [x2, y2] = points.get(t.target);
        const dx = x2 - x1;
        const dy = y2 - y1;
        const bend = 0.2;
        return `M${x1},${y1} Q${(x1 + x2) / 2 - dy * bend},${(y1 + y2) / 2 + dx * bend} ${x2},${y2}`;
      })
      .attr('stroke-width', (t) => 1 + 2 * t.weight)
      .classed('is-faded', (t) => state.selected && t.source !== state.selected && t.target !== state.selected)
      .selectAll('title').data((t) => [t]).join('title')
      .text((t) => `${name(t.source)} – ${name(t.target)}: ${t.weight} (${t.via.map(collaborationName).join(', ')})`);
    gDots.selectAll('circle').data(regions.filter((r) => points.has(r.id)), (r) => r.id)
      .join('circle').attr('class', 'map-dot')
      .attr('cx', (r) => points.get(r.id)[0]).attr('cy', (r) => points.get(r.id)[1])
      .attr('r', (r) => 2 + Math.sqrt(r.ties) * 2)
      .on('click', (event, r) => select(r.id))
      .selectAll('title').data((r) => [r]).join('title').text((r) => `${r.name} (${r.nuts})`);
  }

  function name(id) {
    return data.regions.find((r) => r.id === id)?.name ?? id;
  }

  function collaborationName(id) {
    return data.collaborations.find((c) => c.id === id)?.name ?? id;
  }

  function select(id) {
    state.selected = id;
    const region = data.regions.find((r) => r.id === id);
    draw();
    if (!region) {
      panel.replaceChildren(el('p', {}, words.pick));
      return;
    }
    const partners = data.ties
      .filter((t) => t.source === id || t.target === id)
      .map((t) => ({ id: t.source === id ? t.target : t.source, weight: t.weight, via: t.via }))
      .sort((a, b) => b.weight - a.weight || name(a.id).localeCompare(name(b.id)));
    panel.replaceChildren(
      el('h3', {}, region.name, region.nuts ? ` (${region.nuts})` : ''),
      el('h4', {}, words.networks),
      region.collaborations.length
        ? el('ul', {}, region.collaborations.map((c) => {
          const info = data.collaborations.find((x) => x.id === c);
          return el('li', {}, el('a', { href: `#/node/${encodeURIComponent(c)}` }, info?.name ?? c),
            info?.period ? ` · ${info.period}` : '');
        }))
        : el('p', {}, words.none),
      el('h4', {}, words.partners),
      partners.length
        ? el('ul', {}, partners.map((p) => el('li', {}, `${name(p.id)} — ${p.weight} (${p.via.map(collaborationName).join(', ')})`)))
        : el('p', {}, words.none),
      el('button', { type: 'button', id: 'map-plan' }, words.plan));
    panel.querySelector('#map-plan').addEventListener('click', () => ctx.navigate('planner', { region: id }));
  }

  async function drawTimeline() {
    let result;
    try {
      result = await getJson('/api/analytics/timeline?view=regions');
    } catch (e) {
      timeline.replaceChildren(el('p', { class: 'error' }, e.message));
      return;
    }
    const periods = result.periods;
    const w = 360;
    const h = 120;
    const x = d3.scaleBand().domain(periods.map((p) => p.period)).range([30, w - 10]).padding(0.25);
    const y = d3.scaleLinear().domain([0, d3.max(periods, (p) => p.ties) || 1]).nice().range([h - 20, 10]);
    clear(timeline);
    const chart = d3.select(timeline).append('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('width', w);
    chart.selectAll('rect').data(periods).join('rect')
      .attr('x', (p) => x(p.period)).attr('width', x.bandwidth())
      .attr('y', (p) => y(p.ties)).attr('height', (p) => y(0) - y(p.ties))
      .classed('is-current', (p) => p.period === state.period)
      .append('title')
      .text((p) => `${p.period}: ${p.nodes} regions, ${p.ties} ties (+${p.tiesGained} −${p.tiesLost}), density ${p.density.toFixed(2)}, largest component ${p.largestComponent}`);
    chart.append('g').attr('transform', `translate(0,${h - 20})`).call(d3.axisBottom(x).tickSizeOuter(0));
    chart.append('g').attr('transform', 'translate(30,0)').call(d3.axisLeft(y).ticks(4));
  }
}
