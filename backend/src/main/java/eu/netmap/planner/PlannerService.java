package eu.netmap.planner;

import eu.netmap.analytics.AnalyticsService;
import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.SnapshotNode;
import eu.netmap.analytics.Tie;
import eu.netmap.analytics.View;
import eu.netmap.importer.GraphModel;
import eu.netmap.system.BadRequestException;
import eu.netmap.system.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Service;

/**
 * Ranks partner regions for a region on the regions view of {@link AnalyticsService}.
 *
 * <p>A candidate is any other region that is neither part of the region nor contains it. Its score
 * adds up, each part with its reason:
 *
 * <ul>
 *   <li>1 per member of the region's networks and projects located there (the region's own members
 *       excluded) — "3 of your networks' members are there";
 *   <li>with a theme: 3 per collaboration of the candidate on the theme — "works on … in …" — and
 *       the whole score halved for candidates with none; without a theme: 0.5 per theme both
 *       address;
 *   <li>1 per partner region both are tied to, plus 1 when they are not tied yet (closing the
 *       triangle is the cheapest new tie) — "no tie yet; shares 2 partners with you".
 * </ul>
 *
 * Candidates scoring 0 are left out; ties in score go to the better-connected region, then by name.
 */
@Service
class PlannerService {

  /** The EU programme periods the map can show. */
  static final List<String> PERIODS = List.of("2000-2006", "2007-2013", "2014-2020", "2021-2027");

  static final double PER_MEMBER = 1;
  static final double PER_THEME_COLLABORATION = 3;
  static final double OFF_THEME_FACTOR = 0.5;
  static final double PER_SHARED_THEME = 0.5;
  static final double PER_SHARED_PARTNER = 1;
  static final double NEW_TIE_BONUS = 1;

  private static final String NUTS =
      "MATCH (r:Region) WHERE r.nuts IS NOT NULL RETURN r.id AS id, toString(r.nuts) AS nuts";

  private final AnalyticsService analytics;
  private final Driver driver;

  PlannerService(AnalyticsService analytics, Driver driver) {
    this.analytics = analytics;
    this.driver = driver;
  }

  Plan plan(String regionKey, String themeId, int limit) {
    Snapshot snapshot = analytics.snapshot();
    Graph<String, Tie> graph = snapshot.graph(View.REGIONS);
    Map<String, String> nuts = nutsCodes();
    String region = resolve(snapshot, graph, nuts, regionKey);
    SnapshotNode theme = null;
    if (themeId != null) {
      theme = snapshot.node(themeId);
      if (theme == null || !GraphModel.THEME.equals(theme.label())) {
        throw new BadRequestException(
            "theme", "Unknown theme '" + themeId + "'", themeIds(snapshot));
      }
    }
    Map<String, Set<String>> collaborationsOf = snapshot.collaborationsOf(View.REGIONS);
    Set<String> mine = collaborationsOf.getOrDefault(region, Set.of());
    Set<String> myActors = new TreeSet<>();
    snapshot.carriers(region).values().forEach(myActors::addAll);
    Set<String> myPartners = new TreeSet<>(Graphs.neighborListOf(graph, region));

    List<Plan.Partner> partners = new ArrayList<>();
    for (String candidate : graph.vertexSet()) {
      if (candidate.equals(region) || snapshot.related(region, candidate)) {
        continue;
      }
      double score = 0;
      boolean offTheme = false;
      List<String> reasons = new ArrayList<>();
      Map<String, Set<String>> carriers = snapshot.carriers(candidate);

      Set<String> members = new TreeSet<>();
      mine.forEach(c -> members.addAll(carriers.getOrDefault(c, Set.of())));
      members.removeAll(myActors);
      if (!members.isEmpty()) {
        score += PER_MEMBER * members.size();
        reasons.add(
            count(members.size(), "member", "members")
                + " of your networks and projects "
                + (members.size() == 1 ? "is" : "are")
                + " there: "
                + names(snapshot, members));
      }

      if (theme != null) {
        List<String> onTheme = new ArrayList<>();
        for (String collaboration : carriers.keySet()) {
          if (snapshot.node(collaboration).themes().contains(theme.id())) {
            onTheme.add(collaboration);
          }
        }
        if (!onTheme.isEmpty()) {
          score += PER_THEME_COLLABORATION * onTheme.size();
          reasons.add("works on " + themeName(theme) + " in " + names(snapshot, onTheme));
        } else {
          offTheme = true;
        }
      } else {
        Set<String> shared = new TreeSet<>(snapshot.node(candidate).themes());
        shared.retainAll(snapshot.node(region).themes());
        if (!shared.isEmpty()) {
          score += PER_SHARED_THEME * shared.size();
          reasons.add(
              "shares "
                  + count(shared.size(), "theme", "themes")
                  + " with you: "
                  + String.join(
                      ", ", shared.stream().map(t -> themeName(snapshot.node(t))).toList()));
        }
      }

      Tie tie = graph.getEdge(region, candidate);
      Set<String> common = new TreeSet<>(Graphs.neighborListOf(graph, candidate));
      common.retainAll(myPartners);
      common.removeIf(c -> snapshot.related(c, region) || snapshot.related(c, candidate));
      if (tie == null) {
        if (!common.isEmpty()) {
          score += PER_SHARED_PARTNER * common.size() + NEW_TIE_BONUS;
          reasons.add(
              "no tie yet; shares "
                  + count(common.size(), "partner", "partners")
                  + " with you ("
                  + names(snapshot, common)
                  + ")");
        }
      } else {
        score += PER_SHARED_PARTNER * common.size();
        String already = "already cooperates with you in " + names(snapshot, tie.via());
        if (!common.isEmpty()) {
          already += "; shares " + count(common.size(), "partner", "partners") + " with you";
        }
        reasons.add(already);
      }
      if (offTheme && score > 0) {
        score *= OFF_THEME_FACTOR;
        reasons.add("no known work on " + themeName(theme) + " yet");
      }
      if (score > 0) {
        SnapshotNode node = snapshot.node(candidate);
        partners.add(
            new Plan.Partner(
                candidate, node.name(), nuts.get(candidate), score, tie != null, reasons));
      }
    }
    Map<String, Integer> degree = new HashMap<>();
    graph.vertexSet().forEach(v -> degree.put(v, graph.degreeOf(v)));
    partners.sort(
        Comparator.comparingDouble((Plan.Partner p) -> -p.score())
            .thenComparing(p -> -degree.get(p.id()))
            .thenComparing(Plan.Partner::name));
    SnapshotNode node = snapshot.node(region);
    return new Plan(
        new Plan.RegionRef(region, node.name(), nuts.get(region)),
        theme == null ? null : new Plan.ThemeRef(theme.id(), theme.name(), theme.nameEn()),
        List.copyOf(partners.subList(0, Math.min(limit, partners.size()))),
        gaps(snapshot, graph, region));
  }

  /** The regions view for the map, optionally restricted to one programme period. */
  RegionMap map(String period) {
    if (period != null && !PERIODS.contains(period)) {
      throw new BadRequestException("period", "Unknown period '" + period + "'", PERIODS);
    }
    Snapshot snapshot = analytics.snapshot();
    java.util.function.Predicate<String> inPeriod =
        c -> period == null || period.equals(snapshot.node(c).period());
    Graph<String, Tie> graph =
        period == null ? snapshot.graph(View.REGIONS) : snapshot.projection(View.REGIONS, inPeriod);
    Map<String, String> nuts = nutsCodes();
    Map<String, Set<String>> collaborationsOf = snapshot.collaborationsOf(View.REGIONS);
    List<RegionMap.Region> regions = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (String id : graph.vertexSet()) {
      List<String> collaborations =
          collaborationsOf.getOrDefault(id, Set.of()).stream().filter(inPeriod).toList();
      used.addAll(collaborations);
      double strength = 0;
      for (Tie tie : graph.edgesOf(id)) {
        strength += graph.getEdgeWeight(tie);
      }
      regions.add(
          new RegionMap.Region(
              id, name(snapshot, id), nuts.get(id), graph.degreeOf(id), strength, collaborations));
    }
    List<RegionMap.Link> ties = new ArrayList<>();
    for (Tie tie : graph.edgeSet()) {
      ties.add(
          new RegionMap.Link(
              graph.getEdgeSource(tie),
              graph.getEdgeTarget(tie),
              graph.getEdgeWeight(tie),
              tie.via()));
    }
    List<RegionMap.Collaboration> collaborations = new ArrayList<>();
    for (String id : used) {
      SnapshotNode node = snapshot.node(id);
      collaborations.add(new RegionMap.Collaboration(id, node.label(), node.name(), node.period()));
    }
    return new RegionMap(period, regions, ties, collaborations);
  }

  /** Themes with no partner, networks of its partners it is not in, single-organisation ties. */
  private static List<Plan.Gap> gaps(Snapshot snapshot, Graph<String, Tie> graph, String region) {
    Map<String, Set<String>> collaborationsOf = snapshot.collaborationsOf(View.REGIONS);
    Set<String> mine = collaborationsOf.getOrDefault(region, Set.of());
    List<String> partners = new ArrayList<>(Graphs.neighborListOf(graph, region));
    partners.sort(Comparator.comparing(id -> name(snapshot, id)));
    List<Plan.Gap> gaps = new ArrayList<>();

    // themes: addressed by some collaboration between regions, none shared with a partner of ours
    Set<String> coveredThemes = new TreeSet<>();
    for (Tie tie : graph.edgesOf(region)) {
      tie.via().forEach(c -> coveredThemes.addAll(snapshot.node(c).themes()));
    }
    Set<String> regionThemes = new TreeSet<>();
    for (Tie tie : graph.edgeSet()) {
      tie.via().forEach(c -> regionThemes.addAll(snapshot.node(c).themes()));
    }
    regionThemes.removeAll(coveredThemes);
    regionThemes.stream()
        .map(snapshot::node)
        .sorted(Comparator.comparing(PlannerService::themeName))
        .forEach(
            t ->
                gaps.add(
                    new Plan.Gap(
                        "theme",
                        t.id(),
                        t.name(),
                        "no partner region on " + themeName(t) + " yet")));

    // networks its partners are in and it is not
    Map<String, List<String>> networks = new TreeMap<>();
    for (String partner : partners) {
      for (String c : collaborationsOf.getOrDefault(partner, Set.of())) {
        if (!mine.contains(c) && GraphModel.NETWORK.equals(snapshot.node(c).label())) {
          networks.computeIfAbsent(c, k -> new ArrayList<>()).add(partner);
        }
      }
    }
    networks.forEach(
        (network, in) ->
            gaps.add(
                new Plan.Gap(
                    "network",
                    network,
                    name(snapshot, network),
                    "not in "
                        + name(snapshot, network)
                        + ", where your "
                        + (in.size() == 1 ? "partner " : "partners ")
                        + names(snapshot, in)
                        + (in.size() == 1 ? " is" : " are"))));

    // ties that rest on one organisation, on either side
    for (String partner : partners) {
      Tie tie = graph.getEdge(region, partner);
      Set<String> ours = carriersOf(snapshot, region, tie.via());
      Set<String> theirs = carriersOf(snapshot, partner, tie.via());
      String single = null;
      if (ours.size() == 1 && isOrganisation(snapshot, ours.iterator().next())) {
        single = ours.iterator().next();
      } else if (theirs.size() == 1 && isOrganisation(snapshot, theirs.iterator().next())) {
        single = theirs.iterator().next();
      }
      if (single != null) {
        gaps.add(
            new Plan.Gap(
                "single-organisation",
                partner,
                name(snapshot, partner),
                "the tie with "
                    + name(snapshot, partner)
                    + " rests on one organisation, "
                    + name(snapshot, single)
                    + " ("
                    + names(snapshot, tie.via())
                    + ")"));
      }
    }
    return List.copyOf(gaps);
  }

  private static Set<String> carriersOf(Snapshot snapshot, String region, List<String> via) {
    Set<String> carriers = new TreeSet<>();
    Map<String, Set<String>> all = snapshot.carriers(region);
    via.forEach(c -> carriers.addAll(all.getOrDefault(c, Set.of())));
    return carriers;
  }

  private static boolean isOrganisation(Snapshot snapshot, String id) {
    return GraphModel.ORGANISATION.equals(snapshot.node(id).label());
  }

  /** A region by id, else by NUTS code (the best-connected region carrying it). */
  private static String resolve(
      Snapshot snapshot, Graph<String, Tie> graph, Map<String, String> nuts, String key) {
    String trimmed = key == null ? "" : key.trim();
    if (trimmed.isEmpty()) {
      throw new BadRequestException("region", "Give a region id or NUTS code");
    }
    SnapshotNode node = snapshot.node(trimmed);
    if (node != null) {
      if (!GraphModel.REGION.equals(node.label())) {
        throw new BadRequestException(
            "region", "'" + trimmed + "' is a " + node.label() + ", not a region");
      }
      return trimmed;
    }
    String code = trimmed.toUpperCase(Locale.ROOT);
    return nuts.entrySet().stream()
        .filter(e -> e.getValue().equalsIgnoreCase(code) && graph.containsVertex(e.getKey()))
        .map(Map.Entry::getKey)
        .min(
            Comparator.comparingInt((String id) -> -graph.degreeOf(id))
                .thenComparing(id -> id.startsWith("nuts-") ? 1 : 0)
                .thenComparing(id -> id))
        .orElseThrow(
            () -> new NotFoundException("No region with id or NUTS code '" + trimmed + "'"));
  }

  private Map<String, String> nutsCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    try (Session session = driver.session()) {
      session.executeRead(
          tx -> {
            tx.run(NUTS)
                .forEachRemaining(r -> codes.put(r.get("id").asString(), r.get("nuts").asString()));
            return null;
          });
    }
    return codes;
  }

  private static List<String> themeIds(Snapshot snapshot) {
    return snapshot.nodes().values().stream()
        .filter(n -> GraphModel.THEME.equals(n.label()))
        .map(SnapshotNode::id)
        .sorted()
        .toList();
  }

  /** A theme's English name in running text: "victims of trafficking". */
  static String themeName(SnapshotNode theme) {
    String name = theme.nameEn() != null ? theme.nameEn() : theme.name();
    if (name == null) {
      return theme.id();
    }
    boolean acronym = name.length() > 1 && Character.isUpperCase(name.charAt(1));
    return acronym ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private static String name(Snapshot snapshot, String id) {
    SnapshotNode node = snapshot.node(id);
    return node == null || node.name() == null ? id : node.name();
  }

  private static String names(Snapshot snapshot, java.util.Collection<String> ids) {
    List<String> list = ids.stream().map(id -> name(snapshot, id)).sorted().toList();
    if (list.size() <= 1) {
      return String.join("", list);
    }
    return String.join(", ", list.subList(0, list.size() - 1))
        + " and "
        + list.get(list.size() - 1);
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
