// What the Map and Planner pages draw, worked out without the DOM (node's test runner checks it):
// which region colours which NUTS shape, where a region's dot goes, GISCO's ring order.

/** The EU programme periods the map can show. */
export const PERIODS = ['2000-2006', '2007-2013', '2014-2020', '2021-2027'];

/** The GISCO GeoJSON shipped with the app: countries (LEVL_0) and NUTS 2 regions (LEVL_2). */
export const GEO = '/data/geo/gisco_NUTS_RG_20M_2021_4326_LEVL_';

/** The credit GISCO asks for wherever its boundaries are shown. */
export const CREDITS = '© EuroGeographics for the administrative boundaries (Eurostat GISCO)';

/** Europe without the outermost regions, for the map's "Europe" zoom. */
export const EUROPE = { type: 'LineString', coordinates: [[-11, 35], [33, 35], [33, 70], [-11, 70]] };

/**
 * GeoJSON from GISCO winds outer rings counter-clockwise; d3-geo wants them clockwise.
 * Reverses, in place, every ring that is the wrong way round; geoArea is d3.geoArea.
 */
export function rewind(collection, geoArea) {
  for (const feature of collection.features) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      rings.forEach((ring, i) => {
        const area = geoArea({ type: 'Polygon', coordinates: [ring] });
        // an outer ring covering more than a hemisphere, or a hole covering less, is the wrong way round
        if ((i === 0 && area > 2 * Math.PI) || (i > 0 && area < 2 * Math.PI)) ring.reverse();
      });
    }
  }
  return collection;
}

/**
 * Which region of the data colours which shape. A NUTS 2 shape takes the most specific region
 * whose code it starts with, at NUTS 1 or 2 (Vlaanderen BE2 colours BE21 … BE25); a country shape
 * takes its country only when no region inside the country colours a NUTS 2 shape: Italy's value
 * sums up Toscana's, Veneto's …, so painting Italy under them would show Piemonte as a hub.
 * Places below NUTS 2 (Palermo ITG12) colour nothing; they get a dot.
 */
export function regionLookup(regions) {
  const byCode = new Map();
  for (const r of regions) if (r.nuts && !byCode.has(r.nuts)) byCode.set(r.nuts, r);
  const painted = new Set();
  for (const r of byCode.values()) if (r.nuts.length >= 3 && r.nuts.length <= 4) painted.add(r.nuts.slice(0, 2));
  return {
    byCode,
    /** The region painting a NUTS 2 shape, or null. */
    regionOf(shapeId) {
      for (let n = Math.min(shapeId.length, 4); n >= 3; n--) {
        const r = byCode.get(shapeId.slice(0, n));
        if (r) return r;
      }
      return null;
    },
    /** The region painting a country shape, or null. */
    countryOf(countryId) {
      return painted.has(countryId) ? null : (byCode.get(countryId) ?? null);
    },
    /** The region a shape stands for when clicked: the painting one, else its country's. */
    clickedOf(shapeId) {
      return this.regionOf(shapeId) ?? byCode.get(shapeId.slice(0, 2)) ?? null;
    },
  };
}

/** The shapes a NUTS code stands for: its country, its NUTS 2 regions, or its NUTS 2 parent. */
export function shapesOf(code, countries, nuts2) {
  if (!code) return [];
  if (code.length === 2) return countries.filter((f) => f.properties.NUTS_ID === code);
  const prefix = code.slice(0, 4);
  return nuts2.filter((f) => f.properties.NUTS_ID.startsWith(prefix));
}

/**
 * The largest polygon of some shapes, by the given area function (d3's path.area): France's dot
 * belongs in mainland France, not at the mean of it and its overseas regions.
 */
export function mainPolygon(shapes, area) {
  let best = null;
  let bestArea = -1;
  for (const f of shapes) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const coordinates of polygons) {
      const polygon = { type: 'Polygon', coordinates };
      const a = area(polygon);
      if (a > bestArea) {
        best = polygon;
        bestArea = a;
      }
    }
  }
  return best;
}

/**
 * Spreads points that fall on the same spot (Sicilia and its Palermo share ITG1's centre) on a
 * small circle around it, in the order given, so each dot can be seen and clicked.
 */
export function spread(points, radius = 9) {
  const groups = new Map();
  for (const [id, p] of points) {
    const key = `${Math.round(p[0])},${Math.round(p[1])}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(id);
  }
  const out = new Map(points);
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const [x, y] = points.get(ids[0]);
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length - Math.PI / 2;
      out.set(id, [x + radius * Math.cos(angle), y + radius * Math.sin(angle)]);
    });
  }
  return out;
}

/** The arc between two points as an SVG path: a quadratic curve bent to one side. */
export function arcPath([x1, y1], [x2, y2], bend = 0.2) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  return `M${x1},${y1} Q${(x1 + x2) / 2 - dy * bend},${(y1 + y2) / 2 + dx * bend} ${x2},${y2}`;
}

/**
 * An arc's stroke width for a tie of this weight (shared collaborations): 1 + 2 × weight while the
 * heaviest tie drawn has at most 5; past that 1 to 11 by the square root of its share of the
 * heaviest (a programme graph has ties of 6,000 collaborations).
 */
export function arcWidth(weight, heaviest = weight) {
  if (heaviest <= 5) return 1 + 2 * weight;
  return Math.round((1 + 10 * Math.sqrt(weight / heaviest)) * 100) / 100;
}

/**
 * A region's dot radius for its number of ties: 3 + 2 × √ties while the most tied region has at
 * most 16 (the seed's 6 give 7.9), past that 3 to 11 by the square root of its share of the most
 * (a programme graph's regions have 500 ties: 47-pixel dots would cover Europe).
 */
export function dotRadius(ties, most = ties) {
  if (most <= 16) return 3 + Math.sqrt(ties) * 2;
  return 3 + 8 * Math.sqrt(ties / most);
}

/** The most arcs the map draws at once: past a few thousand SVG paths the page stops answering. */
export const MAX_ARCS = 2000;

/** The most partners and collaborations the map's side panel lists for a region. */
export const PANEL_MAX = 25;

/**
 * The ties the map draws, in the order given: all of them when they are at most `max`, else the
 * `max` strongest by weight (equal weights: the earlier first), plus every tie of the selected
 * region (its partners show even when the tie is weak).
 */
export function tiesToDraw(ties, max = MAX_ARCS, selected = null) {
  if (ties.length <= max) return ties;
  const order = ties.map((t, i) => i).sort((a, b) => ties[b].weight - ties[a].weight || a - b);
  const keep = new Uint8Array(ties.length);
  for (let k = 0; k < max; k++) keep[order[k]] = 1;
  return ties.filter((t, i) => keep[i] || (selected !== null && (t.source === selected || t.target === selected)));
}

/**
 * What a list capped by the server or the page shows: the first `max` names, and how many more
 * there are in all (`total` counts them all: a tie's weight, a region's collaborationCount).
 */
export function capped(names, total, max = Infinity) {
  const shown = names.slice(0, max);
  return { shown, more: Math.max(0, (total ?? names.length) - shown.length) };
}
