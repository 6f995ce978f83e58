package eu.netmap.edit;

import eu.netmap.graph.GraphMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.types.Node;

/**
 * A node as a change sees it: its id, its label and every other property ({@code name}, {@code
 * sources}, {@code version} …), in key order.
 */
record NodeState(String id, String label, Map<String, Object> properties) {

  NodeState {
    properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  static NodeState of(Node node) {
    Map<String, Object> properties = new TreeMap<>(node.asMap());
    String id = (String) properties.remove("id");
    return new NodeState(id, GraphMapping.label(node), properties);
  }

  /** The optimistic-concurrency version; a node never edited through netmap is at 0. */
  long version() {
    return version(properties);
  }

  String name() {
    Object name = properties.get("name");
    if (name == null) {
      name = properties.get("title");
    }
    return name == null ? id : name.toString();
  }

  List<String> sources() {
    return strings(properties.get("sources"));
  }

  /** The same node with these properties. */
  NodeState with(Map<String, Object> newProperties) {
    return new NodeState(id, label, newProperties);
  }

  /** The node as the API shows it. */
  NodeView view() {
    Map<String, Object> rest = new TreeMap<>(properties);
    Object name = rest.remove("name");
    Object nameEn = rest.remove("nameEn");
    if (name == null) {
      name = rest.get("title");
    }
    return new NodeView(
        id, label, name == null ? null : name.toString(), str(nameEn), rest, version());
  }

  /** The node as stored in the audit log. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("label", label);
    json.put("properties", properties);
    return json;
  }

  static long version(Map<String, Object> properties) {
    return properties.get("version") instanceof Number n ? n.longValue() : 0;
  }

  static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(value.toString());
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
