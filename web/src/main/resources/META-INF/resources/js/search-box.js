// A search box with suggestions, following the WAI-ARIA combobox pattern: arrow keys move through
// the suggestions, Enter chooses, Escape closes; the list is announced to screen readers.

import { displayName, labelName, translate } from './i18n.js';
import { swatch } from './styles.js';
import { el } from './dom.js';

const DEBOUNCE_MS = 180;

/**
 * @param host element to draw into
 * @param options t, lang, search(q, signal) => Promise<[{id,label,name,nameEn}]>, onChoose(hit);
 *   idPrefix to tell the element ids apart when a page has two boxes; label (visible when given)
 */
export function createSearchBox(host, { t, lang, search, onChoose, idPrefix = '', label: labelText = null }) {
  const inputId = `${idPrefix}search`;
  const listId = `${idPrefix}search-suggestions`;
  const optionId = (i) => `${idPrefix}suggestion-${i}`;
  const label = el(
    'label',
    { for: inputId, class: labelText ? 'search-label' : 'visually-hidden' },
    labelText ?? t('search.label'),
  );
  const input = el('input', {
    id: inputId,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: t('search.placeholder'),
  });
  const list = el('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': labelText ?? t('search.label'), hidden: '' });
  const live = el('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  host.append(el('div', { class: 'search' }, label, input, list, live));

  let hits = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render(q) {
    list.replaceChildren();
    if (!hits.length) {
      list.append(el('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, t('search.none', { q })));
    }
    hits.forEach((hit, i) => {
      const name = displayName(hit, lang);
      const other = lang === 'en' ? hit.name : hit.nameEn;
      const li = el(
        'li',
        { id: optionId(i), role: 'option', 'aria-selected': String(i === active), 'data-id': hit.id },
        el('span', { class: 'name' }, name),
        el('span', { class: 'kind' }, labelName(hit.label, lang)),
        other && other !== name ? el('span', { class: 'other' }, other) : '',
      );
      li.insertAdjacentHTML('afterbegin', swatch(hit.label));
      li.addEventListener('mousedown', (event) => event.preventDefault());
      li.addEventListener('click', () => choose(i));
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    live.textContent = hits.length ? t('search.results', { n: hits.length }) : t('search.none', { q });
  }

  function setActive(i) {
    if (!hits.length) return;
    active = (i + hits.length) % hits.length;
    for (const li of list.querySelectorAll('[role=option]')) {
      li.setAttribute('aria-selected', String(li.id === optionId(active)));
    }
    input.setAttribute('aria-activedescendant', optionId(active));
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }

  function choose(i) {
    const hit = hits[i];
    if (!hit) return;
    input.value = displayName(hit, lang);
    close();
    onChoose(hit);
  }

  async function query() {
    const q = input.value.trim();
    controller?.abort();
    if (!q) {
      hits = [];
      close();
      return;
    }
    controller = new AbortController();
    try {
      hits = await search(q, controller.signal);
      active = -1;
      if (document.activeElement === input) render(q);
    } catch (e) {
      if (e.name !== 'AbortError') {
        hits = [];
        live.textContent = translate(lang, 'error.generic', { message: e.message });
      }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(query, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (list.hidden) query();
      else setActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden && hits.length) choose(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return {
    input,
    destroy() {
      clearTimeout(timer);
      controller?.abort();
    },
  };
}
