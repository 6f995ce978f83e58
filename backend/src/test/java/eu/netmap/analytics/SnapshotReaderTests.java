package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.EmbeddedNeo4jTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The two ways of reading a snapshot (Java API of the embedded store, driver) agree exactly. */
class SnapshotReaderTests extends EmbeddedNeo4jTest {

  @Autowired SnapshotReader reader;

  @Test
  void embeddedAndDriverReadsGiveTheSameRows() {
    List<Snapshot.RawNode> directNodes = new ArrayList<>();
    List<Snapshot.Fact> directFacts = new ArrayList<>();
    reader.readRaw(true, directNodes, directFacts);
    List<Snapshot.RawNode> driverNodes = new ArrayList<>();
    List<Snapshot.Fact> driverFacts = new ArrayList<>();
    reader.readRaw(false, driverNodes, driverFacts);

    // the seed: 71 nodes and 94 relationships, some of them without a declared count or source
    assertThat(directNodes).hasSize(71);
    assertThat(directFacts).hasSize(94);
    Comparator<Snapshot.RawNode> byId = Comparator.comparing(Snapshot.RawNode::id);
    Comparator<Snapshot.Fact> byEnds =
        Comparator.comparing(Snapshot.Fact::source)
            .thenComparing(Snapshot.Fact::type)
            .thenComparing(Snapshot.Fact::target);
    assertThat(sorted(directNodes, byId)).isEqualTo(sorted(driverNodes, byId));
    assertThat(sorted(directFacts, byEnds)).isEqualTo(sorted(driverFacts, byEnds));
    // spot checks of columns that differ in type between the two paths
    Snapshot.RawNode network =
        directNodes.stream().filter(n -> n.declared() != null).findFirst().orElseThrow();
    assertThat(network.label()).isIn("Network", "Project");
    assertThat(directNodes.stream().filter(Snapshot.RawNode::sourced).count())
        .isEqualTo(driverNodes.stream().filter(Snapshot.RawNode::sourced).count())
        .isGreaterThan(50);
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return copy;
  }
}
