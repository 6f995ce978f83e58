package eu.netmap.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a change (before or after): the nodes and relationships it touches, as they are on
 * that side. A node or relationship the change touches but that is missing from a side does not
 * exist on that side (not yet created, or deleted).
 */
final class Side {

  final Map<String, NodeState> nodes = new LinkedHashMap<>();
  final Map<String, RelState> relationships = new LinkedHashMap<>();

  Side add(NodeState node) {
    nodes.put(node.id(), node);
    return this;
  }

  Side add(RelState rel) {
    relationships.put(rel.key(), rel);
    return this;
  }

  /** The side as stored in the audit log: {@code {nodes:[…], relationships:[…]}}. */
  Map<String, Object> json() {
    List<Map<String, Object>> nodeJson = new ArrayList<>();
    nodes.values().forEach(n -> nodeJson.add(n.json()));
    List<Map<String, Object>> relJson = new ArrayList<>();
    relationships.values().forEach(r -> relJson.add(r.json()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("nodes", nodeJson);
    json.put("relationships", relJson);
    return json;
  }

  /** A side read back from the audit log. */
  @SuppressWarnings("unchecked")
  static Side fromJson(Map<String, Object> json) {
    Side side = new Side();
    for (Object item : (List<Object>) json.getOrDefault("nodes", List.of())) {
      Map<String, Object> node = (Map<String, Object>) item;
      side.add(
          new NodeState(
              (String) node.get("id"),
              (String) node.get("label"),
              (Map<String, Object>) node.getOrDefault("properties", Map.of())));
    }
    for (Object item : (List<Object>) json.getOrDefault("relationships", List.of())) {
      Map<String, Object> rel = (Map<String, Object>) item;
      side.add(
          new RelState(
              (String) rel.get("source"),
              (String) rel.get("type"),
              (String) rel.get("target"),
              (Map<String, Object>) rel.getOrDefault("properties", Map.of())));
    }
    return side;
  }
}
