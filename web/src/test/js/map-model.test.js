import { test } from 'node:test';
import assert from 'node:assert/strict';
import { js, loadD3 } from './helpers.js';

const { regionLookup, shapesOf, mainPolygon, spread, arcPath, arcWidth, rewind } = await import(js('map-model.js'));

const shape = (id, coordinates, type = 'Polygon') => ({ properties: { NUTS_ID: id }, geometry: { type, coordinates } });

const SEED = [
  { id: 'italy', nuts: 'IT' },
  { id: 'toscana', nuts: 'ITI1' },
  { id: 'palermo', nuts: 'ITG12' },
  { id: 'belgium', nuts: 'BE' },
  { id: 'vlaanderen', nuts: 'BE2' },
  { id: 'slovenia', nuts: 'SI' },
  { id: 'nova-gorica', nuts: 'SI044' },
  { id: 'jordan', nuts: null },
];

test('a NUTS 2 shape takes the most specific region at NUTS 1 or 2; places colour nothing', () => {
  const lookup = regionLookup(SEED);
  assert.equal(lookup.regionOf('ITI1').id, 'toscana');
  assert.equal(lookup.regionOf('BE23').id, 'vlaanderen');
  assert.equal(lookup.regionOf('ITG1'), null); // Palermo is ITG12: below the shape
  assert.equal(lookup.regionOf('ITC1'), null); // Piemonte: Italy does not paint its regions
  assert.equal(lookup.regionOf('SI04'), null);
});

test('a country shape shows its value only when none of its regions colours a shape', () => {
  const lookup = regionLookup(SEED);
  assert.equal(lookup.countryOf('IT'), null); // Toscana paints ITI1
  assert.equal(lookup.countryOf('BE'), null); // Vlaanderen paints BE21 …
  assert.equal(lookup.countryOf('SI').id, 'slovenia'); // Nova Gorica paints nothing
  assert.equal(lookup.countryOf('FR'), null); // not in the data
});

test('a click on a shape without a region of its own selects its country', () => {
  const lookup = regionLookup(SEED);
  assert.equal(lookup.clickedOf('ITC1').id, 'italy');
  assert.equal(lookup.clickedOf('ITI1').id, 'toscana');
  assert.equal(lookup.clickedOf('FR10'), null);
});

test('a code stands for its country, its NUTS 2 regions or its NUTS 2 parent', () => {
  const countries = [shape('IT', []), shape('BE', [])];
  const nuts2 = ['BE21', 'BE22', 'BE31', 'ITG1', 'ITI1'].map((id) => shape(id, []));
  const ids = (code) => shapesOf(code, countries, nuts2).map((f) => f.properties.NUTS_ID);
  assert.deepEqual(ids('IT'), ['IT']);
  assert.deepEqual(ids('BE2'), ['BE21', 'BE22']);
  assert.deepEqual(ids('ITG12'), ['ITG1']);
  assert.deepEqual(ids('ITI1'), ['ITI1']);
  assert.deepEqual(ids(null), []);
});

test('the main polygon is the largest one, not the mean of mainland and overseas', () => {
  const square = (x, y, s) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
  const france = shape('FR', [square(0, 0, 10), square(100, 100, 1)], 'MultiPolygon');
  const area = (p) => {
    const ring = p.coordinates[0];
    return Math.abs(ring.reduce((a, [x, y], i) => (i ? a + ring[i - 1][0] * y - x * ring[i - 1][1] : a), 0) / 2);
  };
  assert.deepEqual(mainPolygon([france], area).coordinates, square(0, 0, 10));
  assert.equal(mainPolygon([], area), null);
});

test('dots on the same spot are spread on a circle around it; lone dots stay', () => {
  const points = new Map([['sicilia', [100, 100]], ['palermo', [100.2, 99.8]], ['toscana', [50, 50]]]);
  const out = spread(points, 10);
  assert.deepEqual(out.get('toscana'), [50, 50]);
  const [sx, sy] = out.get('sicilia');
  const [px, py] = out.get('palermo');
  assert.ok(Math.abs(sx - 100) < 1e-9 && Math.abs(sy - 90) < 1e-9, `sicilia at ${sx},${sy}`);
  assert.ok(Math.abs(px - 100) < 1e-9 && Math.abs(py - 110) < 1e-9, `palermo at ${px},${py}`);
});

test('arcs bend to one side and grow with the weight', () => {
  assert.equal(arcPath([0, 0], [10, 0]), 'M0,0 Q5,2 10,0');
  assert.equal(arcWidth(1), 3);
  assert.equal(arcWidth(2), 5);
});

test('GISCO rings are turned clockwise for d3-geo', { skip: !loadD3() && 'd3 not unpacked (mvn -pl web test)' }, () => {
  const d3 = loadD3();
  // counter-clockwise, as GISCO writes it: d3 reads it as the whole globe but this square
  const ccw = [[10, 40], [11, 40], [11, 41], [10, 41], [10, 40]];
  const collection = { features: [shape('XX', [ccw.map((p) => [...p])])] };
  assert.ok(d3.geoArea({ type: 'Polygon', coordinates: [ccw] }) > 2 * Math.PI);
  rewind(collection, d3.geoArea);
  assert.ok(d3.geoArea(collection.features[0].geometry) < 0.001);
});

test('arcs stay within 1 to 11 pixels when ties are heavy', () => {
  assert.equal(arcWidth(2, 2), 5); // the seed: 1 + 2 × weight
  assert.equal(arcWidth(5, 5), 11);
  assert.equal(arcWidth(6208, 6208), 11);
  assert.equal(arcWidth(1552, 6208), 6); // a quarter of the heaviest: half the extra width
  assert.ok(arcWidth(1, 6208) < 1.2);
});

const { tiesToDraw, capped, dotRadius, MAX_ARCS, PANEL_MAX } = await import(js('map-model.js'));

test('dots grow with the ties but stay small when regions have hundreds', () => {
  assert.equal(dotRadius(4, 6), 7); // the seed: 3 + 2 × √ties
  assert.equal(dotRadius(0, 493), 3);
  assert.equal(dotRadius(493, 493), 11);
  assert.ok(dotRadius(123, 493) > 6.9 && dotRadius(123, 493) < 7.1); // a quarter: half the extra
});

test('the map draws every tie while they are few', () => {
  const ties = [{ source: 'a', target: 'b', weight: 1 }, { source: 'a', target: 'c', weight: 2 }];
  assert.equal(tiesToDraw(ties, 2), ties);
  assert.equal(MAX_ARCS, 2000);
});

test('past the cap the map draws the strongest ties, in their order, and the selected region’s', () => {
  // 10 ties of weights 1..10 around a ring, then one weak tie of the selected region
  const ties = Array.from({ length: 10 }, (_, i) => ({ source: `r${i}`, target: `r${(i + 1) % 10}`, weight: (i * 7) % 10 + 1 }));
  ties.push({ source: 'r3', target: 'zz', weight: 1 });
  const strongest = tiesToDraw(ties, 3);
  assert.deepEqual(strongest.map((t) => t.weight), [8, 9, 10]); // in the order given
  assert.deepEqual(strongest.map((t) => t.source), ['r1', 'r4', 'r7']);
  // equal weights: the earlier tie first
  const even = [1, 2, 3, 4].map((i) => ({ source: `s${i}`, target: 't', weight: 5 }));
  assert.deepEqual(tiesToDraw(even, 2).map((t) => t.source), ['s1', 's2']);
  // a selected region keeps all of its ties, weak ones too
  const withSelected = tiesToDraw(ties, 3, 'zz');
  assert.deepEqual(withSelected.map((t) => `${t.source}-${t.target}`), ['r1-r2', 'r4-r5', 'r7-r8', 'r3-zz']);
  // r3's three ties (r2, r4, zz) besides the strongest three
  assert.deepEqual(tiesToDraw(ties, 3, 'r3').map((t) => t.source), ['r1', 'r2', 'r3', 'r4', 'r7', 'r3']);
});

test('capped lists say how many more there are, counting what the server left out', () => {
  assert.deepEqual(capped(['a', 'b', 'c'], 3, 2), { shown: ['a', 'b'], more: 1 });
  // a tie of weight 12 whose via lists 3: 9 more
  assert.deepEqual(capped(['a', 'b', 'c'], 12), { shown: ['a', 'b', 'c'], more: 9 });
  assert.deepEqual(capped(['a'], undefined, PANEL_MAX), { shown: ['a'], more: 0 });
  assert.equal(PANEL_MAX, 25);
});
