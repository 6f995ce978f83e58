package eu.netmap.analytics;

import eu.netmap.graph.DataVersion;
import eu.netmap.importer.GraphModel;
import eu.netmap.system.BadRequestException;
import eu.netmap.system.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.alg.scoring.Coreness;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Network analytics on the current graph: hubs, brokers, gaps, communities and explained partner
 * suggestions, on any {@link View}. Reads one {@link Snapshot} per data version and caches every
 * result with it, so repeated questions are free until the next write. Used by the analytics API,
 * and meant for the export and planner features too.
 */
@Service
public class AnalyticsService {

  /** PageRank's damping factor. */
  public static final double DAMPING = 0.85;

  private static final int PAGERANK_MAX_ITERATIONS = 1000;
  private static final double PAGERANK_TOLERANCE = 1e-10;
  private static final long SEED = 42;

  private final SnapshotReader reader;
  private final DataVersion dataVersion;
  private final int exactMaxNodes;
  private final int pivots;
  private volatile Cache cache;

  private record Cache(long version, Snapshot snapshot, Map<String, Object> results) {}

  @Autowired
  AnalyticsService(SnapshotReader reader, DataVersion dataVersion) {
    this(
        reader,
        dataVersion,
        ShortestPathCentrality.EXACT_MAX_NODES_DEFAULT,
        ShortestPathCentrality.PIVOTS_DEFAULT);
  }

  AnalyticsService(SnapshotReader reader, DataVersion dataVersion, int exactMaxNodes, int pivots) {
    this.reader = reader;
    this.dataVersion = dataVersion;
    this.exactMaxNodes = exactMaxNodes;
    this.pivots = pivots;
  }

  /** A node as the API names it. */
  public record NodeRef(String id, String label, String name) {}

  /**
   * One metric's scores.
   *
   * @param view the view
   * @param metric the metric
   * @param values score by node id (nodes where the metric is undefined, e.g. the constraint of an
   *     isolated node, are left out)
   * @param exact false when estimated from sampled pivots
   * @param expectedError for estimates, the largest standard error of a score; else null
   */
  public record Scores(
      View view, Metric metric, Map<String, Double> values, boolean exact, Double expectedError) {}

  /** A community: its members, most central first, and a label naming them or their theme. */
  public record Community(
      String id, int size, String label, NodeRef theme, List<NodeRef> members) {}

  /** A partition into communities with its modularity. */
  public record Communities(
      View view, CommunityAlgorithm algorithm, double modularity, List<Community> communities) {}

  /** A suggested tie: the candidate, its score and the shared neighbours that justify it. */
  public record Suggestion(
      String id, String label, String name, double score, List<NodeRef> because) {}

  /** The current data version (every write through netmap changes it). */
  public long dataVersion() {
    return dataVersion.current();
  }

  /** The snapshot of the current data version, read on first use after each write. */
  public Snapshot snapshot() {
    return cache().snapshot();
  }

  private Cache cache() {
    long version = dataVersion.current();
    Cache current = cache;
    if (current != null && current.version() == version) {
      return current;
    }
    synchronized (this) {
      current = cache;
      if (current == null || current.version() != version) {
        current = new Cache(version, reader.read(version), new ConcurrentHashMap<>());
        cache = current;
      }
      return current;
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(Cache cache, String key, Supplier<T> compute) {
    Object value = cache.results().get(key);
    if (value == null) {
      value = compute.get();
      Object previous = cache.results().putIfAbsent(key, value);
      if (previous != null) {
        value = previous;
      }
    }
    return (T) value;
  }

  /** The scores of a metric on a view, by node id. */
  public Map<String, Double> scores(View view, Metric metric) {
    return measure(view, metric).values();
  }

  /** The scores of a metric on a view, with whether they are exact. */
  public Scores measure(View view, Metric metric) {
    Cache cache = cache();
    return cached(cache, "scores:" + view + ":" + metric, () -> compute(cache, view, metric));
  }

  private Scores compute(Cache cache, View view, Metric metric) {
    Snapshot snapshot = cache.snapshot();
    Graph<String, Tie> graph = snapshot.graph(view);
    IndexedGraph<String> indexed = snapshot.indexed(view);
    int n = indexed.size();
    double[] values = new double[n];
    boolean exact = true;
    Double error = null;
    switch (metric) {
      case DEGREE -> {
        for (int v = 0; v < n; v++) {
          values[v] = indexed.degree(v);
        }
      }
      case WEIGHTED_DEGREE -> {
        for (int v = 0; v < n; v++) {
          values[v] = indexed.strength(v);
        }
      }
      case PAGERANK -> {
        return new Scores(
            view,
            metric,
            new WeightedPageRank<>(indexed, DAMPING, PAGERANK_MAX_ITERATIONS, PAGERANK_TOLERANCE)
                .scores(),
            true,
            null);
      }
      case BETWEENNESS, HARMONIC -> {
        ShortestPathCentrality<String> paths = paths(cache, view);
        exact = paths.isExact();
        boolean betweenness = metric == Metric.BETWEENNESS;
        error =
            exact
                ? null
                : betweenness ? paths.betweennessStandardError() : paths.harmonicStandardError();
        Map<String, Double> scores = betweenness ? paths.betweenness() : paths.harmonic();
        return new Scores(view, metric, scores, exact, error);
      }
      case CORENESS -> {
        Map<String, Integer> core = new Coreness<>(graph).getScores();
        for (int v = 0; v < n; v++) {
          values[v] = core.get(indexed.vertex(v));
        }
      }
      case CLUSTERING -> {
        return new Scores(
            view,
            metric,
            ordered(indexed, new ClusteringCoefficient<>(graph).getScores()),
            true,
            null);
      }
      case CONSTRAINT, EFFECTIVE_SIZE -> {
        StructuralHoles<String> holes =
            cached(cache, "holes:" + view, () -> new StructuralHoles<>(indexed));
        Map<String, Double> scores =
            metric == Metric.CONSTRAINT ? holes.constraint() : holes.effectiveSize();
        Map<String, Double> defined = new LinkedHashMap<>();
        scores.forEach(
            (id, score) -> {
              if (!score.isNaN()) {
                defined.put(id, score);
              }
            });
        return new Scores(view, metric, defined, true, null);
      }
      default -> throw new IllegalStateException(metric.toString());
    }
    return new Scores(view, metric, indexed.toMap(values), exact, error);
  }

  private ShortestPathCentrality<String> paths(Cache cache, View view) {
    return cached(
        cache,
        "paths:" + view,
        () -> {
          ShortestPathCentrality<String> paths =
              ShortestPathCentrality.exactUpTo(
                  cache.snapshot().indexed(view), exactMaxNodes, pivots, SEED);
          paths.betweenness();
          return paths;
        });
  }

  private static Map<String, Double> ordered(
      IndexedGraph<String> indexed, Map<String, Double> scores) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (String v : indexed.vertices()) {
      map.put(v, scores.get(v));
    }
    return map;
  }

  /** Louvain communities of a view. */
  public Communities communities(View view) {
    return communities(view, CommunityAlgorithm.LOUVAIN);
  }

  /** Communities of a view, largest first, each labelled by its central members or theme. */
  public Communities communities(View view, CommunityAlgorithm algorithm) {
    Cache cache = cache();
    return cached(
        cache,
        "communities:" + view + ":" + algorithm,
        () -> {
          Snapshot snapshot = cache.snapshot();
          IndexedGraph<String> indexed = snapshot.indexed(view);
          List<Set<String>> sets =
              algorithm == CommunityAlgorithm.LOUVAIN
                  ? new Louvain<>(indexed).getClustering().getClusters()
                  : new LabelPropagationClustering<>(snapshot.graph(view), new Random(SEED))
                      .getClustering()
                      .getClusters();
          double modularity = Modularity.of(indexed, sets);
          Map<String, Double> strength = measure(view, Metric.WEIGHTED_DEGREE).values();
          Comparator<String> central =
              Comparator.comparingDouble((String id) -> -strength.getOrDefault(id, 0.0))
                  .thenComparing(id -> name(snapshot, id));
          List<List<String>> sorted = new ArrayList<>();
          for (Set<String> set : sets) {
            List<String> members = new ArrayList<>(set);
            members.sort(central);
            sorted.add(members);
          }
          sorted.sort(
              Comparator.comparingInt((List<String> c) -> -c.size())
                  .thenComparing(c -> name(snapshot, c.get(0))));
          List<Community> communities = new ArrayList<>();
          for (int i = 0; i < sorted.size(); i++) {
            List<String> members = sorted.get(i);
            String label =
                String.join(", ", members.stream().limit(2).map(id -> name(snapshot, id)).toList());
            if (members.size() > 2) {
              label += " …";
            }
            communities.add(
                new Community(
                    "c" + (i + 1),
                    members.size(),
                    label,
                    sharedTheme(snapshot, members),
                    members.stream().map(id -> ref(snapshot, id)).toList()));
          }
          return new Communities(view, algorithm, modularity, List.copyOf(communities));
        });
  }

  /** The theme most members share, when more than half of a community of two or more do. */
  private static NodeRef sharedTheme(Snapshot snapshot, List<String> members) {
    if (members.size() < 2) {
      return null;
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (String id : members) {
      for (String theme : snapshot.node(id).themes()) {
        counts.merge(theme, 1, Integer::sum);
      }
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (entry.getValue() > bestCount) {
        best = entry.getKey();
        bestCount = entry.getValue();
      }
    }
    return best != null && bestCount * 2 > members.size() ? ref(snapshot, best) : null;
  }

  /**
   * Ties to suggest to a node: organisations or regions two steps away in the view and not tied to
   * it yet, ranked, each with the shared neighbours that justify it. In the regions view a region
   * is never suggested its own country or its own places.
   *
   * @throws NotFoundException when there is no node with the id
   * @throws BadRequestException when the node is not in the view
   */
  public List<Suggestion> suggestions(String id, View view, LinkMethod method, int limit) {
    Cache cache = cache();
    Snapshot snapshot = cache.snapshot();
    SnapshotNode node = snapshot.node(id);
    if (node == null) {
      throw new NotFoundException("No node with id '" + id + "'");
    }
    Graph<String, Tie> graph = snapshot.graph(view);
    if (!graph.containsVertex(id)) {
      throw new BadRequestException(
          "for",
          "'"
              + id
              + "' ("
              + node.label()
              + ") is not in the "
              + view.key()
              + " view; suggestions are for the organisations and regions it holds");
    }
    LinkSuggestions<String, Tie> suggestions =
        cached(
            cache,
            "suggestions:" + view + ":" + method,
            () ->
                new LinkSuggestions<>(
                    graph,
                    method,
                    (a, b) ->
                        GraphModel.ACTORS.contains(snapshot.node(b).label())
                            && !snapshot.related(a, b)));
    Map<String, Double> strength = measure(view, Metric.WEIGHTED_DEGREE).values();
    Comparator<String> central =
        Comparator.comparingDouble((String v) -> -strength.getOrDefault(v, 0.0))
            .thenComparing(v -> name(snapshot, v));
    return suggestions.suggest(id, limit, central).stream()
        .map(
            c -> {
              SnapshotNode candidate = snapshot.node(c.vertex());
              return new Suggestion(
                  candidate.id(),
                  candidate.label(),
                  candidate.name(),
                  c.score(),
                  c.because().stream().map(v -> ref(snapshot, v)).toList());
            })
        .toList();
  }

  /** A projection per programme period, with the change from one period to the next. */
  Timeline.Result timeline(View view) {
    Cache cache = cache();
    return cached(cache, "timeline:" + view, () -> Timeline.of(cache.snapshot(), view));
  }

  /** Connected components of a view, largest first. */
  public List<List<String>> components(View view) {
    Cache cache = cache();
    return cached(
        cache,
        "components:" + view,
        () -> {
          Snapshot snapshot = cache.snapshot();
          List<List<String>> components = new ArrayList<>();
          components.addAll(new Components<>(snapshot.indexed(view)).components());
          components.sort(
              Comparator.comparingInt((List<String> c) -> -c.size()).thenComparing(c -> c.get(0)));
          return List.copyOf(components);
        });
  }

  /** Cut vertices (with the pieces each leaves) and bridges of a view. */
  Biconnectivity<String> biconnectivity(View view) {
    Cache cache = cache();
    return cached(
        cache,
        "biconnectivity:" + view,
        () -> {
          var biconnectivity = new Biconnectivity<>(cache.snapshot().indexed(view));
          biconnectivity.bridges();
          return biconnectivity;
        });
  }

  /** A node's reference by id (its id as name when unknown). */
  NodeRef ref(String id) {
    return ref(snapshot(), id);
  }

  static NodeRef ref(Snapshot snapshot, String id) {
    SnapshotNode node = snapshot.node(id);
    return node == null ? new NodeRef(id, null, id) : new NodeRef(id, node.label(), node.name());
  }

  static String name(Snapshot snapshot, String id) {
    SnapshotNode node = snapshot.node(id);
    return node == null || node.name() == null ? id : node.name();
  }

  /** The groups (communities) a node's neighbours fall in, for brokers. */
  Map<String, List<String>> neighbourGroups(View view, String id) {
    Snapshot snapshot = snapshot();
    Communities communities = communities(view);
    Map<String, String> communityOf = new HashMap<>();
    for (Community community : communities.communities()) {
      for (NodeRef member : community.members()) {
        communityOf.put(member.id(), community.id());
      }
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Set<String> neighbours = new TreeSet<>(Graphs.neighborSetOf(snapshot.graph(view), id));
    for (String neighbour : neighbours) {
      groups.computeIfAbsent(communityOf.get(neighbour), k -> new ArrayList<>()).add(neighbour);
    }
    return groups;
  }
}
