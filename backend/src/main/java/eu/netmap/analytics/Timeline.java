package eu.netmap.analytics;

import eu.netmap.analytics.AnalyticsService.NodeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;

/**
 * A projection ({@link View#REGIONS} or {@link View#ACTORS}) per EU programme period: the members
 * of each period are the nodes taking part in at least one collaboration of that period, the ties
 * those collaborations make. Collaborations without a period are left out and counted.
 */
final class Timeline {

  /** The programme periods, oldest first. */
  static final List<String> PERIODS = List.of("2000-2006", "2007-2013", "2014-2020", "2021-2027");

  /**
   * One period.
   *
   * @param period e.g. 2007-2013
   * @param collaborations how many collaborations of the period the view holds
   * @param nodes members: nodes with at least one collaboration in the period
   * @param ties ties between members
   * @param tiesGained ties not there in the previous period (all ties for the first)
   * @param tiesLost ties of the previous period not there any more
   * @param newMembers members not there in the previous period
   * @param departedMembers members of the previous period not there any more
   * @param density ties / possible ties between the members (0 with fewer than two)
   * @param largestComponent members in the largest connected component
   */
  record Period(
      String period,
      int collaborations,
      int nodes,
      int ties,
      int tiesGained,
      int tiesLost,
      List<NodeRef> newMembers,
      List<NodeRef> departedMembers,
      double density,
      int largestComponent) {}

  /** The timeline of a view, with the collaborations left out because they have no period. */
  record Result(String view, List<Period> periods, List<NodeRef> withoutPeriod) {}

  private Timeline() {}

  static Result of(Snapshot snapshot, View view) {
    if (view != View.REGIONS && view != View.ACTORS) {
      throw new eu.netmap.system.BadRequestException(
          "view",
          "The timeline is for the projections, not '" + view.key() + "'",
          List.of(View.REGIONS.key(), View.ACTORS.key()));
    }
    Set<String> allCollaborations = new TreeSet<>();
    snapshot.collaborationsOf(view).values().forEach(allCollaborations::addAll);
    List<NodeRef> withoutPeriod = new ArrayList<>();
    for (String id : allCollaborations) {
      String period = snapshot.node(id).period();
      if (period == null || !PERIODS.contains(period)) {
        withoutPeriod.add(AnalyticsService.ref(snapshot, id));
      }
    }
    List<Period> periods = new ArrayList<>();
    Set<String> previousMembers = Set.of();
    Set<String> previousTies = Set.of();
    for (String period : PERIODS) {
      Set<String> inPeriod = new HashSet<>();
      for (String id : allCollaborations) {
        if (period.equals(snapshot.node(id).period())) {
          inPeriod.add(id);
        }
      }
      Graph<String, Tie> graph = snapshot.projection(view, inPeriod::contains);
      Set<String> members = new TreeSet<>();
      snapshot
          .collaborationsOf(view)
          .forEach(
              (node, collaborations) -> {
                if (collaborations.stream().anyMatch(inPeriod::contains)) {
                  members.add(node);
                }
              });
      Set<String> ties = new HashSet<>();
      for (Tie tie : graph.edgeSet()) {
        ties.add(pair(graph.getEdgeSource(tie), graph.getEdgeTarget(tie)));
      }
      int largest = 0;
      for (Set<String> component : new ConnectivityInspector<>(graph).connectedSets()) {
        if (members.containsAll(component)) {
          largest = Math.max(largest, component.size());
        }
      }
      int n = members.size();
      double density = n < 2 ? 0 : 2.0 * ties.size() / ((double) n * (n - 1));
      Set<String> before = previousTies;
      periods.add(
          new Period(
              period,
              inPeriod.size(),
              n,
              ties.size(),
              (int) ties.stream().filter(t -> !before.contains(t)).count(),
              (int) before.stream().filter(t -> !ties.contains(t)).count(),
              refs(snapshot, members, previousMembers),
              refs(snapshot, previousMembers, members),
              density,
              largest));
      previousMembers = members;
      previousTies = ties;
    }
    return new Result(view.key(), periods, withoutPeriod);
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  private static List<NodeRef> refs(Snapshot snapshot, Set<String> ids, Set<String> except) {
    return ids.stream()
        .filter(id -> !except.contains(id))
        .sorted(
            Comparator.comparing((String id) -> AnalyticsService.name(snapshot, id))
                .thenComparing(id -> id))
        .map(id -> AnalyticsService.ref(snapshot, id))
        .toList();
  }
}
