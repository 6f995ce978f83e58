package eu.netmap.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import eu.netmap.analytics.AnalyticsService.NodeRef;
import eu.netmap.graph.GraphJson;
import eu.netmap.graph.GraphLink;
import eu.netmap.graph.GraphNode;
import eu.netmap.importer.GraphModel;
import eu.netmap.system.BadRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hubs, brokers, gaps, communities and partner suggestions on the analytics views. */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

  static final String VIEW_DEFAULT = "actors";
  static final int HUBS_LIMIT_DEFAULT = 20;
  static final int LIST_LIMIT_DEFAULT = 100;
  static final int LIST_LIMIT_MAX = 10_000;
  static final int SUGGESTIONS_LIMIT_DEFAULT = 10;
  static final int MEMBERS_MAX = 200;
  static final int GRAPH_LIMIT_DEFAULT = 5_000;
  static final int GRAPH_LIMIT_MAX = 100_000;

  private final AnalyticsService analytics;
  private final AnalyticsJobs jobs;

  AnalyticsController(AnalyticsService analytics, AnalyticsJobs jobs) {
    this.analytics = analytics;
    this.jobs = jobs;
  }

  /**
   * Runs a request's work in the background and waits for it at most {@code wait} ms (capped by
   * {@code netmap.analytics.max-wait}); longer work is answered with 202 and its progress, and
   * keeps running so that the same request finds it in the cache later.
   */
  private <T> T background(Long wait, String task, java.util.function.Supplier<T> work) {
    if (wait != null && wait < 0) {
      throw new BadRequestException(
          "wait", "wait must be a number of milliseconds ≥ 0 (it is " + wait + ")");
    }
    // the data version is part of the key: a finished answer is never served after a write
    return jobs.await(
        task + " @" + analytics.dataVersion(),
        task,
        wait == null ? null : java.time.Duration.ofMillis(wait),
        work);
  }

  record Hub(String id, String label, String name, double score, int rank) {}

  record Hubs(
      String view,
      String metric,
      boolean exact,
      Double expectedError,
      String order,
      int total,
      List<Hub> items) {}

  /** The nodes that score highest on a metric (lowest for constraint), ranked. */
  @GetMapping("/hubs")
  Hubs hubs(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "degree") String metric,
      @RequestParam(defaultValue = "" + HUBS_LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) Long wait) {
    return background(
        wait,
        "hubs " + "view=" + view + " " + "metric=" + metric + " " + "limit=" + limit,
        () -> hubsNow(view, metric, limit));
  }

  private Hubs hubsNow(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "degree") String metric,
      @RequestParam(defaultValue = "" + HUBS_LIMIT_DEFAULT) int limit) {
    View v = View.parse(view);
    Metric m = Metric.parse(metric);
    BadRequestException.checkRange("limit", limit, 1, LIST_LIMIT_MAX);
    AnalyticsService.Scores scores = analytics.measure(v, m);
    Snapshot snapshot = analytics.snapshot();
    List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.values().entrySet());
    Comparator<Map.Entry<String, Double>> byScore = Map.Entry.comparingByValue();
    if (m.higherIsCentral()) {
      byScore = byScore.reversed();
    }
    entries.sort(byScore.thenComparing(e -> AnalyticsService.name(snapshot, e.getKey())));
    List<Hub> items = new ArrayList<>();
    int rank = 0;
    Double previous = null;
    for (int i = 0; i < entries.size() && items.size() < limit; i++) {
      Map.Entry<String, Double> entry = entries.get(i);
      if (!entry.getValue().equals(previous)) {
        rank = i + 1;
        previous = entry.getValue();
      }
      NodeRef ref = AnalyticsService.ref(snapshot, entry.getKey());
      items.add(new Hub(ref.id(), ref.label(), ref.name(), entry.getValue(), rank));
    }
    return new Hubs(
        v.key(),
        m.key(),
        scores.exact(),
        scores.expectedError(),
        m.higherIsCentral() ? "descending" : "ascending",
        entries.size(),
        items);
  }

  record ScoreMap(
      String view,
      String metric,
      boolean exact,
      Double expectedError,
      Map<String, Double> scores) {}

  /** Every node's score on a metric, to colour or size a drawing by it. */
  @GetMapping("/scores")
  ScoreMap scores(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "degree") String metric,
      @RequestParam(required = false) Long wait) {
    return background(
        wait, "scores " + "view=" + view + " " + "metric=" + metric, () -> scoresNow(view, metric));
  }

  private ScoreMap scoresNow(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "degree") String metric) {
    AnalyticsService.Scores scores = analytics.measure(View.parse(view), Metric.parse(metric));
    return new ScoreMap(
        scores.view().key(),
        scores.metric().key(),
        scores.exact(),
        scores.expectedError(),
        scores.values());
  }

  record Group(String community, String label, List<NodeRef> members) {}

  record Broker(
      String id,
      String label,
      String name,
      int rank,
      double constraint,
      double effectiveSize,
      double betweenness,
      List<Group> groups) {}

  record Brokers(String view, boolean exact, Double expectedError, int total, List<Broker> items) {}

  /**
   * Actors spanning structural holes: on some shortest path between others (betweenness above 0),
   * least constrained first, each with the communities its neighbours belong to.
   */
  @GetMapping("/brokers")
  Brokers brokers(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "" + HUBS_LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) Long wait) {
    return background(
        wait, "brokers " + "view=" + view + " " + "limit=" + limit, () -> brokersNow(view, limit));
  }

  private Brokers brokersNow(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "" + HUBS_LIMIT_DEFAULT) int limit) {
    View v = View.parse(view);
    BadRequestException.checkRange("limit", limit, 1, LIST_LIMIT_MAX);
    Snapshot snapshot = analytics.snapshot();
    Map<String, Double> constraint = analytics.scores(v, Metric.CONSTRAINT);
    Map<String, Double> effectiveSize = analytics.scores(v, Metric.EFFECTIVE_SIZE);
    AnalyticsService.Scores betweenness = analytics.measure(v, Metric.BETWEENNESS);
    boolean hasActors =
        snapshot.graph(v).vertexSet().stream()
            .anyMatch(id -> GraphModel.ACTORS.contains(snapshot.node(id).label()));
    List<String> ids = new ArrayList<>();
    betweenness
        .values()
        .forEach(
            (id, score) -> {
              if (score > 0
                  && constraint.containsKey(id)
                  && (!hasActors || GraphModel.ACTORS.contains(snapshot.node(id).label()))) {
                ids.add(id);
              }
            });
    ids.sort(
        Comparator.comparingDouble((String id) -> constraint.get(id))
            .thenComparing(id -> -betweenness.values().get(id))
            .thenComparing(id -> AnalyticsService.name(snapshot, id)));
    Map<String, String> communityLabels = new LinkedHashMap<>();
    analytics.communities(v).communities().forEach(c -> communityLabels.put(c.id(), c.label()));
    List<Broker> items = new ArrayList<>();
    for (int i = 0; i < ids.size() && i < limit; i++) {
      String id = ids.get(i);
      List<Group> groups = new ArrayList<>();
      analytics
          .neighbourGroups(v, id)
          .forEach(
              (community, members) ->
                  groups.add(
                      new Group(
                          community,
                          communityLabels.get(community),
                          members.stream().map(m -> AnalyticsService.ref(snapshot, m)).toList())));
      NodeRef ref = AnalyticsService.ref(snapshot, id);
      items.add(
          new Broker(
              id,
              ref.label(),
              ref.name(),
              i + 1,
              constraint.get(id),
              effectiveSize.get(id),
              betweenness.values().get(id),
              groups));
    }
    return new Brokers(
        v.key(), betweenness.exact(), betweenness.expectedError(), ids.size(), items);
  }

  record Component(int size, List<NodeRef> members, boolean truncated) {}

  record Cutpoint(String id, String label, String name, int splitsInto) {}

  record Bridge(NodeRef source, NodeRef target, double weight, List<String> via) {}

  record WeakTie(String id, String label, String name, int ties, List<String> via) {}

  record DataGap(String id, String label, String name, long declared, int mapped) {}

  record Fact(String source, String type, String target) {}

  record Unsourced(List<NodeRef> nodes, List<Fact> relationships, int total, boolean truncated) {}

  record Gaps(
      String view,
      int componentCount,
      List<Component> components,
      List<Cutpoint> cutpoints,
      List<Bridge> bridges,
      List<NodeRef> isolated,
      List<WeakTie> weaklyTied,
      List<DataGap> dataGaps,
      Unsourced unsourced) {}

  /**
   * Where the network would break or is thin: components, cut vertices, bridges, isolated and
   * weakly tied nodes; and where the data is thin: declared vs mapped members, facts without a
   * source.
   */
  @GetMapping("/gaps")
  Gaps gaps(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "" + LIST_LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) Long wait) {
    return background(
        wait, "gaps " + "view=" + view + " " + "limit=" + limit, () -> gapsNow(view, limit));
  }

  private Gaps gapsNow(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "" + LIST_LIMIT_DEFAULT) int limit) {
    View v = View.parse(view);
    BadRequestException.checkRange("limit", limit, 1, LIST_LIMIT_MAX);
    Snapshot snapshot = analytics.snapshot();
    Graph<String, Tie> graph = snapshot.graph(v);

    List<List<String>> all = analytics.components(v);
    List<Component> components = new ArrayList<>();
    for (List<String> members : all.subList(0, Math.min(limit, all.size()))) {
      if (members.size() == 1 && graph.degreeOf(members.get(0)) == 0) {
        continue; // listed under isolated
      }
      List<String> sorted = new ArrayList<>(members);
      sorted.sort(Comparator.comparing(id -> AnalyticsService.name(snapshot, id)));
      components.add(
          new Component(
              members.size(),
              sorted.stream()
                  .limit(MEMBERS_MAX)
                  .map(id -> AnalyticsService.ref(snapshot, id))
                  .toList(),
              members.size() > MEMBERS_MAX));
    }

    Biconnectivity<String> biconnectivity = analytics.biconnectivity(v);
    List<Cutpoint> cutpoints = new ArrayList<>();
    biconnectivity
        .cutpoints()
        .forEach(
            (id, pieces) -> {
              NodeRef ref = AnalyticsService.ref(snapshot, id);
              cutpoints.add(new Cutpoint(id, ref.label(), ref.name(), pieces));
            });
    cutpoints.sort(
        Comparator.comparingInt((Cutpoint c) -> -c.splitsInto()).thenComparing(Cutpoint::name));

    List<Bridge> bridges = new ArrayList<>();
    for (Biconnectivity.Bridge<String> bridge : biconnectivity.bridges()) {
      Tie tie = graph.getEdge(bridge.source(), bridge.target());
      NodeRef a = AnalyticsService.ref(snapshot, bridge.source());
      NodeRef b = AnalyticsService.ref(snapshot, bridge.target());
      if (a.id().compareTo(b.id()) > 0) {
        NodeRef t = a;
        a = b;
        b = t;
      }
      bridges.add(new Bridge(a, b, graph.getEdgeWeight(tie), tie.via()));
    }
    bridges.sort(
        Comparator.comparing((Bridge b) -> b.source().id()).thenComparing(b -> b.target().id()));

    List<NodeRef> isolated = new ArrayList<>();
    List<WeakTie> weaklyTied = new ArrayList<>();
    for (String id : graph.vertexSet()) {
      int degree = graph.degreeOf(id);
      if (degree == 0) {
        isolated.add(AnalyticsService.ref(snapshot, id));
        continue;
      }
      Set<String> via = new TreeSet<>();
      graph.edgesOf(id).forEach(t -> via.addAll(t.via()));
      if (degree == 1 || (v.weighted() && via.size() == 1)) {
        NodeRef ref = AnalyticsService.ref(snapshot, id);
        weaklyTied.add(new WeakTie(id, ref.label(), ref.name(), degree, List.copyOf(via)));
      }
    }
    isolated.sort(Comparator.comparing(NodeRef::name));
    weaklyTied.sort(Comparator.comparingInt(WeakTie::ties).thenComparing(WeakTie::name));

    List<DataGap> dataGaps = new ArrayList<>();
    List<NodeRef> unsourcedNodes = new ArrayList<>();
    for (SnapshotNode node : snapshot.nodes().values()) {
      if (node.declared() != null && node.declared() > snapshot.mapped(node.id())) {
        dataGaps.add(
            new DataGap(
                node.id(), node.label(), node.name(), node.declared(), snapshot.mapped(node.id())));
      }
      if (!node.sourced() && !GraphModel.SOURCE.equals(node.label())) {
        unsourcedNodes.add(AnalyticsService.ref(snapshot, node.id()));
      }
    }
    dataGaps.sort(
        Comparator.comparingLong((DataGap g) -> -(g.declared() - g.mapped()))
            .thenComparing(DataGap::name));
    List<Snapshot.Fact> unsourcedFacts = snapshot.unsourcedRelationships();
    int total = unsourcedNodes.size() + unsourcedFacts.size();
    Unsourced unsourced =
        new Unsourced(
            cap(unsourcedNodes, limit),
            cap(unsourcedFacts, limit).stream()
                .map(f -> new Fact(f.source(), f.type(), f.target()))
                .toList(),
            total,
            unsourcedNodes.size() > limit || unsourcedFacts.size() > limit);

    return new Gaps(
        v.key(),
        all.size(),
        components,
        cap(cutpoints, limit),
        cap(bridges, limit),
        cap(isolated, limit),
        cap(weaklyTied, limit),
        cap(dataGaps, limit),
        unsourced);
  }

  private static <T> List<T> cap(List<T> list, int limit) {
    return list.size() > limit ? List.copyOf(list.subList(0, limit)) : list;
  }

  record CommunityJson(
      String id, int size, String label, NodeRef theme, List<NodeRef> members, boolean truncated) {}

  record CommunitiesJson(
      String view,
      String algorithm,
      double modularity,
      int total,
      List<CommunityJson> communities) {}

  /** Communities by Louvain (default) or label propagation, with the partition's modularity. */
  @GetMapping("/communities")
  CommunitiesJson communities(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "louvain") String algorithm,
      @RequestParam(defaultValue = "" + LIST_LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) Long wait) {
    return background(
        wait,
        "communities " + "view=" + view + " " + "algorithm=" + algorithm + " " + "limit=" + limit,
        () -> communitiesNow(view, algorithm, limit));
  }

  private CommunitiesJson communitiesNow(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "louvain") String algorithm,
      @RequestParam(defaultValue = "" + LIST_LIMIT_DEFAULT) int limit) {
    View v = View.parse(view);
    CommunityAlgorithm a = CommunityAlgorithm.parse(algorithm);
    BadRequestException.checkRange("limit", limit, 1, LIST_LIMIT_MAX);
    AnalyticsService.Communities result = analytics.communities(v, a);
    List<CommunityJson> communities =
        cap(result.communities(), limit).stream()
            .map(
                c ->
                    new CommunityJson(
                        c.id(),
                        c.size(),
                        c.label(),
                        c.theme(),
                        cap(c.members(), MEMBERS_MAX),
                        c.size() > MEMBERS_MAX))
            .toList();
    return new CommunitiesJson(
        v.key(), a.key(), result.modularity(), result.communities().size(), communities);
  }

  record SuggestionsJson(
      @JsonProperty("for") NodeRef forNode,
      String view,
      String method,
      List<AnalyticsService.Suggestion> items) {}

  /**
   * Whom to invite next: organisations or regions not yet tied to {@code for}, ranked by
   * Adamic–Adar (default) or resource allocation, each with the shared partners that justify it.
   * The view defaults to regions for a region and actors otherwise.
   */
  @GetMapping("/suggestions")
  SuggestionsJson suggestions(
      @RequestParam("for") String id,
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "adamic-adar") String method,
      @RequestParam(defaultValue = "" + SUGGESTIONS_LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) Long wait) {
    return background(
        wait,
        "suggestions "
            + "id="
            + id
            + " "
            + "view="
            + view
            + " "
            + "method="
            + method
            + " "
            + "limit="
            + limit,
        () -> suggestionsNow(id, view, method, limit));
  }

  private SuggestionsJson suggestionsNow(
      @RequestParam("for") String id,
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "adamic-adar") String method,
      @RequestParam(defaultValue = "" + SUGGESTIONS_LIMIT_DEFAULT) int limit) {
    LinkMethod m = LinkMethod.parse(method);
    BadRequestException.checkRange("limit", limit, 1, LIST_LIMIT_MAX);
    View v;
    if (view != null) {
      v = View.parse(view);
    } else {
      SnapshotNode node = analytics.snapshot().node(id);
      v = node != null && GraphModel.REGION.equals(node.label()) ? View.REGIONS : View.ACTORS;
    }
    List<AnalyticsService.Suggestion> items = analytics.suggestions(id, v, m, limit);
    return new SuggestionsJson(analytics.ref(id), v.key(), m.key(), items);
  }

  /**
   * A view as graph JSON, best-connected nodes first, capped: links of type TIE carry {@code
   * weight} and {@code via} (the collaborations behind a projected tie).
   */
  @GetMapping("/graph")
  GraphJson graph(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "" + GRAPH_LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) Long wait) {
    return background(
        wait, "graph " + "view=" + view + " " + "limit=" + limit, () -> graphNow(view, limit));
  }

  private GraphJson graphNow(
      @RequestParam(defaultValue = VIEW_DEFAULT) String view,
      @RequestParam(defaultValue = "" + GRAPH_LIMIT_DEFAULT) int limit) {
    View v = View.parse(view);
    BadRequestException.checkRange("limit", limit, 1, GRAPH_LIMIT_MAX);
    Snapshot snapshot = analytics.snapshot();
    Graph<String, Tie> graph = snapshot.graph(v);
    List<String> ids = new ArrayList<>(graph.vertexSet());
    ids.sort(Comparator.comparingInt((String id) -> -graph.degreeOf(id)).thenComparing(id -> id));
    List<String> shown = cap(ids, limit);
    Set<String> shownSet = new HashSet<>(shown);
    List<GraphNode> nodes = new ArrayList<>();
    for (String id : shown) {
      SnapshotNode node = snapshot.node(id);
      Map<String, Object> properties = new LinkedHashMap<>();
      if (node.period() != null) {
        properties.put("period", node.period());
      }
      properties.put("themes", node.themes());
      nodes.add(new GraphNode(id, node.label(), node.name(), node.nameEn(), properties));
    }
    List<GraphLink> links = new ArrayList<>();
    for (Tie tie : graph.edgeSet()) {
      String a = graph.getEdgeSource(tie);
      String b = graph.getEdgeTarget(tie);
      if (shownSet.contains(a) && shownSet.contains(b)) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("weight", graph.getEdgeWeight(tie));
        properties.put("via", tie.via());
        links.add(new GraphLink(a, b, "TIE", properties));
      }
    }
    return new GraphJson(nodes, links, ids.size(), ids.size() > shown.size());
  }

  /**
   * The regions (or actors) projection per programme period (2000-2006 … 2021-2027): members, ties,
   * what was gained and lost since the previous period, density, largest component.
   */
  @GetMapping("/timeline")
  Timeline.Result timeline(
      @RequestParam(defaultValue = "regions") String view,
      @RequestParam(required = false) Long wait) {
    View v = View.parse(view);
    return background(wait, "timeline view=" + v.key(), () -> analytics.timeline(v));
  }

  record JobJson(
      String task, String stage, long done, long total, Double progress, long elapsedMs) {
    static JobJson of(AnalyticsJobs.Job job) {
      Progress p = job.progress();
      return new JobJson(job.task(), p.stage(), p.done(), p.total(), p.fraction(), job.elapsedMs());
    }
  }

  /** The computations running in the background now, with their progress. */
  @GetMapping("/jobs")
  List<JobJson> jobs() {
    return jobs.running().stream().map(JobJson::of).toList();
  }
}
