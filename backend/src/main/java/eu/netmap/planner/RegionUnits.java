package eu.netmap.planner;

import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.View;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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
 * the sum over collaborations of the square of their units, in int operations only: units and
 * collaborations are indexed, ties are counted (partner and weight), and a tie's collaborations are
 * listed only when asked for, unit by unit ({@link #ties(String)}, {@link #ties(String, int,
 * boolean)}). A programme of 200,000 participations (501 regions, 38,000 collaborations, some with
 * units in 100 regions) has about 20 million unit pairs in its collaborations but 120,000 ties.
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

  /** A tie of a unit: the other unit, how many collaborations they share and (some of) them. */
  record Tie(String partner, int weight, List<String> via) {}

  private final Map<String, Unit> units;
  private final Map<String, String> unitOf;
  private final Map<String, Set<String>> ancestors;

  // the ties, indexed: units by position in id order, collaborations by position in id order
  private final String[] unitIds;
  private final Map<String, Integer> unitIndex;
  private final String[] collaborationIds;
  private final int[][] collaborationsOfUnit; // ascending collaboration indices
  private final int[][] membersOf; // by collaboration: ascending unit indices
  private final long[][] related; // by unit: a bit set of the units it is part of or contains
  private final int[][] partners; // by unit: ascending unit indices
  private final int[][] weights; // by unit: shared collaborations, parallel to partners
  private final Map<Integer, Map<String, List<String>>> materialised = new HashMap<>();

  private RegionUnits(
      Map<String, Unit> units, Map<String, String> unitOf, Map<String, Set<String>> ancestors) {
    this.units = units;
    this.unitOf = unitOf;
    this.ancestors = ancestors;

    int n = units.size();
    unitIds = units.keySet().toArray(String[]::new); // sorted: built from a TreeMap
    unitIndex = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      unitIndex.put(unitIds[i], i);
    }
    Set<String> all = new TreeSet<>();
    units.values().forEach(u -> all.addAll(u.collaborations()));
    collaborationIds = all.toArray(String[]::new);
    Map<String, Integer> collaborationIndex = new HashMap<>(2 * collaborationIds.length);
    for (int c = 0; c < collaborationIds.length; c++) {
      collaborationIndex.put(collaborationIds[c], c);
    }
    collaborationsOfUnit = new int[n][];
    int[] memberCount = new int[collaborationIds.length];
    for (int u = 0; u < n; u++) {
      Set<String> mine = units.get(unitIds[u]).collaborations(); // sorted: a TreeMap's keys
      int[] indices = new int[mine.size()];
      int k = 0;
      for (String c : mine) {
        indices[k] = collaborationIndex.get(c);
        memberCount[indices[k]]++;
        k++;
      }
      collaborationsOfUnit[u] = indices;
    }
    membersOf = new int[collaborationIds.length][];
    for (int c = 0; c < collaborationIds.length; c++) {
      membersOf[c] = new int[memberCount[c]];
      memberCount[c] = 0;
    }
    for (int u = 0; u < n; u++) {
      for (int c : collaborationsOfUnit[u]) {
        membersOf[c][memberCount[c]++] = u; // units in ascending order
      }
    }
    int words = (n + 63) >>> 6;
    related = new long[n][words];
    for (int u = 0; u < n; u++) {
      for (String above : ancestors.getOrDefault(unitIds[u], Set.of())) {
        Integer a = unitIndex.get(above);
        if (a != null) {
          related[u][a >>> 6] |= 1L << a;
          related[a][u >>> 6] |= 1L << u;
        }
      }
    }

    // ties: units sharing a collaboration, neither part of the other; counted, not listed
    partners = new int[n][];
    weights = new int[n][];
    int[] count = new int[n];
    int[] touched = new int[n];
    for (int u = 0; u < n; u++) {
      long[] near = related[u];
      int found = 0;
      for (int c : collaborationsOfUnit[u]) {
        for (int v : membersOf[c]) {
          if (v != u && (near[v >>> 6] & (1L << v)) == 0 && count[v]++ == 0) {
            touched[found++] = v;
          }
        }
      }
      int[] p = Arrays.copyOf(touched, found);
      Arrays.sort(p);
      int[] w = new int[found];
      for (int i = 0; i < found; i++) {
        w[i] = count[p[i]];
        count[p[i]] = 0;
      }
      partners[u] = p;
      weights[u] = w;
    }
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

    // twins merged: the carriers of each canonical region (the snapshot's sorted sets, shared and
    // never changed: a set is copied only where two are merged or actors are taken out)
    Map<String, Map<String, Set<String>>> full = new TreeMap<>();
    for (String region : view) {
      Map<String, Set<String>> carriers =
          full.computeIfAbsent(index.canonical(region), k -> new TreeMap<>());
      snapshot
          .carriers(region)
          .forEach(
              (collaboration, actors) -> {
                if (collaborations.test(collaboration)) {
                  carriers.merge(collaboration, actors, RegionUnits::union);
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
          if (in.isEmpty()) {
            whole.put(unit, full.getOrDefault(unit, Map.of()));
            return;
          }
          Map<String, Set<String>> carriers = new TreeMap<>();
          for (String region : concat(unit, in)) {
            full.getOrDefault(region, Map.of())
                .forEach((c, actors) -> carriers.merge(c, actors, RegionUnits::union));
          }
          whole.put(unit, carriers);
        });

    // a unit with units below it keeps what none of them carries
    Map<String, Unit> units = new LinkedHashMap<>();
    for (var entry : whole.entrySet()) {
      String unit = entry.getKey();
      TreeMap<String, Set<String>> carriers = new TreeMap<>(entry.getValue()); // sets shared
      int below = 0;
      if (level != Level.ALL && !unit.equals(keep)) {
        Set<String> copied = new HashSet<>();
        for (var other : whole.entrySet()) {
          if (!other.getKey().equals(unit) && ancestors.get(other.getKey()).contains(unit)) {
            below++;
            other
                .getValue()
                .forEach(
                    (c, actors) -> {
                      Set<String> left = carriers.get(c);
                      if (left != null) {
                        if (copied.add(c)) {
                          left = new TreeSet<>(left);
                          carriers.put(c, left);
                        }
                        left.removeAll(actors);
                      }
                    });
          }
        }
        carriers.values().removeIf(Set::isEmpty);
      }
      carriers.replaceAll((c, actors) -> Collections.unmodifiableSet(actors));
      units.put(
          unit,
          new Unit(
              unit,
              Collections.unmodifiableSet(folded.get(unit)),
              Collections.unmodifiableMap(carriers),
              below));
    }

    return new RegionUnits(units, unitOf, ancestors);
  }

  static String unitOf(
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
  static List<String> breadthFirst(String start, Map<String, Set<String>> parents) {
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

  /** Two sorted sets of actors as one new sorted set (neither is changed). */
  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> both = new TreeSet<>(a);
    both.addAll(b);
    return both;
  }

  static List<String> concat(String first, java.util.Collection<String> rest) {
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

  /**
   * The units a unit is tied to (by id), with the collaborations of each tie (sorted by id).
   * Materialised on first use and kept: a unit in many large collaborations lists many.
   */
  Map<String, List<String>> ties(String unit) {
    Integer u = unitIndex.get(unit);
    if (u == null) {
      return Map.of();
    }
    return materialised.computeIfAbsent(
        u,
        k -> {
          Map<String, List<String>> ties = new LinkedHashMap<>();
          ties(k, Integer.MAX_VALUE, false)
              .forEach(t -> ties.put(t.partner(), Collections.unmodifiableList(t.via())));
          return Collections.unmodifiableMap(ties);
        });
  }

  /**
   * The ties of a unit, by partner id, each with its full weight and at most {@code limit} of its
   * collaborations (the first by id); only to partners with a greater id when {@code onward} (every
   * tie once when called for every unit). Not kept.
   */
  List<Tie> ties(String unit, int limit, boolean onward) {
    Integer u = unitIndex.get(unit);
    return u == null ? List.of() : ties(u, limit, onward);
  }

  private List<Tie> ties(int u, int limit, boolean onward) {
    int[] p = partners[u];
    int[] w = weights[u];
    int from = 0;
    if (onward) {
      int at = Arrays.binarySearch(p, u); // u is not its own partner: -(insertion point) - 1
      from = -at - 1;
    }
    int size = p.length - from;
    int[] slot = new int[unitIds.length];
    List<List<String>> via = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      slot[p[from + i]] = i + 1;
      via.add(new ArrayList<>(Math.min(limit, w[from + i])));
    }
    if (limit > 0 && size > 0) {
      for (int c : collaborationsOfUnit[u]) { // ascending: each list comes sorted
        for (int v : membersOf[c]) {
          int s = slot[v];
          if (s > 0) {
            List<String> list = via.get(s - 1);
            if (list.size() < limit) {
              list.add(collaborationIds[c]);
            }
          }
        }
      }
    }
    List<Tie> ties = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ties.add(new Tie(unitIds[p[from + i]], w[from + i], via.get(i)));
    }
    return ties;
  }

  /** The units a unit is tied to, by id. */
  List<String> partners(String unit) {
    Integer u = unitIndex.get(unit);
    if (u == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(partners[u].length);
    for (int v : partners[u]) {
      ids.add(unitIds[v]);
    }
    return ids;
  }

  /** The weights of a unit's ties (shared collaborations), in the order of its partners. */
  int[] weights(String unit) {
    Integer u = unitIndex.get(unit);
    return u == null ? new int[0] : weights[u].clone();
  }

  /** How many units a unit is tied to. */
  int degree(String unit) {
    Integer u = unitIndex.get(unit);
    return u == null ? 0 : partners[u].length;
  }

  /** The collaborations behind some tie (shared by two units, neither part of the other), by id. */
  Set<String> tiedCollaborations() {
    Set<String> tied = new TreeSet<>();
    for (int c = 0; c < collaborationIds.length; c++) {
      if (anyTie(membersOf[c])) {
        tied.add(collaborationIds[c]);
      }
    }
    return tied;
  }

  /** Whether two of these units are tied: neither is part of the other. */
  private boolean anyTie(int[] members) {
    for (int i = 0; i < members.length; i++) {
      long[] near = related[members[i]];
      for (int j = i + 1; j < members.length; j++) {
        int v = members[j];
        if ((near[v >>> 6] & (1L << v)) == 0) {
          return true;
        }
      }
    }
    return false;
  }
}
