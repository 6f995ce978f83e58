package eu.netmap.analytics;

import java.util.List;

/** Snapshots of nodes and relationships given directly, for tests outside this package. */
public final class TestSnapshots {

  /** A node: id, label, name and programme period (or null). */
  public record Node(String id, String label, String name, String period) {}

  /** A relationship between two node ids. */
  public record Relationship(String source, String type, String target) {}

  private TestSnapshots() {}

  /** The snapshot of these nodes and relationships, every one of them sourced. */
  public static Snapshot of(List<Node> nodes, List<Relationship> relationships) {
    return new Snapshot(
        1,
        nodes.stream()
            .map(
                n ->
                    new Snapshot.RawNode(n.id(), n.label(), n.name(), null, n.period(), true, null))
            .toList(),
        relationships.stream()
            .map(r -> new Snapshot.Fact(r.source(), r.type(), r.target(), true))
            .toList());
  }
}
