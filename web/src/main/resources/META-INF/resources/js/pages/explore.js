// Explore: search, a neighbourhood as a force-directed graph that grows on click, filters, a
// details panel with the sources of every fact, undo, save/restore and export.

import {
  History,
  PAGE,
  addNode,
  applyFilters,
  completeNode,
  createGraph,
  defaultFilters,
  endId,
  hideNode,
  isPartial,
  kindsInView,
  mergeGraph,
  MAX_NEIGHBOURS,
  moreStubs,
  nextLimit,
  periodsInView,
  radii,
  relationsOf,
  themesInView,
  viewDegrees,
} from '../graph-model.js';
import { displayName, labelName, localisedProperties, roleName, typeName } from '../i18n.js';
import { canEdit, deleteForm, editApi, historyPanel, mergeForm, nodeForm, relationshipForm } from '../editing.js';
import { createGraphView } from '../graph-view.js';
import {
  STORAGE_KEY,
  applyPositions,
  captureState,
  decodeState,
  encodeState,
  filtersFrom,
  restorePlan,
} from '../layout-state.js';
import { createSearchBox } from '../search-box.js';
import { swatch } from '../styles.js';
import { syntheticGraph } from '../synthetic.js';
import { el, clear } from '../dom.js';

const METRICS = ['viewDegree', 'degree', 'pagerank', 'betweenness', 'none'];
const WHOLE_LIMITS = [500, 5000, 50000];
/** Saved views longer than this stay out of the URL (local storage only). */
const URL_STATE_MAX = 6000;

export function mount(root, ctx) {
  const { t, api, lang } = ctx;
  const session = (ctx.session.explore ??= {
    graph: createGraph(),
    history: new History(),
    filters: defaultFilters(),
    metric: 'viewDegree',
    selected: null,
    transform: null,
    metricCache: new Map(),
    sourceTitles: new Map(),
  });
  let destroyed = false;
  let fitOnRest = false;
  /** Whether the user may edit (GET /api/me says editor or admin); edit controls show only then. */
  let editor = false;
  let formCleanup = null;
  let historyCleanup = null;

  // ---------------------------------------------------------------- layout
  const page = el('section', { class: 'explore', 'aria-labelledby': 'explore-heading' });
  const heading = el('h1', { id: 'explore-heading', class: 'visually-hidden' }, t('nav.explore'));
  const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('nav.explore') });
  const searchHost = el('div', { class: 'search-host' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const filtersBox = el('details', { class: 'filters panel', open: window.innerWidth > 900 ? '' : null });
  const graphHost = el('div', { class: 'graph-host', id: 'graph' });
  const empty = el('p', { class: 'empty-state' }, t('explore.empty'));
  const hint = el('p', { class: 'hint' }, t('explore.hint'));
  const details = el('aside', {
    class: 'details panel',
    id: 'details',
    tabindex: '-1',
    'aria-labelledby': 'details-heading',
  });
  page.append(
    heading,
    el('div', { class: 'explore-top' }, searchHost, toolbar),
    status,
    el('div', { class: 'explore-body' }, filtersBox, el('div', { class: 'graph-column' }, graphHost, empty, hint), details),
  );
  root.append(page);

  // ---------------------------------------------------------------- search
  const search = createSearchBox(searchHost, {
    t,
    lang,
    search: (q, signal) => api.search(q, 8, { signal }),
    onChoose: (hit) => openNode(hit),
  });

  // ---------------------------------------------------------------- toolbar
  const button = (key, onClick, extra = {}) => {
    const b = el('button', { type: 'button', ...extra }, t(key));
    b.addEventListener('click', onClick);
    return b;
  };
  const wholeLimit = el(
    'select',
    { 'aria-label': t('explore.wholeGraphLimit'), id: 'whole-limit' },
    ...WHOLE_LIMITS.map((n) => el('option', { value: String(n) }, n.toLocaleString(lang))),
  );
  const metricSelect = el(
    'select',
    { id: 'metric' },
    ...METRICS.map((m) => el('option', { value: m, selected: m === session.metric ? '' : null }, t(`metric.${m}`))),
  );
  metricSelect.addEventListener('change', () => {
    session.metric = metricSelect.value;
    refresh();
  });
  const undoButton = button('explore.undo', () => undo(), { id: 'undo', 'aria-keyshortcuts': 'Control+Z' });
  const restoreButton = button('explore.restore', () => restoreSaved(), { id: 'restore' });
  toolbar.append(
    el('span', { class: 'group' }, button('explore.wholeGraph', () => loadWhole(Number(wholeLimit.value)), { id: 'whole' }), wholeLimit),
    el('label', { class: 'group', for: 'metric' }, el('span', {}, t('explore.sizeBy')), metricSelect),
    el(
      'span',
      { class: 'group' },
      button('explore.fit', () => view.fit(), { id: 'fit' }),
      undoButton,
      button('explore.clear', () => clearAll(), { id: 'clear' }),
    ),
    el('span', { class: 'group' }, button('explore.save', () => save(), { id: 'save' }), restoreButton),
    el(
      'span',
      { class: 'group', role: 'group', 'aria-label': t('explore.export') },
      button('explore.exportSvg', () => exportSvg(), { id: 'export-svg', title: `${t('explore.export')} SVG` }),
      button('explore.exportPng', () => exportPng(), { id: 'export-png', title: `${t('explore.export')} PNG` }),
    ),
  );

  editApi.me().then((me) => {
    if (destroyed || !canEdit(me)) return;
    editor = true;
    toolbar.append(el('span', { class: 'group edit-group' }, button('edit.newNode', () => openNodeForm(null), { id: 'new-node' })));
    renderDetails();
  });

  // ---------------------------------------------------------------- graph view
  let layoutProgress = null;
  const view = createGraphView(graphHost, {
    lang,
    ariaLabel: t('explore.graphLabel'),
    onActivate: (node) => {
      select(node.id);
      if (!session.graph.expanded.has(node.id)) expand(node.id);
    },
    onMore: (stub) => expand(stub.parent, nextLimit(session.graph, stub.parent)),
    onChange: () => {},
    onProgress: (fraction) => {
      if (fraction === null) {
        layoutProgress?.();
        layoutProgress = null;
        return;
      }
      layoutProgress ??= ctx.progress.start(t('layout', { pct: 0 }));
      layoutProgress.update(t('layout', { pct: Math.round(fraction * 100) }), fraction);
    },
    // a big graph's first places (laid out from scratch in a worker): show all of it at once
    onPlaced: () => {
      if (fitOnRest) view.fit(null, 0);
    },
    onRest: () => {
      if (fitOnRest) {
        fitOnRest = false;
        view.fit();
      }
    },
  });
  if (session.transform) view.setTransform(session.transform);

  const onKey = (event) => {
    const inField = /INPUT|SELECT|TEXTAREA/.test(document.activeElement?.tagName ?? '');
    if ((event.ctrlKey || event.metaKey) && event.key === 'z' && !inField) {
      event.preventDefault();
      undo();
    }
  };
  document.addEventListener('keydown', onKey);

  // Escape in the details panel closes it and gives the focus back to the node in the graph
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !session.selected) return;
    const id = session.selected;
    session.selected = null;
    refresh(false);
    renderDetails();
    view.focusNode(id);
  });

  // ---------------------------------------------------------------- actions
  async function run(text, work) {
    const done = ctx.progress.start(text);
    try {
      return await work();
    } catch (e) {
      if (e.name !== 'AbortError') showStatus(t('error.generic', { message: e.message }), true);
      return null;
    } finally {
      done();
    }
  }

  async function openNode(hit) {
    const graph = session.graph;
    session.history.push(graph);
    const wasEmpty = graph.nodes.size === 0;
    const node = addNode(graph, hit);
    if (wasEmpty) {
      node.x = 0;
      node.y = 0;
    }
    select(hit.id, false);
    if (!graph.expanded.has(hit.id)) {
      await run(t('loading'), async () => {
        const json = await api.neighbours(hit.id, PAGE);
        if (destroyed) return;
        mergeGraph(graph, json, { centre: hit.id, limit: PAGE });
      });
    }
    fitOnRest = true;
    refresh();
    select(hit.id);
  }

  async function expand(id, limit = PAGE) {
    const graph = session.graph;
    const e = graph.expanded.get(id);
    if (e && e.limit >= limit) return;
    await run(t('loading'), async () => {
      const json = await api.neighbours(id, limit);
      if (destroyed) return;
      session.history.push(graph);
      mergeGraph(graph, json, { centre: id, limit });
      refresh();
      if (session.selected === id) renderDetails();
    });
  }

  function hide(id) {
    session.history.push(session.graph);
    hideNode(session.graph, id);
    if (!session.graph.nodes.has(session.selected)) session.selected = null;
    refresh();
    renderDetails();
  }

  function undo() {
    if (session.history.undo(session.graph)) {
      if (!session.graph.nodes.has(session.selected)) session.selected = null;
      refresh();
      renderDetails();
    }
  }

  function clearAll() {
    session.history.push(session.graph);
    const g = createGraph();
    Object.assign(session.graph, g);
    session.selected = null;
    refresh();
    renderDetails();
  }

  async function loadWhole(limit) {
    await run(t('loading'), async () => {
      // compact: what drawing needs; the details panel reads the rest of a node it shows
      const json = await api.wholeGraph(limit);
      if (destroyed) return;
      session.history.push(session.graph);
      mergeGraph(session.graph, json, { partial: true });
      session.graph.whole = limit;
      fitOnRest = true;
      refresh();
      if (json.truncated) showStatus(t('explore.truncated', { shown: json.nodes.length, total: json.total }));
    });
  }

  function select(id, render = true) {
    session.selected = id;
    if (render) {
      refresh(false);
      renderDetails();
    }
  }

  // ---------------------------------------------------------------- drawing
  async function metricValues(visible) {
    const metric = session.metric;
    if (metric === 'none') return new Map();
    if (metric === 'viewDegree') return viewDegrees(visible.links);
    if (!session.metricCache.has(metric)) {
      try {
        const json = await api.scores('stored', metric);
        session.metricCache.set(metric, new Map(Object.entries(json.scores ?? {})));
      } catch (e) {
        showStatus(t('metric.unavailable', { message: e.status === 404 ? `HTTP 404` : e.message }), true);
        return viewDegrees(visible.links);
      }
    }
    return session.metricCache.get(metric);
  }

  let refreshToken = 0;
  let filtersStale = true;
  async function refresh(rebuildFilters = true) {
    const token = ++refreshToken;
    // a later refresh may overtake this one: it then rebuilds the filters in its place
    filtersStale ||= rebuildFilters;
    const graph = session.graph;
    const visible = applyFilters(graph, session.filters);
    const ids = new Set(visible.nodes.map((n) => n.id));
    const stubs = moreStubs(graph).filter((s) => ids.has(s.parent));
    const values = await metricValues(visible);
    if (destroyed || token !== refreshToken) return;
    view.update({
      nodes: visible.nodes,
      links: visible.links,
      stubs,
      radius: radii(ids, values),
      selected: session.selected,
    });
    empty.hidden = graph.nodes.size > 0;
    hint.hidden = graph.nodes.size === 0;
    undoButton.disabled = session.history.size === 0;
    restoreButton.disabled = !ctx.storage.get(STORAGE_KEY);
    const counts = t('explore.counts', { nodes: visible.nodes.length.toLocaleString(lang), links: visible.links.length.toLocaleString(lang) });
    showStatus(view.mode === 'canvas' ? `${counts} · ${t('explore.canvas')}` : counts);
    if (filtersStale) {
      filtersStale = false;
      renderFilters();
    }
  }

  function showStatus(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  // ---------------------------------------------------------------- filters
  function renderFilters() {
    const graph = session.graph;
    const f = session.filters;
    const { labels, types } = kindsInView(graph);
    const themes = themesInView(graph);
    const periods = periodsInView(graph);
    const check = (set, value, text, prefix) => {
      const id = `${prefix}-${value}`;
      const input = el('input', { type: 'checkbox', id, checked: set.has(value) ? null : '' });
      input.addEventListener('change', () => {
        if (input.checked) set.delete(value);
        else set.add(value);
        refresh(false);
      });
      return el('label', { for: id, class: 'check' }, input, text);
    };
    const selectOf = (id, value, options, onChange) => {
      const s = el(
        'select',
        { id },
        el('option', { value: '' }, t('explore.any')),
        ...options.map(([v, text]) => el('option', { value: v, selected: v === value ? '' : null }, text)),
      );
      s.addEventListener('change', () => onChange(s.value || null));
      return s;
    };
    clear(filtersBox);
    filtersBox.append(
      el('summary', {}, t('explore.filters')),
      el(
        'fieldset',
        {},
        el('legend', {}, t('explore.labels')),
        ...labels.map((l) => {
          const label = check(f.hiddenLabels, l, labelName(l, lang), 'label');
          label.insertAdjacentHTML('beforeend', swatch(l));
          return label;
        }),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, t('explore.types')),
        ...types.map((ty) => check(f.hiddenTypes, ty, typeName(ty, lang), 'type')),
      ),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'filter-theme' }, t('explore.theme')),
        selectOf('filter-theme', f.theme, themes.map((n) => [n.id, displayName(n, lang)]), (v) => {
          f.theme = v;
          refresh(false);
        }),
      ),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'filter-period' }, t('explore.period')),
        selectOf('filter-period', f.period, periods.map((p) => [p, p]), (v) => {
          f.period = v;
          refresh(false);
        }),
      ),
    );
  }

  // ---------------------------------------------------------------- details
  let detailsToken = 0;
  async function renderDetails() {
    const token = ++detailsToken;
    const graph = session.graph;
    const id = session.selected;
    formCleanup?.();
    formCleanup = null;
    historyCleanup?.();
    historyCleanup = null;
    clear(details);
    if (!id || !graph.nodes.has(id)) {
      details.append(el('h2', { id: 'details-heading' }, t('details.title')), el('p', { class: 'muted' }, t('details.none')));
      return;
    }
    const node = graph.nodes.get(id);
    // a node of the compact whole graph: read its properties and its links' first, then show them
    if (isPartial(graph, id)) completeDetails(id, token);
    const name = displayName(node, lang);
    const other = lang === 'en' ? node.name : node.nameEn;
    const e = graph.expanded.get(id);
    const pinned = node.fx !== undefined && node.fx !== null;
    const head = el('div', { class: 'details-head' });
    head.innerHTML = swatch(node.label, 18);
    head.append(el('h2', { id: 'details-heading' }, name));
    const actions = el('div', { class: 'actions' });
    if (!e) actions.append(button('details.expand', () => expand(id), { id: 'details-expand' }));
    else if (e.total > e.shown) {
      actions.append(
        button('details.expandMore', () => expand(id, nextLimit(graph, id)), { id: 'details-more' }),
      );
    }
    actions.append(
      button(pinned ? 'details.unpin' : 'details.pin', () => {
        view.togglePin(node);
        renderDetails();
      }, { 'aria-pressed': String(pinned) }),
      button('details.hide', () => hide(id), { id: 'details-hide' }),
      button('details.close', () => {
        session.selected = null;
        refresh(false);
        renderDetails();
      }),
    );
    details.append(
      head,
      el('p', { class: 'kind' }, labelName(node.label, lang), other && other !== name ? el('span', { lang: lang === 'en' ? null : 'en' }, ` · ${other}`) : ''),
      actions,
    );
    const formHost = el('div', { class: 'form-host' });
    if (editor) {
      details.append(
        el(
          'div',
          { class: 'actions edit-actions', role: 'group', 'aria-label': t('edit.editNode') },
          button('edit.editNode', () => openNodeForm(id), { id: 'edit-node' }),
          button('edit.addRelationship', () => openForm(id, (full) => relationshipForm(formHost, { t, lang, node: full, onDone: () => changed(id), onCancel: formCancelled(id) })), { id: 'edit-link' }),
          button('edit.merge', () => openForm(id, (full) => mergeForm(formHost, { t, lang, node: full, onDone: (r, other) => changed(id, { removed: [other] }), onCancel: formCancelled(id) })), { id: 'edit-merge' }),
          button('edit.delete', () => openForm(id, (full) => deleteForm(formHost, { t, lang, node: full, degree: full.degree, onDone: () => changed(null, { removed: [id] }), onCancel: formCancelled(id) })), { id: 'edit-delete', class: 'danger' }),
        ),
      );
    }
    details.append(formHost);

    const props = el('dl', { class: 'props' });
    for (const [key, value] of localisedProperties(node.properties, lang)) {
      props.append(el('dt', {}, key), el('dd', {}, Array.isArray(value) ? value.join(', ') : String(value)));
    }
    const degreeSlot = el('dd', {}, '…');
    props.append(el('dt', {}, t('details.degree')), degreeSlot);
    details.append(el('h3', {}, t('details.properties')), props);

    const relations = relationsOf(graph, id);
    const relList = el('ul', { class: 'relations' });
    for (const rel of relations) {
      const otherNode = rel.other;
      const link = el('a', { href: '#', class: 'node-link', 'data-id': otherNode?.id ?? '' }, displayName(otherNode, lang));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        if (otherNode) select(otherNode.id);
        details.focus();
      });
      const verb = rel.outgoing ? typeName(rel.type, lang) : `← ${typeName(rel.type, lang)}`;
      const li = el('li', {}, el('span', { class: 'verb' }, verb), ' ', link);
      const stored = otherNode
        ? graph.links.get(rel.outgoing ? `${id}|${rel.type}|${otherNode.id}` : `${otherNode.id}|${rel.type}|${id}`)
        : null;
      if (rel.role) li.append(' ', el('span', { class: 'role' }, `${t('details.role')}: ${roleName(rel.role, lang)}`));
      const dates = [rel.since, rel.until].filter(Boolean).join('–');
      if (dates) li.append(' ', el('span', { class: 'dates' }, `(${dates})`));
      if (rel.sources.length) {
        li.append(' ', el('span', { class: 'fact-sources' }, `${t('details.factSources')}: `, ...rel.sources.map((s, i) => [i ? ', ' : '', sourceLink(s)]).flat()));
      }
      if (editor && stored) {
        const other = displayName(otherNode, lang);
        const linkData = { source: endId(stored.source), target: endId(stored.target), type: stored.type, properties: stored.properties };
        li.append(
          ' ',
          el(
            'span',
            { class: 'rel-actions' },
            button('edit.editRelationship', () => openForm(id, (full) => relationshipForm(formHost, { t, lang, node: full, link: linkData, otherNode, onDone: () => changed(id), onCancel: formCancelled(id) })), {
              class: 'small',
              'aria-label': t('edit.editRelationshipLabel', { other }),
            }),
            button('edit.removeRelationship', () => openForm(id, (full) => deleteForm(formHost, { t, lang, node: full, link: linkData, otherNode, onDone: () => changed(id), onCancel: formCancelled(id) })), {
              class: 'small',
              'aria-label': t('edit.removeRelationshipLabel', { other }),
            }),
          ),
        );
      }
      relList.append(li);
    }
    details.append(el('h3', {}, t('details.relations')), relations.length ? relList : el('p', { class: 'muted' }, '—'));

    const sourcesList = el('ul', { class: 'sources' });
    details.append(el('h3', {}, t('details.sources')), sourcesList);
    const historyHost = el('div', { class: 'history-host' });
    details.append(historyHost);
    historyCleanup = historyPanel(historyHost, {
      t,
      lang,
      id,
      editor,
      nameOf: (other) => displayName(session.graph.nodes.get(other), lang) || other,
      onReverted: (entry) => changed(id, { touched: entry.nodes }),
    });

    try {
      const full = await api.node(id);
      if (token !== detailsToken || destroyed) return;
      degreeSlot.textContent = String(full.degree);
      for (const s of full.sources) {
        if (!session.sourceTitles.has(s.id)) session.sourceTitles.set(s.id, { title: s.title });
      }
      if (full.sources.length === 0) sourcesList.replaceWith(el('p', { class: 'muted' }, t('details.noSources')));
      for (const s of full.sources) sourcesList.append(el('li', {}, sourceLink(s.id)));
      await fillSourceTitles(token);
    } catch (err) {
      if (token === detailsToken) degreeSlot.textContent = t('error.generic', { message: err.message });
    }
  }

  /** Reads what the compact graph left out about a node, then shows its details again. */
  async function completeDetails(id, token) {
    try {
      const [full, around] = await Promise.all([api.node(id), api.neighbours(id, MAX_NEIGHBOURS)]);
      if (destroyed) return;
      completeNode(session.graph, id, full, around);
      if (token === detailsToken && session.selected === id) renderDetails();
    } catch (e) {
      if (token === detailsToken) showStatus(t('error.generic', { message: e.message }), true);
    }
  }

  // ---------------------------------------------------------------- editing
  /** Opens a form on the node as stored now (its current version), in the details panel. */
  async function openForm(id, show) {
    const token = detailsToken;
    try {
      const full = await api.node(id);
      if (destroyed || token !== detailsToken) return;
      formCleanup?.();
      const form = show(full);
      formCleanup = form?.destroy ?? null;
      details.querySelector('.edit-form')?.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      showStatus(t('error.generic', { message: e.message }), true);
    }
  }

  function openNodeForm(id) {
    if (id) {
      openForm(id, (full) =>
        nodeForm(details.querySelector('.form-host'), { t, lang, node: full, onDone: () => changed(id), onCancel: formCancelled(id, () => openNodeForm(id)) }),
      );
      return;
    }
    // a new node: the form takes the whole panel
    ++detailsToken;
    formCleanup?.();
    historyCleanup?.();
    clear(details);
    const host = el('div', { class: 'form-host' });
    details.append(el('h2', { id: 'details-heading', class: 'visually-hidden' }, t('edit.newNode')), host);
    nodeForm(host, {
      t,
      lang,
      node: null,
      onDone: (created) => {
        session.metricCache.clear();
        showStatus(t('edit.saved'));
        openNode(created);
      },
      onCancel: () => renderDetails(),
    });
  }

  /**
   * A cancelled form closes. One closed to reload (after a 409) reads the node and its
   * relationships again, and the node form opens again on the current value.
   */
  function formCancelled(id, reopen = null) {
    return async (options = {}) => {
      if (options.reload) {
        await changed(id, { saved: false });
        reopen?.();
      } else {
        await renderDetails();
        details.querySelector('#edit-node, #details-heading')?.focus();
      }
    };
  }

  /**
   * After a change: nodes it removed leave the view, the node's neighbourhood is read again (new
   * names, properties and relationships), metrics are recomputed.
   */
  async function changed(id, { removed = [], touched = [], saved = true } = {}) {
    const graph = session.graph;
    session.metricCache.clear();
    const gone = new Set(removed);
    // after a revert, any node it touched may have gone or come back
    for (const other of touched) {
      if (graph.nodes.has(other) && !gone.has(other)) {
        try {
          await api.node(other);
        } catch (e) {
          if (e.status === 404) gone.add(other);
        }
      }
    }
    for (const other of gone) if (graph.nodes.has(other)) hideNode(graph, other);
    if (id && !gone.has(id)) {
      await run(t('loading'), async () => {
        for (const [key, l] of graph.links) {
          if (endId(l.source) === id || endId(l.target) === id) graph.links.delete(key);
        }
        const limit = graph.expanded.get(id)?.limit ?? PAGE;
        const json = await api.neighbours(id, limit);
        if (destroyed) return;
        mergeGraph(graph, json, { centre: id, limit });
      });
    }
    if (!graph.nodes.has(session.selected)) session.selected = null;
    await refresh();
    if (saved) showStatus(t('edit.saved'));
    await renderDetails();
    details.focus();
  }

  function sourceLink(id) {
    const known = session.sourceTitles.get(id);
    const text = known ? sourceTitle(known) : id;
    return el('a', { href: `#/sources?id=${encodeURIComponent(id)}`, class: 'source-link', 'data-source': id }, text);
  }

  function sourceTitle(s) {
    return (lang === 'en' && s.titleEn) || s.title || s.id;
  }

  /** Replaces source ids by titles, fetching the titles not known yet. */
  async function fillSourceTitles(token) {
    const links = [...details.querySelectorAll('a.source-link')];
    const missing = [...new Set(links.map((a) => a.dataset.source))].filter(
      (s) => !session.sourceTitles.get(s)?.fetched,
    );
    await Promise.all(
      missing.map(async (s) => {
        try {
          const n = await api.node(s);
          session.sourceTitles.set(s, { id: s, title: n.properties?.title ?? n.name, titleEn: n.properties?.titleEn, fetched: true });
        } catch {
          session.sourceTitles.set(s, { id: s, title: s, fetched: true });
        }
      }),
    );
    if (token !== detailsToken || destroyed) return;
    for (const a of links) {
      const known = session.sourceTitles.get(a.dataset.source);
      if (known) a.textContent = sourceTitle(known);
    }
  }

  // ---------------------------------------------------------------- save, restore, export
  function currentState() {
    return captureState(session.graph, { filters: session.filters, metric: session.metric, transform: view.transform });
  }

  function save() {
    const encoded = encodeState(currentState());
    ctx.storage.set(STORAGE_KEY, encoded);
    ctx.replaceParams(encoded.length <= URL_STATE_MAX ? { view: encoded } : {});
    restoreButton.disabled = false;
    showStatus(t('explore.saved'));
  }

  function restoreSaved() {
    const state = decodeState(ctx.storage.get(STORAGE_KEY));
    if (state) restoreState(state);
  }

  async function restoreState(state) {
    const graph = createGraph();
    await run(t('loading'), async () => {
      for (const step of restorePlan(state)) {
        if (step.kind === 'graph') {
          mergeGraph(graph, await api.wholeGraph(step.limit), { partial: true });
          graph.whole = step.limit;
        } else if (step.kind === 'neighbours') {
          mergeGraph(graph, await api.neighbours(step.id, step.limit), { centre: step.id, limit: step.limit });
        } else {
          const n = await api.node(step.id);
          addNode(graph, { id: n.id, label: n.label, name: n.name, nameEn: n.nameEn, properties: n.properties });
        }
      }
    });
    if (destroyed) return;
    session.history.push(session.graph);
    applyPositions(graph, state);
    Object.assign(session.graph, graph);
    session.filters = filtersFrom(state, defaultFilters());
    if (state.metric && METRICS.includes(state.metric)) {
      session.metric = state.metric;
      metricSelect.value = state.metric;
    }
    if (state.transform) view.setTransform({ x: state.transform[0], y: state.transform[1], k: state.transform[2] });
    refresh();
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function exportSvg() {
    download('netmap.svg', new Blob([view.toSvg()], { type: 'image/svg+xml' }));
  }

  async function exportPng() {
    const blob = await run(t('loading'), () => view.toPng());
    if (blob) download('netmap.png', blob);
  }

  // ---------------------------------------------------------------- start
  renderDetails();
  const start = async (params) => {
    if (params.view) {
      const state = decodeState(params.view);
      if (state) await restoreState(state);
      else showStatus(t('error.generic', { message: 'view' }), true);
    } else if (params.demo) {
      // a synthetic graph, to try big graphs without big data
      const n = Math.min(200000, Math.max(1, Number(params.demo) || 1000));
      Object.assign(session.graph, createGraph());
      mergeGraph(session.graph, syntheticGraph(n, 1));
      fitOnRest = true;
      await refresh();
      view.fit(null, 0);
    } else if (params.node) {
      try {
        const full = await api.node(params.node);
        if (!destroyed) await openNode(full);
      } catch (e) {
        showStatus(t('error.generic', { message: e.message }), true);
        refresh();
      }
    } else {
      refresh();
    }
  };
  ctx.onParams((params) => start(params));
  start(ctx.params);

  return () => {
    destroyed = true;
    formCleanup?.();
    historyCleanup?.();
    session.transform = view.transform;
    document.removeEventListener('keydown', onKey);
    search.destroy();
    layoutProgress?.();
    view.destroy();
  };
}
