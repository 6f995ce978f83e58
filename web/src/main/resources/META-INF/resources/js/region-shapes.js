// The NUTS shapes the Map and Planner pages draw on: GISCO's GeoJSON fetched once per page load,
// the map's projection, and the point each region's dot and arcs start from.

import { getJson } from './api.js';
import { EUROPE, GEO, mainPolygon, rewind, shapesOf, spread } from './map-model.js';

/** The GeoJSON, fetched once per page load and shared by the Map and Planner pages. */
let geo = null;
export function loadGeo() {
  if (!geo) {
    geo = Promise.all([getJson(`${GEO}0.geojson`), getJson(`${GEO}2.geojson`)])
      .then(([countries, nuts2]) => ({
        countries: rewind(countries, window.d3.geoArea).features,
        nuts2: rewind(nuts2, window.d3.geoArea).features,
      }))
      .catch((e) => {
        geo = null;
        throw e;
      });
  }
  return geo;
}

/** The projection of the map: Europe, or fitted to a country. */
export function projectionFor(d3, countries, zoom, width, height) {
  const p = d3.geoAzimuthalEqualArea().rotate([-10, -52]);
  const target = zoom === 'europe' ? EUROPE : countries.find((f) => f.properties.NUTS_ID === zoom) ?? EUROPE;
  return p.fitExtent([[10, 10], [width - 10, height - 10]], target);
}

/** The point of each region with a NUTS code: the centre of its largest shape, spread apart. */
export function regionPoints(regions, shapes, path) {
  const points = new Map();
  for (const r of regions) {
    const polygon = mainPolygon(shapesOf(r.nuts, shapes.countries, shapes.nuts2), path.area);
    if (polygon) points.set(r.id, path.centroid(polygon));
  }
  return spread(points);
}
