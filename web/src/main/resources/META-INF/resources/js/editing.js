// Editing in the Explore details panel: forms to create, change, link, merge and delete nodes and
// relationships, each naming its sources, and the History panel with a Revert button per change.
// Every change goes through sendJson (it carries the session's CSRF token).

import { ApiError, getJson, sendJson } from './api.js';
import { clear, el } from './dom.js';
import { allowedTypes, canEdit, describeEntry, propertyRows, relationshipPath, rowsToProperties } from './edit-model.js';
import { displayName, labelName, roleName, typeName } from './i18n.js';
import { createSearchBox } from './search-box.js';

const q = encodeURIComponent;
const HISTORY_PAGE = 20;
const LABELS = ['Organisation', 'Region', 'Network', 'Project', 'Theme', 'Event', 'Source'];

let modelPromise = null;
let sourcesPromise = null;

/** The editing API (changes through sendJson). */
export const editApi = {
  /** Who is logged in; anyone not logged in, or an app without /api/me, reads as not logged in. */
  me: async () => {
    try {
      return await getJson('/api/me');
    } catch {
      return { authenticated: false };
    }
  },
  model: () => (modelPromise ??= getJson('/api/model').catch((e) => {
    modelPromise = null;
    throw e;
  })),
  /** Every Source node, by title (through the read-only Cypher API). */
  sources: () => (sourcesPromise ??= sendJson('POST', '/api/cypher', {
    query:
      'MATCH (s:Source) RETURN s.id AS id, coalesce(s.title, s.id) AS title, s.date AS date ORDER BY toLower(title) LIMIT 2000',
  })
    .then((r) => r.rows.map(([id, title, date]) => ({ id, title, date })))
    .catch((e) => {
      sourcesPromise = null;
      throw e;
    })),
  audit: (node, limit, offset = 0) =>
    getJson(`/api/audit?node=${q(node)}&limit=${limit}&offset=${offset}`),
  createNode: (body) => sendJson('POST', '/api/nodes', body),
  updateNode: (id, body) => sendJson('PUT', `/api/nodes/${q(id)}`, body),
  deleteNode: (id, body) => sendJson('DELETE', `/api/nodes/${q(id)}`, body),
  merge: (id, body) => sendJson('POST', `/api/nodes/${q(id)}/merge`, body),
  createRelationship: (body) => sendJson('POST', '/api/relationships', body),
  updateRelationship: (link, body) => sendJson('PUT', relationshipPath(link), body),
  deleteRelationship: (link, body) => sendJson('DELETE', relationshipPath(link), body),
  revert: (entryId) => sendJson('POST', `/api/audit/${q(entryId)}/revert`, {}),
};

export { canEdit };

// ------------------------------------------------------------------------------- form pieces

function field(id, text, input, hint) {
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, text),
    input,
    hint ? el('span', { class: 'hint', id: `${id}-hint` }, hint) : '',
  );
}

function textInput(value = '', attrs = {}) {
  return el('input', { type: 'text', value: value ?? '', autocomplete: 'off', ...attrs });
}

/** A form in the details panel: title, body, an alert for errors, Save and Cancel. */
function formShell({ t, title, submitText, danger = false, onCancel }) {
  const id = 'edit-form-title';
  const error = el('div', { class: 'form-error', role: 'alert', hidden: '' });
  const submit = el('button', { type: 'submit', class: danger ? 'danger' : 'primary', id: 'edit-submit' }, submitText ?? t('edit.save'));
  const cancel = el('button', { type: 'button', id: 'edit-cancel' }, t('edit.cancel'));
  const body = el('div', { class: 'form-body' });
  const form = el(
    'form',
    { class: 'edit-form panel', 'aria-labelledby': id, novalidate: '' },
    el('h3', { id }, title),
    body,
    error,
    el('div', { class: 'form-actions' }, submit, cancel),
  );
  cancel.addEventListener('click', () => onCancel());
  // Escape closes the form, not the whole details panel
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    // in a search box, Escape only closes its suggestions
    if (!event.target.closest('.search')) onCancel();
  });
  return {
    form,
    body,
    submit,
    showError(message, fields = [], extra = null) {
      for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
      clear(error);
      error.hidden = false;
      error.append(el('p', {}, message));
      if (extra) error.append(extra);
      for (const f of fields) {
        const input = form.querySelector(`[data-field="${CSS.escape(f)}"]`);
        input?.setAttribute('aria-invalid', 'true');
      }
    },
    clearError() {
      error.hidden = true;
      clear(error);
    },
  };
}

/**
 * Runs a change from a form: disables it while the request runs, shows the server's problems
 * (400 fields marked, 409 with a reload offer) and calls onDone with the answer.
 */
async function submitting(shell, t, work, { onDone, onReload }) {
  shell.submit.disabled = true;
  shell.clearError();
  try {
    const result = await work();
    onDone(result);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 409) {
      const reload = onReload ? el('button', { type: 'button', id: 'edit-reload' }, t('edit.reload')) : null;
      reload?.addEventListener('click', () => onReload());
      shell.showError(`${t('edit.conflict')} ${e.message}`, [], reload);
    } else if (e.status === 401 || e.status === 403) {
      shell.showError(t('edit.forbidden'));
    } else {
      const problems = e.problem?.errors ?? [];
      shell.showError(
        problems.length ? t('edit.invalid') : e.message,
        problems.map((p) => p.field),
        problems.length ? el('ul', {}, ...problems.map((p) => el('li', {}, `${p.field}: ${p.message}`))) : null,
      );
    }
  } finally {
    shell.submit.disabled = false;
  }
}

/**
 * The sources of a change: existing Source nodes to tick (with a filter) and a new source to
 * describe. value() gives the API's sources list.
 */
function sourcesPicker(t) {
  const list = el('div', { class: 'source-options', role: 'group', 'aria-label': t('edit.sourcesExisting') });
  const filter = el('input', { type: 'search', id: 'edit-sources-filter', placeholder: t('edit.sourcesFilter'), 'aria-label': t('edit.sourcesFilter') });
  const title = textInput('', { 'data-field': 'sources[new].title' });
  const date = textInput('', { placeholder: '2024-03-05', 'data-field': 'sources[new].date' });
  const url = el('input', { type: 'url', autocomplete: 'off', 'data-field': 'sources[new].url' });
  const fresh = el(
    'details',
    { class: 'new-source' },
    el('summary', {}, t('edit.newSource')),
    field('edit-source-title', t('edit.sourceTitle'), title),
    field('edit-source-date', t('edit.sourceDate'), date),
    field('edit-source-url', t('edit.sourceUrl'), url),
  );
  const element = el(
    'fieldset',
    { class: 'sources-picker', 'data-field': 'sources' },
    el('legend', {}, t('edit.sources')),
    filter,
    list,
    fresh,
  );
  const boxes = [];
  list.append(el('p', { class: 'muted' }, t('loading')));
  editApi
    .sources()
    .then((sources) => {
      clear(list);
      sources.forEach((s, i) => {
        const box = el('input', { type: 'checkbox', id: `edit-source-${i}`, value: s.id, 'data-source': s.id });
        boxes.push(box);
        list.append(
          el('label', { class: 'check', for: box.id, 'data-text': `${s.title} ${s.id}`.toLowerCase() }, box, s.date ? `${s.title} (${s.date})` : s.title),
        );
      });
    })
    .catch((e) => {
      clear(list);
      list.append(el('p', { class: 'message error' }, t('error.generic', { message: e.message })));
    });
  filter.addEventListener('input', () => {
    const text = filter.value.trim().toLowerCase();
    for (const label of list.querySelectorAll('label')) label.hidden = text !== '' && !label.dataset.text.includes(text);
  });
  return {
    element,
    value() {
      const ids = boxes.filter((b) => b.checked).map((b) => b.value);
      const index = ids.length;
      for (const input of [title, date, url]) {
        input.dataset.field = input.dataset.field.replace(/^sources\[[^\]]*\]/, `sources[${index}]`);
      }
      if (!title.value.trim() && !date.value.trim() && !url.value.trim()) return ids;
      const created = { title: title.value.trim() };
      if (date.value.trim()) created.date = date.value.trim();
      if (url.value.trim()) created.url = url.value.trim();
      return [...ids, created];
    },
    /** After a change that made a new Source, the list must be read again. */
    createdOne() {
      return Boolean(title.value.trim());
    },
  };
}

/** Rows of key = value inputs, with add and remove buttons. */
function propertyEditor(t, properties, hidden) {
  const rows = el('div', { class: 'prop-rows' });
  let n = 0;
  const addRow = (key = '', value = '') => {
    const i = n++;
    const keyInput = textInput(key, { 'aria-label': t('edit.propertyKey'), class: 'prop-key', id: `edit-prop-key-${i}` });
    const valueInput = textInput(value, {
      'aria-label': key ? `${t('edit.propertyValue')}: ${key}` : t('edit.propertyValue'),
      class: 'prop-value',
      id: `edit-prop-value-${i}`,
      'data-field': key ? `properties.${key}` : null,
    });
    keyInput.addEventListener('change', () => {
      valueInput.dataset.field = `properties.${keyInput.value.trim()}`;
      valueInput.setAttribute('aria-label', `${t('edit.propertyValue')}: ${keyInput.value.trim()}`);
    });
    const remove = el('button', { type: 'button', class: 'remove', 'aria-label': t('edit.removeProperty', { key: key || '…' }) }, '×');
    const row = el('div', { class: 'prop-row' }, keyInput, valueInput, remove);
    remove.addEventListener('click', () => {
      row.remove();
      add.focus();
    });
    rows.append(row);
    return keyInput;
  };
  const add = el('button', { type: 'button', class: 'add-property' }, t('edit.addProperty'));
  add.addEventListener('click', () => addRow().focus());
  for (const [key, value] of propertyRows(properties, hidden)) addRow(key, value);
  const element = el(
    'fieldset',
    { class: 'properties-editor' },
    el('legend', {}, t('edit.properties')),
    el('p', { class: 'hint' }, t('edit.propertiesHint')),
    rows,
    add,
  );
  return {
    element,
    value: () =>
      rowsToProperties([...rows.querySelectorAll('.prop-row')].map((r) => [r.querySelector('.prop-key').value, r.querySelector('.prop-value').value])),
  };
}

// ------------------------------------------------------------------------------------- forms

/**
 * The node form: a new node (node null) or an existing one. onDone(nodeView) after the change.
 */
export function nodeForm(host, { t, lang, node, onDone, onCancel }) {
  const isNew = !node;
  const shell = formShell({ t, title: isNew ? t('edit.newNode') : t('edit.editNodeTitle', { name: displayName(node, lang) }), onCancel });
  const labelSelect = el('select', { 'data-field': 'label' }, ...LABELS.map((l) => el('option', { value: l }, labelName(l, lang))));
  const isSource = node?.label === 'Source';
  const name = textInput(isSource ? node.properties?.title ?? node.name : node?.name, { 'data-field': 'name', required: '' });
  const nameEn = textInput(isSource ? node.properties?.titleEn : node?.nameEn, { 'data-field': 'nameEn' });
  const hidden = isSource ? ['title', 'titleEn', 'sources', 'version'] : undefined;
  const props = propertyEditor(t, node?.properties ?? {}, hidden);
  const sources = sourcesPicker(t);
  shell.body.append(
    isNew ? field('edit-label', t('edit.label'), labelSelect) : '',
    field('edit-name', t('edit.name'), name),
    field('edit-name-en', t('edit.nameEn'), nameEn),
    props.element,
    sources.element,
  );
  shell.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { properties, duplicate } = props.value();
    if (duplicate) {
      shell.showError(t('edit.duplicateKey', { key: duplicate }));
      return;
    }
    const body = { name: name.value.trim(), nameEn: nameEn.value.trim(), properties, sources: sources.value() };
    submitting(
      shell,
      t,
      () => {
        if (isNew) return editApi.createNode({ ...body, label: labelSelect.value });
        return editApi.updateNode(node.id, { ...body, version: node.version ?? 0 });
      },
      { onDone: (result) => done(sources, () => onDone(result)), onReload: isNew ? null : () => onCancel({ reload: true }) },
    );
  });
  host.replaceChildren(shell.form);
  (isNew ? labelSelect : name).focus();
  return shell.form;
}

/**
 * The relationship form: a new relationship from `node` (link null), or an existing link's role,
 * dates and other properties. onDone() after the change.
 */
export function relationshipForm(host, { t, lang, node, link, otherNode, onDone, onCancel }) {
  const isNew = !link;
  const title = isNew
    ? t('edit.addRelationshipTitle', { name: displayName(node, lang) })
    : t('edit.editRelationshipTitle', { name: displayName(node, lang), other: displayName(otherNode, lang) });
  const shell = formShell({ t, title, onCancel });
  const props = link?.properties ?? {};
  const typeSelect = el('select', { 'data-field': 'type', disabled: '' });
  const typeHost = el('div', {}, field('edit-rel-type', t('edit.type'), typeSelect));
  let chosen = null;
  let model = null;
  const role = el(
    'select',
    { 'data-field': 'properties.role' },
    el('option', { value: '' }, t('edit.none')),
  );
  const since = textInput(props.since, { placeholder: '2019', 'data-field': 'properties.since' });
  const until = textInput(props.until, { placeholder: '2021-06', 'data-field': 'properties.until' });
  const others = propertyEditor(t, props, ['role', 'since', 'until', 'sources', 'version']);
  const sources = sourcesPicker(t);
  const chosenText = el('p', { class: 'chosen', 'aria-live': 'polite' });

  editApi
    .model()
    .then((m) => {
      model = m;
      for (const r of [...m.roles].sort()) {
        role.append(el('option', { value: r, selected: r === props.role ? '' : null }, roleName(r, lang)));
      }
      if (!isNew) {
        typeSelect.append(el('option', { value: link.type }, typeName(link.type, lang)));
      } else if (chosen) {
        fillTypes();
      }
    })
    .catch((e) => shell.showError(t('error.generic', { message: e.message })));

  function fillTypes() {
    clear(typeSelect);
    if (!model || !chosen) return;
    const types = allowedTypes(model, node.label, chosen.label);
    for (const { type, outgoing } of types) {
      const words = outgoing
        ? `${displayName(node, lang)} → ${typeName(type, lang)} → ${displayName(chosen, lang)}`
        : `${displayName(chosen, lang)} → ${typeName(type, lang)} → ${displayName(node, lang)}`;
      typeSelect.append(el('option', { value: `${type}|${outgoing ? 'out' : 'in'}` }, words));
    }
    typeSelect.disabled = types.length === 0;
    chosenText.textContent = types.length
      ? t('edit.chosen', { name: `${displayName(chosen, lang)} (${labelName(chosen.label, lang)})` })
      : t('edit.noTypes', { a: labelName(node.label, lang), b: labelName(chosen.label, lang) });
  }

  let search = null;
  if (isNew) {
    const searchHost = el('div', { class: 'search-host edit-search' });
    search = createSearchBox(searchHost, {
      t,
      lang,
      idPrefix: 'edit-target-',
      label: t('edit.target'),
      search: (text, signal) => getJson(`/api/search?q=${q(text)}&limit=8`, { signal }),
      onChoose: (hit) => {
        chosen = hit;
        fillTypes();
      },
    });
    shell.body.append(searchHost, chosenText, typeHost);
  } else {
    shell.body.append(typeHost);
  }
  shell.body.append(
    field('edit-rel-role', t('edit.role'), role),
    el('div', { class: 'field-pair' }, field('edit-rel-since', t('edit.since'), since), field('edit-rel-until', t('edit.until'), until)),
    others.element,
    sources.element,
  );

  shell.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { properties, duplicate } = others.value();
    if (duplicate) {
      shell.showError(t('edit.duplicateKey', { key: duplicate }));
      return;
    }
    Object.assign(properties, { role: role.value, since: since.value.trim(), until: until.value.trim() });
    if (isNew) {
      if (!chosen || !typeSelect.value) {
        shell.showError(t('edit.chooseFirst'), ['target']);
        return;
      }
      const [type, direction] = typeSelect.value.split('|');
      for (const key of ['role', 'since', 'until']) if (!properties[key]) delete properties[key];
      const body = {
        source: direction === 'out' ? node.id : chosen.id,
        target: direction === 'out' ? chosen.id : node.id,
        type,
        properties,
        sources: sources.value(),
      };
      submitting(shell, t, () => editApi.createRelationship(body), { onDone: (r) => done(sources, () => onDone(r)) });
    } else {
      const body = { properties, version: props.version ?? 0, sources: sources.value() };
      submitting(shell, t, () => editApi.updateRelationship(link, body), {
        onDone: (r) => done(sources, () => onDone(r)),
        onReload: () => onCancel({ reload: true }),
      });
    }
  });
  host.replaceChildren(shell.form);
  (search ? search.input : role).focus();
  return { form: shell.form, destroy: () => search?.destroy() };
}

/** Merging another node into `node`. onDone(nodeView, otherId) after the change. */
export function mergeForm(host, { t, lang, node, onDone, onCancel }) {
  const shell = formShell({ t, title: t('edit.mergeTitle', { name: displayName(node, lang) }), submitText: t('edit.mergeConfirm'), onCancel });
  let other = null;
  const chosenText = el('p', { class: 'chosen', 'aria-live': 'polite' });
  const searchHost = el('div', { class: 'search-host edit-search' });
  const search = createSearchBox(searchHost, {
    t,
    lang,
    idPrefix: 'edit-merge-',
    label: t('edit.mergeSearch'),
    search: async (text, signal) =>
      (await getJson(`/api/search?q=${q(text)}&limit=12`, { signal })).filter((h) => h.id !== node.id && h.label === node.label),
    onChoose: async (hit) => {
      try {
        other = await getJson(`/api/nodes/${q(hit.id)}`);
        chosenText.textContent = t('edit.mergeChosen', { other: displayName(other, lang), degree: other.degree, name: displayName(node, lang) });
      } catch (e) {
        shell.showError(t('error.generic', { message: e.message }));
      }
    },
  });
  const sources = sourcesPicker(t);
  shell.body.append(el('p', { class: 'hint' }, t('edit.mergeExplain')), searchHost, chosenText, sources.element);
  shell.form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!other) {
      shell.showError(t('edit.chooseFirst'), ['other']);
      return;
    }
    const body = { other: other.id, version: node.version ?? 0, otherVersion: other.version ?? 0, sources: sources.value() };
    submitting(shell, t, () => editApi.merge(node.id, body), {
      onDone: (r) => done(sources, () => onDone(r, other.id)),
      onReload: () => onCancel({ reload: true }),
    });
  });
  host.replaceChildren(shell.form);
  search.input.focus();
  return { form: shell.form, destroy: () => search.destroy() };
}

/** Deleting a node (link null) or one of its relationships. onDone() after the change. */
export function deleteForm(host, { t, lang, node, link, otherNode, degree, onDone, onCancel }) {
  const title = link
    ? t('edit.removeRelationshipTitle', { name: displayName(node, lang), other: displayName(otherNode, lang) })
    : t('edit.deleteTitle', { name: displayName(node, lang) });
  const shell = formShell({ t, title, submitText: link ? t('edit.remove') : t('edit.delete'), danger: true, onCancel });
  const sources = sourcesPicker(t);
  const explain = link
    ? t('edit.removeRelationshipExplain', { type: typeName(link.type, lang) })
    : t('edit.deleteExplain', { n: degree ?? 0 });
  shell.body.append(el('p', { class: 'hint' }, explain), sources.element);
  shell.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const version = (link ? link.properties?.version : node.version) ?? 0;
    const body = { version, sources: sources.value() };
    submitting(shell, t, () => (link ? editApi.deleteRelationship(link, body) : editApi.deleteNode(node.id, body)), {
      onDone: () => done(sources, () => onDone()),
      onReload: () => onCancel({ reload: true }),
    });
  });
  host.replaceChildren(shell.form);
  sources.element.querySelector('input')?.focus();
  return shell.form;
}

function done(sources, then) {
  if (sources.createdOne()) sourcesPromise = null;
  then();
}

// ----------------------------------------------------------------------------------- history

/**
 * The History panel of a node: its audit entries, newest first, each with what it changed and,
 * for editors, a Revert button. onReverted(entry) after a revert.
 */
export function historyPanel(host, { t, lang, id, editor, nameOf, onReverted }) {
  const list = el('ol', { class: 'history-list' });
  const status = el('p', { class: 'history-status', role: 'status', 'aria-live': 'polite' });
  const more = el('button', { type: 'button', class: 'history-more', hidden: '' }, t('history.more'));
  const section = el(
    'section',
    { class: 'history', 'aria-labelledby': 'history-heading', id: 'history' },
    el('h3', { id: 'history-heading' }, t('history.title')),
    list,
    more,
    status,
  );
  host.replaceChildren(section);
  let offset = 0;
  let cancelled = false;

  async function load() {
    more.disabled = true;
    try {
      const page = await editApi.audit(id, HISTORY_PAGE, offset);
      if (cancelled) return;
      if (page.total === 0) status.textContent = t('history.empty');
      for (const entry of page.items) list.append(entryItem(entry));
      offset += page.items.length;
      more.hidden = !page.truncated;
    } catch (e) {
      if (!cancelled) status.textContent = t('error.generic', { message: e.message });
    } finally {
      more.disabled = false;
    }
  }

  function entryItem(entry) {
    const what = describeEntry(entry, id);
    const at = new Date(entry.at);
    const when = Number.isNaN(at.getTime()) ? entry.at : at.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const lines = [];
    if (what.keys.length) lines.push(t('history.keys', { keys: what.keys.join(', ') }));
    for (const r of what.relationships) {
      const verb = r.outgoing ? typeName(r.type, lang) : `← ${typeName(r.type, lang)}`;
      const keys = r.keys.length ? ` (${r.keys.join(', ')})` : '';
      lines.push(`${t(`history.rel.${r.kind}`)}: ${verb} ${nameOf(r.other)}${keys}`);
    }
    const li = el(
      'li',
      { class: 'history-entry', 'data-entry': entry.id, 'data-action': entry.action },
      el(
        'div',
        { class: 'entry-head' },
        el('span', { class: 'entry-action' }, t(`action.${entry.action}`)),
        ' ',
        el('time', { datetime: entry.at }, when),
        ' · ',
        el('span', { class: 'entry-user' }, entry.user),
      ),
      lines.length ? el('ul', { class: 'entry-what' }, ...lines.map((l) => el('li', {}, l))) : '',
    );
    if (entry.revertedBy) {
      li.append(el('span', { class: 'entry-reverted' }, t('history.reverted')));
    } else if (editor) {
      const button = el(
        'button',
        { type: 'button', class: 'revert', 'aria-label': t('history.revertLabel', { action: t(`action.${entry.action}`), at: when }) },
        t('history.revert'),
      );
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const revert = await editApi.revert(entry.id);
          status.textContent = t('history.revertDone');
          onReverted(revert);
        } catch (e) {
          button.disabled = false;
          status.textContent = e.status === 409 ? `${t('history.conflict')} ${e.message}` : t('error.generic', { message: e.message });
        }
      });
      li.append(button);
    }
    return li;
  }

  more.addEventListener('click', () => load());
  load();
  return () => {
    cancelled = true;
  };
}
