// Placing node labels so that none overlap, once the layout is at rest.
// Greedy: the most important nodes first; each label tries the right, left, below and above of its
// node and takes the first spot that hits neither a placed label nor another node; a label with
// no free spot is left out (it still shows on hover and focus); after max × 5 tries the rest are
// left out too, which keeps big crowds fast. Pure: text width comes from a
// measure function, so node's test runner can check it.

const GAP = 3;

/**
 * @param items [{id, x, y, r, text, priority}] in screen coordinates
 * @param measure text => width in pixels
 * @param options height: line height; max: the most labels to place; bounds: {width, height}
 *   of the screen (labels outside are left out); avoidNodes: false lets labels lie over other
 *   nodes (never over other labels), for crowds where no label would find a free spot
 * @returns Map id => {x, y, anchor: 'start'|'end'|'middle', box: [x0, y0, x1, y1]}
 */
export function placeLabels(items, measure, { height = 14, max = 400, bounds = null, avoidNodes = true } = {}) {
  const grid = new Grid(64);
  for (const it of avoidNodes ? items : []) {
    if (bounds && (it.x + it.r < 0 || it.y + it.r < 0 || it.x - it.r > bounds.width || it.y - it.r > bounds.height)) {
      continue;
    }
    grid.add([it.x - it.r, it.y - it.r, it.x + it.r, it.y + it.r], it.id);
  }
  const order = [...items].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed = new Map();
  // in a crowd most nodes find no free spot: trying them all would cost far more than it gives
  let tries = max * 5;
  for (const it of order) {
    if (placed.size >= max || tries <= 0) break;
    if (!it.text) continue;
    if (bounds && (it.x < 0 || it.y < 0 || it.x > bounds.width || it.y > bounds.height)) continue;
    tries--;
    const w = measure(it.text);
    for (const c of candidates(it, w, height)) {
      if (bounds && (c.box[0] < 0 || c.box[2] > bounds.width || c.box[1] < 0 || c.box[3] > bounds.height)) {
        continue;
      }
      if (!grid.hits(c.box, it.id)) {
        grid.add(c.box, `label:${it.id}`);
        placed.set(it.id, c);
        break;
      }
    }
  }
  return placed;
}

function candidates(it, w, h) {
  const { x, y, r } = it;
  return [
    { x: x + r + GAP, y, anchor: 'start', box: [x + r + GAP, y - h / 2, x + r + GAP + w, y + h / 2] },
    { x: x - r - GAP, y, anchor: 'end', box: [x - r - GAP - w, y - h / 2, x - r - GAP, y + h / 2] },
    { x, y: y + r + GAP + h / 2, anchor: 'middle', box: [x - w / 2, y + r + GAP, x + w / 2, y + r + GAP + h] },
    { x, y: y - r - GAP - h / 2, anchor: 'middle', box: [x - w / 2, y - r - GAP - h, x + w / 2, y - r - GAP] },
  ];
}

/** True when two boxes [x0, y0, x1, y1] overlap. */
export function overlaps(a, b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** A uniform grid of boxes, so a check looks at nearby boxes only. Cells have numeric keys. */
class Grid {
  constructor(cell) {
    this.cell = cell;
    this.cells = new Map();
  }

  add(box, owner) {
    const c = this.cell;
    const entry = { box, owner };
    for (let i = Math.floor(box[0] / c), i1 = Math.floor(box[2] / c); i <= i1; i++) {
      for (let j = Math.floor(box[1] / c), j1 = Math.floor(box[3] / c); j <= j1; j++) {
        const key = i * 1000003 + j;
        const list = this.cells.get(key);
        if (list) list.push(entry);
        else this.cells.set(key, [entry]);
      }
    }
  }

  hits(box, self) {
    const c = this.cell;
    for (let i = Math.floor(box[0] / c), i1 = Math.floor(box[2] / c); i <= i1; i++) {
      for (let j = Math.floor(box[1] / c), j1 = Math.floor(box[3] / c); j <= j1; j++) {
        const list = this.cells.get(i * 1000003 + j);
        if (!list) continue;
        for (const e of list) {
          if (e.owner !== self && overlaps(box, e.box)) return true;
        }
      }
    }
    return false;
  }
}
