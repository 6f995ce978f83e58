package eu.netmap.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Everything a database holds, as sorted lines: every node with all its labels and properties
 * (values with their types), every relationship with its ends' ids, type and properties. Two
 * databases hold the same graph when their fingerprints are equal.
 */
public final class GraphFingerprint {

  private GraphFingerprint() {}

  /** Every node and relationship, staged ones included. */
  public static List<String> of(Driver driver) {
    return of(driver, "");
  }

  /** What readers see: staged nodes and their relationships left out. */
  public static List<String> visible(Driver driver) {
    return of(driver, "NetmapStaged");
  }

  private static List<String> of(Driver driver, String hidden) {
    List<String> lines = new ArrayList<>();
    String nodeFilter = hidden.isEmpty() ? "" : " WHERE NOT n:" + hidden;
    String relFilter = hidden.isEmpty() ? "" : " WHERE NOT a:" + hidden + " AND NOT b:" + hidden;
    try (Session session = driver.session()) {
      session
          .run("MATCH (n)" + nodeFilter + " RETURN labels(n) AS labels, properties(n) AS props")
          .forEachRemaining(
              r ->
                  lines.add(
                      "node "
                          + r.get("labels").asList(Value::asString).stream().sorted().toList()
                          + " "
                          + typed(r.get("props").asMap())));
      session
          .run(
              "MATCH (a)-[r]->(b)"
                  + relFilter
                  + " RETURN coalesce(a.id, elementId(a)) AS a, type(r) AS type,"
                  + " coalesce(b.id, elementId(b)) AS b, properties(r) AS props")
          .forEachRemaining(
              r ->
                  lines.add(
                      "rel "
                          + r.get("a").asString()
                          + " "
                          + r.get("type").asString()
                          + " "
                          + r.get("b").asString()
                          + " "
                          + typed(r.get("props").asMap())));
    }
    Collections.sort(lines);
    return lines;
  }

  /** Properties sorted by name, each value with its Java type (12 and 12.0 differ). */
  private static String typed(Map<String, Object> properties) {
    Map<String, String> sorted = new TreeMap<>();
    properties.forEach(
        (key, value) -> sorted.put(key, value.getClass().getSimpleName() + ":" + value));
    return sorted.toString();
  }
}
