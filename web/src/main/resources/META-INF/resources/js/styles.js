// How nodes look: a shape and a colour per label (shape too, so colour is never the only cue),
// colours from the Okabe–Ito palette, which colour-blind readers can tell apart.
// Uses the global d3 (loaded by index.html) only when drawing.

export const LABEL_STYLE = {
  Organisation: { colour: '#0072B2', shape: 'circle' },
  Region: { colour: '#009E73', shape: 'square' },
  Network: { colour: '#D55E00', shape: 'diamond' },
  Project: { colour: '#AA4499', shape: 'triangle' },
  Theme: { colour: '#B07800', shape: 'star' },
  Event: { colour: '#3A8FC2', shape: 'cross' },
  Source: { colour: '#666666', shape: 'wye' },
};

const FALLBACK = { colour: '#555555', shape: 'circle' };

/** Colours for communities (Okabe–Ito first, then Tableau 10). */
export const COMMUNITY_COLOURS = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7',
  '#4E79A7', '#F28E2B', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#FF9DA7', '#9C755F',
];

export function styleOf(label) {
  return LABEL_STYLE[label] ?? FALLBACK;
}

function symbolType(shape) {
  const d3 = globalThis.d3;
  return {
    circle: d3.symbolCircle,
    square: d3.symbolSquare,
    diamond: d3.symbolDiamond,
    triangle: d3.symbolTriangle,
    star: d3.symbolStar,
    cross: d3.symbolCross,
    wye: d3.symbolWye,
  }[shape] ?? d3.symbolCircle;
}

/** The SVG path of a node's shape, about as large as a circle of radius r. */
export function shapePath(label, r) {
  return globalThis.d3.symbol(symbolType(styleOf(label).shape), Math.PI * r * r)();
}

const unitShapes = new Map();

/**
 * The commands that draw a label's shape at radius 1, recorded once. A closePath becomes a line
 * back to where the outline began: the same shape, but Chromium's closePath costs time in
 * proportion to the path so far, and a canvas adds thousands of shapes to one path (20,000
 * triangles took seconds).
 */
function unitShape(label) {
  let commands = unitShapes.get(label);
  if (!commands) {
    commands = [];
    let start = [0, 0];
    globalThis.d3
      .symbol(symbolType(styleOf(label).shape), Math.PI)
      .context({
        moveTo: (a, b) => {
          start = [a, b];
          commands.push(['M', a, b]);
        },
        lineTo: (a, b) => commands.push(['L', a, b]),
        arc: (a, b, radius) => commands.push(['A', a, b, radius]),
        rect: (a, b, w, h) => commands.push(['R', a, b, w, h]),
        closePath: () => commands.push(['L', ...start]),
      })();
    unitShapes.set(label, commands);
  }
  return commands;
}

/** Adds a node's shape at (x, y), about as large as a circle of radius r, to a canvas path. */
export function drawShape(context, label, x, y, r) {
  for (const c of unitShape(label)) {
    if (c[0] === 'M') context.moveTo(x + c[1] * r, y + c[2] * r);
    else if (c[0] === 'L') context.lineTo(x + c[1] * r, y + c[2] * r);
    else if (c[0] === 'A') {
      context.moveTo(x + (c[1] + c[3]) * r, y + c[2] * r);
      context.arc(x + c[1] * r, y + c[2] * r, c[3] * r, 0, 2 * Math.PI);
    } else if (c[0] === 'R') context.rect(x + c[1] * r, y + c[2] * r, c[3] * r, c[4] * r);
  }
}

/** A small inline SVG of a label's shape, for legends and search suggestions. */
export function swatch(label, size = 14) {
  const r = size / 2 - 1.5;
  const { colour } = styleOf(label);
  return `<svg class="swatch" width="${size}" height="${size}" viewBox="${-size / 2} ${-size / 2} ${size} ${size}" aria-hidden="true" focusable="false"><path d="${shapePath(label, r)}" fill="${colour}" stroke="#fff" stroke-width="1"/></svg>`;
}
