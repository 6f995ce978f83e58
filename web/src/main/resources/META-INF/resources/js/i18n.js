// UI strings in Italian and English, and the names of nodes in the chosen language.
// Pure: no DOM, so node's test runner can check it.

export const LANGUAGES = ['it', 'en'];

const STRINGS = {
  it: {
    'app.title': 'netmap',
    'app.tagline': 'Reti di cooperazione per l’inclusione sociale e il lavoro',
    'nav.explore': 'Esplora',
    'nav.analytics': 'Analisi',
    'nav.sources': 'Fonti',
    'nav.map': 'Mappa',
    'nav.planner': 'Pianifica',
    'nav.query': 'Query',
    'nav.data': 'Dati',
    'nav.label': 'Sezioni',
    'nav.admin': 'Gestione',
    'account.login': 'Accedi',
    'account.logout': 'Esci',
    'account.who': 'Connesso come {user} ({role})',
    'role.READER': 'lettore',
    'role.EDITOR': 'redattore',
    'role.ADMIN': 'amministratore',
    'login.title': 'Accesso',
    'login.intro': 'Chi aggiorna la mappa o la amministra accede qui. Per consultarla non serve.',
    'login.private': 'Questa mappa è riservata: accedi per consultarla.',
    'login.username': 'Nome utente',
    'login.password': 'Password',
    'login.submit': 'Accedi',
    'login.wrong': 'Nome utente o password errati.',
    'login.disabled': 'Questo account è disattivato: rivolgiti a un amministratore.',
    'login.tooMany': 'Troppi tentativi falliti. Riprova tra {seconds} secondi.',
    'login.failed': 'Accesso non riuscito: {message}',
    'login.loggedOut': 'Sei uscito.',
    'login.already': 'Sei già connesso come {user}.',
    'login.back': 'Torna alla mappa',
    'lang.switch': 'English',
    'lang.switchLabel': 'Passa all’inglese',
    'loading': 'Caricamento…',
    'layout': 'Disposizione del grafo… {pct}%',
    'error.generic': 'Errore: {message}',
    'error.notFound': 'Pagina non trovata: {route}',
    'search.label': 'Cerca un’organizzazione, regione, rete o progetto',
    'search.placeholder': 'Cerca per nome… (es. ESFCoNet)',
    'search.none': 'Nessun risultato per «{q}»',
    'search.results': '{n} risultati',
    'explore.empty': 'Cerca un nodo per vederne le connessioni, oppure carica il grafo intero.',
    'explore.wholeGraph': 'Grafo intero',
    'explore.wholeGraphLimit': 'Nodi al massimo',
    'explore.fit': 'Adatta',
    'explore.undo': 'Annulla',
    'explore.clear': 'Svuota',
    'explore.save': 'Salva vista',
    'explore.restore': 'Ripristina vista salvata',
    'explore.saved': 'Vista salvata; il link nella barra degli indirizzi la riapre.',
    'explore.exportSvg': 'SVG',
    'explore.exportPng': 'PNG',
    'explore.export': 'Esporta',
    'explore.sizeBy': 'Dimensione per',
    'explore.filters': 'Filtri',
    'explore.labels': 'Tipi di nodo',
    'explore.types': 'Tipi di relazione',
    'explore.theme': 'Tema',
    'explore.period': 'Periodo di programmazione',
    'explore.any': 'Tutti',
    'explore.counts': '{nodes} nodi, {links} relazioni',
    'explore.truncated': 'mostrati {shown} di {total}',
    'explore.more': '+{n} altri',
    'explore.moreLabel': 'Mostra altri {n} vicini di {name}',
    'explore.canvas': 'disegno su canvas',
    'explore.hint': 'Clic: dettagli ed espansione · trascina: fissa · doppio clic: sblocca',
    'explore.graphLabel': 'Grafo delle connessioni',
    'metric.none': 'Uniforme',
    'metric.viewDegree': 'Grado nella vista',
    'metric.degree': 'Grado',
    'metric.pagerank': 'PageRank',
    'metric.betweenness': 'Intermediazione',
    'metric.weighted-degree': 'Grado pesato',
    'metric.closeness': 'Vicinanza',
    'metric.harmonic': 'Vicinanza armonica',
    'metric.coreness': 'k-core',
    'metric.unavailable': 'Metrica non disponibile: {message}',
    'details.title': 'Dettagli',
    'details.none': 'Seleziona un nodo per vederne i dettagli.',
    'details.properties': 'Proprietà',
    'details.relations': 'Relazioni e ruoli',
    'details.sources': 'Fonti',
    'details.noSources': 'Nessuna fonte indicata',
    'details.degree': 'Relazioni in totale',
    'details.expand': 'Espandi',
    'details.expandMore': 'Mostra altri vicini',
    'details.hide': 'Nascondi',
    'details.pin': 'Fissa',
    'details.unpin': 'Sblocca',
    'details.close': 'Chiudi',
    'details.role': 'ruolo',
    'details.factSources': 'fonti',
    'analytics.title': 'Analisi della rete',
    'analytics.view': 'Vista',
    'analytics.metric': 'Misura',
    'analytics.hubs': 'Hub',
    'analytics.brokers': 'Intermediari',
    'analytics.communities': 'Comunità',
    'analytics.gaps': 'Lacune',
    'analytics.rank': '#',
    'analytics.name': 'Nome',
    'analytics.label': 'Tipo',
    'analytics.score': 'Valore',
    'analytics.exact': 'esatto',
    'analytics.approx': 'stimato',
    'analytics.missing': 'Questa analisi non è ancora disponibile sul server ({status}).',
    'analytics.empty': 'Nessun risultato.',
    'analytics.colourCommunities': 'Colora per comunità',
    'analytics.highlightHint': 'Seleziona una riga per evidenziare i nodi nel grafo.',
    'view.actors': 'Attori (organizzazioni × organizzazioni)',
    'view.two-mode': 'Bipartito (attori × collaborazioni)',
    'view.regions': 'Regioni (regione × regione)',
    'view.stored': 'Grafo memorizzato',
    'sources.title': 'Fonti dei dati',
    'sources.intro': 'I documenti da cui provengono nodi e relazioni. Ogni fatto nel grafo indica le sue fonti.',
    'sources.supports': 'Sostiene {nodes} nodi e {links} relazioni',
    'sources.show': 'Mostra ciò che sostiene',
    'sources.publisher': 'Editore',
    'sources.date': 'Data',
    'sources.file': 'File',
    'sources.language': 'Lingua',
    'sources.truncated': 'Conteggi su {shown} nodi di {total}.',
    'sources.open': 'Apri nel grafo',
    'term.total': 'in tutto',
    'term.group': 'Gruppo',
    'term.modularity': 'modularità',
    'term.componentCount': 'componenti',
    'term.expectedError': 'errore atteso',
    'term.components': 'Componenti',
    'term.cutpoints': 'Punti di articolazione (punti critici)',
    'term.bridges': 'Ponti',
    'term.isolated': 'Isolati',
    'term.weaklyTied': 'Legami deboli',
    'term.dataGaps': 'Lacune nei dati (dichiarati e mappati)',
    'term.unsourced.nodes': 'Nodi senza fonte',
    'term.unsourced.relationships': 'Relazioni senza fonte',
    'term.items': 'Elenco',
    'term.communities': 'Comunità',
    'term.constraint': 'vincolo',
    'term.effectiveSize': 'dimensione efficace',
    'term.betweenness': 'intermediazione',
    'term.groups': 'gruppi vicini',
    'term.size': 'dimensione',
    'term.members': 'membri',
    'term.theme': 'tema',
    'term.splitsInto': 'divide in',
    'term.ties': 'legami',
    'term.via': 'tramite',
    'term.declared': 'dichiarati',
    'term.mapped': 'mappati',
    'term.weight': 'peso',
    'term.source': 'da',
    'term.target': 'a',
    'term.type': 'tipo',
  },
  en: {
    'app.title': 'netmap',
    'app.tagline': 'Cooperation networks for social inclusion and employment',
    'nav.explore': 'Explore',
    'nav.analytics': 'Analytics',
    'nav.sources': 'Sources',
    'nav.map': 'Map',
    'nav.planner': 'Planner',
    'nav.query': 'Query',
    'nav.data': 'Data',
    'nav.label': 'Sections',
    'nav.admin': 'Admin',
    'account.login': 'Log in',
    'account.logout': 'Log out',
    'account.who': 'Logged in as {user} ({role})',
    'role.READER': 'reader',
    'role.EDITOR': 'editor',
    'role.ADMIN': 'administrator',
    'login.title': 'Log in',
    'login.intro': 'Editors and administrators of the map log in here. Reading it needs no login.',
    'login.private': 'This map is private: log in to read it.',
    'login.username': 'User name',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.wrong': 'Wrong user name or password.',
    'login.disabled': 'This account is disabled: ask an administrator.',
    'login.tooMany': 'Too many failed attempts. Try again in {seconds} seconds.',
    'login.failed': 'Login failed: {message}',
    'login.loggedOut': 'You have logged out.',
    'login.already': 'You are already logged in as {user}.',
    'login.back': 'Back to the map',
    'lang.switch': 'Italiano',
    'lang.switchLabel': 'Switch to Italian',
    'loading': 'Loading…',
    'layout': 'Laying out the graph… {pct}%',
    'error.generic': 'Error: {message}',
    'error.notFound': 'Page not found: {route}',
    'search.label': 'Search for an organisation, region, network or project',
    'search.placeholder': 'Search by name… (e.g. ESFCoNet)',
    'search.none': 'No results for “{q}”',
    'search.results': '{n} results',
    'explore.empty': 'Search for a node to see its connections, or load the whole graph.',
    'explore.wholeGraph': 'Whole graph',
    'explore.wholeGraphLimit': 'At most nodes',
    'explore.fit': 'Fit',
    'explore.undo': 'Undo',
    'explore.clear': 'Clear',
    'explore.save': 'Save view',
    'explore.restore': 'Restore saved view',
    'explore.saved': 'View saved; the link in the address bar reopens it.',
    'explore.exportSvg': 'SVG',
    'explore.exportPng': 'PNG',
    'explore.export': 'Export',
    'explore.sizeBy': 'Size by',
    'explore.filters': 'Filters',
    'explore.labels': 'Node types',
    'explore.types': 'Relationship types',
    'explore.theme': 'Theme',
    'explore.period': 'Programme period',
    'explore.any': 'All',
    'explore.counts': '{nodes} nodes, {links} relationships',
    'explore.truncated': 'showing {shown} of {total}',
    'explore.more': '+{n} more',
    'explore.moreLabel': 'Show {n} more neighbours of {name}',
    'explore.canvas': 'drawn on canvas',
    'explore.hint': 'Click: details and expand · drag: pin · double-click: unpin',
    'explore.graphLabel': 'Connection graph',
    'metric.none': 'Uniform',
    'metric.viewDegree': 'Degree in view',
    'metric.degree': 'Degree',
    'metric.pagerank': 'PageRank',
    'metric.betweenness': 'Betweenness',
    'metric.weighted-degree': 'Weighted degree',
    'metric.closeness': 'Closeness',
    'metric.harmonic': 'Harmonic closeness',
    'metric.coreness': 'k-core',
    'metric.unavailable': 'Metric not available: {message}',
    'details.title': 'Details',
    'details.none': 'Select a node to see its details.',
    'details.properties': 'Properties',
    'details.relations': 'Relationships and roles',
    'details.sources': 'Sources',
    'details.noSources': 'No source given',
    'details.degree': 'Relationships in all',
    'details.expand': 'Expand',
    'details.expandMore': 'Show more neighbours',
    'details.hide': 'Hide',
    'details.pin': 'Pin',
    'details.unpin': 'Unpin',
    'details.close': 'Close',
    'details.role': 'role',
    'details.factSources': 'sources',
    'analytics.title': 'Network analytics',
    'analytics.view': 'View',
    'analytics.metric': 'Metric',
    'analytics.hubs': 'Hubs',
    'analytics.brokers': 'Brokers',
    'analytics.communities': 'Communities',
    'analytics.gaps': 'Gaps',
    'analytics.rank': '#',
    'analytics.name': 'Name',
    'analytics.label': 'Type',
    'analytics.score': 'Score',
    'analytics.exact': 'exact',
    'analytics.approx': 'estimated',
    'analytics.missing': 'This analysis is not available on the server yet ({status}).',
    'analytics.empty': 'No results.',
    'analytics.colourCommunities': 'Colour by community',
    'analytics.highlightHint': 'Select a row to highlight its nodes in the graph.',
    'view.actors': 'Actors (organisation × organisation)',
    'view.two-mode': 'Two-mode (actors × collaborations)',
    'view.regions': 'Regions (region × region)',
    'view.stored': 'Stored graph',
    'sources.title': 'Data sources',
    'sources.intro': 'The documents the nodes and relationships come from. Every fact in the graph names its sources.',
    'sources.supports': 'Supports {nodes} nodes and {links} relationships',
    'sources.show': 'Show what it supports',
    'sources.publisher': 'Publisher',
    'sources.date': 'Date',
    'sources.file': 'File',
    'sources.language': 'Language',
    'sources.truncated': 'Counted over {shown} of {total} nodes.',
    'sources.open': 'Open in the graph',
    'term.total': 'in all',
    'term.group': 'Group',
    'term.modularity': 'modularity',
    'term.componentCount': 'components',
    'term.expectedError': 'expected error',
    'term.components': 'Components',
    'term.cutpoints': 'Cut points (single points of failure)',
    'term.bridges': 'Bridges',
    'term.isolated': 'Isolated',
    'term.weaklyTied': 'Weakly tied',
    'term.dataGaps': 'Data gaps (declared vs mapped)',
    'term.unsourced.nodes': 'Nodes without a source',
    'term.unsourced.relationships': 'Relationships without a source',
    'term.items': 'List',
    'term.communities': 'Communities',
    'term.constraint': 'constraint',
    'term.effectiveSize': 'effective size',
    'term.betweenness': 'betweenness',
    'term.groups': 'neighbouring groups',
    'term.size': 'size',
    'term.members': 'members',
    'term.theme': 'theme',
    'term.splitsInto': 'splits into',
    'term.ties': 'ties',
    'term.via': 'via',
    'term.declared': 'declared',
    'term.mapped': 'mapped',
    'term.weight': 'weight',
    'term.source': 'from',
    'term.target': 'to',
    'term.type': 'type',
  },
};

const LABELS = {
  it: {
    Organisation: 'Organizzazione', Region: 'Territorio', Network: 'Rete', Project: 'Progetto',
    Theme: 'Tema', Event: 'Evento', Source: 'Fonte',
  },
  en: {
    Organisation: 'Organisation', Region: 'Region', Network: 'Network', Project: 'Project',
    Theme: 'Theme', Event: 'Event', Source: 'Source',
  },
};

const TYPES = {
  it: {
    LOCATED_IN: 'ha sede in', PART_OF: 'fa parte di', MEMBER_OF: 'membro di',
    PARTICIPATES_IN: 'partecipa a', LINKED_TO: 'collegato a', ADDRESSES: 'tratta', HELD_IN: 'si tiene a',
  },
  en: {
    LOCATED_IN: 'located in', PART_OF: 'part of', MEMBER_OF: 'member of',
    PARTICIPATES_IN: 'participates in', LINKED_TO: 'linked to', ADDRESSES: 'addresses', HELD_IN: 'held in',
  },
};

const ROLES = {
  it: {
    member: 'membro', lead: 'capofila', partner: 'partner', secretariat: 'segretariato',
    presidency: 'presidenza', coordinator: 'coordinamento', funder: 'finanziatore',
    associated: 'associato', founder: 'fondatore',
  },
  en: {},
};

/** The language to start in: a stored choice, else the browser's, else Italian. */
export function initialLanguage(stored, browserLanguages = []) {
  if (LANGUAGES.includes(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(primary)) return primary;
  }
  return 'it';
}

/** The UI string for a key, with {placeholders} filled in; the key itself when unknown. */
export function translate(lang, key, params = {}) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A node's name in the language: nameEn in English where it exists, else the original name. */
export function displayName(node, lang) {
  if (!node) return '';
  if (lang === 'en' && node.nameEn) return node.nameEn;
  return node.name ?? node.properties?.title ?? node.id;
}

/** A node label (Organisation, Region …) in the language. */
export function labelName(label, lang) {
  return LABELS[lang]?.[label] ?? label;
}

/** A relationship type in the language, in words. */
export function typeName(type, lang) {
  return TYPES[lang]?.[type] ?? type.toLowerCase().replaceAll('_', ' ');
}

/** A role (lead, partner …) in the language. */
export function roleName(role, lang) {
  return ROLES[lang]?.[role] ?? role;
}

/**
 * The properties to show for the language: for a key with an English twin (description /
 * descriptionEn), only the one in the language; bookkeeping keys left out.
 */
export function localisedProperties(properties = {}, lang, hidden = ['sources', 'aliases']) {
  const out = [];
  for (const [key, value] of Object.entries(properties)) {
    if (hidden.includes(key) || value === null || value === undefined) continue;
    if (key.endsWith('En') && key.length > 2) {
      const base = key.slice(0, -2);
      if (lang === 'en') out.push([base, value]);
      else if (!(base in properties)) out.push([base, value]);
      continue;
    }
    if (lang === 'en' && `${key}En` in properties) continue;
    out.push([key, value]);
  }
  return out;
}

/** Every key of the UI strings, per language (for tests). */
export function keys(lang) {
  return Object.keys(STRINGS[lang]);
}
