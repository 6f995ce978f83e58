package eu.netmap.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What netmap's own exports ({@code GET /api/export}: GraphML, GEXF, the CSV zip) add to the graph
 * and how they flatten it, so that importing an export gives back the graph it was made from: the
 * readers leave out the metrics, split the lists again, and let every fact keep the sources it
 * lists instead of citing the file.
 */
public final class NetmapExports {

  /** Node attributes an export adds from analytics; they are not stored facts. */
  public static final Set<String> METRICS =
      Set.of("degree", "pagerank", "betweenness", "community");

  /** How the first line of the README in an exported CSV zip starts. */
  public static final String README_START = "netmap export";

  private NetmapExports() {}

  /** A list property as exports write it, items joined by {@code "; "}. */
  public static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    if (text == null) {
      return items;
    }
    for (String item : text.split(";")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items.isEmpty() ? null : items;
  }
}
