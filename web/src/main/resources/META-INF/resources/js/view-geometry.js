// Pure geometry of the graph view: line widths on a canvas and the box that "fit" zooms to.
// No DOM and no d3, so node's test runner can check it.

/**
 * The width of link lines and node outlines on a canvas, in device pixels: just under one, so the
 * canvas draws them as hairlines. A line even a hair wider than one device pixel is stroked as an
 * outline and filled instead, which for the tens of thousands of lines of a big graph costs a
 * hundred times more (seconds for one drawing in Chromium without a GPU); 1 / k at scale k is
 * sometimes that hair wider in floating point, which froze zooming for seconds now and then.
 */
export const HAIRLINE = 0.99;

/** A line width, in layout units, that is drawn HAIRLINE device pixels wide at scale k. */
export function hairlineWidth(k, ratio = 1) {
  return HAIRLINE / (k * ratio);
}

/**
 * The box "fit" zooms to: around the bulk of the nodes. In a big graph (at least `least` placed
 * nodes) the share `trim` of the nodes farthest out on each side of each axis is left out, so a
 * few far-off unlinked nodes do not shrink the cloud into the middle of the view; a small graph
 * fits every node.
 *
 * @param points [{x, y}]; nodes without a position are skipped
 * @returns {minX, maxX, minY, maxY}, or null when no node has a position
 */
export function fitBox(points, { trim = 0.005, least = 200 } = {}) {
  const xs = [];
  const ys = [];
  for (const p of points) {
    if (Number.isFinite(p.x) && Number.isFinite(p.y)) {
      xs.push(p.x);
      ys.push(p.y);
    }
  }
  const n = xs.length;
  if (!n) return null;
  const sx = Float64Array.from(xs).sort();
  const sy = Float64Array.from(ys).sort();
  const cut = n >= least ? Math.floor(n * trim) : 0;
  return { minX: sx[cut], maxX: sx[n - 1 - cut], minY: sy[cut], maxY: sy[n - 1 - cut] };
}
