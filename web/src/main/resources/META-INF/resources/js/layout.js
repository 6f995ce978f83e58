// The force layout's settings, in one place so the browser and the headless tests run the same
// simulation. d3 is passed in (the browser's global, or the webjar's file in node tests).

/**
 * A stopped force simulation: links pull neighbours together (longer for big nodes), nodes repel
 * (less for "+N more" stubs), do not overlap, and forceX/forceY keep disconnected parts on screen.
 *
 * @param d3 the d3 library
 * @param radius node => radius in pixels
 */
export function createSimulation(d3, radius) {
  return d3
    .forceSimulation()
    .alphaDecay(0.035)
    .velocityDecay(0.45)
    .force(
      'link',
      d3
        .forceLink()
        .id((d) => d.id)
        .distance((l) => 30 + radius(l.source) + radius(l.target))
        .strength((l) => (l.stub ? 1 : 0.5)),
    )
    .force('charge', d3.forceManyBody().strength((d) => (d.stub ? -40 : -160)).distanceMax(500).theta(0.9))
    .force('collide', d3.forceCollide((d) => radius(d) + 3).iterations(1))
    .force('x', d3.forceX(0).strength(0.04))
    .force('y', d3.forceY(0).strength(0.04))
    .stop();
}

/** Runs a stopped simulation until it comes to rest (or maxTicks), as the page would. */
export function settle(simulation, maxTicks = 1000) {
  let ticks = 0;
  while (simulation.alpha() > simulation.alphaMin() && ticks < maxTicks) {
    simulation.tick();
    ticks++;
  }
  return ticks;
}
