package eu.netmap.planner;

import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.TestSnapshots;
import eu.netmap.analytics.TestSnapshots.Node;
import eu.netmap.analytics.TestSnapshots.Relationship;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A programme-like graph for {@link RegionUnits}: countries, NUTS 1, 2 and 3 regions and
 * municipalities (some curated regions with a NUTS twin, as {@link NutsLoader} leaves them),
 * organisations located in them, and projects and networks of heavy-tailed size (a few with
 * hundreds of partners, as programme data has), some with regions as members.
 */
final class GeneratedRegions {

  /** The graph's snapshot and regions. */
  record Generated(Snapshot snapshot, RegionIndex index) {}

  private static final List<String> PERIODS =
      List.of("2000-2006", "2007-2013", "2014-2020", "2021-2027");

  private GeneratedRegions() {}

  /**
   * @param countries how many countries (each with 3 NUTS 1, 9 NUTS 2, 18 NUTS 3 regions and 9
   *     municipalities)
   * @param organisations how many organisations
   * @param collaborations how many projects and networks
   * @param largest the most partners a collaboration has
   */
  static Generated generate(
      int countries, int organisations, int collaborations, int largest, long seed) {
    Random random = new Random(seed);
    List<Node> nodes = new ArrayList<>();
    List<Relationship> relationships = new ArrayList<>();
    List<RegionIndex.Info> infos = new ArrayList<>();
    Map<String, String> nutsNodes = new HashMap<>();
    List<String> regions = new ArrayList<>();
    for (int c = 0; c < countries; c++) {
      String country = code(c);
      region(nodes, relationships, infos, regions, country, "country", null, random, nutsNodes);
      for (int n1 = 1; n1 <= 3; n1++) {
        String nuts1 = country + n1;
        region(nodes, relationships, infos, regions, nuts1, "nuts1", country, random, nutsNodes);
        for (int n2 = 1; n2 <= 3; n2++) {
          String nuts2 = nuts1 + n2;
          region(nodes, relationships, infos, regions, nuts2, "nuts2", nuts1, random, nutsNodes);
          for (int n3 = 1; n3 <= 2; n3++) {
            region(
                nodes,
                relationships,
                infos,
                regions,
                nuts2 + n3,
                "nuts3",
                nuts2,
                random,
                nutsNodes);
          }
          String town = "town-" + nuts2.toLowerCase(Locale.ROOT);
          nodes.add(new Node(town, "Region", "Town " + nuts2, null));
          infos.add(
              new RegionIndex.Info(
                  town, "Town " + nuts2, null, null, "municipality", List.of(id(nuts2 + "1"))));
          relationships.add(new Relationship(town, "PART_OF", id(nuts2 + "1")));
          regions.add(town);
        }
      }
    }
    for (int o = 0; o < organisations; o++) {
      String id = "org-" + o;
      nodes.add(new Node(id, "Organisation", "Organisation " + o, null));
      relationships.add(
          new Relationship(id, "LOCATED_IN", regions.get(random.nextInt(regions.size()))));
    }
    for (int k = 0; k < collaborations; k++) {
      boolean network = random.nextInt(4) == 0;
      String id = (network ? "net-" : "prj-") + k;
      nodes.add(
          new Node(
              id,
              network ? "Network" : "Project",
              "Collaboration " + k,
              PERIODS.get(random.nextInt(PERIODS.size()))));
      // heavy-tailed: most have a handful of partners, a few up to the largest
      int size = (int) Math.min(largest, 2 / Math.pow(1 - random.nextDouble(), 1 / 1.3));
      Set<Integer> members = new LinkedHashSet<>();
      while (members.size() < Math.min(size, organisations)) {
        members.add(random.nextInt(organisations));
      }
      for (int member : members) {
        relationships.add(
            new Relationship("org-" + member, network ? "MEMBER_OF" : "PARTICIPATES_IN", id));
      }
      if (network && random.nextBoolean()) {
        relationships.add(
            new Relationship(regions.get(random.nextInt(regions.size())), "MEMBER_OF", id));
      }
    }
    return new Generated(TestSnapshots.of(nodes, relationships), RegionIndex.of(infos, nutsNodes));
  }

  /**
   * A region: its NUTS reference region {@code nuts-…} and, for about half of them, a curated twin
   * with the same code that organisations may be located in too.
   */
  private static void region(
      List<Node> nodes,
      List<Relationship> relationships,
      List<RegionIndex.Info> infos,
      List<String> regions,
      String code,
      String level,
      String parent,
      Random random,
      Map<String, String> nutsNodes) {
    String reference = id(code);
    List<String> parents = parent == null ? List.of() : List.of(id(parent));
    nodes.add(new Node(reference, "Region", "NUTS " + code, null));
    infos.add(new RegionIndex.Info(reference, "NUTS " + code, null, code, level, parents));
    parents.forEach(p -> relationships.add(new Relationship(reference, "PART_OF", p)));
    regions.add(reference);
    if (random.nextBoolean()) {
      String curated = "curated-" + code.toLowerCase(Locale.ROOT);
      nodes.add(new Node(curated, "Region", "Region " + code, null));
      List<String> curatedParents =
          parent == null || random.nextBoolean() ? List.of() : List.of(id(parent));
      infos.add(new RegionIndex.Info(curated, "Region " + code, null, code, level, curatedParents));
      curatedParents.forEach(p -> relationships.add(new Relationship(curated, "PART_OF", p)));
      if (random.nextBoolean()) {
        nutsNodes.put(curated, reference);
      }
      regions.add(curated);
    }
  }

  private static String id(String code) {
    return "nuts-" + code.toLowerCase(Locale.ROOT);
  }

  private static String code(int country) {
    return "" + (char) ('A' + country / 26) + (char) ('A' + country % 26);
  }
}
