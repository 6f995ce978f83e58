// Data: bring a file in (with a dry-run preview and the validation report) and take the graph out.

import { csrfToken } from '../api.js';
import { el } from '../dom.js';

const TEXT = {
  it: {
    title: 'Dati',
    importTitle: 'Importa',
    importIntro:
      'CSV (tabella dei nodi + tabella dei legami, come per Kumu o Gephi), tabelle di partecipazioni, GraphML, GEXF. Prima un’anteprima: nulla viene scritto finché non confermi, e un solo errore annulla tutto.',
    format: 'Formato',
    files: 'File',
    delimiter: 'Separatore (vuoto = automatico)',
    quoting: 'Virgolette attive',
    preview: 'Anteprima (nulla viene scritto)',
    write: 'Importa',
    noFiles: 'Scegli almeno un file.',
    wouldDo: 'Anteprima: {nc} nodi nuovi, {nu} aggiornati, {ns} invariati; {rc} legami nuovi, {ru} aggiornati.',
    done: 'Importato: {nc} nodi nuovi, {nu} aggiornati; {rc} legami nuovi, {ru} aggiornati.',
    errors: 'Nulla è stato scritto. Errori:',
    warnings: 'Da controllare:',
    login: 'Per importare serve l’accesso come redattore o amministratore.',
    loginLink: 'Accedi',
    forbidden: 'Il tuo ruolo non permette di importare: serve redattore o amministratore.',
    exportTitle: 'Esporta',
    exportIntro: 'Il grafo o una sua vista, con le metriche, per Gephi, R o Python. Ogni file indica la versione dei dati.',
    view: 'Vista',
  },
  en: {
    title: 'Data',
    importTitle: 'Import',
    importIntro:
      'CSV (a nodes table and an edges table, as for Kumu or Gephi), participation tables, GraphML, GEXF. Preview first: nothing is written until you confirm, and a single error cancels everything.',
    format: 'Format',
    files: 'Files',
    delimiter: 'Delimiter (empty = detect)',
    quoting: 'Quotes on',
    preview: 'Preview (writes nothing)',
    write: 'Import',
    noFiles: 'Choose at least one file.',
    wouldDo: 'Preview: {nc} new nodes, {nu} updated, {ns} unchanged; {rc} new ties, {ru} updated.',
    done: 'Imported: {nc} new nodes, {nu} updated; {rc} new ties, {ru} updated.',
    errors: 'Nothing was written. Errors:',
    warnings: 'Worth a look:',
    login: 'Importing needs a login as an editor or administrator.',
    loginLink: 'Log in',
    forbidden: 'Your role may not import: it needs editor or administrator.',
    exportTitle: 'Export',
    exportIntro: 'The graph or one of its views, with metrics, for Gephi, R or Python. Every file names its data version.',
    view: 'View',
  },
};

export function mount(root, ctx) {
  const words = TEXT[ctx.lang] ?? TEXT.en;
  const say = (key, p = {}) => words[key].replace(/\{(\w+)\}/g, (_, k) => p[k] ?? '');

  const format = el('select', { id: 'import-format' });
  for (const f of ['csv', 'participation', 'graphml', 'gexf']) format.append(el('option', { value: f }, f));
  const files = el('input', { type: 'file', id: 'import-files', multiple: true });
  const delimiter = el('input', { type: 'text', id: 'import-delimiter', maxlength: 1, size: 2 });
  const quoting = el('input', { type: 'checkbox', id: 'import-quoting', checked: true });
  const previewButton = el('button', { type: 'button', id: 'import-preview' }, say('preview'));
  const writeButton = el('button', { type: 'button', class: 'primary', id: 'import-write', disabled: true }, say('write'));
  const report = el('div', { id: 'import-report', role: 'status', 'aria-live': 'polite' });

  const view = el('select', { id: 'export-view' });
  for (const v of ['stored', 'two-mode', 'actors', 'regions']) view.append(el('option', { value: v }, v));
  const exportLinks = el('p', { class: 'export-links' });
  const renderLinks = () => {
    exportLinks.replaceChildren(
      ...['graphml', 'gexf', 'csv', 'json'].flatMap((f) => [
        el('a', { class: 'button', href: `/api/export?format=${f}&view=${view.value}`, download: '' }, f.toUpperCase()),
        ' ',
      ]),
    );
  };
  view.addEventListener('change', renderLinks);
  renderLinks();

  root.append(
    el(
      'section',
      { class: 'data-page' },
      el('h1', {}, say('title')),
      el('h2', {}, say('importTitle')),
      el('p', { class: 'muted' }, say('importIntro')),
      ctx.can?.('EDITOR') ? null : loginNote(),
      el(
        'div',
        { class: 'form-grid' },
        el('label', { for: 'import-format' }, say('format')),
        format,
        el('label', { for: 'import-files' }, say('files')),
        files,
        el('label', { for: 'import-delimiter' }, say('delimiter')),
        delimiter,
        el('label', { for: 'import-quoting' }, say('quoting')),
        quoting,
      ),
      el('p', {}, previewButton, ' ', writeButton),
      report,
      el('h2', {}, say('exportTitle')),
      el('p', { class: 'muted' }, say('exportIntro')),
      el('label', {}, say('view'), ' ', view),
      exportLinks,
    ),
  );

  function loginNote() {
    return el(
      'p',
      { class: 'message warning', id: 'import-login' },
      say('login'),
      ' ',
      el('a', { href: `/login?next=${encodeURIComponent('#/data')}` }, say('loginLink')),
    );
  }

  const counts = (s) => ({
    nc: s.nodesCreated,
    nu: s.nodesUpdated,
    ns: s.nodesUnchanged,
    rc: s.relationshipsCreated,
    ru: s.relationshipsUpdated,
  });

  async function send(dryRun) {
    report.replaceChildren();
    if (!files.files.length) {
      report.append(el('p', { class: 'error' }, say('noFiles')));
      return;
    }
    const body = new FormData();
    for (const f of files.files) body.append('file', f, f.name);
    const query = new URLSearchParams({ format: format.value, dryRun: String(dryRun), quoting: String(quoting.checked) });
    if (delimiter.value) query.set('delimiter', delimiter.value);
    const done = ctx.progress.start(dryRun ? say('preview') : say('write'));
    try {
      // the session's login goes along; its CSRF token proves the request comes from this page
      const headers = { Accept: 'application/json' };
      const token = csrfToken();
      if (token) headers['X-XSRF-TOKEN'] = token;
      const response = await fetch(`/api/import?${query}`, { method: 'POST', body, headers, credentials: 'same-origin' });
      const json = await response.json().catch(() => ({}));
      if (response.status === 401) {
        report.append(loginNote());
      } else if (response.status === 403) {
        report.append(el('p', { class: 'error' }, say('forbidden')));
      } else if (!response.ok) {
        report.append(
          el('p', { class: 'error' }, say('errors')),
          el('ul', { class: 'problems' }, (json.problems ?? [json.detail ?? `HTTP ${response.status}`]).map((p) => el('li', {}, p))),
        );
        writeButton.disabled = true;
      } else {
        report.append(el('p', {}, say(dryRun ? 'wouldDo' : 'done', counts(json.summary))));
        if (json.warnings?.length) {
          report.append(el('p', {}, say('warnings')), el('ul', {}, json.warnings.map((w) => el('li', {}, w))));
        }
        writeButton.disabled = !dryRun;
      }
    } finally {
      done();
    }
  }

  previewButton.addEventListener('click', () => send(true));
  writeButton.addEventListener('click', () => send(false));
  files.addEventListener('change', () => (writeButton.disabled = true));
}
