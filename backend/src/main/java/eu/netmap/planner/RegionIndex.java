package eu.netmap.planner;

import eu.netmap.importer.Slugs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Every stored region with its NUTS code, level and PART_OF parents, read once per data version;
 * and which regions are <em>twins</em>: a curated region and the NUTS reference region for the same
 * place ({@code toscana} and {@code nuts-iti1}), linked by the curated region's {@code nutsNode}
 * property (set by {@link NutsLoader}) or, before that has run, by its NUTS code. The planner and
 * the map treat twins as one region under the curated id, which carries the names people use.
 */
final class RegionIndex {

  /** A stored region. */
  record Info(
      String id, String name, String nameEn, String nuts, String level, List<String> parents) {}

  private static final String READ =
      """
      MATCH (r:Region)
      OPTIONAL MATCH (r)-[:PART_OF]->(p:Region)
      WITH r, collect(DISTINCT p.id) AS parents
      RETURN r.id AS id, r.name AS name, r.nameEn AS nameEn, toString(r.nuts) AS nuts,
             r.level AS level, r.nutsNode AS nutsNode, parents
      ORDER BY id
      """;

  private static final List<String> LEVELS_BY_CODE_LENGTH =
      List.of("", "", "country", "nuts1", "nuts2", "nuts3");

  private final Map<String, Info> byId = new LinkedHashMap<>();
  private final Map<String, String> twinOf = new HashMap<>();
  private final Map<String, List<String>> byCode = new HashMap<>();
  private final Map<String, List<String>> byName = new TreeMap<>();

  private RegionIndex() {}

  /** Reads the stored regions. */
  static RegionIndex read(Driver driver) {
    RegionIndex index = new RegionIndex();
    Map<String, String> nutsNodes = new HashMap<>();
    try (Session session = driver.session()) {
      session.executeRead(
          tx -> {
            tx.run(READ)
                .forEachRemaining(
                    r -> {
                      String id = r.get("id").asString();
                      index.byId.put(
                          id,
                          new Info(
                              id,
                              r.get("name").asString(null),
                              r.get("nameEn").asString(null),
                              r.get("nuts").asString(null),
                              r.get("level").asString(null),
                              r.get("parents").asList(v -> v.asString())));
                      if (!r.get("nutsNode").isNull()) {
                        nutsNodes.put(id, r.get("nutsNode").asString());
                      }
                    });
            return null;
          });
    }
    index.link(nutsNodes);
    return index;
  }

  /** Builds an index from regions given directly (tests). */
  static RegionIndex of(Collection<Info> regions, Map<String, String> nutsNodes) {
    RegionIndex index = new RegionIndex();
    regions.stream()
        .sorted(java.util.Comparator.comparing(Info::id))
        .forEach(r -> index.byId.put(r.id(), r));
    index.link(nutsNodes);
    return index;
  }

  private void link(Map<String, String> nutsNodes) {
    for (Info region : byId.values()) {
      if (region.nuts() != null) {
        byCode
            .computeIfAbsent(region.nuts().toUpperCase(Locale.ROOT), k -> new ArrayList<>())
            .add(region.id());
      }
      for (String name : new String[] {region.name(), region.nameEn()}) {
        if (name != null && !name.isBlank()) {
          List<String> ids = byName.computeIfAbsent(key(name), k -> new ArrayList<>());
          if (!ids.contains(region.id())) {
            ids.add(region.id());
          }
        }
      }
      if (isReference(region.id())) {
        continue;
      }
      String twin = nutsNodes.get(region.id());
      if (twin == null && region.nuts() != null) {
        twin = "nuts-" + region.nuts().toLowerCase(Locale.ROOT);
      }
      if (twin != null && byId.containsKey(twin)) {
        twinOf.putIfAbsent(twin, region.id()); // regions come sorted by id: the first one wins
      }
    }
  }

  /** True for the ids of NUTS reference regions ({@code nuts-iti1}). */
  static boolean isReference(String id) {
    return id.startsWith("nuts-");
  }

  /** The region with this id, or null. */
  Info get(String id) {
    return byId.get(id);
  }

  /** The id the planner and the map use for a region: its curated twin's, else its own. */
  String canonical(String id) {
    return twinOf.getOrDefault(id, id);
  }

  /** The level of a region: its {@code level}, else the one its NUTS code implies, else null. */
  String level(String id) {
    Info info = byId.get(id);
    if (info == null) {
      return null;
    }
    if (info.level() != null) {
      return info.level();
    }
    String nuts = info.nuts();
    return nuts == null || nuts.length() >= LEVELS_BY_CODE_LENGTH.size()
        ? null
        : LEVELS_BY_CODE_LENGTH.get(nuts.length());
  }

  /** The regions a region is stored as part of. */
  List<String> parents(String id) {
    Info info = byId.get(id);
    return info == null ? List.of() : info.parents();
  }

  /** The ids of the regions carrying a NUTS code, curated ones first. */
  List<String> withCode(String code) {
    List<String> ids =
        new ArrayList<>(byCode.getOrDefault(code.toUpperCase(Locale.ROOT), List.of()));
    ids.sort(
        java.util.Comparator.comparing((String id) -> isReference(id)).thenComparing(id -> id));
    return Collections.unmodifiableList(ids);
  }

  /** The ids of the regions with this name or English name (case and accents ignored). */
  List<String> named(String name) {
    return byName.getOrDefault(key(name), List.of());
  }

  private static String key(String name) {
    return Slugs.fold(name).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
