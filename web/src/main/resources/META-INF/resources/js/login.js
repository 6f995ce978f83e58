// The login page (/login): a form that posts the user name and password with the session's CSRF
// token, then goes back to where the user came from (?next=#/page), or says what went wrong.

import { csrfToken, getJson } from './api.js';
import { initialLanguage, translate } from './i18n.js';

const LANG_KEY = 'netmap.lang';
let lang = initialLanguage(storage('get', LANG_KEY), navigator.languages ?? [navigator.language]);
const t = (key, params) => translate(lang, key, params);
const params = new URLSearchParams(location.search);
// only a route of this app, never another site
const next = /^#\/[\w-]*([?][^\s]*)?$/.test(params.get('next') ?? '') ? `/${params.get('next')}` : '/';
let me = null;
let message = params.has('logout') ? { key: 'login.loggedOut' } : params.has('error') ? { key: 'login.wrong', error: true } : null;

function storage(op, key, value) {
  try {
    if (op === 'get') return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch {
    return null;
  }
  return null;
}

function render() {
  document.documentElement.lang = lang;
  document.title = `netmap · ${t('login.title')}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const button = document.getElementById('lang-switch');
  button.textContent = t('lang.switch');
  button.setAttribute('aria-label', t('lang.switchLabel'));
  button.lang = lang === 'it' ? 'en' : 'it';
  document.getElementById('login-intro').textContent = t(me && !me.publicRead ? 'login.private' : 'login.intro');
  document.getElementById('login-back').href = next;
  const box = document.getElementById('login-message');
  const shown = message ?? (me?.authenticated ? { key: 'login.already', params: { user: me.username } } : null);
  box.hidden = !shown;
  box.classList.toggle('error', Boolean(shown?.error));
  if (shown) box.textContent = t(shown.key, shown.params);
}

async function submit(event) {
  event.preventDefault();
  const form = event.target;
  const button = document.getElementById('login-submit');
  button.disabled = true;
  try {
    let response = await post(form);
    if (response.status === 403 && !csrfToken()) {
      // no token cookie yet (blocked or expired): fetch one and try once more
      await getJson('/api/me').catch(() => null);
      response = await post(form);
    }
    if (response.ok) {
      location.assign(next);
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 429) {
      message = { key: 'login.tooMany', params: { seconds: response.headers.get('Retry-After') ?? '?' }, error: true };
    } else if (response.status === 401) {
      message = { key: /disabled/i.test(problem.detail ?? '') ? 'login.disabled' : 'login.wrong', error: true };
    } else {
      message = { key: 'login.failed', params: { message: problem.detail ?? `HTTP ${response.status}` }, error: true };
    }
    render();
    document.getElementById('password').select();
  } catch (e) {
    message = { key: 'login.failed', params: { message: e.message }, error: true };
    render();
  } finally {
    button.disabled = false;
  }
}

function post(form) {
  const headers = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    'X-Requested-With': 'XMLHttpRequest',
  };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  return fetch('/login', {
    method: 'POST',
    headers,
    body: new URLSearchParams({ username: form.username.value, password: form.password.value }),
    credentials: 'same-origin',
  });
}

document.getElementById('lang-switch').addEventListener('click', () => {
  lang = lang === 'it' ? 'en' : 'it';
  storage('set', LANG_KEY, lang);
  render();
});
document.getElementById('login-form').addEventListener('submit', submit);
render();
document.getElementById('username').focus();
getJson('/api/me')
  .then((answer) => {
    me = answer;
    render();
  })
  .catch(() => {});
