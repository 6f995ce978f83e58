// Sources: the documents behind the data, each with the nodes and relationships it supports.

import { sourceSupport } from '../graph-model.js';
import { displayName, labelName, typeName } from '../i18n.js';
import { swatch } from '../styles.js';
import { el } from '../dom.js';

const GRAPH_LIMIT = 100000;

export function mount(root, ctx) {
  const { t, api, lang } = ctx;
  let destroyed = false;
  const list = el('div', { class: 'source-list' });
  const note = el('p', { class: 'muted' });
  root.append(
    el('section', { class: 'sources-page' }, el('h1', {}, t('sources.title')), el('p', {}, t('sources.intro')), note, list),
  );

  const render = (json) => {
    const byId = new Map(json.nodes.map((n) => [n.id, n]));
    const support = sourceSupport(json);
    if (json.truncated) note.textContent = t('sources.truncated', { shown: json.nodes.length, total: json.total });
    const sources = json.nodes
      .filter((n) => n.label === 'Source')
      .sort((a, b) => String(b.properties?.date ?? '').localeCompare(String(a.properties?.date ?? '')) || a.id.localeCompare(b.id));
    for (const s of sources) {
      const p = s.properties ?? {};
      const title = (lang === 'en' && p.titleEn) || p.title || s.name || s.id;
      const sup = support.get(s.id) ?? { nodes: [], links: [] };
      const meta = el('dl', { class: 'meta' });
      for (const [key, value] of [
        ['sources.publisher', p.publisher],
        ['sources.date', p.date],
        ['sources.language', p.language],
        ['sources.file', p.file ?? p.url],
      ]) {
        if (value) meta.append(el('dt', {}, t(key)), el('dd', {}, String(value)));
      }
      const nodesList = el('ul', { class: 'supported' });
      const groups = new Map();
      for (const n of sup.nodes) {
        if (!groups.has(n.label)) groups.set(n.label, []);
        groups.get(n.label).push(n);
      }
      for (const [label, nodes] of [...groups].sort()) {
        const li = el('li', {});
        li.insertAdjacentHTML('afterbegin', swatch(label));
        li.append(el('strong', {}, ` ${labelName(label, lang)} (${nodes.length}): `));
        nodes
          .sort((a, b) => displayName(a, lang).localeCompare(displayName(b, lang)))
          .forEach((n, i) => {
            if (i) li.append(', ');
            li.append(el('a', { href: `#/explore?node=${encodeURIComponent(n.id)}`, title: t('sources.open') }, displayName(n, lang)));
          });
        nodesList.append(li);
      }
      const types = new Map();
      for (const l of sup.links) types.set(l.type, (types.get(l.type) ?? 0) + 1);
      const linkSummary = el(
        'p',
        { class: 'muted' },
        [...types].map(([type, count]) => `${typeName(type, lang)}: ${count}`).join(' · '),
      );
      const card = el(
        'article',
        { class: 'source-card panel', id: `source-${s.id}`, 'data-source': s.id, tabindex: '-1' },
        el('h2', {}, title),
        meta,
        el('p', { class: 'supports' }, t('sources.supports', { nodes: sup.nodes.length, links: sup.links.length })),
        el('details', {}, el('summary', {}, t('sources.show')), nodesList, linkSummary),
      );
      list.append(card);
    }
    focusRequested(ctx.params);
  };

  const focusRequested = (params) => {
    if (!params.id) return;
    const card = document.getElementById(`source-${params.id}`);
    if (!card) return;
    for (const c of list.querySelectorAll('.current')) c.classList.remove('current');
    card.classList.add('current');
    card.querySelector('details').open = true;
    card.scrollIntoView({ block: 'start' });
    card.focus({ preventScroll: true });
  };
  ctx.onParams(focusRequested);

  ctx.progress
    .around(t('loading'), api.graph(GRAPH_LIMIT))
    .then((json) => {
      if (!destroyed) render(json);
    })
    .catch((e) => {
      if (!destroyed) list.append(el('p', { class: 'message error' }, t('error.generic', { message: e.message })));
    });

  return () => {
    destroyed = true;
  };
}
