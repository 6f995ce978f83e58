package eu.netmap.planner;

import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.View;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The regions the planner ranks and the map draws, built from the regions view of a {@link
 * Snapshot}: each a <em>unit</em> with the organisations and places that make it part of each
 * collaboration (its carriers), tied to the units it shares a collaboration with.
 *
 * <ul>
 *   <li>Twins (a curated region and its NUTS reference region, see {@link RegionIndex}) are always
 *       one unit, under the curated id.
 *   <li>At {@link Level#REGIONS}, places (levels {@code nuts3} and {@code municipality}: Palermo,
 *       Milano) are folded into the nearest region above them that is not a place (Sicilia,
 *       Lombardia); a region that has other units below it (a country, a NUTS 1 region) keeps only
 *       the carriers that are in none of them, so Belgium does not repeat Vlaanderen's ties and
 *       Italy counts only its national bodies.
 *   <li>At {@link Level#COUNTRIES} everything is folded into its country (its topmost region).
 *   <li>At {@link Level#ALL} every region is a unit with all its carriers, as in the regions view.
 * </ul>
 *
 * Two units are tied when they share a collaboration and neither is part of the other; the tie's
 * {@code via} names the collaborations. Building is linear in the regions and their carriers plus
 * quadratic in the units of each collaboration (as the projection itself).
 */
final class RegionUnits {

  /** The level partners are ranked at. */
  enum Level {
    /** Every region and place on its own, as the regions view has them. */
    ALL("all"),
    /** Regions (countries, NUTS 1 and 2): places count as part of their region. */
    REGIONS("regions"),
    /** Countries: regions and places count as part of their country. */
    COUNTRIES("countries");

    private final String key;

    Level(String key) {
      this.key = key;
    }

    /** The name used in the API. */
    String key() {
      return key;
    }
  }

  /** The levels of places, folded into their region at {@link Level#REGIONS}. */
  static final Set<String> PLACE_LEVELS = Set.of("nuts3", "municipality");

  /**
   * A unit.
   *
   * @param id the (curated) region's id
   * @param folded the regions counted as part of it (places, or regions of a country), sorted; its
   *     twin is not listed
   * @param carriers by collaboration, who makes the unit part of it (sorted)
   * @param below how many other units lie below it (their carriers are not counted here)
   */
  record Unit(String id, Set<String> folded, Map<String, Set<String>> carriers, int below) {

    /** The collaborations it takes part in. */
    Set<String> collaborations() {
      return carriers.keySet();
    }

    /** Everyone who makes it part of some collaboration. */
    Set<String> actors() {
      Set<String> all = new TreeSet<>();
      carriers.values().forEach(all::addAll);
      return all;
    }
  }

  private final Map<String, Unit> units;
  private final Map<String, String> unitOf;
  private final Map<String, Set<String>> ancestors;
  private final Map<String, Map<String, List<String>>> ties;

  private RegionUnits(
      Map<String, Unit> units,
      Map<String, String> unitOf,
      Map<String, Set<String>> ancestors,
      Map<String, Map<String, List<String>>> ties) {
    this.units = units;
    this.unitOf = unitOf;
    this.ancestors = ancestors;
    this.ties = ties;
  }

  /**
   * Builds the units of a snapshot.
   *
   * @param keep a region that stays a unit of its own and keeps all its carriers (the region
   *     planned for), or null
   * @param collaborations the collaborations that count (e.g. of one period)
   */
  static RegionUnits build(
      Snapshot snapshot,
      RegionIndex index,
      Level level,
      String keep,
      Predicate<String> collaborations) {
    Set<String> view = snapshot.collaborationsOf(View.REGIONS).keySet();

    // twins merged: the carriers of each canonical region
    Map<String, Map<String, Set<String>>> full = new TreeMap<>();
    for (String region : view) {
      Map<String, Set<String>> carriers =
          full.computeIfAbsent(index.canonical(region), k -> new TreeMap<>());
      snapshot
          .carriers(region)
          .forEach(
              (collaboration, actors) -> {
                if (collaborations.test(collaboration)) {
                  carriers.computeIfAbsent(collaboration, k -> new TreeSet<>()).addAll(actors);
                }
              });
    }
    Map<String, Set<String>> parents = new HashMap<>();
    for (String region : view) {
      String child = index.canonical(region);
      for (String parent : index.parents(region)) {
        String p = index.canonical(parent);
        if (view.contains(parent) && !p.equals(child)) {
          parents.computeIfAbsent(child, k -> new TreeSet<>()).add(p);
        }
      }
    }
    Map<String, Set<String>> ancestors = new HashMap<>();
    Map<String, List<String>> upwards = new HashMap<>();
    for (String region : full.keySet()) {
      List<String> order = breadthFirst(region, parents);
      upwards.put(region, order);
      ancestors.put(region, Collections.unmodifiableSet(new LinkedHashSet<>(order)));
    }

    // which unit each region counts in
    Map<String, String> unitOf = new TreeMap<>();
    for (String region : full.keySet()) {
      unitOf.put(region, unitOf(region, level, keep, index, parents, upwards.get(region)));
    }
    Map<String, Set<String>> folded = new TreeMap<>();
    unitOf.forEach(
        (region, unit) -> {
          Set<String> in = folded.computeIfAbsent(unit, k -> new TreeSet<>());
          if (!region.equals(unit)) {
            in.add(region);
          }
        });
    Map<String, Map<String, Set<String>>> whole = new TreeMap<>();
    folded.forEach(
        (unit, in) -> {
          Map<String, Set<String>> carriers = new TreeMap<>();
          for (String region : concat(unit, in)) {
            full.getOrDefault(region, Map.of())
                .forEach(
                    (c, actors) ->
                        carriers.computeIfAbsent(c, k -> new TreeSet<>()).addAll(actors));
          }
          whole.put(unit, carriers);
        });

    // a unit with units below it keeps what none of them carries
    Map<String, Unit> units = new LinkedHashMap<>();
    for (var entry : whole.entrySet()) {
      String unit = entry.getKey();
      Map<String, Set<String>> carriers = new TreeMap<>();
      entry.getValue().forEach((c, actors) -> carriers.put(c, new TreeSet<>(actors)));
      int below = 0;
      if (level != Level.ALL && !unit.equals(keep)) {
        for (var other : whole.entrySet()) {
          if (!other.getKey().equals(unit) && ancestors.get(other.getKey()).contains(unit)) {
            below++;
            other
                .getValue()
                .forEach(
                    (c, actors) -> {
                      Set<String> left = carriers.get(c);
                      if (left != null) {
                        left.removeAll(actors);
                      }
                    });
          }
        }
        carriers.values().removeIf(Set::isEmpty);
      }
      Map<String, Set<String>> frozen = new TreeMap<>();
      carriers.forEach((c, actors) -> frozen.put(c, Collections.unmodifiableSet(actors)));
      units.put(
          unit,
          new Unit(
              unit,
              Collections.unmodifiableSet(folded.get(unit)),
              Collections.unmodifiableMap(frozen),
              below));
    }

    // ties: units sharing a collaboration, neither part of the other
    Map<String, List<String>> members = new TreeMap<>();
    units
        .values()
        .forEach(
            u ->
                u.collaborations()
                    .forEach(c -> members.computeIfAbsent(c, k -> new ArrayList<>()).add(u.id())));
    Map<String, Map<String, List<String>>> ties = new HashMap<>();
    members.forEach(
        (collaboration, list) -> {
          for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
              String a = list.get(i);
              String b = list.get(j);
              if (ancestors.get(a).contains(b) || ancestors.get(b).contains(a)) {
                continue;
              }
              ties.computeIfAbsent(a, k -> new TreeMap<>())
                  .computeIfAbsent(b, k -> new ArrayList<>())
                  .add(collaboration);
              ties.computeIfAbsent(b, k -> new TreeMap<>())
                  .computeIfAbsent(a, k -> new ArrayList<>())
                  .add(collaboration);
            }
          }
        });
    return new RegionUnits(units, unitOf, ancestors, ties);
  }

  private static String unitOf(
      String region,
      Level level,
      String keep,
      RegionIndex index,
      Map<String, Set<String>> parents,
      List<String> upwards) {
    if (level == Level.ALL || region.equals(keep)) {
      return region;
    }
    if (level == Level.REGIONS) {
      if (!PLACE_LEVELS.contains(index.level(region))) {
        return region;
      }
      for (String ancestor : upwards) {
        if (ancestor.equals(keep) || !PLACE_LEVELS.contains(index.level(ancestor))) {
          return ancestor;
        }
      }
      return region;
    }
    // countries: the topmost region above, a country first
    List<String> roots = new ArrayList<>();
    for (String r : concat(region, upwards)) {
      if (r.equals(keep)) {
        return r;
      }
      if (parents.getOrDefault(r, Set.of()).isEmpty()) {
        roots.add(r);
      }
    }
    return roots.stream()
        .min(
            Comparator.comparing((String r) -> !"country".equals(index.level(r)))
                .thenComparing(r -> r))
        .orElse(region);
  }

  /** The regions above one, nearest first (ties by id). */
  private static List<String> breadthFirst(String start, Map<String, Set<String>> parents) {
    List<String> order = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>(List.of(start));
    Deque<String> queue = new ArrayDeque<>(parents.getOrDefault(start, Set.of()));
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (seen.add(next)) {
        order.add(next);
        queue.addAll(parents.getOrDefault(next, Set.of()));
      }
    }
    return order;
  }

  private static List<String> concat(String first, java.util.Collection<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** Every unit, by id. */
  Map<String, Unit> units() {
    return units;
  }

  /** The unit with this id, or null. */
  Unit unit(String id) {
    return units.get(id);
  }

  /** The unit a (canonical) region counts in, or null when it is not in the view. */
  String unitOf(String region) {
    return unitOf.get(region);
  }

  /** True when one unit is part of the other (directly or through regions in between). */
  boolean related(String a, String b) {
    return ancestors.getOrDefault(a, Set.of()).contains(b)
        || ancestors.getOrDefault(b, Set.of()).contains(a);
  }

  /** The units a unit is tied to, with the collaborations of each tie (sorted). */
  Map<String, List<String>> ties(String unit) {
    return ties.getOrDefault(unit, Map.of());
  }

  /** How many units a unit is tied to. */
  int degree(String unit) {
    return ties(unit).size();
  }
}
