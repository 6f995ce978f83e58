package eu.netmap.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The neutral result of every reader: nodes and relationships with provenance, not yet validated
 * against the database. Readers add to it; {@link BatchValidator} checks it; {@link Neo4jWriter}
 * stores it.
 */
public final class GraphBatch implements GraphSink, GraphSource {

  private final List<NodeRecord> nodes = new ArrayList<>();
  private final List<RelationshipRecord> relationships = new ArrayList<>();

  @Override
  public void add(NodeRecord node) {
    nodes.add(node);
  }

  @Override
  public void add(RelationshipRecord relationship) {
    relationships.add(relationship);
  }

  /** Hands every node, then every relationship, to the sink. */
  @Override
  public void emit(GraphSink sink) {
    nodes.forEach(sink::add);
    relationships.forEach(sink::add);
  }

  public List<NodeRecord> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public List<RelationshipRecord> relationships() {
    return Collections.unmodifiableList(relationships);
  }

  /** Nodes by id; the first occurrence wins (duplicates are a validation error). */
  public Map<String, NodeRecord> nodesById() {
    Map<String, NodeRecord> byId = new LinkedHashMap<>();
    for (NodeRecord node : nodes) {
      byId.putIfAbsent(node.id(), node);
    }
    return byId;
  }
}
