package eu.netmap.planner;

import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.View;
import eu.netmap.planner.RegionUnits.Level;
import eu.netmap.planner.RegionUnits.Unit;
import java.util.ArrayList;
import java.util.Collections;
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
 * {@link RegionUnits} as it was built before ties were indexed (commit 966fa15): every pair of
 * units of every collaboration appended to nested sorted maps. Kept as the reference the indexed
 * build is compared with ({@code RegionUnitsTests}); not used by the app.
 */
final class ReferenceRegionUnits {

  private final Map<String, Unit> units;
  private final Map<String, String> unitOf;
  private final Map<String, Set<String>> ancestors;
  private final Map<String, Map<String, List<String>>> ties;

  private ReferenceRegionUnits(
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
  static ReferenceRegionUnits build(
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
      List<String> order = RegionUnits.breadthFirst(region, parents);
      upwards.put(region, order);
      ancestors.put(region, Collections.unmodifiableSet(new LinkedHashSet<>(order)));
    }

    // which unit each region counts in
    Map<String, String> unitOf = new TreeMap<>();
    for (String region : full.keySet()) {
      unitOf.put(
          region, RegionUnits.unitOf(region, level, keep, index, parents, upwards.get(region)));
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
          for (String region : RegionUnits.concat(unit, in)) {
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
    return new ReferenceRegionUnits(units, unitOf, ancestors, ties);
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
