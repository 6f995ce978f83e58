// Calls to the netmap API: JSON in, JSON out, errors as ApiError with the HTTP status and the
// ProblemDetail the server sent.

export class ApiError extends Error {
  constructor(status, problem, url) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.url = url;
  }
}

/** Resolves after `ms`, or rejects with an AbortError when the signal aborts first. */
function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** Tells the app shell how a background computation is going (job = null when it is over). */
function announce(path, job) {
  if (typeof window !== 'undefined' && typeof window.dispatchEvent === 'function') {
    window.dispatchEvent(new CustomEvent('netmap:computing', { detail: { path, job } }));
  }
}

/**
 * GETs a path of the API as JSON; throws ApiError on a non-2xx answer. A 202 answer means the
 * server is still computing (analytics on a large graph): the body tells the progress and when to
 * ask again, so this asks again until the answer is there, reporting each step to `onProgress`
 * and to the app's progress indicator.
 */
export async function getJson(path, { signal, onProgress } = {}) {
  let computing = false;
  try {
    for (;;) {
      let response;
      try {
        response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
      } catch (e) {
        if (e.name === 'AbortError') throw e;
        throw new ApiError(0, { detail: e.message }, path);
      }
      if (response.status === 202) {
        let job = {};
        try {
          job = await response.json();
        } catch {
          job = {};
        }
        computing = true;
        onProgress?.(job);
        announce(path, job);
        await pause(Math.max(200, Number(job.retryAfterMs) || 1000), signal);
        continue;
      }
      if (!response.ok) {
        let problem = null;
        try {
          problem = await response.json();
        } catch {
          problem = null;
        }
        throw new ApiError(response.status, problem, path);
      }
      return await response.json();
    }
  } finally {
    if (computing) announce(path, null);
  }
}

const q = encodeURIComponent;

export const api = {
  search: (text, limit = 8, options) => getJson(`/api/search?q=${q(text)}&limit=${limit}`, options),
  node: (id, options) => getJson(`/api/nodes/${q(id)}`, options),
  neighbours: (id, limit, options) => getJson(`/api/nodes/${q(id)}/neighbours?limit=${limit}`, options),
  graph: (limit, options) => getJson(`/api/graph?limit=${limit}`, options),
  /** The graph for drawing: compact (no properties but a node's period; see README). */
  wholeGraph: (limit, options) => getJson(`/api/graph?limit=${limit}&compact=true`, options),
  stats: (options) => getJson('/api/stats', options),
  analyticsGraph: (view, limit, options) => getJson(`/api/analytics/graph?view=${q(view)}&limit=${limit}`, options),
  scores: (view, metric, options) => getJson(`/api/analytics/scores?view=${q(view)}&metric=${q(metric)}`, options),
  analytics: (kind, params = {}, options) =>
    getJson(`/api/analytics/${kind}?${new URLSearchParams(params)}`, options),
};

/** The browser session's CSRF token (Spring Security's XSRF-TOKEN cookie), or null. */
export function csrfToken() {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : null;
}

/**
 * Sends a change (POST, PUT, DELETE) with a JSON body and reads the JSON answer (null for 204).
 * The session cookie and its CSRF token go along, so a logged-in user of the web app is allowed.
 * Throws ApiError on a non-2xx answer, with the server's ProblemDetail.
 */
export async function sendJson(method, path, body, { signal, headers = {} } = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  const token = csrfToken();
  if (token) all['X-XSRF-TOKEN'] = token;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: e.message }, path);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem, path);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}
