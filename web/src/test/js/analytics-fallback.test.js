import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const a = await import(js('analytics-model.js'));
const { ApiError } = await import(js('api.js'));
const i18n = await import(js('i18n.js'));

// the 503 the API answers when a projection would not fit in the heap analytics may use
const refused = new ApiError(
  503,
  {
    title: 'View too large for this server’s memory',
    code: 'view-too-large',
    view: 'actors',
    ties: 3604480,
    budgetBytes: 1073741824,
  },
  '/api/analytics/hubs?view=actors',
);

test('a view refused for its size falls back to the two-mode view', () => {
  assert.equal(a.FALLBACK_VIEW, 'two-mode');
  assert.equal(a.fallbackView(refused, 'actors'), 'two-mode');
  const regions = new ApiError(503, { code: 'view-too-large', view: 'regions', ties: 10 }, '/x');
  assert.equal(a.fallbackView(regions, 'regions'), 'two-mode');
  // the view asked for counts when the problem does not name one
  assert.equal(a.fallbackView(new ApiError(503, { code: 'view-too-large' }, '/x'), 'regions'), 'two-mode');
});

test('other errors, and a refusal of the fallback itself, do not fall back', () => {
  assert.equal(a.fallbackView(null, 'actors'), null);
  assert.equal(a.fallbackView(new ApiError(500, { detail: 'boom' }, '/x'), 'actors'), null);
  assert.equal(a.fallbackView(new ApiError(503, { title: 'Unavailable' }, '/x'), 'actors'), null);
  assert.equal(a.fallbackView(new ApiError(503, null, '/x'), 'actors'), null);
  assert.equal(a.fallbackView(new ApiError(404, { code: 'view-too-large' }, '/x'), 'actors'), null);
  assert.equal(a.fallbackView(new ApiError(503, { code: 'view-too-large', view: 'two-mode' }, '/x'), 'two-mode'), null);
});

test('the notice names the refused view and its size in the language', () => {
  assert.deepEqual(a.tooLargeParams(refused, 'actors', 'en'), { view: 'actors', ties: '3,604,480' });
  const it = a.tooLargeParams(refused, 'actors', 'it');
  assert.equal(it.view, 'actors');
  assert.match(it.ties, /^3.604.480$/);
  assert.deepEqual(a.tooLargeParams(new ApiError(503, { code: 'view-too-large' }, '/x'), 'regions', 'en'), {
    view: 'regions',
    ties: '',
  });
  for (const lang of i18n.LANGUAGES) {
    const text = i18n.translate(lang, 'analytics.tooLarge', {
      view: i18n.translate(lang, 'view.actors'),
      ties: a.tooLargeParams(refused, 'actors', lang).ties,
      fallback: i18n.translate(lang, 'view.two-mode'),
    });
    assert.ok(!/\{\w+\}/.test(text), `${lang}: every placeholder filled: ${text}`);
    assert.ok(text.includes(i18n.translate(lang, 'view.two-mode')), text);
  }
  assert.match(i18n.translate('en', 'analytics.tooLarge', { view: 'Actors', ties: '3,604,480', fallback: 'Two-mode' }), /too large.*3,604,480.*Two-mode/);
  assert.match(i18n.translate('it', 'analytics.tooLarge', { view: 'Attori', ties: '3.604.480', fallback: 'Bipartito' }), /troppo grande.*3\.604\.480.*Bipartito/);
});
