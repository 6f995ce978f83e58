package eu.netmap.importer;

/**
 * Where a reader puts the nodes and relationships it reads, one at a time: a {@link GraphBatch}
 * that keeps them, or a validator or writer that handles each and keeps only what it must.
 */
public interface GraphSink {

  /** Takes a node. */
  void add(NodeRecord node);

  /** Takes a relationship. */
  void add(RelationshipRecord relationship);
}
