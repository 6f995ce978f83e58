package eu.netmap.explore;

import eu.netmap.graph.GraphJson;
import eu.netmap.graph.ResponseCache;
import eu.netmap.system.BadRequestException;
import eu.netmap.system.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, node details, neighbourhoods, the capped graph and counts. */
@RestController
@RequestMapping("/api")
class ExploreController {

  static final int SEARCH_LIMIT_DEFAULT = 20;
  static final int SEARCH_LIMIT_MAX = 200;
  static final int NEIGHBOURS_LIMIT_DEFAULT = 50;
  static final int NEIGHBOURS_LIMIT_MAX = 1000;
  static final int GRAPH_LIMIT_DEFAULT = 5000;
  static final int GRAPH_LIMIT_MAX = 100_000;

  private final ExploreRepository repository;
  private final ResponseCache cache;

  ExploreController(ExploreRepository repository, ResponseCache cache) {
    this.repository = repository;
    this.cache = cache;
  }

  /** Nodes matching a name, best first. */
  @GetMapping("/search")
  List<SearchHit> search(
      @RequestParam String q, @RequestParam(defaultValue = "" + SEARCH_LIMIT_DEFAULT) int limit) {
    BadRequestException.checkRange("limit", limit, 1, SEARCH_LIMIT_MAX);
    return cache.get(List.of("search", q, limit), () -> repository.search(q, limit));
  }

  /** One node, its properties and its sources. */
  @GetMapping("/nodes/{id}")
  NodeDetails node(@PathVariable String id) {
    return cache.get(List.of("node", id), () -> repository.node(id)).orElseThrow(() -> unknown(id));
  }

  /** A node with its neighbours, the best-connected first, capped. */
  @GetMapping("/nodes/{id}/neighbours")
  GraphJson neighbours(
      @PathVariable String id,
      @RequestParam(defaultValue = "" + NEIGHBOURS_LIMIT_DEFAULT) int limit) {
    BadRequestException.checkRange("limit", limit, 0, NEIGHBOURS_LIMIT_MAX);
    return cache
        .get(List.of("neighbours", id, limit), () -> repository.neighbours(id, limit))
        .orElseThrow(() -> unknown(id));
  }

  /**
   * The whole graph, capped; {@code compact=true} leaves out the properties but a node's period
   * (what drawing a big graph needs).
   */
  @GetMapping("/graph")
  GraphJson graph(
      @RequestParam(defaultValue = "" + GRAPH_LIMIT_DEFAULT) int limit,
      @RequestParam(defaultValue = "false") boolean compact) {
    BadRequestException.checkRange("limit", limit, 1, GRAPH_LIMIT_MAX);
    return repository.graph(limit, compact);
  }

  /** Node counts by label and relationship counts by type. */
  @GetMapping("/stats")
  GraphStats stats() {
    return repository.stats();
  }

  private static NotFoundException unknown(String id) {
    return new NotFoundException("No node with id '" + id + "'");
  }
}
