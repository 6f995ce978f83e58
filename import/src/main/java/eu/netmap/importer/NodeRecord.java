package eu.netmap.importer;

import java.util.List;
import java.util.Map;

/**
 * A node to be stored: its stable id, its label and its properties (name, nameEn, sources and
 * label-specific ones), with the place in the input it came from.
 */
public record NodeRecord(String id, String label, Map<String, Object> properties, Origin origin) {

  public NodeRecord {
    properties = Map.copyOf(properties);
  }

  /** The node's name in its original language, or null. */
  public String name() {
    return (String) properties.get("name");
  }

  /** The ids of the Source nodes that support this node. */
  @SuppressWarnings("unchecked")
  public List<String> sources() {
    Object value = properties.get("sources");
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }
}
