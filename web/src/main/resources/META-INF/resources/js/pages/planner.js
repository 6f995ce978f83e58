// Planner: pick a region (by name, id or NUTS code, or on the map) and a theme, see the ranked
// partner regions with their reasons on a map and in a list, and the region's gaps; download the
// plan as CSV or print it on one A4 page. Data: /api/planner, /api/themes, /api/planner/map.

import { el, clear } from '../dom.js';
import { getJson } from '../api.js';
import { hashFor } from '../routes.js';
import { CREDITS, EUROPE, mainPolygon, regionLookup, shapesOf } from '../map-model.js';
import { loadGeo, regionPoints } from '../region-shapes.js';

const LIMIT = 20;
/** What the printed page has room for: the rest is in the CSV. */
const PRINT_PARTNERS = 6;
const PRINT_GAPS = 7;
const WIDTH = 420;
const HEIGHT = 440;

const TEXT = {
  it: {
    title: 'Pianificatore di cooperazione',
    region: 'Regione (nome, id o codice NUTS)',
    noRegion: 'Scrivi una regione (nome, id o codice NUTS) o clicca una regione sulla mappa.',
    regionColumn: 'Regione',
    theme: 'Tema',
    anyTheme: 'Qualsiasi tema',
    fold: 'Valuta ogni provincia e comune a sé',
    go: 'Cerca partner',
    partners: 'Partner consigliati',
    gaps: 'Lacune',
    notes: 'Da sapere',
    score: 'Punteggio',
    tied: 'già legata',
    reasons: 'Perché',
    csv: 'Scarica CSV',
    print: 'Stampa il riepilogo (A4)',
    none: 'Nessun partner trovato.',
    noGaps: 'Nessuna lacuna.',
    loading: 'Calcolo i partner…',
    summary: 'Piano di cooperazione per',
    printTitle: 'netmap · Piano di cooperazione',
    date: 'Data',
    dataVersion: 'versione dei dati',
    sources: 'Fonti',
    mapLabel: 'Mappa della regione e dei partner',
    mapCaption: 'In oro la regione scelta; in blu i partner, più scuri se più consigliati; i numeri sono il rango. Clicca una regione per sceglierla.',
    more: (n) => `… e ancora ${n} nel CSV`,
    count: (n) => `${n} ${n === 1 ? 'rete o progetto' : 'reti e progetti'}`,
  },
  en: {
    title: 'Cooperation planner',
    region: 'Region (name, id or NUTS code)',
    noRegion: 'Type a region (name, id or NUTS code) or click a region on the map.',
    regionColumn: 'Region',
    theme: 'Theme',
    anyTheme: 'Any theme',
    fold: 'Rank every province and town on its own',
    go: 'Find partners',
    partners: 'Suggested partners',
    gaps: 'Gaps',
    notes: 'Good to know',
    score: 'Score',
    tied: 'already tied',
    reasons: 'Why',
    csv: 'Download CSV',
    print: 'Print the summary (A4)',
    none: 'No partner found.',
    noGaps: 'No gaps.',
    loading: 'Ranking partners…',
    summary: 'Cooperation plan for',
    printTitle: 'netmap · Cooperation plan',
    date: 'Date',
    dataVersion: 'data version',
    sources: 'Sources',
    mapLabel: 'Map of the region and its partners',
    mapCaption: 'Gold: the region planned for; blue: its partners, darker when more recommended; numbers are ranks. Click a region to plan for it.',
    more: (n) => `… and ${n} more in the CSV`,
    count: (n) => `${n} ${n === 1 ? 'network or project' : 'networks and projects'}`,
  },
};

/** The theme's name in the language, with how many networks and projects work on it. */
function themeLabel(theme, lang, words) {
  const name = lang === 'it' || !theme.nameEn ? theme.name : theme.nameEn;
  const n = theme.counts.networks + theme.counts.projects;
  return { name, label: `${name} (${words.count(n)})` };
}

export function mount(root, ctx, params = ctx.params ?? {}) {
  const d3 = window.d3;
  const lang = ctx.lang === 'it' ? 'it' : 'en';
  const words = TEXT[lang];
  // a link (the map's "plan" button, a shared URL) says everything; else the last plan is back
  const linked = params.region !== undefined;
  const remembered = (key) => (linked ? undefined : ctx.storage?.get(key));
  const initial = params.region ?? remembered('planner.region') ?? 'toscana';
  const region = el('input', { type: 'text', id: 'planner-region', value: initial, size: 24, list: 'planner-regions', autocomplete: 'off' });
  const regions = el('datalist', { id: 'planner-regions' });
  const theme = el('select', { id: 'planner-theme' }, el('option', { value: '' }, words.anyTheme));
  const fold = el('input', { type: 'checkbox', id: 'planner-fold' });
  fold.checked = (params.fold ?? remembered('planner.fold')) === 'false';
  const go = el('button', { type: 'submit', id: 'planner-go' }, words.go);
  const out = el('div', { id: 'planner-result', class: 'planner-result' });
  const form = el('form', { id: 'planner-form', class: 'planner-form' },
    el('label', {}, words.region, region), regions,
    el('label', {}, words.theme, theme),
    el('label', { class: 'check' }, fold, words.fold),
    go);
  clear(root);
  root.append(el('h2', {}, words.title), form, out);

  let gone = false;
  let current = null;
  let shapes = null;
  let controller = null;
  const wantedTheme = params.theme ?? remembered('planner.theme') ?? '';
  // the theme list first, so a theme from the link is selected before the first plan
  const themesReady = getJson('/api/themes')
    .then((themes) => {
      const items = themes.map((t) => ({ id: t.id, ...themeLabel(t, lang, words) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang));
      for (const t of items) theme.append(el('option', { value: t.id }, t.label));
      theme.value = items.some((t) => t.id === wantedTheme) ? wantedTheme : '';
    })
    .catch((e) => out.replaceChildren(el('p', { class: 'message error' }, e.message)));
  // the region names only: no collaborations listed (a programme graph's map names 40,000)
  getJson('/api/planner/map?via=0&collaborations=0')
    .then((map) => {
      for (const r of [...map.regions].sort((a, b) => a.name.localeCompare(b.name, lang))) {
        regions.append(el('option', { value: r.name }, r.nuts ? `${r.name} (${r.nuts})` : r.name));
      }
    })
    .catch(() => {});
  loadGeo().then((s) => {
    shapes = s;
    if (current) drawMap(current);
  }).catch(() => {});

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  themesReady.finally(() => run());

  async function run() {
    const key = region.value.trim();
    if (!key) {
      // nothing to plan for (the field was emptied): say so rather than ask the server
      controller?.abort();
      out.replaceChildren(el('p', { class: 'message', id: 'planner-no-region' }, words.noRegion));
      return;
    }
    const q = new URLSearchParams({ region: key, limit: String(LIMIT), lang });
    if (theme.value) q.set('theme', theme.value);
    if (fold.checked) q.set('fold', 'false');
    ctx.storage?.set('planner.region', key);
    ctx.storage?.set('planner.theme', theme.value);
    ctx.storage?.set('planner.fold', fold.checked ? 'false' : 'true');
    ctx.replaceParams?.({ region: key, theme: theme.value, fold: fold.checked ? 'false' : '' });
    controller?.abort();
    controller = new AbortController();
    const done = ctx.progress?.start(words.loading);
    try {
      const plan = await getJson(`/api/planner?${q}`, { signal: controller.signal });
      if (gone) return;
      current = { plan, query: q };
      show(current);
    } catch (e) {
      if (e.name !== 'AbortError') out.replaceChildren(el('p', { class: 'message error', id: 'planner-error' }, e.message));
    } finally {
      done?.();
    }
  }

  function show({ plan, query }) {
    const title = `${plan.region.name}${plan.region.nuts ? ` (${plan.region.nuts})` : ''}`;
    const themeName = plan.theme ? (lang === 'it' || !plan.theme.nameEn ? plan.theme.name : plan.theme.nameEn) : null;
    const heading = `${words.summary} ${title}${themeName ? ` · ${themeName}` : ''}`;
    const date = new Date().toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

    const table = plan.partners.length
      ? el('table', { class: 'planner-partners', id: 'planner-partners' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, '#'), el('th', { scope: 'col' }, words.regionColumn),
          el('th', { scope: 'col', class: 'nuts' }, 'NUTS'), el('th', { scope: 'col' }, words.score),
          el('th', { scope: 'col' }, words.reasons))),
        el('tbody', {}, plan.partners.map((p, i) => el('tr', { 'data-id': p.id, class: i >= PRINT_PARTNERS ? 'is-extra' : null },
          el('td', { class: 'num' }, i + 1),
          el('td', {}, el('a', { href: hashFor('explore', { node: p.id }) }, p.name), p.tied ? ` · ${words.tied}` : ''),
          el('td', { class: 'nuts' }, p.nuts ?? '—'),
          el('td', { class: 'num' }, p.score),
          el('td', {}, el('ul', {}, p.reasons.map((r) => el('li', { 'data-code': r.code }, r.text))))))))
      : el('p', { id: 'planner-none' }, words.none);
    const extraPartners = Math.max(0, plan.partners.length - PRINT_PARTNERS);
    const extraGaps = Math.max(0, plan.gaps.length - PRINT_GAPS);
    const csv = el('a', { class: 'button', id: 'planner-csv', href: `/api/planner/csv?${query}`, download: `netmap-plan-${plan.region.id}.csv` }, words.csv);
    const print = el('button', { type: 'button', id: 'planner-print' }, words.print);
    print.addEventListener('click', () => window.print());
    const mapHost = el('figure', { class: 'planner-map', id: 'planner-map' });

    out.replaceChildren(...[
      el('header', { class: 'planner-print-head print-only' },
        el('h1', {}, words.printTitle),
        el('p', {}, el('strong', {}, title), themeName ? ` · ${words.theme}: ${themeName}` : '',
          ` · ${words.date}: ${date} · ${words.dataVersion} ${plan.dataVersion}`)),
      el('h3', { class: 'no-print', id: 'planner-heading' }, heading),
      plan.notes.length ? el('ul', { class: 'planner-notes', id: 'planner-notes', 'aria-label': words.notes },
        plan.notes.map((n) => el('li', { 'data-code': n.code }, n.text))) : null,
      el('div', { class: 'planner-actions' }, csv, print),
      el('div', { class: 'planner-body' },
        mapHost,
        el('section', { 'aria-label': words.partners },
          el('h3', {}, words.partners), table,
          extraPartners ? el('p', { class: 'print-only' }, words.more(extraPartners)) : null)),
      el('h3', {}, words.gaps),
      plan.gaps.length
        ? el('ul', { class: 'planner-gaps', id: 'planner-gaps' },
          plan.gaps.map((g, i) => el('li', { 'data-kind': g.kind, class: i >= PRINT_GAPS ? 'is-extra' : null }, g.text)))
        : el('p', {}, words.noGaps),
      extraGaps ? el('p', { class: 'print-only planner-gaps' }, words.more(extraGaps)) : null,
      el('p', { class: 'planner-sources', id: 'planner-sources' },
        plan.sources.length ? `${words.sources}: ${plan.sources.map((s) => [s.title, s.publisher, s.date].filter(Boolean).join(', ')).join(' · ')}. ` : '',
        `netmap · ${CREDITS}.`),
    ].filter(Boolean));
    drawMap({ plan });
  }

  function drawMap({ plan }) {
    const host = out.querySelector('#planner-map');
    if (!host || !shapes) return;
    const rank = new Map(plan.partners.map((p, i) => [p.id, i]));
    const located = [plan.region, ...plan.partners].filter((r) => r.nuts);
    const lookup = regionLookup(located);
    const own = (f) => lookup.regionOf(f.properties.NUTS_ID) ?? null;
    // fit the region and its partners (their main shapes: not France's overseas regions)
    const projection = d3.geoAzimuthalEqualArea().rotate([-10, -52]);
    const probe = d3.geoPath(projection);
    let polygons = located.map((r) => mainPolygon(shapesOf(r.nuts, shapes.countries, shapes.nuts2), probe.area))
      .filter(Boolean);
    // a region alone is shown in its country
    if (polygons.length === 1 && plan.region.nuts) {
      const country = mainPolygon(shapesOf(plan.region.nuts.slice(0, 2), shapes.countries, shapes.nuts2), probe.area);
      if (country) polygons = [country];
    }
    projection.fitExtent([[12, 12], [WIDTH - 12, HEIGHT - 12]],
      polygons.length ? { type: 'GeometryCollection', geometries: polygons } : EUROPE);
    const path = d3.geoPath(projection);
    const max = d3.max(plan.partners, (p) => p.score) || 1;
    const colour = (p) => d3.interpolateBlues(0.3 + 0.7 * (p.score / max));
    const partnerOf = (r) => (r && rank.has(r.id) ? plan.partners[rank.get(r.id)] : null);

    clear(host);
    const canvas = d3.select(host).append('div').attr('class', 'map-canvas');
    const svg = canvas.append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('role', 'img').attr('aria-label', words.mapLabel);
    const clip = `planner-clip-${Math.random().toString(36).slice(2)}`;
    svg.append('clipPath').attr('id', clip).append('rect').attr('width', WIDTH).attr('height', HEIGHT);
    const g = svg.append('g').attr('clip-path', `url(#${clip})`);
    g.append('g').selectAll('path').data(shapes.countries).join('path')
      .attr('class', 'map-country').attr('d', path).attr('data-nuts', (f) => f.properties.NUTS_ID)
      .classed('is-plan-region', (f) => lookup.countryOf(f.properties.NUTS_ID)?.id === plan.region.id)
      .classed('is-partner', (f) => !!partnerOf(lookup.countryOf(f.properties.NUTS_ID)))
      .style('fill', (f) => { const p = partnerOf(lookup.countryOf(f.properties.NUTS_ID)); return p ? colour(p) : null; })
      .on('click', (event, f) => pick(f.properties.NUTS_ID));
    g.append('g').selectAll('path').data(shapes.nuts2).join('path')
      .attr('class', 'map-region').attr('d', path).attr('data-nuts', (f) => f.properties.NUTS_ID)
      .classed('is-plan-region', (f) => own(f)?.id === plan.region.id)
      .classed('is-partner', (f) => !!partnerOf(own(f)))
      .style('fill', (f) => { const p = partnerOf(own(f)); return p ? colour(p) : 'transparent'; })
      .on('click', (event, f) => pick(f.properties.NUTS_ID))
      .append('title').text((f) => {
        const r = own(f);
        const p = partnerOf(r);
        return p ? `${rank.get(p.id) + 1}. ${p.name}: ${p.score}` : r?.name ?? f.properties.NAME_LATN ?? f.properties.NUTS_ID;
      });
    const points = regionPoints(plan.partners.filter((p) => p.nuts), shapes, path);
    g.append('g').selectAll('text').data(plan.partners.filter((p) => points.has(p.id))).join('text')
      .attr('class', 'plan-rank').attr('data-id', (p) => p.id)
      .attr('x', (p) => points.get(p.id)[0]).attr('y', (p) => points.get(p.id)[1] + 4)
      .attr('text-anchor', 'middle').text((p) => rank.get(p.id) + 1);
    canvas.append('div').attr('class', 'map-credits').text(CREDITS);
    d3.select(host).append('figcaption').attr('class', 'map-caption no-print').text(words.mapCaption);
  }

  /** A click on the map plans for the region clicked (its NUTS code; the server finds it). */
  function pick(code) {
    region.value = code;
    run();
  }

  return () => {
    gone = true;
    controller?.abort();
  };
}
