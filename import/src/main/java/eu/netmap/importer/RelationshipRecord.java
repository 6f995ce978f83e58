package eu.netmap.importer;

import java.util.List;
import java.util.Map;

/**
 * A relationship to be stored between two nodes named by id. A relationship is identified by (from,
 * type, to): storing it twice updates its properties.
 */
public record RelationshipRecord(
    String from, String type, String to, Map<String, Object> properties, Origin origin) {

  public RelationshipRecord {
    properties = Map.copyOf(properties);
  }

  /** The ids of the Source nodes that support this fact. */
  @SuppressWarnings("unchecked")
  public List<String> sources() {
    Object value = properties.get("sources");
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }

  /** The identity of this relationship in the graph. */
  public String key() {
    return from + "|" + type + "|" + to;
  }
}
