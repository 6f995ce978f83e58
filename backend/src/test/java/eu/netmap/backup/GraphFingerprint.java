package eu.netmap.backup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Every node (labels, properties with their types) and every relationship (type, typed properties,
 * both ends), as sorted lines: two graphs with equal fingerprints are equal, whatever their
 * internal ids.
 */
final class GraphFingerprint {

  private GraphFingerprint() {}

  static List<String> of(Driver driver) {
    List<String> lines = new ArrayList<>();
    try (var session = driver.session()) {
      for (Record row :
          session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS p").list()) {
        lines.add("node " + node(row.get("labels"), row.get("p")));
      }
      for (Record row :
          session
              .run(
                  "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS p, labels(a) AS al,"
                      + " properties(a) AS ap, labels(b) AS bl, properties(b) AS bp")
              .list()) {
        lines.add(
            "rel "
                + row.get("type").asString()
                + typed(row.get("p"))
                + " from "
                + node(row.get("al"), row.get("ap"))
                + " to "
                + node(row.get("bl"), row.get("bp")));
      }
    }
    lines.sort(null);
    return lines;
  }

  private static String node(Value labels, Value properties) {
    return labels.asList(Value::asString).stream().sorted().toList() + typed(properties);
  }

  private static String typed(Value properties) {
    Map<String, String> out = new TreeMap<>();
    properties.asMap(v -> v).forEach((k, v) -> out.put(k, v.type().name() + ":" + describe(v)));
    return out.toString();
  }

  private static String describe(Value v) {
    return switch (v.type().name()) {
      case "LIST" -> v.asList(x -> x.type().name() + ":" + describe(x)).toString();
      case "BYTES" -> Arrays.toString(v.asByteArray());
      // bit-exact: -0.0 and 0.0 differ
      case "FLOAT" -> Long.toHexString(Double.doubleToRawLongBits(v.asDouble()));
      default -> v.toString();
    };
  }
}
