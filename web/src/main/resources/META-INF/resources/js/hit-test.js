// Which node is under the pointer on a canvas: a quadtree of the node centres, so a hover or a
// click looks at the few nodes near the pointer instead of all of them (50,000 on a big graph).
// Pure: the quadtree is d3's (d3.quadtree), passed in built, so node's test runner can check it.

/**
 * The node whose reach contains (x, y), the one with the nearest centre if several do; null when
 * none does. Same answer as checking every node, in O(log n) for evenly spread nodes.
 *
 * @param tree d3.quadtree of nodes by their x and y
 * @param reach node => how far from its centre the node counts as hit (its radius and a margin)
 * @param maxReach the largest reach of any node (bounds the search)
 */
export function nodeAt(tree, x, y, reach, maxReach) {
  let best = null;
  let bestDistance = Infinity;
  tree.visit((quad, x0, y0, x1, y1) => {
    if (x0 > x + maxReach || x1 < x - maxReach || y0 > y + maxReach || y1 < y - maxReach) return true;
    if (!quad.length) {
      for (let q = quad; q; q = q.next) {
        const d = q.data;
        const dx = d.x - x;
        const dy = d.y - y;
        const distance = dx * dx + dy * dy;
        const r = reach(d);
        if (distance < r * r && distance < bestDistance) {
          best = d;
          bestDistance = distance;
        }
      }
    }
    return false;
  });
  return best;
}
