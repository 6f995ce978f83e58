// Query: the read-only Cypher console. An editor with Cypher highlighting (CodeMirror 5 from its
// webjar, loaded when the page opens), Ctrl+Enter to run, parameters as JSON, a library of example
// questions, a history, results as a table and as a graph, and exports of the result graph.

import { EXAMPLES, cellText, drawable, exampleTitle, parseParams, remember } from '../query-examples.js';
import { el } from '../dom.js';
import { createGraphView } from '../graph-view.js';

const CM = 'webjars/codemirror/5.65.18';
const HISTORY_KEY = 'netmap.query.history';

const TEXT = {
  it: {
    title: 'Query Cypher',
    intro: 'Interroga il grafo in Cypher, in sola lettura. Ctrl+Invio esegue. I valori vanno nei parametri ($nome).',
    run: 'Esegui',
    params: 'Parametri (JSON)',
    examples: 'Esempi',
    history: 'Cronologia',
    pick: '— scegli —',
    table: 'Tabella',
    graph: 'Grafo',
    rows: '{rows} righe in {ms} ms',
    truncated: ' (troncate al limite del server)',
    noRows: 'Nessuna riga.',
    running: 'Esecuzione della query…',
    export: 'Esporta il grafo del risultato:',
    at: 'riga {line}, colonna {column}',
  },
  en: {
    title: 'Cypher query',
    intro: 'Query the graph in Cypher, read-only. Ctrl+Enter runs. Put values in parameters ($name).',
    run: 'Run',
    params: 'Parameters (JSON)',
    examples: 'Examples',
    history: 'History',
    pick: '— pick one —',
    table: 'Table',
    graph: 'Graph',
    rows: '{rows} rows in {ms} ms',
    truncated: ' (cut at the server’s row cap)',
    noRows: 'No rows.',
    running: 'Running the query…',
    export: 'Export the result graph:',
    at: 'line {line}, column {column}',
  },
};

function loadScript(src) {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`)) return resolve();
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(s);
  });
}

async function loadEditor() {
  if (!document.querySelector(`link[href="${CM}/lib/codemirror.css"]`)) {
    document.head.append(el('link', { rel: 'stylesheet', href: `${CM}/lib/codemirror.css` }));
  }
  await loadScript(`${CM}/lib/codemirror.js`);
  await loadScript(`${CM}/mode/cypher/cypher.js`);
  await loadScript(`${CM}/addon/edit/matchbrackets.js`);
  return globalThis.CodeMirror;
}

export function mount(root, ctx) {
  const words = TEXT[ctx.lang] ?? TEXT.en;
  const say = (key, params = {}) => words[key].replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');
  let destroyed = false;
  let view = null;
  let last = null;
  let history = [];
  try {
    history = JSON.parse(ctx.storage.get(HISTORY_KEY) ?? '[]');
  } catch {
    history = [];
  }

  const textarea = el('textarea', { id: 'cypher-query', class: 'cypher-text', rows: 8, spellcheck: 'false', 'aria-label': 'Cypher' });
  textarea.value = history[0]?.query ?? EXAMPLES[0].query;
  const paramsBox = el('textarea', { id: 'cypher-params', class: 'cypher-params', rows: 2, spellcheck: 'false' });
  paramsBox.value = history[0] && Object.keys(history[0].params ?? {}).length ? JSON.stringify(history[0].params) : '';
  const runButton = el('button', { type: 'button', class: 'primary', id: 'cypher-run' }, say('run'));
  const examples = el('select', { id: 'cypher-examples' }, el('option', { value: '' }, say('pick')));
  EXAMPLES.forEach((e) => examples.append(el('option', { value: e.id }, exampleTitle(e, ctx.lang))));
  const historySelect = el('select', { id: 'cypher-history' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const error = el('div', { class: 'error', role: 'alert', hidden: true });
  const tableTab = el('button', { type: 'button', role: 'tab', 'aria-selected': 'true' }, say('table'));
  const graphTab = el('button', { type: 'button', role: 'tab', 'aria-selected': 'false' }, say('graph'));
  const tableHost = el('div', { class: 'result-table', role: 'tabpanel' });
  const graphHost = el('div', { class: 'result-graph', role: 'tabpanel', hidden: true });
  const exportBar = el('p', { class: 'export-bar', hidden: true }, say('export'), ' ');
  for (const format of ['graphml', 'gexf', 'csv', 'json']) {
    exportBar.append(el('button', { type: 'button', 'data-format': format }, format.toUpperCase()), ' ');
  }

  root.append(
    el(
      'section',
      { class: 'query-page' },
      el('h1', {}, say('title')),
      el('p', { class: 'muted' }, say('intro')),
      el('div', { class: 'query-tools' }, el('label', {}, say('examples'), ' ', examples), el('label', {}, say('history'), ' ', historySelect)),
      textarea,
      el('label', { class: 'params-label' }, say('params'), paramsBox),
      el('p', {}, runButton),
      error,
      status,
      el('div', { class: 'tabs', role: 'tablist' }, tableTab, graphTab),
      tableHost,
      graphHost,
      exportBar,
    ),
  );

  let editor = null;
  const getQuery = () => (editor ? editor.getValue() : textarea.value);
  const setQuery = (text) => (editor ? editor.setValue(text) : (textarea.value = text));

  function renderHistory() {
    historySelect.replaceChildren(el('option', { value: '' }, say('pick')));
    history.forEach((h, i) => historySelect.append(el('option', { value: String(i) }, h.query.replace(/\s+/g, ' ').slice(0, 80))));
  }
  renderHistory();

  function showTab(which) {
    tableTab.setAttribute('aria-selected', String(which === 'table'));
    graphTab.setAttribute('aria-selected', String(which === 'graph'));
    tableHost.hidden = which !== 'table';
    graphHost.hidden = which !== 'graph';
    if (which === 'graph' && last) drawGraph(last.graph);
  }

  function drawGraph(graph) {
    if (!view) view = createGraphView(graphHost, { lang: ctx.lang, ariaLabel: say('graph') });
    const g = drawable(graph);
    view.update({ nodes: g.nodes, links: g.links });
    setTimeout(() => !destroyed && view.fit?.(), 600);
  }

  function renderTable(result) {
    if (!result.rows.length) {
      tableHost.replaceChildren(el('p', { class: 'muted' }, say('noRows')));
      return;
    }
    const head = el('tr', {}, result.columns.map((c) => el('th', { scope: 'col' }, c)));
    const body = result.rows.map((row) =>
      el(
        'tr',
        {},
        row.map((cell) => {
          if (cell && typeof cell === 'object' && 'id' in cell && 'label' in cell && 'properties' in cell) {
            return el('td', {}, el('a', { href: `#/explore?node=${encodeURIComponent(cell.id)}` }, cellText(cell)));
          }
          return el('td', {}, cellText(cell));
        }),
      ),
    );
    tableHost.replaceChildren(el('table', { class: 'data-table' }, el('thead', {}, head), el('tbody', {}, body)));
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    return response;
  }

  async function problemText(response) {
    try {
      const p = await response.json();
      const where = p.line ? ` (${say('at', p)})` : '';
      return `${p.title ?? response.status}: ${p.detail ?? ''}${where}`;
    } catch {
      return `HTTP ${response.status}`;
    }
  }

  async function run() {
    const parsed = parseParams(paramsBox.value);
    error.hidden = true;
    if (parsed.error) {
      error.textContent = parsed.error;
      error.hidden = false;
      return;
    }
    const query = getQuery();
    const done = ctx.progress.start(say('running'));
    runButton.disabled = true;
    try {
      const response = await post('/api/cypher', { query, params: parsed.params });
      if (destroyed) return;
      if (!response.ok) {
        error.textContent = await problemText(response);
        error.hidden = false;
        status.textContent = '';
        return;
      }
      last = await response.json();
      history = remember(history, { query, params: parsed.params });
      ctx.storage.set(HISTORY_KEY, JSON.stringify(history));
      renderHistory();
      status.textContent = say('rows', { rows: last.rows.length, ms: last.elapsedMs }) + (last.truncated ? say('truncated') : '');
      renderTable(last);
      exportBar.hidden = last.graph.nodes.length === 0;
      if (!graphHost.hidden) drawGraph(last.graph);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    } finally {
      runButton.disabled = false;
      done();
    }
  }

  async function exportAs(format) {
    const parsed = parseParams(paramsBox.value);
    const response = await post(`/api/cypher/export?format=${format}`, { query: getQuery(), params: parsed.params ?? {} });
    if (!response.ok) {
      error.textContent = await problemText(response);
      error.hidden = false;
      return;
    }
    const blob = await response.blob();
    const name = /filename="?([^";]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `netmap-query.${format}`;
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
  }

  runButton.addEventListener('click', run);
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  examples.addEventListener('change', () => {
    const example = EXAMPLES.find((e) => e.id === examples.value);
    if (!example) return;
    setQuery(example.query);
    paramsBox.value = example.params ? JSON.stringify(example.params) : '';
  });
  historySelect.addEventListener('change', () => {
    const h = history[Number(historySelect.value)];
    if (!h) return;
    setQuery(h.query);
    paramsBox.value = Object.keys(h.params ?? {}).length ? JSON.stringify(h.params) : '';
  });
  tableTab.addEventListener('click', () => showTab('table'));
  graphTab.addEventListener('click', () => showTab('graph'));
  exportBar.addEventListener('click', (e) => {
    const format = e.target.closest('button')?.dataset.format;
    if (format) exportAs(format);
  });

  loadEditor()
    .then((CodeMirror) => {
      if (destroyed || !CodeMirror) return;
      editor = CodeMirror.fromTextArea(textarea, {
        mode: 'cypher',
        lineNumbers: true,
        matchBrackets: true,
        viewportMargin: Infinity,
        extraKeys: { 'Ctrl-Enter': run, 'Cmd-Enter': run },
      });
    })
    .catch(() => {
      // the plain text area still works, without highlighting
    });

  return () => {
    destroyed = true;
    view?.destroy?.();
    editor?.toTextArea?.();
  };
}
