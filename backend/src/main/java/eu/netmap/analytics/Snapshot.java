package eu.netmap.analytics;

import eu.netmap.importer.GraphModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The graph at one data version, read once from Neo4j, with the four analytics views built from it.
 * Immutable; {@link AnalyticsService} keeps one per data version.
 */
public final class Snapshot {

  /** A relationship as read: ends by id, type, whether it names a source. */
  record Fact(String source, String type, String target, boolean sourced) {}

  /** A node as read, before the themes are known. */
  record RawNode(
      String id,
      String label,
      String name,
      String nameEn,
      String period,
      boolean sourced,
      Long declared) {}

  private static final Set<String> TAKES_PART = Set.of("MEMBER_OF", "PARTICIPATES_IN");

  /**
   * Heap one tie of a projection takes with its share of the JGraphT graph, the index arrays and
   * its {@code via} set: 265 bytes measured on the actors view of 100,000 generated participations
   * (AnalyticsMemoryBenchmark, BENCHMARKS.md), rounded up.
   */
  static final long BYTES_PER_TIE = 300;

  private static final int CHECK_EVERY = 1 << 16;

  private final long version;
  private final long viewBudgetBytes;
  private final Map<String, SnapshotNode> nodes;
  private final Map<View, Graph<String, Tie>> views = new ConcurrentHashMap<>();
  private final Map<String, RawNode> raw;
  private final List<Fact> facts;
  private final Map<String, Set<String>> takesPart;
  private final Map<String, Set<String>> regionCollaborations;
  private final Map<View, IndexedGraph<String>> indexed = new ConcurrentHashMap<>();
  private final Map<String, Integer> mapped = new HashMap<>();
  private final Map<String, Set<String>> ancestors = new HashMap<>();
  private final List<Fact> unsourcedRelationships = new ArrayList<>();
  private final Map<String, Map<String, Set<String>>> carriers = new HashMap<>();
  private final Map<View, Map<String, Set<String>>> collaborationsOf = new EnumMap<>(View.class);

  Snapshot(long version, List<RawNode> rawNodes, List<Fact> facts) {
    this(version, rawNodes, facts, Long.MAX_VALUE);
  }

  /**
   * A snapshot whose projections may take at most {@code viewBudgetBytes} of heap each: a bigger
   * one is refused with a {@link ViewTooLargeException} while it is being built, before the app
   * runs out of memory.
   */
  Snapshot(long version, List<RawNode> rawNodes, List<Fact> facts, long viewBudgetBytes) {
    this.version = version;
    this.viewBudgetBytes = viewBudgetBytes;
    Set<String> reference = referenceOnly(rawNodes, facts);
    this.raw = new LinkedHashMap<>();
    rawNodes.forEach(
        n -> {
          if (!reference.contains(n.id())) {
            raw.put(n.id(), n);
          }
        });
    this.facts = facts;

    Map<String, Set<String>> themes = new HashMap<>();
    this.takesPart = new LinkedHashMap<>();
    Map<String, Set<String>> locatedIn = new HashMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    for (Fact fact : facts) {
      RawNode from = raw.get(fact.source());
      RawNode to = raw.get(fact.target());
      if (from == null || to == null) {
        continue;
      }
      if (!fact.sourced()) {
        unsourcedRelationships.add(fact);
      }
      String fromLabel = from.label();
      String toLabel = to.label();
      switch (fact.type()) {
        case "ADDRESSES" -> {
          if (GraphModel.THEME.equals(toLabel)) {
            themes.computeIfAbsent(from.id(), k -> new TreeSet<>()).add(to.id());
          }
        }
        case "MEMBER_OF", "PARTICIPATES_IN" -> {
          if (GraphModel.ACTORS.contains(fromLabel)
              && GraphModel.COLLABORATIONS.contains(toLabel)) {
            takesPart.computeIfAbsent(from.id(), k -> new TreeSet<>()).add(to.id());
            mapped.merge(to.id(), 1, Integer::sum);
          }
        }
        case "LOCATED_IN" -> {
          if (GraphModel.REGION.equals(toLabel)) {
            locatedIn.computeIfAbsent(to.id(), k -> new HashSet<>()).add(from.id());
          }
        }
        case "PART_OF" -> {
          if (GraphModel.REGION.equals(fromLabel) && GraphModel.REGION.equals(toLabel)) {
            parents.computeIfAbsent(from.id(), k -> new HashSet<>()).add(to.id());
          }
        }
        default -> {}
      }
    }

    // the collaborations each region takes part in: its own, its organisations', its places'
    Map<String, Set<String>> children = new HashMap<>();
    parents.forEach(
        (child, ps) ->
            ps.forEach(p -> children.computeIfAbsent(p, k -> new HashSet<>()).add(child)));
    this.regionCollaborations = new LinkedHashMap<>();
    for (RawNode node : raw.values()) {
      if (!GraphModel.REGION.equals(node.label())) {
        continue;
      }
      ancestors.put(node.id(), reachable(node.id(), parents));
      Set<String> collaborations = new TreeSet<>();
      Map<String, Set<String>> carriedBy = new TreeMap<>();
      Set<String> places = reachable(node.id(), children);
      places.add(node.id());
      for (String place : places) {
        List<String> actors = new ArrayList<>();
        actors.add(place);
        actors.addAll(locatedIn.getOrDefault(place, Set.of()));
        for (String actor : actors) {
          for (String collaboration : takesPart.getOrDefault(actor, Set.of())) {
            collaborations.add(collaboration);
            carriedBy.computeIfAbsent(collaboration, k -> new TreeSet<>()).add(actor);
          }
        }
      }
      regionCollaborations.put(node.id(), collaborations);
      carriers.put(node.id(), Collections.unmodifiableMap(carriedBy));
    }

    Map<String, SnapshotNode> built = new LinkedHashMap<>();
    for (RawNode node : raw.values()) {
      Set<String> collaborations =
          GraphModel.REGION.equals(node.label())
              ? regionCollaborations.get(node.id())
              : takesPart.getOrDefault(node.id(), Set.of());
      Set<String> nodeThemes = new TreeSet<>(themes.getOrDefault(node.id(), Set.of()));
      for (String collaboration : collaborations) {
        nodeThemes.addAll(themes.getOrDefault(collaboration, Set.of()));
      }
      built.put(
          node.id(),
          new SnapshotNode(
              node.id(),
              node.label(),
              node.name(),
              node.nameEn(),
              node.period(),
              List.copyOf(nodeThemes),
              node.sourced(),
              node.declared()));
    }
    this.nodes = Collections.unmodifiableMap(built);
    Map<String, Set<String>> actorCollaborations = new LinkedHashMap<>();
    for (RawNode node : raw.values()) {
      if (GraphModel.ORGANISATION.equals(node.label()) || takesPart.containsKey(node.id())) {
        actorCollaborations.put(node.id(), takesPart.getOrDefault(node.id(), Set.of()));
      }
    }
    collaborationsOf.put(View.ACTORS, Collections.unmodifiableMap(actorCollaborations));
    collaborationsOf.put(View.REGIONS, Collections.unmodifiableMap(regionCollaborations));
  }

  /** Views are built on first use: most questions need one. */
  private Graph<String, Tie> build(View view) {
    return switch (view) {
      case STORED -> stored(raw.keySet(), facts);
      case TWO_MODE -> twoMode(raw, takesPart, facts);
      case ACTORS -> actors(raw, takesPart, budget());
      case REGIONS -> projection(View.REGIONS, regionCollaborations, this::related, budget());
    };
  }

  /**
   * The collaborations each node of a projection takes part in (for regions: its own, its places'
   * and its organisations'), by node id; empty for the other views.
   */
  public Map<String, Set<String>> collaborationsOf(View view) {
    return collaborationsOf.getOrDefault(view, Map.of());
  }

  /**
   * Who makes a region part of each of its collaborations: the region itself, the places that are
   * part of it, the organisations located in either; by collaboration id. Empty when the id is not
   * a region.
   */
  public Map<String, Set<String>> carriers(String region) {
    return carriers.getOrDefault(region, Map.of());
  }

  /**
   * A projection ({@link View#ACTORS} or {@link View#REGIONS}) restricted to the collaborations
   * accepted by {@code keep}; every node of the view stays in, possibly isolated.
   */
  public Graph<String, Tie> projection(View view, java.util.function.Predicate<String> keep) {
    Map<String, Set<String>> restricted = new LinkedHashMap<>();
    collaborationsOf(view)
        .forEach(
            (actor, collaborations) -> {
              Set<String> kept = new TreeSet<>();
              collaborations.stream().filter(keep).forEach(kept::add);
              restricted.put(actor, kept);
            });
    return new AsUnmodifiableGraph<>(
        projection(
            view, restricted, view == View.REGIONS ? this::related : (a, b) -> false, budget()));
  }

  /**
   * NUTS reference regions (ids {@code nuts-…}, loaded so that regions with no ties exist) that
   * nothing but their NUTS hierarchy touches, directly or below them: left out of analytics, so
   * 2,000 isolated regions do not dilute every measure.
   */
  private static Set<String> referenceOnly(List<RawNode> rawNodes, List<Fact> facts) {
    Set<String> nuts = new HashSet<>();
    for (RawNode node : rawNodes) {
      if (GraphModel.REGION.equals(node.label()) && node.id().startsWith("nuts-")) {
        nuts.add(node.id());
      }
    }
    if (nuts.isEmpty()) {
      return nuts;
    }
    Map<String, Set<String>> parents = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Fact fact : facts) {
      boolean hierarchy =
          "PART_OF".equals(fact.type())
              && nuts.contains(fact.source())
              && nuts.contains(fact.target());
      if (hierarchy) {
        parents.computeIfAbsent(fact.source(), k -> new HashSet<>()).add(fact.target());
      } else {
        used.add(fact.source());
        used.add(fact.target());
      }
    }
    Set<String> kept = new HashSet<>();
    for (String id : nuts) {
      if (used.contains(id)) {
        kept.add(id);
        kept.addAll(reachable(id, parents));
      }
    }
    nuts.removeAll(kept);
    return nuts;
  }

  private static Set<String> reachable(String start, Map<String, Set<String>> next) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(next.getOrDefault(start, Set.of()));
    while (!queue.isEmpty()) {
      String id = queue.poll();
      if (!id.equals(start) && seen.add(id)) {
        queue.addAll(next.getOrDefault(id, Set.of()));
      }
    }
    return seen;
  }

  private static SimpleWeightedGraph<String, Tie> newGraph() {
    return new SimpleWeightedGraph<>(null, Tie::new);
  }

  private static Graph<String, Tie> stored(Set<String> ids, List<Fact> facts) {
    SimpleWeightedGraph<String, Tie> graph = newGraph();
    ids.forEach(graph::addVertex);
    for (Fact fact : facts) {
      if (fact.source().equals(fact.target())
          || !graph.containsVertex(fact.source())
          || !graph.containsVertex(fact.target())) {
        continue;
      }
      Tie tie = graph.addEdge(fact.source(), fact.target());
      if (tie == null) { // a second relationship between the same nodes
        tie = graph.getEdge(fact.source(), fact.target());
      }
      tie.add(fact.type());
    }
    return graph;
  }

  private static Graph<String, Tie> twoMode(
      Map<String, RawNode> raw, Map<String, Set<String>> takesPart, List<Fact> facts) {
    SimpleWeightedGraph<String, Tie> graph = newGraph();
    for (RawNode node : raw.values()) {
      if (GraphModel.ORGANISATION.equals(node.label())
          || GraphModel.COLLABORATIONS.contains(node.label())
          || takesPart.containsKey(node.id())) {
        graph.addVertex(node.id());
      }
    }
    for (Fact fact : facts) {
      if (TAKES_PART.contains(fact.type())
          && takesPart.getOrDefault(fact.source(), Set.of()).contains(fact.target())) {
        Tie tie = graph.getEdge(fact.source(), fact.target());
        if (tie == null) {
          tie = graph.addEdge(fact.source(), fact.target());
        }
        tie.add(fact.type());
      }
    }
    return graph;
  }

  /** How many ties one projection may have. */
  private long budget() {
    return viewBudgetBytes / BYTES_PER_TIE;
  }

  private static Graph<String, Tie> actors(
      Map<String, RawNode> raw, Map<String, Set<String>> takesPart, long maxTies) {
    Map<String, Set<String>> actors = new LinkedHashMap<>();
    for (RawNode node : raw.values()) {
      if (GraphModel.ORGANISATION.equals(node.label()) || takesPart.containsKey(node.id())) {
        actors.put(node.id(), takesPart.getOrDefault(node.id(), Set.of()));
      }
    }
    return projection(View.ACTORS, actors, (a, b) -> false, maxTies);
  }

  /** Which pairs of a projection must not be tied although they share a collaboration. */
  private interface Excluded {
    boolean test(String a, String b);
  }

  /**
   * Ties actors that share collaborations; weight = how many, {@code via} = which. Refuses with a
   * {@link ViewTooLargeException} once it would hold more than {@code maxTies} ties.
   */
  private static Graph<String, Tie> projection(
      View view, Map<String, Set<String>> collaborationsOf, Excluded excluded, long maxTies) {
    SimpleWeightedGraph<String, Tie> graph = newGraph();
    Map<String, List<String>> members = new LinkedHashMap<>();
    collaborationsOf.forEach(
        (actor, collaborations) -> {
          graph.addVertex(actor);
          collaborations.forEach(
              c -> members.computeIfAbsent(c, k -> new ArrayList<>()).add(actor));
        });
    members.forEach(
        (collaboration, list) -> {
          for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
              String a = list.get(i);
              String b = list.get(j);
              if (excluded.test(a, b)) {
                continue;
              }
              Tie tie = graph.getEdge(a, b);
              if (tie == null) {
                tie = graph.addEdge(a, b);
                int ties = graph.edgeSet().size();
                if (ties % CHECK_EVERY == 0 && ties > maxTies) {
                  throw new ViewTooLargeException(view, ties, maxTies * BYTES_PER_TIE);
                }
              }
              tie.add(collaboration);
            }
          }
        });
    if (graph.edgeSet().size() > maxTies) {
      throw new ViewTooLargeException(view, graph.edgeSet().size(), maxTies * BYTES_PER_TIE);
    }
    for (Tie tie : graph.edgeSet()) {
      graph.setEdgeWeight(tie, tie.via().size());
    }
    return graph;
  }

  /** The data version this snapshot was read at. */
  public long version() {
    return version;
  }

  /** Every node, by id, in reading order. */
  public Map<String, SnapshotNode> nodes() {
    return nodes;
  }

  /** The node with this id, or null. */
  public SnapshotNode node(String id) {
    return nodes.get(id);
  }

  /** The view's graph (read-only). */
  public Graph<String, Tie> graph(View view) {
    return new AsUnmodifiableGraph<>(views.computeIfAbsent(view, this::build));
  }

  IndexedGraph<String> indexed(View view) {
    return indexed.computeIfAbsent(view, v -> IndexedGraph.of(graph(v)));
  }

  /** True when one region is part of the other (directly or through places in between). */
  public boolean related(String a, String b) {
    return ancestors.getOrDefault(a, Set.of()).contains(b)
        || ancestors.getOrDefault(b, Set.of()).contains(a);
  }

  /** How many actors are mapped as members or partners of a collaboration. */
  int mapped(String collaboration) {
    return mapped.getOrDefault(collaboration, 0);
  }

  /** Relationships that name no source. */
  List<Fact> unsourcedRelationships() {
    return Collections.unmodifiableList(unsourcedRelationships);
  }
}
