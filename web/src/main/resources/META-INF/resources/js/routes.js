// The pages of the app and the hash routes that lead to them (#/explore?node=esfconet).
// A page is a module js/pages/<name>.js exporting mount(root, ctx), which draws the page into
// root and may return a function that tears it down. To add a page, add it here and write its
// module: the navigation is built from this list.

/**
 * The pages in navigation order: name (route and module), key of its title in i18n.js, and the
 * role a page needs to be listed (the server checks every request anyway).
 */
export const PAGES = [
  { name: 'explore', title: 'nav.explore' },
  { name: 'analytics', title: 'nav.analytics' },
  { name: 'sources', title: 'nav.sources' },
  { name: 'map', title: 'nav.map' },
  { name: 'planner', title: 'nav.planner' },
  { name: 'query', title: 'nav.query' },
  { name: 'data', title: 'nav.data' },
  { name: 'admin', title: 'nav.admin', role: 'ADMIN' },
];

export const DEFAULT_PAGE = 'explore';

/** The page name and parameters of a location hash; the default page for an empty hash. */
export function parseHash(hash, pages = PAGES) {
  const text = (hash ?? '').replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const name = path.split('/')[0] || DEFAULT_PAGE;
  const params = Object.fromEntries(new URLSearchParams(query));
  const known = pages.some((p) => p.name === name);
  return { name, params, known };
}

/** The hash for a page with parameters (empty parameters left out). */
export function hashFor(name, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const q = query.toString();
  return `#/${name}${q ? `?${q}` : ''}`;
}
