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
