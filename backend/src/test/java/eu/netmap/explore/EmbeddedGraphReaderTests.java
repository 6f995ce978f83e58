package eu.netmap.explore;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.graph.GraphJson;
import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The compact whole graph read through the embedded database's Java API is the answer of the Cypher
 * query (the one used on an external server), whatever the cap.
 */
class EmbeddedGraphReaderTests extends EmbeddedNeo4jTest {

  @Autowired ExploreRepository repository;

  @Test
  void givesTheCypherAnswerForEveryCap() {
    for (int limit : new int[] {100_000, 71, 70, 25, 10, 1}) {
      GraphJson direct = repository.graph(limit, true, true);
      GraphJson cypher = repository.graph(limit, true, false);
      // the same nodes in the same order: best-connected first, ties by id
      assertThat(direct.nodes()).as("limit %d", limit).isEqualTo(cypher.nodes());
      assertThat(direct.links())
          .as("limit %d", limit)
          .containsExactlyInAnyOrderElementsOf(cypher.links());
      assertThat(direct.total()).isEqualTo(cypher.total());
      assertThat(direct.truncated()).isEqualTo(cypher.truncated());
    }
    // the seed: 71 nodes and 94 relationships among them; the busiest node first
    GraphJson whole = repository.graph(100_000, true, true);
    assertThat(whole.nodes()).hasSize(71);
    assertThat(whole.links()).hasSize(94);
    assertThat(whole.truncated()).isFalse();
    GraphJson one = repository.graph(1, true, true);
    assertThat(one.total()).isEqualTo(71);
    assertThat(one.truncated()).isTrue();
    assertThat(one.links()).isEmpty();
    GraphNode busiest = one.nodes().get(0);
    assertThat(whole.links().stream().filter(l -> touches(l, busiest.id())).count())
        .isGreaterThanOrEqualTo(maxDegree(whole));
  }

  private static boolean touches(GraphLink link, String id) {
    return link.source().equals(id) || link.target().equals(id);
  }

  private static long maxDegree(GraphJson graph) {
    return graph.nodes().stream()
        .mapToLong(n -> graph.links().stream().filter(l -> touches(l, n.id())).count())
        .max()
        .orElseThrow();
  }
}
