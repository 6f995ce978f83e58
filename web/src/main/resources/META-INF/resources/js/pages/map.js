// Map: NUTS 2 regions coloured by a measure, ties between regions as arcs (width = weight),
// a programme-period selector, zoom to Italy or Europe, the region's collaborations and partners
// on hover and click, and a small chart of ties per period.
// Data: /api/planner/map and /api/analytics/timeline; shapes: GISCO (see map-model.js).

import { el, clear } from '../dom.js';
import { getJson } from '../api.js';
import { tooLargeParams } from '../analytics-model.js';
import { hashFor } from '../routes.js';
import {
  CREDITS, MAX_ARCS, PANEL_MAX, PERIODS, arcPath, arcWidth, capped, dotRadius, regionLookup, tiesToDraw,
} from '../map-model.js';
import { loadGeo, projectionFor, regionPoints } from '../region-shapes.js';

const WIDTH = 900;
const HEIGHT = 760;

const TEXT = {
  it: {
    title: 'Mappa delle regioni',
    period: 'Periodo',
    all: 'Tutti',
    measure: 'Colore',
    ties: 'Numero di legami',
    strength: 'Peso dei legami',
    collaborations: 'Numero di reti e progetti',
    zoom: 'Zoom',
    italy: 'Italia',
    europe: 'Europa',
    pick: 'Passa su una regione o cliccala per vederne reti, progetti e partner; i punti si raggiungono anche con Tab.',
    partners: 'Partner',
    networks: 'Reti e progetti',
    none: 'nessuno',
    unmapped: 'Fuori mappa (senza codice NUTS): ',
    noData: 'senza dati',
    regionDot: 'regione o luogo',
    countryDot: 'paese',
    countryNote: 'Un paese con regioni sulla mappa è mostrato dal suo punto, non dal colore.',
    timeline: 'Legami tra regioni per periodo',
    plan: 'Pianifica la cooperazione',
    loading: 'Carico la mappa…',
    tooLarge: (ties) => `I legami tra regioni sono troppi per la memoria del server${ties ? ` (oltre ${ties})` : ''}: il grafico per periodo non è disponibile. Per un grafo così grande serve più memoria (README, «Beyond one machine»).`,
    weight: (n) => `${number(n, 'it')} ${n === 1 ? 'collaborazione condivisa' : 'collaborazioni condivise'}`,
    arcsShown: (shown, total) => `Sono disegnati i ${number(shown, 'it')} legami più forti su ${number(total, 'it')}; una regione selezionata mostra tutti i suoi.`,
    more: (n) => `… e altri ${number(n, 'it')}`,
    plusMore: (n) => `+${number(n, 'it')} altre`,
    chart: (p) => `${p.period}: ${p.nodes} regioni, ${p.ties} legami (+${p.tiesGained} −${p.tiesLost}), densità ${p.density.toFixed(2)}, componente maggiore ${p.largestComponent}`,
  },
  en: {
    title: 'Map of regions',
    period: 'Period',
    all: 'All',
    measure: 'Colour',
    ties: 'Number of ties',
    strength: 'Weight of ties',
    collaborations: 'Number of networks and projects',
    zoom: 'Zoom',
    italy: 'Italy',
    europe: 'Europe',
    pick: 'Hover over a region or click it to see its networks, projects and partners; Tab reaches the dots too.',
    partners: 'Partners',
    networks: 'Networks and projects',
    none: 'none',
    unmapped: 'Not on the map (no NUTS code): ',
    noData: 'no data',
    regionDot: 'region or place',
    countryDot: 'country',
    countryNote: 'A country with regions on the map shows by its dot, not by its colour.',
    timeline: 'Ties between regions per period',
    plan: 'Plan cooperation',
    loading: 'Loading the map…',
    tooLarge: (ties) => `The ties between regions are too many for the server’s memory${ties ? ` (over ${ties})` : ''}: the chart per period is not available. A graph this large needs more memory (README, “Beyond one machine”).`,
    weight: (n) => `${number(n, 'en')} shared ${n === 1 ? 'collaboration' : 'collaborations'}`,
    arcsShown: (shown, total) => `The ${number(shown, 'en')} strongest of ${number(total, 'en')} ties are drawn; a selected region shows all of its own.`,
    more: (n) => `… and ${number(n, 'en')} more`,
    plusMore: (n) => `+${number(n, 'en')} more`,
    chart: (p) => `${p.period}: ${p.nodes} regions, ${p.ties} ties (+${p.tiesGained} −${p.tiesLost}), density ${p.density.toFixed(2)}, largest component ${p.largestComponent}`,
  },
};

/** A count with the language's digit grouping (121.476, 121,476). */
function number(n, lang) {
  return Number(n).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB');
}

/** The most collaborations the hover line names. */
const HOVER_MAX = 10;

/** The most collaborations the side panel names for each partner. */
const PANEL_VIA = 3;

export function mount(root, ctx) {
  const d3 = window.d3;
  const words = TEXT[ctx.lang] ?? TEXT.en;
  const state = {
    period: ctx.storage?.get('map.period') ?? '',
    measure: ctx.storage?.get('map.measure') ?? 'ties',
    zoom: ctx.storage?.get('map.zoom') === 'italy' ? 'italy' : 'europe',
    selected: ctx.params?.region ?? null,
  };
  if (!PERIODS.includes(state.period)) state.period = '';
  if (!['ties', 'strength', 'collaborations'].includes(state.measure)) state.measure = 'ties';

  const period = el('select', { id: 'map-period' }, el('option', { value: '' }, words.all),
    PERIODS.map((p) => el('option', { value: p }, p)));
  period.value = state.period;
  const measure = el('select', { id: 'map-measure' },
    ['ties', 'strength', 'collaborations'].map((m) => el('option', { value: m }, words[m])));
  measure.value = state.measure;
  const italy = el('button', { type: 'button', id: 'map-zoom-italy' }, words.italy);
  const europe = el('button', { type: 'button', id: 'map-zoom-europe' }, words.europe);
  const canvas = el('div', { class: 'map-canvas' });
  const hover = el('p', { class: 'map-hover', id: 'map-hover', 'aria-live': 'polite' }, '\u00a0');
  const panel = el('aside', { class: 'map-panel panel', id: 'map-panel' }, el('p', {}, words.pick));
  const legend = el('div', { class: 'map-legend', id: 'map-legend' });
  const unmapped = el('p', { class: 'map-unmapped', id: 'map-unmapped' });
  const timeline = el('div', { class: 'map-timeline', id: 'map-timeline' });

  clear(root);
  root.append(
    el('h2', {}, words.title),
    el('div', { class: 'map-page' },
      el('div', { class: 'map-controls' },
        el('label', {}, words.period, ' ', period),
        el('label', {}, words.measure, ' ', measure),
        el('span', { class: 'map-zoom', role: 'group', 'aria-label': words.zoom }, italy, ' ', europe),
        legend),
      el('div', { class: 'map-main' }, canvas, hover, unmapped),
      el('div', { class: 'map-side' }, panel, el('h3', {}, words.timeline), timeline)));

  const svg = d3.select(canvas).append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
    .attr('role', 'img').attr('aria-label', words.title);
  canvas.append(el('div', { class: 'map-credits', id: 'map-credits' }, CREDITS));
  const gCountries = svg.append('g');
  const gRegions = svg.append('g');
  const gArcs = svg.append('g');
  const gDots = svg.append('g');

  let shapes = null;
  let data = null;
  let regionById = new Map();
  let collaborationById = new Map();
  let chart = null;
  let gone = false;
  const done = ctx.progress?.start(words.loading);
  loadGeo()
    .then((s) => {
      shapes = s;
      return load();
    })
    .catch((e) => panel.replaceChildren(el('p', { class: 'message error' }, e.message)))
    .finally(() => done?.());
  drawTimeline();

  period.addEventListener('change', () => {
    state.period = period.value;
    ctx.storage?.set('map.period', state.period);
    load().catch((e) => panel.replaceChildren(el('p', { class: 'message error' }, e.message)));
    markPeriod();
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
    const answer = await getJson(`/api/planner/map${query}`);
    if (gone) return;
    data = answer;
    regionById = new Map(data.regions.map((r) => [r.id, r]));
    collaborationById = new Map(data.collaborations.map((c) => [c.id, c]));
    draw();
    if (state.selected) select(state.selected);
  }

  function value(region) {
    if (state.measure === 'collaborations') return region.collaborationCount ?? region.collaborations.length;
    return region[state.measure];
  }

  function describe(region) {
    return `${region.name}${region.nuts ? ` (${region.nuts})` : ''}: ${words[state.measure].toLowerCase()} ${value(region)}`;
  }

  function showHover(region) {
    if (!region) {
      hover.textContent = '\u00a0';
      return;
    }
    hover.textContent = describe(region) + (region.collaborations.length
      ? ` · ${listed(region.collaborations, region.collaborationCount, HOVER_MAX)}` : '');
  }

  function draw() {
    if (!shapes || !data) return;
    italy.setAttribute('aria-pressed', String(state.zoom === 'italy'));
    europe.setAttribute('aria-pressed', String(state.zoom === 'europe'));
    const path = d3.geoPath(projectionFor(d3, shapes.countries, state.zoom === 'italy' ? 'IT' : 'europe', WIDTH, HEIGHT));
    const regions = data.regions.filter((r) => r.nuts);
    const lookup = regionLookup(regions);
    unmapped.textContent = words.unmapped +
      (data.regions.filter((r) => !r.nuts).map((r) => r.name).sort((a, b) => a.localeCompare(b)).join(', ') || words.none);
    const max = d3.max(regions, value) || 0;
    // 0 is a light blue, so "in the data, no ties" differs from "not in the data"
    const colour = (v) => d3.interpolateBlues(0.12 + 0.88 * (max ? v / max : 0));
    const partners = new Set(state.selected ? data.ties
      .filter((t) => t.source === state.selected || t.target === state.selected)
      .flatMap((t) => [t.source, t.target]) : []);

    gCountries.selectAll('path').data(shapes.countries, (f) => f.properties.NUTS_ID)
      .join('path').attr('class', 'map-country').attr('d', path)
      .attr('data-nuts', (f) => f.properties.NUTS_ID)
      .style('fill', (f) => { const r = lookup.countryOf(f.properties.NUTS_ID); return r ? colour(value(r)) : null; });
    gRegions.selectAll('path').data(shapes.nuts2, (f) => f.properties.NUTS_ID)
      .join('path').attr('class', 'map-region').attr('d', path)
      .attr('data-nuts', (f) => f.properties.NUTS_ID)
      .style('fill', (f) => { const r = lookup.regionOf(f.properties.NUTS_ID); return r ? colour(value(r)) : 'transparent'; })
      .classed('is-selected', (f) => lookup.clickedOf(f.properties.NUTS_ID)?.id === state.selected && !!state.selected)
      .on('mouseenter', (event, f) => showHover(lookup.clickedOf(f.properties.NUTS_ID)))
      .on('mouseleave', () => showHover(null))
      .on('click', (event, f) => { const r = lookup.clickedOf(f.properties.NUTS_ID); if (r) select(r.id); })
      .selectAll('title').data((f) => [f]).join('title')
      .text((f) => {
        const r = lookup.clickedOf(f.properties.NUTS_ID);
        return r ? describe(r) : `${f.properties.NAME_LATN ?? f.properties.NUTS_ID} (${words.noData})`;
      });

    const points = regionPoints(regions, shapes, path);
    const drawable = data.ties.filter((t) => points.has(t.source) && points.has(t.target));
    // a programme graph has 100,000 ties and more: the strongest are drawn, and the selected region's
    const ties = tiesToDraw(drawable, MAX_ARCS, state.selected);
    const heaviest = d3.max(ties, (t) => t.weight) ?? 0;
    drawLegend(max, colour, drawable.length > MAX_ARCS ? words.arcsShown(MAX_ARCS, drawable.length) : null);
    gArcs.classed('is-dense', ties.length > 200);
    gArcs.selectAll('path').data(ties, (t) => `${t.source}|${t.target}`)
      .join('path').attr('class', 'map-arc')
      .attr('data-source', (t) => t.source).attr('data-target', (t) => t.target)
      .attr('d', (t) => arcPath(points.get(t.source), points.get(t.target)))
      .attr('stroke-width', (t) => arcWidth(t.weight, heaviest))
      .classed('is-faded', (t) => !!state.selected && t.source !== state.selected && t.target !== state.selected)
      .selectAll('title').data((t) => [t]).join('title')
      .text((t) => `${name(t.source)} – ${name(t.target)}: ${words.weight(t.weight)} (${listed(t.via, t.weight)})`);
    // regions as circles, countries as diamonds: Italy's dot is not Toscana's
    const most = d3.max(regions, (r) => r.ties) ?? 0;
    const symbol = (r) => {
      const radius = dotRadius(r.ties, most);
      return d3.symbol(r.nuts.length === 2 ? d3.symbolDiamond : d3.symbolCircle, Math.PI * radius * radius)();
    };
    gDots.selectAll('path').data(regions.filter((r) => points.has(r.id)), (r) => r.id)
      .join('path').attr('class', 'map-dot')
      .attr('data-id', (r) => r.id)
      .attr('tabindex', 0).attr('role', 'button')
      .attr('aria-label', describe)
      .attr('transform', (r) => `translate(${points.get(r.id)[0]},${points.get(r.id)[1]})`)
      .attr('d', symbol)
      .classed('is-country', (r) => r.nuts.length === 2)
      .classed('is-untied', (r) => r.ties === 0)
      .classed('is-selected', (r) => r.id === state.selected)
      .classed('is-partner', (r) => partners.has(r.id) && r.id !== state.selected)
      .on('mouseenter focus', (event, r) => showHover(r))
      .on('mouseleave blur', () => showHover(null))
      .on('click', (event, r) => select(r.id))
      .on('keydown', (event, r) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          select(r.id);
        }
      })
      .selectAll('title').data((r) => [r]).join('title').text(describe);
  }

  function drawLegend(max, colour, arcsNote) {
    const steps = 5;
    const bar = el('span', { class: 'map-legend-bar', 'aria-hidden': 'true' },
      Array.from({ length: steps }, (_, i) => el('span', { style: `background:${colour((max * i) / (steps - 1))}` })));
    legend.replaceChildren(
      el('span', {}, `${words[state.measure]}: 0 `), bar, el('span', {}, ` ${Math.round(max * 10) / 10}`),
      el('span', { class: 'map-legend-none', 'aria-hidden': 'true' }), el('span', {}, words.noData),
      el('span', { class: 'map-legend-symbol', 'aria-hidden': 'true' }, '●'), el('span', {}, words.regionDot),
      el('span', { class: 'map-legend-symbol', 'aria-hidden': 'true' }, '◆'), el('span', {}, words.countryDot),
      el('span', { class: 'map-legend-note' }, words.countryNote),
      arcsNote ? el('span', { class: 'map-legend-note map-arcs-note', id: 'map-arcs-note' }, arcsNote) : null);
  }

  function name(id) {
    return regionById.get(id)?.name ?? id;
  }

  function collaborationName(id) {
    return collaborationById.get(id)?.name ?? id;
  }

  /** Collaborations' names, at most max, with "+N more" for those not listed (total counts all). */
  function listed(ids, total, max = Infinity) {
    const { shown, more } = capped(ids, total, max);
    return shown.map(collaborationName).join(', ') + (more ? ` ${words.plusMore(more)}` : '');
  }

  function select(id) {
    state.selected = id;
    const region = regionById.get(id);
    draw();
    if (!region) {
      panel.replaceChildren(el('p', {}, words.pick));
      return;
    }
    const partners = data.ties
      .filter((t) => t.source === id || t.target === id)
      .map((t) => ({ id: t.source === id ? t.target : t.source, weight: t.weight, via: t.via }))
      .sort((a, b) => b.weight - a.weight || name(a.id).localeCompare(name(b.id)));
    const networks = capped(region.collaborations, region.collaborationCount, PANEL_MAX);
    const shownPartners = capped(partners, partners.length, PANEL_MAX);
    const plan = el('button', { type: 'button', id: 'map-plan' }, words.plan);
    plan.addEventListener('click', () => ctx.navigate('planner', { region: id }));
    panel.replaceChildren(
      el('h3', {}, region.name, region.nuts ? ` (${region.nuts})` : ''),
      el('p', {}, `${words[state.measure]}: ${value(region)}`),
      el('h4', {}, words.networks),
      region.collaborations.length
        ? el('ul', { class: 'map-networks' }, networks.shown.map((c) => {
          const info = collaborationById.get(c);
          return el('li', {}, el('a', { href: hashFor('explore', { node: c }) }, info?.name ?? c),
            info?.period ? ` · ${info.period}` : '');
        }), networks.more ? el('li', { class: 'map-more' }, words.more(networks.more)) : [])
        : el('p', {}, words.none),
      el('h4', {}, words.partners),
      partners.length
        ? el('ul', { class: 'map-partners' }, shownPartners.shown.map((p) => {
          const button = el('button', { type: 'button', class: 'link-button', 'data-id': p.id }, name(p.id));
          button.addEventListener('click', () => select(p.id));
          return el('li', {}, button, ` — ${words.weight(p.weight)} (${listed(p.via, p.weight, PANEL_VIA)})`);
        }), shownPartners.more ? el('li', { class: 'map-more' }, words.more(shownPartners.more)) : [])
        : el('p', {}, words.none),
      plan);
  }

  async function drawTimeline() {
    let result;
    try {
      result = await getJson('/api/analytics/timeline?view=regions');
    } catch (e) {
      if (gone) return;
      // a graph too large for the regions view: say so in the page's language
      const message = e.problem?.code === 'view-too-large'
        ? words.tooLarge(tooLargeParams(e, 'regions', ctx.lang).ties)
        : e.message;
      timeline.replaceChildren(el('p', { class: 'message error' }, message));
      return;
    }
    if (gone) return;
    const periods = result.periods;
    const w = 360;
    const h = 120;
    const left = 40; // room for "120k"
    // counts as 121k on the axis and above the bars (the title and label keep the exact number)
    const short = (n) => (n < 1000 ? String(n) : d3.format('.3~s')(n));
    const x = d3.scaleBand().domain(periods.map((p) => p.period)).range([left, w - 10]).padding(0.25);
    const y = d3.scaleLinear().domain([0, d3.max(periods, (p) => p.ties) || 1]).nice().range([h - 20, 10]);
    clear(timeline);
    const svgChart = d3.select(timeline).append('svg').attr('viewBox', `0 0 ${w} ${h}`)
      .attr('role', 'img').attr('aria-label', periods.map(words.chart).join('; '));
    chart = svgChart.selectAll('rect').data(periods).join('rect')
      .attr('data-period', (p) => p.period)
      .attr('x', (p) => x(p.period)).attr('width', x.bandwidth())
      .attr('y', (p) => y(p.ties)).attr('height', (p) => y(0) - y(p.ties));
    chart.append('title').text(words.chart);
    svgChart.selectAll('text.map-bar-value').data(periods).join('text').attr('class', 'map-bar-value')
      .attr('x', (p) => x(p.period) + x.bandwidth() / 2).attr('y', (p) => y(p.ties) - 2)
      .attr('text-anchor', 'middle').text((p) => short(p.ties));
    svgChart.append('g').attr('transform', `translate(0,${h - 20})`).call(d3.axisBottom(x).tickSizeOuter(0));
    svgChart.append('g').attr('transform', `translate(${left},0)`)
      .call(d3.axisLeft(y).ticks(4).tickFormat((n) => (Number.isInteger(n) ? short(n) : '')));
    markPeriod();
  }

  function markPeriod() {
    chart?.classed('is-current', (p) => p.period === state.period);
  }

  return () => {
    gone = true;
  };
}
