// Planner: pick a region (search or params.region from the map) and a theme, see the ranked
// partner regions with their reasons and the region's gaps; export CSV or print a one-page summary.

import { el, clear } from '../dom.js';
import { getJson } from '../api.js';

const TEXT = {
  it: {
    title: 'Pianificatore di cooperazione',
    region: 'Regione (id o codice NUTS)',
    theme: 'Tema',
    anyTheme: 'Qualsiasi tema',
    go: 'Cerca partner',
    partners: 'Partner consigliati',
    gaps: 'Lacune',
    score: 'Punteggio',
    tied: 'già legata',
    reasons: 'Perché',
    csv: 'Scarica CSV',
    print: 'Stampa riepilogo',
    none: 'Nessun partner trovato.',
    noGaps: 'Nessuna lacuna.',
    loading: 'Calcolo i partner…',
    summary: 'Riepilogo per',
    note: 'Le motivazioni sono generate in inglese dai dati.',
  },
  en: {
    title: 'Cooperation planner',
    region: 'Region (id or NUTS code)',
    theme: 'Theme',
    anyTheme: 'Any theme',
    go: 'Find partners',
    partners: 'Suggested partners',
    gaps: 'Gaps',
    score: 'Score',
    tied: 'already tied',
    reasons: 'Why',
    csv: 'Download CSV',
    print: 'Print summary',
    none: 'No partner found.',
    noGaps: 'No gaps.',
    loading: 'Ranking partners…',
    summary: 'Summary for',
    note: '',
  },
};

function csvCell(value) {
  const text = String(value ?? '');
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function mount(root, ctx, params = ctx.params ?? {}) {
  const words = TEXT[ctx.lang] ?? TEXT.en;
  const initial = params.region ?? ctx.storage?.get('planner.region') ?? 'toscana';
  const region = el('input', { type: 'text', id: 'planner-region', value: initial, size: 24 });
  const theme = el('select', { id: 'planner-theme' }, el('option', { value: '' }, words.anyTheme));
  const go = el('button', { type: 'submit', id: 'planner-go' }, words.go);
  const out = el('div', { id: 'planner-result' });
  clear(root);
  root.append(
    el('h2', {}, words.title),
    el('form', { id: 'planner-form' },
      el('label', {}, words.region, ' ', region), ' ',
      el('label', {}, words.theme, ' ', theme), ' ', go),
    out);

  // themes for the select: the planner names the valid ones when asked for an unknown theme
  fetch('/api/planner?region=toscana&theme=-&limit=1', { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((problem) => {
      for (const id of problem.allowed ?? []) theme.append(el('option', { value: id }, id.replace(/-/g, ' ')));
      theme.value = params.theme ?? ctx.storage?.get('planner.theme') ?? '';
    })
    .catch(() => {});

  root.querySelector('#planner-form').addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  run();

  async function run() {
    const q = new URLSearchParams({ region: region.value.trim(), limit: '20' });
    if (theme.value) q.set('theme', theme.value);
    ctx.storage?.set('planner.region', region.value.trim());
    ctx.storage?.set('planner.theme', theme.value);
    const done = ctx.progress?.start(words.loading);
    try {
      show(await getJson(`/api/planner?${q}`));
    } catch (e) {
      out.replaceChildren(el('p', { class: 'error' }, e.message));
    } finally {
      done?.();
    }
  }

  function show(plan) {
    const title = `${plan.region.name}${plan.region.nuts ? ` (${plan.region.nuts})` : ''}`;
    const table = plan.partners.length
      ? el('table', { class: 'planner-partners' },
        el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, words.region), el('th', {}, 'NUTS'),
          el('th', {}, words.score), el('th', {}, words.reasons))),
        el('tbody', {}, plan.partners.map((p, i) => el('tr', {},
          el('td', {}, i + 1),
          el('td', {}, el('a', { href: `#/node/${encodeURIComponent(p.id)}` }, p.name), p.tied ? ` · ${words.tied}` : ''),
          el('td', {}, p.nuts ?? '—'),
          el('td', {}, p.score),
          el('td', {}, el('ul', {}, p.reasons.map((r) => el('li', {}, r))))))))
      : el('p', {}, words.none);
    const csv = el('button', { type: 'button', id: 'planner-csv' }, words.csv);
    const print = el('button', { type: 'button', id: 'planner-print' }, words.print);
    out.replaceChildren(
      el('h3', {}, `${words.summary} ${title}${plan.theme ? ' · ' + (ctx.lang === 'it' ? plan.theme.name : plan.theme.nameEn ?? plan.theme.name) : ''}`),
      ...(words.note ? [el('p', { class: 'note' }, words.note)] : []),
      el('h4', {}, words.partners), table,
      el('h4', {}, words.gaps),
      plan.gaps.length ? el('ul', { class: 'planner-gaps' }, plan.gaps.map((g) => el('li', {}, g.text))) : el('p', {}, words.noGaps),
      el('p', {}, csv, ' ', print));
    csv.addEventListener('click', () => {
      const rows = [['rank', 'id', 'name', 'nuts', 'score', 'tied', 'reasons']];
      plan.partners.forEach((p, i) => rows.push([i + 1, p.id, p.name, p.nuts ?? '', p.score, p.tied, p.reasons.join('; ')]));
      const blob = new Blob([rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n'], { type: 'text/csv' });
      const a = el('a', { href: URL.createObjectURL(blob), download: `netmap-planner-${plan.region.id}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
    });
    print.addEventListener('click', () => window.print());
  }
}
