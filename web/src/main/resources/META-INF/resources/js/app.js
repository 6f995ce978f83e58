// The app shell: navigation built from the page list, hash routing, the language switch, who is
// logged in and the progress indicator. Pages are loaded on demand from js/pages/<name>.js.

import { api, getJson, sendJson } from './api.js';
import { initialLanguage, translate } from './i18n.js';
import { PAGES, hashFor, parseHash } from './routes.js';

const LANG_KEY = 'netmap.lang';
const ROLES = ['READER', 'EDITOR', 'ADMIN'];

const ctx = {
  api,
  lang: initialLanguage(safeStorage('get', LANG_KEY), navigator.languages ?? [navigator.language]),
  t: (key, params) => translate(ctx.lang, key, params),
  /** Who is logged in: {authenticated, username, role, publicRead} from GET /api/me. */
  me: { authenticated: false, publicRead: true },
  /** True when the user has this role or a higher one (READER < EDITOR < ADMIN). */
  can: (role) => ROLES.indexOf(ctx.me.role) >= ROLES.indexOf(role) && ROLES.includes(role),
  /** What pages keep between visits (the explore graph, its layout …). */
  session: {},
  progress: createProgress(),
  navigate: (name, params) => {
    location.hash = hashFor(name, params);
  },
  /** Changes the current page's URL parameters without reloading the page. */
  replaceParams: (params) => {
    const { name } = parseHash(location.hash);
    history.replaceState(null, '', hashFor(name, params));
  },
  storage: {
    get: (key) => safeStorage('get', key),
    set: (key, value) => safeStorage('set', key, value),
  },
};

let current = { name: null, unmount: null, token: 0 };

function safeStorage(op, key, value) {
  try {
    if (op === 'get') return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch {
    return null;
  }
  return null;
}

function createProgress() {
  const tasks = new Map();
  let next = 0;
  const render = () => {
    const box = document.getElementById('progress');
    if (!box) return;
    const last = [...tasks.values()].pop();
    box.hidden = !last;
    if (!last) return;
    box.querySelector('.progress-text').textContent = last.text;
    const fill = box.querySelector('.progress-fill');
    box.classList.toggle('indeterminate', last.fraction === null || last.fraction === undefined);
    fill.style.width = last.fraction === null || last.fraction === undefined ? '' : `${Math.round(last.fraction * 100)}%`;
  };
  return {
    /** Shows the indicator until the returned function is called; update(text, fraction). */
    start(text) {
      const id = next++;
      tasks.set(id, { text, fraction: null });
      render();
      const done = () => {
        tasks.delete(id);
        render();
      };
      done.update = (t, fraction = null) => {
        if (!tasks.has(id)) return;
        tasks.set(id, { text: t, fraction });
        render();
      };
      return done;
    },
    /** Runs a promise with the indicator showing. */
    async around(text, promise) {
      const done = this.start(text);
      try {
        return await promise;
      } finally {
        done();
      }
    },
  };
}

function renderShell() {
  document.documentElement.lang = ctx.lang;
  document.title = `netmap · ${ctx.t(PAGES.find((p) => p.name === current.name)?.title ?? 'app.title')}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = ctx.t(el.dataset.i18n);
  const nav = document.getElementById('nav');
  nav.closest('nav').setAttribute('aria-label', ctx.t('nav.label'));
  nav.replaceChildren(
    ...PAGES.filter((page) => !page.role || ctx.can(page.role)).map((page) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = hashFor(page.name);
      a.textContent = ctx.t(page.title);
      a.dataset.page = page.name;
      if (page.name === current.name) a.setAttribute('aria-current', 'page');
      li.append(a);
      return li;
    }),
  );
  renderAccount();
  const button = document.getElementById('lang-switch');
  button.textContent = ctx.t('lang.switch');
  button.setAttribute('aria-label', ctx.t('lang.switchLabel'));
  button.lang = ctx.lang === 'it' ? 'en' : 'it';
}

function renderAccount() {
  const box = document.getElementById('account');
  if (!box) return;
  if (ctx.me.authenticated) {
    const who = document.createElement('span');
    who.className = 'account-name';
    who.textContent = ctx.me.username;
    who.title = ctx.t('account.who', { user: ctx.me.username, role: ctx.t(`role.${ctx.me.role}`) });
    const out = document.createElement('button');
    out.type = 'button';
    out.id = 'logout';
    out.className = 'lang-switch';
    out.textContent = ctx.t('account.logout');
    out.addEventListener('click', logout);
    box.replaceChildren(who, out);
  } else {
    const login = document.createElement('a');
    login.id = 'login-link';
    login.className = 'account-login';
    login.textContent = ctx.t('account.login');
    login.href = `/login?next=${encodeURIComponent(location.hash)}`;
    box.replaceChildren(login);
  }
}

async function logout() {
  try {
    await sendJson('POST', '/logout');
  } finally {
    location.assign('/login?logout');
  }
}

async function loadMe() {
  try {
    ctx.me = await getJson('/api/me');
  } catch {
    ctx.me = { authenticated: false, publicRead: true };
  }
}

/**
 * Pages that read who is logged in when they mount wait for GET /api/me; the others draw at once
 * (the first page must not wait for an API call before anything shows) and the header catches up.
 */
const NEEDS_ACCOUNT = new Set(['admin', 'data']);
let meReady = null;

async function route({ force = false } = {}) {
  const { name, params, known } = parseHash(location.hash);
  if (!force && name === current.name && current.unmount) {
    // same page, new parameters: pages that care handle them
    current.onParams?.(params);
    return;
  }
  if (current.unmount) {
    try {
      current.unmount();
    } catch (e) {
      console.error(e);
    }
  }
  const token = ++current.token;
  current = { name, unmount: null, token };
  renderShell();
  const main = document.getElementById('main');
  main.replaceChildren();
  main.dataset.page = name;
  if (!known) {
    const p = document.createElement('p');
    p.className = 'message error';
    p.textContent = ctx.t('error.notFound', { route: name });
    main.append(p);
    return;
  }
  try {
    const [module] = await Promise.all([import(`./pages/${name}.js`), NEEDS_ACCOUNT.has(name) ? meReady : null]);
    if (token !== current.token) return;
    const pageCtx = { ...ctx, params, onParams: (fn) => (current.onParams = fn) };
    current.unmount = module.mount(main, pageCtx) ?? (() => {});
  } catch (e) {
    console.error(e);
    const p = document.createElement('p');
    p.className = 'message error';
    p.textContent = ctx.t('error.generic', { message: e.message });
    main.append(p);
  }
}

document.getElementById('lang-switch').addEventListener('click', () => {
  ctx.lang = ctx.lang === 'it' ? 'en' : 'it';
  ctx.storage.set(LANG_KEY, ctx.lang);
  route({ force: true });
});

// Background computations (analytics answered with 202 while they run) show in the indicator.
const computations = new Map();
window.addEventListener('netmap:computing', (event) => {
  const { path, job } = event.detail;
  let done = computations.get(path);
  if (!job) {
    done?.();
    computations.delete(path);
    return;
  }
  if (!done) {
    done = ctx.progress.start(ctx.t('loading'));
    computations.set(path, done);
  }
  const task = String(job.task ?? '').split(' ')[0] || '…';
  done.update(ctx.t('computing', { task, stage: job.stage ?? '…' }), job.progress ?? null);
});

window.addEventListener('hashchange', () => route());
if (!location.hash) history.replaceState(null, '', hashFor('explore'));
meReady = loadMe().then(() => renderShell());
route();
