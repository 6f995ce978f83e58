// Admin: the users (add, enable or disable, change role, set a password) and backups (download one,
// restore one). Only administrators see the page in the navigation; the server checks each request.

import { ApiError, csrfToken, getJson, sendJson } from '../api.js';
import { el } from '../dom.js';

const ROLES = ['READER', 'EDITOR', 'ADMIN'];

const TEXT = {
  it: {
    title: 'Gestione: utenti e backup',
    onlyAdmins: 'Questa pagina è per gli amministratori.',
    login: 'Accedi come amministratore',
    usersTitle: 'Utenti',
    usersIntro:
      'Lettori: consultano (anche senza accesso, se la lettura è pubblica). Redattori: modificano e importano. Amministratori: gestiscono utenti e backup.',
    username: 'Nome utente',
    password: 'Password',
    role: 'Ruolo',
    enabled: 'Attivo',
    created: 'Creato',
    actions: 'Azioni',
    add: 'Aggiungi utente',
    newTitle: 'Nuovo utente',
    passwordRule: 'Almeno 10 caratteri, senza il nome utente.',
    setPassword: 'Nuova password',
    set: 'Imposta',
    cancel: 'Annulla',
    newPasswordFor: 'Nuova password per {user}',
    you: '(tu)',
    added: 'Utente {user} aggiunto.',
    changed: 'Utente {user} aggiornato.',
    passwordSet: 'Password di {user} cambiata.',
    enabledLabel: 'Account di {user} attivo',
    roleLabel: 'Ruolo di {user}',
    error: 'Non riuscito: {message}',
    backupTitle: 'Backup',
    backupIntro:
      'Il grafo intero (nodi, relazioni, fonti e registro delle modifiche; gli account no) in un file JSON Lines. I backup pianificati sono nella cartella backups della cartella dati.',
    download: 'Scarica un backup',
    restoreFile: 'File di backup',
    restore: 'Ripristina',
    restoreConfirm:
      'Sostituire l’intero grafo con il contenuto di {file}? Il grafo attuale viene prima salvato in un backup.',
    restoring: 'Ripristino…',
    restored: 'Ripristinati {nodes} nodi e {relationships} relazioni. Il grafo precedente è nel backup {previous}.',
    noFile: 'Scegli un file di backup.',
    badPassword: 'Password non valida: servono almeno 10 caratteri (al massimo 72 byte), senza il nome utente.',
    badUsername:
      'Nome utente non valido: da 2 a 40 caratteri tra lettere minuscole, cifre, «.», «_» o «-», iniziando con una lettera o una cifra.',
    duplicate: 'Esiste già un utente con questo nome.',
    lastAdmin: 'Deve restare almeno un amministratore attivo: nomina prima un altro amministratore.',
    badBackup: 'Backup non valido, nulla è cambiato: {message}',
  },
  en: {
    title: 'Admin: users and backups',
    onlyAdmins: 'This page is for administrators.',
    login: 'Log in as an administrator',
    usersTitle: 'Users',
    usersIntro:
      'Readers read (also without a login while reading is public). Editors change and import. Administrators manage users and backups.',
    username: 'User name',
    password: 'Password',
    role: 'Role',
    enabled: 'Enabled',
    created: 'Created',
    actions: 'Actions',
    add: 'Add user',
    newTitle: 'New user',
    passwordRule: 'At least 10 characters, not containing the user name.',
    setPassword: 'New password',
    set: 'Set',
    cancel: 'Cancel',
    newPasswordFor: 'New password for {user}',
    you: '(you)',
    added: 'User {user} added.',
    changed: 'User {user} updated.',
    passwordSet: 'Password of {user} changed.',
    enabledLabel: 'Account of {user} enabled',
    roleLabel: 'Role of {user}',
    error: 'Failed: {message}',
    backupTitle: 'Backup',
    backupIntro:
      'The whole graph (nodes, relationships, sources and change log; not the accounts) as one JSON Lines file. Scheduled backups are in the backups folder of the data directory.',
    download: 'Download a backup',
    restoreFile: 'Backup file',
    restore: 'Restore',
    restoreConfirm: 'Replace the whole graph with the content of {file}? The current graph is saved in a backup first.',
    restoring: 'Restoring…',
    restored: 'Restored {nodes} nodes and {relationships} relationships. The previous graph is in backup {previous}.',
    noFile: 'Choose a backup file.',
    badPassword: 'Invalid password: it needs at least 10 characters (at most 72 bytes) and must not contain the user name.',
    badUsername:
      'Invalid user name: 2 to 40 characters, lower-case letters, digits, ‘.’, ‘_’ or ‘-’, starting with a letter or digit.',
    duplicate: 'A user with this name already exists.',
    lastAdmin: 'At least one enabled administrator must remain: make another user administrator first.',
    badBackup: 'Invalid backup, nothing was changed: {message}',
  },
};

const ROLE_NAMES = {
  it: { READER: 'lettore', EDITOR: 'redattore', ADMIN: 'amministratore' },
  en: { READER: 'reader', EDITOR: 'editor', ADMIN: 'administrator' },
};

export function mount(root, ctx) {
  const words = TEXT[ctx.lang] ?? TEXT.en;
  const say = (key, p = {}) => words[key].replace(/\{(\w+)\}/g, (_, k) => p[k] ?? '');
  const roleName = (role) => (ROLE_NAMES[ctx.lang] ?? ROLE_NAMES.en)[role] ?? role;
  const page = el('section', { class: 'admin-page' }, el('h1', {}, say('title')));
  root.append(page);

  if (!ctx.can('ADMIN')) {
    page.append(
      el('p', { class: 'message' }, say('onlyAdmins'), ' ', el('a', { href: `/login?next=${encodeURIComponent('#/admin')}` }, say('login'))),
    );
    return () => {};
  }

  let destroyed = false;
  const status = el('p', { id: 'admin-status', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  const show = (text, error = false) => {
    status.hidden = false;
    status.textContent = text;
    status.classList.toggle('error', error);
  };
  // the server explains in English; the known cases are said in the page's language
  const failure = (e) => {
    const problem = e instanceof ApiError ? e.problem ?? {} : {};
    const status = e instanceof ApiError ? e.status : 0;
    if (status === 400 && problem.parameter === 'password') show(say('badPassword'), true);
    else if (status === 400 && problem.parameter === 'username') show(say('badUsername'), true);
    else if (status === 409 && /already exists/.test(problem.detail ?? '')) show(say('duplicate'), true);
    else if (status === 409 && /enabled ADMIN/.test(problem.detail ?? '')) show(say('lastAdmin'), true);
    else if (status === 422) show(say('badBackup', { message: problem.detail ?? e.message }), true);
    else show(say('error', { message: e.message }), true);
  };

  // ---- users
  const tbody = el('tbody', {});
  const table = el(
    'table',
    { class: 'data users-table', id: 'users-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        [say('username'), say('role'), say('enabled'), say('created'), say('actions')].map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    tbody,
  );

  const newName = el('input', { id: 'new-username', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true });
  const newPassword = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, 'aria-describedby': 'new-password-rule' });
  const newRole = el('select', { id: 'new-role' }, ROLES.map((r) => el('option', { value: r }, roleName(r))));
  const addForm = el(
    'form',
    { id: 'new-user', class: 'form-grid' },
    el('label', { for: 'new-username' }, say('username')),
    newName,
    el('label', { for: 'new-password' }, say('password')),
    el('span', { class: 'stack' }, newPassword, el('small', { id: 'new-password-rule', class: 'muted' }, say('passwordRule'))),
    el('label', { for: 'new-role' }, say('role')),
    newRole,
    el('span', {}),
    el('span', {}, el('button', { type: 'submit', class: 'primary', id: 'add-user' }, say('add'))),
  );

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const user = await sendJson('POST', '/api/users', {
        username: newName.value.trim(),
        password: newPassword.value,
        role: newRole.value,
      });
      newName.value = '';
      newPassword.value = '';
      show(say('added', { user: user.username }));
      await loadUsers();
    } catch (e) {
      failure(e);
    }
  });

  function row(user) {
    const self = user.username === ctx.me.username;
    const role = el(
      'select',
      { 'aria-label': say('roleLabel', { user: user.username }), 'data-field': 'role' },
      ROLES.map((r) => el('option', { value: r, selected: r === user.role }, roleName(r))),
    );
    role.addEventListener('change', () => change(user, { role: role.value }, () => (role.value = user.role)));
    const enabled = el('input', {
      type: 'checkbox',
      checked: user.enabled,
      'aria-label': say('enabledLabel', { user: user.username }),
      'data-field': 'enabled',
    });
    enabled.addEventListener('change', () => change(user, { enabled: enabled.checked }, () => (enabled.checked = user.enabled)));
    const passwordButton = el('button', { type: 'button', 'data-field': 'password' }, say('setPassword'));
    const actions = el('td', {}, passwordButton);
    passwordButton.addEventListener('click', () => {
      const input = el('input', { type: 'password', autocomplete: 'new-password', 'aria-label': say('newPasswordFor', { user: user.username }) });
      const set = el('button', { type: 'submit', class: 'primary' }, say('set'));
      const cancel = el('button', { type: 'button' }, say('cancel'));
      const form = el('form', { class: 'inline-form' }, input, ' ', set, ' ', cancel);
      cancel.addEventListener('click', () => actions.replaceChildren(passwordButton));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          await sendJson('PUT', `/api/users/${encodeURIComponent(user.username)}`, { password: input.value });
          actions.replaceChildren(passwordButton);
          show(say('passwordSet', { user: user.username }));
        } catch (e) {
          failure(e);
        }
      });
      actions.replaceChildren(form);
      input.focus();
    });
    return el(
      'tr',
      { 'data-user': user.username, class: user.enabled ? null : 'disabled' },
      el('th', { scope: 'row' }, user.username, self ? ` ${say('you')}` : ''),
      el('td', {}, role),
      el('td', {}, enabled),
      el('td', {}, (user.createdAt ?? '').slice(0, 10)),
      actions,
    );
  }

  async function change(user, body, undo) {
    try {
      const updated = await sendJson('PUT', `/api/users/${encodeURIComponent(user.username)}`, body);
      Object.assign(user, updated);
      show(say('changed', { user: user.username }));
      await loadUsers();
    } catch (e) {
      undo();
      failure(e);
    }
  }

  async function loadUsers() {
    try {
      const users = await getJson('/api/users');
      if (destroyed) return;
      tbody.replaceChildren(...users.map(row));
    } catch (e) {
      failure(e);
    }
  }

  // ---- backup and restore
  const restoreFile = el('input', { type: 'file', id: 'restore-file', accept: '.jsonl,.ndjson,application/x-ndjson' });
  const restoreButton = el('button', { type: 'button', id: 'restore' }, say('restore'));
  restoreButton.addEventListener('click', async () => {
    const file = restoreFile.files[0];
    if (!file) {
      show(say('noFile'), true);
      return;
    }
    if (!window.confirm(say('restoreConfirm', { file: file.name }))) return;
    const done = ctx.progress.start(say('restoring'));
    restoreButton.disabled = true;
    try {
      const headers = { Accept: 'application/json', 'Content-Type': 'application/x-ndjson' };
      const token = csrfToken();
      if (token) headers['X-XSRF-TOKEN'] = token;
      const response = await fetch('/api/restore', { method: 'POST', headers, body: file, credentials: 'same-origin' });
      const json = await response.json().catch(() => ({}));
      if (!response.ok) throw new ApiError(response.status, json, '/api/restore');
      show(say('restored', { nodes: json.restored.nodes, relationships: json.restored.relationships, previous: json.previous }));
    } catch (e) {
      failure(e);
    } finally {
      restoreButton.disabled = false;
      done();
    }
  });

  page.append(
    status,
    el('h2', {}, say('usersTitle')),
    el('p', { class: 'muted' }, say('usersIntro')),
    el('div', { class: 'table-scroll' }, table),
    el('h3', {}, say('newTitle')),
    addForm,
    el('h2', {}, say('backupTitle')),
    el('p', { class: 'muted' }, say('backupIntro')),
    el('p', {}, el('a', { class: 'button', id: 'backup-download', href: '/api/backup', download: '' }, say('download'))),
    el(
      'p',
      { class: 'restore-row' },
      el('label', { for: 'restore-file' }, say('restoreFile')),
      ' ',
      restoreFile,
      ' ',
      restoreButton,
    ),
  );
  loadUsers();
  return () => {
    destroyed = true;
  };
}
