package eu.netmap.importer;

/**
 * What a write did: nodes and relationships created, updated and left unchanged, and how long it
 * took.
 */
public record WriteSummary(
    long nodesCreated,
    long nodesUpdated,
    long nodesUnchanged,
    long relationshipsCreated,
    long relationshipsUpdated,
    long relationshipsUnchanged,
    long millis) {

  /** True when the write changed nothing in the database. */
  public boolean unchanged() {
    return nodesCreated == 0
        && nodesUpdated == 0
        && relationshipsCreated == 0
        && relationshipsUpdated == 0;
  }

  @Override
  public String toString() {
    return String.format(
        "nodes: %d created, %d updated, %d unchanged; relationships: %d created, %d updated, %d"
            + " unchanged; %.1f s",
        nodesCreated,
        nodesUpdated,
        nodesUnchanged,
        relationshipsCreated,
        relationshipsUpdated,
        relationshipsUnchanged,
        millis / 1000.0);
  }
}
