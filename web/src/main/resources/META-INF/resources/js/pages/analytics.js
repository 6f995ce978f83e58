// Analytics: hubs, brokers, communities and gaps of a chosen view, as tables next to the graph; a
// row highlights its nodes; communities can colour the graph.

import { cellText, communityOf, fallbackView, humanise, idsInRow, summaryOf, tablesOf, tooLargeParams } from '../analytics-model.js';
import { createGraph, endId, mergeGraph, radii, viewDegrees } from '../graph-model.js';
import { createGraphView } from '../graph-view.js';
import { displayName, labelName } from '../i18n.js';
import { COMMUNITY_COLOURS, swatch } from '../styles.js';
import { el, clear } from '../dom.js';

const VIEWS = ['two-mode', 'actors', 'regions', 'stored'];
const METRICS = [
  'degree',
  'weighted-degree',
  'pagerank',
  'betweenness',
  'harmonic',
  'coreness',
  'clustering',
  'constraint',
  'effective-size',
];
const TABS = ['hubs', 'brokers', 'communities', 'gaps'];
const GRAPH_LIMIT = 1500;

export function mount(root, ctx) {
  const { t, api, lang } = ctx;
  const session = (ctx.session.analytics ??= { view: 'two-mode', metric: 'degree', tab: 'hubs', colour: false });
  let destroyed = false;
  let graph = createGraph();
  let communities = null;
  let highlight = null;

  const viewSelect = el(
    'select',
    { id: 'analytics-view' },
    ...VIEWS.map((v) => el('option', { value: v, selected: v === session.view ? '' : null }, t(`view.${v}`))),
  );
  const metricSelect = el(
    'select',
    { id: 'analytics-metric' },
    ...METRICS.map((m) => el('option', { value: m, selected: m === session.metric ? '' : null }, t(`metric.${m}`) === `metric.${m}` ? humanise(m) : t(`metric.${m}`))),
  );
  const colourBox = el('input', { type: 'checkbox', id: 'colour-communities', checked: session.colour ? '' : null });
  const tabList = el('div', { role: 'tablist', class: 'tabs', 'aria-label': t('analytics.title') });
  const panel = el('div', { role: 'tabpanel', class: 'tab-panel', id: 'analytics-panel', tabindex: '0' });
  const graphHost = el('div', { class: 'graph-host analytics-graph', id: 'analytics-graph' });
  // says when a view was refused for its size and another is shown instead
  const notice = el('p', { class: 'message warning', id: 'analytics-notice', role: 'status', hidden: '' });

  root.append(
    el(
      'section',
      { class: 'analytics' },
      el('h1', {}, t('analytics.title')),
      el(
        'div',
        { class: 'toolbar' },
        el('label', { for: 'analytics-view', class: 'group' }, el('span', {}, t('analytics.view')), viewSelect),
        el('label', { for: 'analytics-metric', class: 'group metric-group' }, el('span', {}, t('analytics.metric')), metricSelect),
        el('label', { for: 'colour-communities', class: 'group check' }, colourBox, t('analytics.colourCommunities')),
      ),
      notice,
      el(
        'div',
        { class: 'analytics-body' },
        el('div', { class: 'analytics-tables panel' }, tabList, el('p', { class: 'hint' }, t('analytics.highlightHint')), panel),
        graphHost,
      ),
    ),
  );

  const tabs = TABS.map((name) => {
    const b = el(
      'button',
      { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'analytics-panel', 'aria-selected': String(name === session.tab), tabindex: name === session.tab ? '0' : '-1' },
      t(`analytics.${name}`),
    );
    b.addEventListener('click', () => selectTab(name));
    b.addEventListener('keydown', (event) => {
      const i = TABS.indexOf(name);
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const next = TABS[(i + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
        selectTab(next);
        tabs.find((x) => x.id === `tab-${next}`).focus();
      }
    });
    tabList.append(b);
    return b;
  });

  const view = createGraphView(graphHost, {
    lang,
    ariaLabel: t('explore.graphLabel'),
    onActivate: (node) => ctx.navigate('explore', { node: node.id }),
    onRest: () => {
      if (fitPending) {
        fitPending = false;
        view.fit(highlight ? withNeighbours(highlight) : null, 500, highlight ? 1 : 2.5);
      }
    },
  });
  let fitPending = true;

  function selectTab(name) {
    session.tab = name;
    for (const b of tabs) {
      const on = b.id === `tab-${name}`;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `tab-${name}`);
    metricSelect.closest('label').hidden = name !== 'hubs';
    if (highlight) {
      highlight = null;
      draw();
      view.fit();
    }
    loadTable();
  }

  viewSelect.addEventListener('change', async () => {
    session.view = viewSelect.value;
    notice.hidden = true;
    communities = null;
    highlight = null;
    await loadGraph();
    loadTable();
    if (session.colour) loadCommunities();
  });
  metricSelect.addEventListener('change', () => {
    session.metric = metricSelect.value;
    loadTable();
  });
  colourBox.addEventListener('change', () => {
    session.colour = colourBox.checked;
    if (session.colour && !communities) loadCommunities();
    else draw();
  });

  function params(kind) {
    const p = { view: session.view, limit: 50 };
    if (kind === 'hubs') p.metric = session.metric;
    return p;
  }

  /**
   * After an error: when the server refused the view for its size, shows the fallback view
   * instead, says so, and returns true; else false.
   */
  function fellBack(e) {
    const next = fallbackView(e, session.view);
    if (!next || destroyed) return false;
    const { view: refused, ties } = tooLargeParams(e, session.view, lang);
    session.view = next;
    viewSelect.value = next;
    communities = null;
    notice.textContent = t('analytics.tooLarge', { view: t(`view.${refused}`), ties, fallback: t(`view.${next}`) });
    notice.hidden = false;
    return true;
  }

  let tableToken = 0;
  async function loadTable() {
    const token = ++tableToken;
    const kind = session.tab;
    clear(panel);
    panel.append(el('p', { class: 'muted' }, t('loading')));
    const done = ctx.progress.start(t('loading'));
    try {
      const json = await api.analytics(kind, params(kind));
      if (token !== tableToken || destroyed) return;
      renderAnswer(kind, json);
      if (kind === 'communities') {
        communities = communityOf(json, new Set(graph.nodes.keys()));
        draw();
      }
    } catch (e) {
      if (token !== tableToken || destroyed) return;
      if (fellBack(e)) {
        done();
        await loadGraph();
        loadTable();
        if (session.colour) loadCommunities();
        return;
      }
      clear(panel);
      const message =
        e.status === 404
          ? t('analytics.missing', { status: 'HTTP 404' })
          : t('error.generic', { message: e.message });
      panel.append(el('p', { class: `message ${e.status === 404 ? 'warning' : 'error'}`, role: 'alert' }, message));
    } finally {
      done();
    }
  }

  async function loadCommunities() {
    try {
      const json = await api.analytics('communities', { view: session.view });
      if (destroyed) return;
      communities = communityOf(json, new Set(graph.nodes.keys()));
    } catch (e) {
      if (fellBack(e)) {
        await loadGraph();
        loadTable();
        loadCommunities();
        return;
      }
      communities = new Map();
    }
    draw();
  }

  function nameOf(id) {
    const n = graph.nodes.get(id);
    return n ? displayName(n, lang) : id;
  }

  function renderAnswer(kind, json) {
    clear(panel);
    const summary = summaryOf(json).filter(
      ([k, v]) => !['view', 'metric', 'order', 'algorithm'].includes(k) && v !== null && v !== undefined,
    );
    if (summary.length) {
      panel.append(
        el(
          'p',
          { class: 'summary' },
          summary
            .map(([k, v]) =>
              k === 'exact' ? t(v ? 'analytics.exact' : 'analytics.approx') : `${term(k)}: ${cellText(v)}`,
            )
            .join(' · '),
        ),
      );
    }
    const tables = tablesOf(json);
    if (!tables.length || tables.every((tb) => !tb.rows.length)) {
      panel.append(el('p', { class: 'muted' }, t('analytics.empty')));
    }
    const known = new Set(graph.nodes.keys());
    for (const table of tables) {
      if (tables.length > 1) panel.append(el('h2', { class: 'table-title' }, term(table.key)));
      if (!table.rows.length) {
        panel.append(el('p', { class: 'muted' }, t('analytics.empty')));
        continue;
      }
      const columns = table.columns.filter((c) => c !== 'id' && c !== 'truncated');
      // rows about a node have a name; rows without one (communities) use label as their own name
      const aboutNodes = columns.includes('name');
      const head = el(
        'tr',
        {},
        ...columns.map((c) => el('th', { scope: 'col' }, c === 'label' && !aboutNodes ? term('group') : columnTitle(c))),
      );
      const body = el('tbody');
      table.rows.forEach((row) => {
        const ids = idsInRow(row, known);
        const tr = el('tr', { tabindex: '0', 'data-id': row.id ?? '', class: 'row' });
        for (const c of columns) {
          const value = row[c];
          if (c === 'name') {
            const td = el('td', { class: 'name' });
            if (row.label) td.insertAdjacentHTML('afterbegin', swatch(row.label));
            td.append(' ', lang === 'en' && row.nameEn ? row.nameEn : nameOf(row.id) !== row.id ? nameOf(row.id) : String(value ?? ''));
            tr.append(td);
          } else if (c === 'label' && aboutNodes) {
            tr.append(el('td', {}, labelName(value, lang)));
          } else {
            tr.append(el('td', { class: typeof value === 'number' ? 'num' : null }, cellText(value, nameOf)));
          }
        }
        const activate = () => {
          for (const other of panel.querySelectorAll('tr.active')) other.classList.remove('active');
          tr.classList.add('active');
          highlight = ids.size ? ids : null;
          draw();
          if (ids.size) view.fit(withNeighbours(ids), 500, 1);
        };
        tr.addEventListener('click', activate);
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            activate();
          }
        });
        body.append(tr);
      });
      panel.append(el('table', { class: 'data', 'data-table': table.key }, el('thead', {}, head), body));
    }
  }

  /** The ids with their neighbours in the graph, so a highlighted node is seen in context. */
  function withNeighbours(ids) {
    const out = new Set(ids);
    for (const l of graph.links.values()) {
      const s = endId(l.source);
      const t2 = endId(l.target);
      if (ids.has(s)) out.add(t2);
      if (ids.has(t2)) out.add(s);
    }
    return out;
  }

  function columnTitle(c) {
    const key = { rank: 'analytics.rank', name: 'analytics.name', label: 'analytics.label', score: 'analytics.score' }[c];
    return key ? t(key) : term(c);
  }

  /** A key of the analytics answers in words, in the language. */
  function term(key) {
    const text = t(`term.${key}`);
    return text === `term.${key}` ? humanise(key) : text;
  }

  function draw() {
    const nodes = [...graph.nodes.values()];
    const links = [...graph.links.values()];
    const ids = new Set(nodes.map((n) => n.id));
    let colours = null;
    if (session.colour && communities && communities.size) {
      colours = new Map([...communities].map(([id, c]) => [id, COMMUNITY_COLOURS[Math.abs(c) % COMMUNITY_COLOURS.length]]));
      for (const n of nodes) if (!colours.has(n.id)) colours.set(n.id, '#c8c8c8');
    }
    view.update({ nodes, links, radius: radii(ids, viewDegrees(links), { min: 4, max: 16 }), colours, highlight });
  }

  /** The chosen view as a graph (a projection for actors and regions); the stored graph if the API has no views. */
  async function loadGraph() {
    const done = ctx.progress.start(t('loading'));
    try {
      let json;
      try {
        json = await api.analyticsGraph(session.view, GRAPH_LIMIT);
      } catch (e) {
        if (e.status !== 404) throw e;
        json = await api.graph(GRAPH_LIMIT);
      }
      if (destroyed) return;
      graph = createGraph();
      // Source nodes link to nothing: they would only float around the picture
      mergeGraph(graph, { ...json, nodes: json.nodes.filter((n) => n.label !== 'Source') });
      fitPending = true;
      draw();
    } catch (e) {
      if (fellBack(e)) {
        done();
        await loadGraph();
        return;
      }
      graphHost.append(el('p', { class: 'message error' }, t('error.generic', { message: e.message })));
    } finally {
      done();
    }
  }

  (async () => {
    await loadGraph();
    selectTab(session.tab);
    if (session.colour) loadCommunities();
  })();

  return () => {
    destroyed = true;
    view.destroy();
  };
}
