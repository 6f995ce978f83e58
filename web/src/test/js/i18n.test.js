import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js } from './helpers.js';

const i18n = await import(js('i18n.js'));

test('both languages have the same UI strings', () => {
  assert.deepEqual(i18n.keys('it').sort(), i18n.keys('en').sort());
});

test('placeholders are filled in, unknown keys fall back to the key', () => {
  assert.equal(i18n.translate('it', 'explore.more', { n: 37 }), '+37 altri');
  assert.equal(i18n.translate('en', 'explore.more', { n: 37 }), '+37 more');
  assert.equal(i18n.translate('en', 'no.such.key'), 'no.such.key');
  assert.equal(i18n.translate('en', 'explore.counts', { nodes: 3 }), '3 nodes, {links} relationships');
});

test('node names follow the language where an English name exists', () => {
  const esf = { id: 'esfconet', name: 'ESFCoNet', nameEn: 'ESF Cooperation Network' };
  const veneto = { id: 'veneto', name: 'Veneto' };
  assert.equal(i18n.displayName(esf, 'it'), 'ESFCoNet');
  assert.equal(i18n.displayName(esf, 'en'), 'ESF Cooperation Network');
  assert.equal(i18n.displayName(veneto, 'en'), 'Veneto');
  assert.equal(i18n.displayName({ id: 'x', properties: { title: 'T' } }, 'en'), 'T');
  assert.equal(i18n.displayName(null, 'en'), '');
});

test('labels, relationship types and roles are translated', () => {
  assert.equal(i18n.labelName('Organisation', 'it'), 'Organizzazione');
  assert.equal(i18n.labelName('Network', 'en'), 'Network');
  assert.equal(i18n.typeName('MEMBER_OF', 'it'), 'membro di');
  assert.equal(i18n.typeName('NEW_TYPE', 'en'), 'new type');
  assert.equal(i18n.roleName('lead', 'it'), 'capofila');
  assert.equal(i18n.roleName('lead', 'en'), 'lead');
});

test('the start language is the stored one, else the browser’s, else Italian', () => {
  assert.equal(i18n.initialLanguage('en', ['it-IT']), 'en');
  assert.equal(i18n.initialLanguage(null, ['de-DE', 'en-GB']), 'en');
  assert.equal(i18n.initialLanguage('fr', ['fr-FR']), 'it');
});

test('properties show the English twin in English and the original in Italian', () => {
  const props = { description: 'Rete', descriptionEn: 'Network', period: '2007-2013', sources: ['s'], noteEn: 'only en' };
  assert.deepEqual(i18n.localisedProperties(props, 'it'), [['description', 'Rete'], ['period', '2007-2013'], ['note', 'only en']]);
  assert.deepEqual(i18n.localisedProperties(props, 'en'), [['description', 'Network'], ['period', '2007-2013'], ['note', 'only en']]);
});
