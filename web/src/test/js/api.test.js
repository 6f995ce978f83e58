// getJson against a scripted fetch: a 202 "still computing" answer is polled until the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const { ApiError, getJson } = await import(js('api.js'));

function answers(...list) {
  const calls = [];
  globalThis.fetch = async (path) => {
    calls.push(path);
    const [status, body] = list.shift();
    return { status, ok: status >= 200 && status < 300, json: async () => body };
  };
  return calls;
}

test('a 202 answer is asked again until the result comes, reporting the progress', async () => {
  const job = { status: 'computing', task: 'hubs view=stored', stage: 'reading nodes', progress: 0.5, retryAfterMs: 1 };
  const calls = answers([202, job], [202, { ...job, progress: 0.9 }], [200, { items: [1, 2] }]);
  const seen = [];
  const result = await getJson('/api/analytics/hubs', { onProgress: (j) => seen.push(j.progress) });
  assert.deepEqual(result, { items: [1, 2] });
  assert.deepEqual(seen, [0.5, 0.9]);
  assert.equal(calls.length, 3);
});

test('an error after waiting is thrown as ApiError with the problem', async () => {
  answers([202, { retryAfterMs: 1 }], [400, { detail: 'Unknown view', parameter: 'view' }]);
  await assert.rejects(getJson('/api/analytics/hubs?view=x'), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 400);
    assert.equal(e.problem.parameter, 'view');
    return true;
  });
});

test('aborting while waiting stops the polling', async () => {
  const calls = answers([202, { retryAfterMs: 5000 }], [200, {}]);
  const controller = new AbortController();
  const pending = getJson('/api/analytics/hubs', { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, (e) => e.name === 'AbortError');
  assert.equal(calls.length, 1);
});
