package eu.netmap.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Checks link suggestions against time: the ties of the collaborations before a period are the
 * known graph, the ties first formed in the period are the truth. For every actor that gains a tie,
 * precision@k of its top {@code k} suggestions is compared with {@code k} random actors it is not
 * yet tied to (the baseline). The mean over those actors is reported.
 */
final class TimeSplitValidation {

  /**
   * @param actors how many actors gained a tie and were scored
   * @param precision mean precision@k of the suggestions
   * @param baseline mean precision@k of random picks
   */
  record Result(int actors, double precision, double baseline) {}

  private TimeSplitValidation() {}

  /**
   * @param before each actor's collaborations before the period
   * @param during each actor's collaborations in the period
   */
  static Result evaluate(
      Map<String, Set<String>> before,
      Map<String, Set<String>> during,
      LinkMethod method,
      int k,
      Random random) {
    Graph<String, DefaultEdge> known = projection(before);
    Graph<String, DefaultEdge> later = projection(during);
    LinkSuggestions<String, DefaultEdge> suggestions =
        new LinkSuggestions<>(known, method, (a, b) -> true);
    List<String> everyone = new ArrayList<>(known.vertexSet());
    everyone.sort(String::compareTo);
    int actors = 0;
    double precision = 0;
    double baseline = 0;
    for (String actor : everyone) {
      if (!later.containsVertex(actor)) {
        continue;
      }
      Set<String> fresh = new HashSet<>();
      for (String other : Graphs.neighborListOf(later, actor)) {
        if (known.containsVertex(other) && !known.containsEdge(actor, other)) {
          fresh.add(other);
        }
      }
      if (fresh.isEmpty()) {
        continue;
      }
      actors++;
      long hits =
          suggestions.suggest(actor, k, String::compareTo).stream()
              .filter(c -> fresh.contains(c.vertex()))
              .count();
      precision += (double) hits / k;
      List<String> strangers = new ArrayList<>(everyone);
      strangers.remove(actor);
      strangers.removeAll(Graphs.neighborListOf(known, actor));
      int randomHits = 0;
      for (int i = 0; i < k && !strangers.isEmpty(); i++) {
        if (fresh.contains(strangers.remove(random.nextInt(strangers.size())))) {
          randomHits++;
        }
      }
      baseline += (double) randomHits / k;
    }
    return actors == 0
        ? new Result(0, 0, 0)
        : new Result(actors, precision / actors, baseline / actors);
  }

  private static Graph<String, DefaultEdge> projection(Map<String, Set<String>> collaborationsOf) {
    Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    Map<String, List<String>> members = new java.util.TreeMap<>();
    collaborationsOf.forEach(
        (actor, collaborations) -> {
          if (!collaborations.isEmpty()) {
            graph.addVertex(actor);
          }
          collaborations.forEach(
              c -> members.computeIfAbsent(c, x -> new ArrayList<>()).add(actor));
        });
    members
        .values()
        .forEach(
            list -> {
              for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                  graph.addEdge(list.get(i), list.get(j));
                }
              }
            });
    return graph;
  }
}
