package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.interfaces.LinkPredictionAlgorithm;
import org.jgrapht.alg.linkprediction.AdamicAdarIndexLinkPrediction;
import org.jgrapht.alg.linkprediction.ResourceAllocationIndexLinkPrediction;

/**
 * Missing ties of one vertex: every vertex two steps away and not yet tied to it, scored by
 * Adamic–Adar or resource allocation (JGraphT's link predictors, unweighted as networkx's), each
 * with the shared neighbours that justify it. D. Liben-Nowell and J. Kleinberg, "The link
 * prediction problem for social networks" (2007); T. Zhou, L. Lü, Y.-C. Zhang, "Predicting missing
 * links via local information" (2009). Time O(Σ deg over the vertex's neighbours).
 *
 * @param <V> the vertex type
 * @param <E> the edge type
 */
final class LinkSuggestions<V, E> {

  /** A candidate with its score and the shared neighbours behind it. */
  record Candidate<V>(V vertex, double score, List<V> because) {}

  private final Graph<V, E> graph;
  private final LinkPredictionAlgorithm<V, E> predictor;
  private final BiPredicate<V, V> allowed;

  /**
   * @param graph an undirected graph
   * @param method the scoring index
   * @param allowed which pairs may be suggested at all (e.g. not a region and its own country)
   */
  LinkSuggestions(Graph<V, E> graph, LinkMethod method, BiPredicate<V, V> allowed) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.predictor =
        method == LinkMethod.ADAMIC_ADAR
            ? new AdamicAdarIndexLinkPrediction<>(graph)
            : new ResourceAllocationIndexLinkPrediction<>(graph);
    this.allowed = allowed;
  }

  /** The best {@code limit} candidates for {@code source}, best first, ties by shared count. */
  List<Candidate<V>> suggest(V source, int limit, Comparator<V> tieBreak) {
    Map<V, List<V>> shared = new LinkedHashMap<>();
    List<V> neighbours = Graphs.neighborListOf(graph, source);
    for (V middle : neighbours) {
      for (V candidate : Graphs.neighborListOf(graph, middle)) {
        if (!candidate.equals(source)
            && !graph.containsEdge(source, candidate)
            && allowed.test(source, candidate)) {
          shared.computeIfAbsent(candidate, k -> new ArrayList<>()).add(middle);
        }
      }
    }
    List<Candidate<V>> candidates = new ArrayList<>();
    shared.forEach(
        (candidate, because) -> {
          because.sort(tieBreak);
          candidates.add(
              new Candidate<>(
                  candidate, predictor.predict(source, candidate), List.copyOf(because)));
        });
    candidates.sort(
        Comparator.comparingDouble((Candidate<V> c) -> c.score())
            .reversed()
            .thenComparing(c -> -c.because().size())
            .thenComparing(Candidate::vertex, tieBreak));
    return candidates.size() > limit ? List.copyOf(candidates.subList(0, limit)) : candidates;
  }
}
