package eu.netmap.planner;

import eu.netmap.analytics.AnalyticsService;
import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.SnapshotNode;
import eu.netmap.analytics.View;
import eu.netmap.exchange.ExportService;
import eu.netmap.importer.GraphModel;
import eu.netmap.importer.nuts.NutsRegions;
import eu.netmap.system.BadRequestException;
import eu.netmap.system.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Service;

/**
 * Ranks partner regions for a region on the {@link RegionUnits} of the regions view.
 *
 * <p>Partners are ranked at one level: as regions (places such as Palermo count as part of their
 * region, Sicilia) or, when a country is planned for, as countries; {@code fold=false} ranks every
 * region and place on its own. A candidate is any other unit that is neither part of the region nor
 * contains it. Its score adds up, each part with its reason:
 *
 * <ul>
 *   <li>1 per member of the region's networks and projects located there (the region's own members
 *       excluded) — "3 members of your networks and projects are there: …";
 *   <li>with a theme: 3 per collaboration of the candidate on the theme — "works on … in …" — and
 *       the whole score halved for candidates with none; without a theme: 0.5 per theme both
 *       address (through their collaborations);
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

  private static final Pattern NUTS_CODE = Pattern.compile("(?i)[a-z]{2}[0-9a-z]{0,3}");

  private static final String SOURCES =
      """
      MATCH (n) WHERE n.id IN $ids
      UNWIND coalesce(n.sources, []) AS sid
      MATCH (s:Source {id: sid})
      RETURN DISTINCT s.id AS id, s.title AS title, s.publisher AS publisher,
             toString(s.date) AS date
      ORDER BY id
      """;

  private record CachedIndex(long version, RegionIndex index) {}

  private record CachedDataVersion(long version, String hash) {}

  /** The region planned for, as found. */
  private record Target(String id, String name, String nuts, String level, List<Message> notes) {}

  private final AnalyticsService analytics;
  private final Driver driver;
  private final ExportService exports;
  private volatile CachedIndex cachedIndex;
  private volatile CachedDataVersion cachedDataVersion;

  PlannerService(AnalyticsService analytics, Driver driver, ExportService exports) {
    this.analytics = analytics;
    this.driver = driver;
    this.exports = exports;
  }

  /** The exports' data version (a hash of the stored graph), computed once per version. */
  private String dataVersion(Snapshot snapshot) {
    CachedDataVersion cached = cachedDataVersion;
    if (cached == null || cached.version() != snapshot.version()) {
      cached = new CachedDataVersion(snapshot.version(), exports.dataVersion());
      cachedDataVersion = cached;
    }
    return cached.hash();
  }

  /** The stored regions at the snapshot's data version, read once per version. */
  RegionIndex index(Snapshot snapshot) {
    CachedIndex cached = cachedIndex;
    if (cached == null || cached.version() != snapshot.version()) {
      cached = new CachedIndex(snapshot.version(), RegionIndex.read(driver));
      cachedIndex = cached;
    }
    return cached.index();
  }

  /**
   * Partner regions for a region.
   *
   * @param regionKey an id ({@code toscana}, {@code nuts-iti1}), a NUTS 2021 or 2016 code or a name
   * @param themeId a theme id, or null
   * @param limit how many partners at most
   * @param text the language of the reasons
   * @param fold true to rank at one level (regions or countries), false for every region and place
   */
  Plan plan(String regionKey, String themeId, int limit, PlanText text, boolean fold) {
    Snapshot snapshot = analytics.snapshot();
    RegionIndex index = index(snapshot);
    Target target = resolve(snapshot, index, regionKey, text);
    SnapshotNode theme = null;
    if (themeId != null) {
      theme = snapshot.node(themeId);
      if (theme == null || !GraphModel.THEME.equals(theme.label())) {
        throw new BadRequestException(
            "theme", "Unknown theme '" + themeId + "'", themeIds(snapshot));
      }
    }
    RegionUnits.Level level =
        !fold
            ? RegionUnits.Level.ALL
            : "country".equals(target.level())
                ? RegionUnits.Level.COUNTRIES
                : RegionUnits.Level.REGIONS;
    RegionUnits units = RegionUnits.build(snapshot, index, level, target.id(), c -> true);
    Names names = new Names(snapshot, index);

    List<Message> notes = new ArrayList<>(target.notes());
    RegionUnits.Unit region = units.unit(target.id());
    boolean referenceNoted = notes.stream().anyMatch(n -> "reference".equals(n.code()));
    if (region == null && RegionIndex.isReference(target.id()) && !referenceNoted) {
      notes.add(
          text.note(
              "reference",
              params("region", new Message.Ref(target.id(), target.name())),
              target.name()));
    }
    if (region == null || units.degree(region.id()) == 0) {
      notes.add(text.note("no-ties", Map.of()));
    }
    notes.add(text.message("level", "note.level." + level.key(), Map.of("level", level.key())));

    List<Plan.Partner> partners =
        region == null
            ? List.of()
            : rank(snapshot, units, region, theme, text, names).stream().limit(limit).toList();
    List<Plan.Gap> gaps = gaps(snapshot, units, region, text, names);

    Set<String> named = new TreeSet<>();
    if (region != null) {
      named.addAll(region.collaborations());
    }
    partners.forEach(p -> named.addAll(units.unit(p.id()).collaborations()));
    gaps.stream().filter(g -> "network".equals(g.kind())).forEach(g -> named.add(g.id()));
    return new Plan(
        new Plan.RegionRef(target.id(), target.name(), target.nuts(), target.level()),
        theme == null ? null : new Plan.ThemeRef(theme.id(), theme.name(), theme.nameEn()),
        text.lang(),
        level.key(),
        dataVersion(snapshot),
        List.copyOf(notes),
        partners,
        gaps,
        sources(named));
  }

  private List<Plan.Partner> rank(
      Snapshot snapshot,
      RegionUnits units,
      RegionUnits.Unit region,
      SnapshotNode theme,
      PlanText text,
      Names names) {
    Set<String> mine = region.collaborations();
    Set<String> myActors = region.actors();
    Set<String> myPartners = new TreeSet<>(units.partners(region.id()));
    Set<String> myThemes = themesOf(snapshot, mine);

    List<Plan.Partner> partners = new ArrayList<>();
    for (RegionUnits.Unit candidate : units.units().values()) {
      if (candidate.id().equals(region.id()) || units.related(region.id(), candidate.id())) {
        continue;
      }
      double score = 0;
      boolean offTheme = false;
      List<Message> reasons = new ArrayList<>();
      Map<String, Set<String>> carriers = candidate.carriers();

      Set<String> members = new TreeSet<>();
      mine.forEach(c -> members.addAll(carriers.getOrDefault(c, Set.of())));
      members.removeAll(myActors);
      if (!members.isEmpty()) {
        score += PER_MEMBER * members.size();
        reasons.add(
            text.reason(
                "members",
                params("count", members.size(), "members", names.refs(members)),
                members.size(),
                text.list(names.of(members))));
      }

      if (theme != null) {
        List<String> onTheme = new ArrayList<>();
        for (String collaboration : candidate.collaborations()) {
          if (snapshot.node(collaboration).themes().contains(theme.id())) {
            onTheme.add(collaboration);
          }
        }
        if (!onTheme.isEmpty()) {
          score += PER_THEME_COLLABORATION * onTheme.size();
          reasons.add(
              text.reason(
                  "theme-work",
                  params("theme", names.ref(theme.id()), "collaborations", names.refs(onTheme)),
                  text.themeName(theme),
                  text.list(names.of(onTheme))));
        } else {
          offTheme = true;
        }
      } else {
        Set<String> shared = themesOf(snapshot, candidate.collaborations());
        shared.retainAll(myThemes);
        if (!shared.isEmpty()) {
          score += PER_SHARED_THEME * shared.size();
          List<String> themeNames =
              shared.stream().map(t -> text.themeName(snapshot.node(t))).sorted().toList();
          reasons.add(
              text.reason(
                  "shared-themes",
                  params("count", shared.size(), "themes", names.refs(shared)),
                  shared.size(),
                  String.join(", ", themeNames)));
        }
      }

      List<String> via = units.ties(region.id()).get(candidate.id());
      Set<String> common = new TreeSet<>(units.partners(candidate.id()));
      common.retainAll(myPartners);
      common.removeIf(c -> units.related(c, region.id()) || units.related(c, candidate.id()));
      if (via == null) {
        if (!common.isEmpty()) {
          score += PER_SHARED_PARTNER * common.size() + NEW_TIE_BONUS;
          reasons.add(
              text.reason(
                  "new-tie",
                  params("count", common.size(), "partners", names.refs(common)),
                  common.size(),
                  text.list(names.of(common))));
        }
      } else {
        score += PER_SHARED_PARTNER * common.size();
        reasons.add(
            text.reason(
                "tied",
                params("collaborations", names.refs(via), "sharedPartners", common.size()),
                text.list(names.of(via)),
                common.size()));
      }
      if (offTheme && score > 0) {
        score *= OFF_THEME_FACTOR;
        reasons.add(
            text.reason(
                "off-theme", params("theme", names.ref(theme.id())), text.themeName(theme)));
      }
      if (score > 0) {
        if (!candidate.folded().isEmpty()) {
          reasons.add(
              text.reason(
                  "includes-places",
                  params("places", names.refs(candidate.folded())),
                  candidate.folded().size(),
                  text.list(names.of(candidate.folded()))));
        }
        if (candidate.below() > 0) {
          reasons.add(
              text.reason("national-only", params("below", candidate.below()), candidate.below()));
        }
        partners.add(
            new Plan.Partner(
                candidate.id(),
                names.name(candidate.id()),
                names.nuts(candidate.id()),
                score,
                via != null,
                names.refs(candidate.folded()),
                List.copyOf(reasons)));
      }
    }
    partners.sort(
        Comparator.comparingDouble((Plan.Partner p) -> -p.score())
            .thenComparing(p -> -units.degree(p.id()))
            .thenComparing(Plan.Partner::name));
    return partners;
  }

  /** Themes with no partner, networks of its partners it is not in, single-organisation ties. */
  private static List<Plan.Gap> gaps(
      Snapshot snapshot, RegionUnits units, RegionUnits.Unit region, PlanText text, Names names) {
    List<Plan.Gap> gaps = new ArrayList<>();
    Set<String> mine = region == null ? Set.of() : region.collaborations();
    Map<String, List<String>> myTies = region == null ? Map.of() : units.ties(region.id());
    List<String> partners = new ArrayList<>(myTies.keySet());
    partners.sort(Comparator.comparing(names::name));

    // themes: addressed by some collaboration between regions, none shared with a partner of ours
    Set<String> covered = new TreeSet<>();
    myTies.values().forEach(via -> covered.addAll(themesOf(snapshot, via)));
    Set<String> tiedThemes = themesOf(snapshot, units.tiedCollaborations());
    tiedThemes.removeAll(covered);
    tiedThemes.stream()
        .map(snapshot::node)
        .sorted(Comparator.comparing(text::themeName))
        .forEach(
            t ->
                gaps.add(
                    new Plan.Gap(
                        "theme",
                        t.id(),
                        t.name(),
                        text.format("gap.theme", text.themeName(t)),
                        params("theme", names.ref(t.id())))));

    // networks its partners are in and it is not
    Map<String, List<String>> networks = new TreeMap<>();
    for (String partner : partners) {
      for (String c : units.unit(partner).collaborations()) {
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
                    names.name(network),
                    text.format(
                        "gap.network", names.name(network), in.size(), text.list(names.of(in))),
                    params("network", names.ref(network), "partners", names.refs(in)))));

    // ties that rest on one organisation, on either side
    for (String partner : partners) {
      List<String> via = myTies.get(partner);
      Set<String> ours = carriersOf(region, via);
      Set<String> theirs = carriersOf(units.unit(partner), via);
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
                names.name(partner),
                text.format(
                    "gap.single-organisation",
                    names.name(partner),
                    names.name(single),
                    text.list(names.of(via))),
                params(
                    "partner",
                    names.ref(partner),
                    "organisation",
                    names.ref(single),
                    "collaborations",
                    names.refs(via))));
      }
    }
    return List.copyOf(gaps);
  }

  /**
   * The regions of the regions view for the map, optionally of one programme period.
   *
   * @param via how many collaborations each tie lists at most (its weight counts them all)
   * @param listed how many collaborations each region lists at most (its count has them all)
   */
  RegionMap map(String period, int via, int listed) {
    if (period != null && !PERIODS.contains(period)) {
      throw new BadRequestException("period", "Unknown period '" + period + "'", PERIODS);
    }
    Snapshot snapshot = analytics.snapshot();
    RegionIndex index = index(snapshot);
    Predicate<String> inPeriod = c -> period == null || period.equals(snapshot.node(c).period());
    RegionUnits units = RegionUnits.build(snapshot, index, RegionUnits.Level.ALL, null, inPeriod);
    Names names = new Names(snapshot, index);
    List<RegionMap.Region> regions = new ArrayList<>();
    List<RegionMap.Link> ties = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (RegionUnits.Unit unit : units.units().values()) {
      for (RegionUnits.Tie tie : units.ties(unit.id(), via, true)) {
        ties.add(
            new RegionMap.Link(unit.id(), tie.partner(), tie.weight(), List.copyOf(tie.via())));
        used.addAll(tie.via());
      }
    }
    for (RegionUnits.Unit unit : units.units().values()) {
      double strength = 0;
      for (int weight : units.weights(unit.id())) {
        strength += weight;
      }
      List<String> collaborations = unit.collaborations().stream().limit(listed).toList();
      used.addAll(collaborations);
      regions.add(
          new RegionMap.Region(
              unit.id(),
              names.name(unit.id()),
              names.nuts(unit.id()),
              units.degree(unit.id()),
              strength,
              unit.collaborations().size(),
              collaborations));
    }
    List<RegionMap.Collaboration> collaborations = new ArrayList<>();
    for (String id : used) {
      SnapshotNode node = snapshot.node(id);
      collaborations.add(new RegionMap.Collaboration(id, node.label(), node.name(), node.period()));
    }
    return new RegionMap(period, regions, ties, collaborations);
  }

  /** Every theme with how many networks, projects, organisations and regions work on it. */
  List<ThemeInfo> themes() {
    Snapshot snapshot = analytics.snapshot();
    RegionUnits units =
        RegionUnits.build(snapshot, index(snapshot), RegionUnits.Level.ALL, null, c -> true);
    Map<String, int[]> counts = new TreeMap<>();
    for (SnapshotNode node : snapshot.nodes().values()) {
      if (GraphModel.THEME.equals(node.label())) {
        counts.put(node.id(), new int[4]);
      }
    }
    for (SnapshotNode node : snapshot.nodes().values()) {
      int slot =
          GraphModel.NETWORK.equals(node.label())
              ? 0
              : GraphModel.PROJECT.equals(node.label()) ? 1 : -1;
      if (slot >= 0) {
        node.themes().stream().filter(counts::containsKey).forEach(t -> counts.get(t)[slot]++);
      }
    }
    snapshot
        .collaborationsOf(View.ACTORS)
        .forEach(
            (actor, collaborations) -> {
              if (GraphModel.ORGANISATION.equals(snapshot.node(actor).label())) {
                themesOf(snapshot, collaborations).stream()
                    .filter(counts::containsKey)
                    .forEach(t -> counts.get(t)[2]++);
              }
            });
    for (RegionUnits.Unit unit : units.units().values()) {
      themesOf(snapshot, unit.collaborations()).stream()
          .filter(counts::containsKey)
          .forEach(t -> counts.get(t)[3]++);
    }
    List<ThemeInfo> themes = new ArrayList<>();
    counts.forEach(
        (id, n) -> {
          SnapshotNode theme = snapshot.node(id);
          themes.add(
              new ThemeInfo(
                  id, theme.name(), theme.nameEn(), new ThemeInfo.Counts(n[0], n[1], n[2], n[3])));
        });
    return themes;
  }

  /** A region by id, NUTS code (2021, or 2016 where it changed), or name. */
  private Target resolve(Snapshot snapshot, RegionIndex index, String key, PlanText text) {
    String trimmed = key == null ? "" : key.strip();
    if (trimmed.isEmpty()) {
      throw new BadRequestException("region", "Give a region id, NUTS code or name");
    }
    SnapshotNode node = snapshot.node(trimmed);
    if (node != null && !GraphModel.REGION.equals(node.label())) {
      throw new BadRequestException(
          "region", "'" + trimmed + "' is a " + node.label() + ", not a region");
    }
    List<Message> notes = new ArrayList<>();
    if (index.get(trimmed) != null) {
      String id = index.canonical(trimmed);
      if (!id.equals(trimmed)) {
        String name = index.get(id).name();
        notes.add(
            text.note(
                "same-place",
                params("asked", trimmed, "region", new Message.Ref(id, name)),
                trimmed,
                name));
      }
      return stored(index, id, notes);
    }
    String code =
        trimmed.toLowerCase(Locale.ROOT).startsWith("nuts-") ? trimmed.substring(5) : trimmed;
    if (NUTS_CODE.matcher(code).matches()) {
      Target found = byCode(snapshot, index, code, text, notes);
      if (found != null) {
        return found;
      }
    }
    List<String> named = index.named(trimmed);
    if (!named.isEmpty()) {
      return stored(index, best(snapshot, index, named), notes);
    }
    List<NutsRegions.Region> listed = NutsRegions.bundled().byName(trimmed, null);
    if (!listed.isEmpty()) {
      return byCode(snapshot, index, listed.get(0).code(), text, notes);
    }
    throw new NotFoundException("No region with id, NUTS code or name '" + trimmed + "'");
  }

  private static Target byCode(
      Snapshot snapshot, RegionIndex index, String code, PlanText text, List<Message> notes) {
    List<String> ids = index.withCode(code);
    if (!ids.isEmpty()) {
      return stored(index, best(snapshot, index, ids), notes);
    }
    NutsRegions.Resolved resolved = NutsRegions.bundled().resolve(code);
    if (resolved == null) {
      return null;
    }
    NutsRegions.Region region = resolved.region();
    if (resolved.note() != null) {
      String old = code.strip().toUpperCase(Locale.ROOT);
      notes.add(
          text.note(
              "nuts-2016", params("code", old, "nuts2021", region.code()), old, region.code()));
      ids = index.withCode(region.code());
      if (!ids.isEmpty()) {
        return stored(index, best(snapshot, index, ids), notes);
      }
    }
    notes.add(
        text.note(
            "reference",
            params("region", new Message.Ref(region.id(), region.name())),
            region.name()));
    return new Target(region.id(), region.name(), region.code(), region.levelName(), notes);
  }

  private static Target stored(RegionIndex index, String id, List<Message> notes) {
    RegionIndex.Info info = index.get(id);
    return new Target(id, info.name(), info.nuts(), index.level(id), List.copyOf(notes));
  }

  /** Of regions matching a key: their curated twins, the one in most collaborations first. */
  private static String best(Snapshot snapshot, RegionIndex index, Collection<String> ids) {
    Map<String, Set<String>> collaborations = snapshot.collaborationsOf(View.REGIONS);
    return ids.stream()
        .map(index::canonical)
        .distinct()
        .min(
            Comparator.comparingInt(
                    (String id) -> -collaborations.getOrDefault(id, Set.of()).size())
                .thenComparing(RegionIndex::isReference)
                .thenComparing(id -> id))
        .orElseThrow();
  }

  private List<Plan.SourceRef> sources(Set<String> ids) {
    List<Plan.SourceRef> sources = new ArrayList<>();
    if (ids.isEmpty()) {
      return sources;
    }
    try (Session session = driver.session()) {
      session.executeRead(
          tx -> {
            tx.run(SOURCES, Map.of("ids", List.copyOf(ids)))
                .forEachRemaining(
                    r ->
                        sources.add(
                            new Plan.SourceRef(
                                r.get("id").asString(),
                                r.get("title").asString(null),
                                r.get("publisher").asString(null),
                                r.get("date").asString(null))));
            return null;
          });
    }
    return List.copyOf(sources);
  }

  private static Set<String> themesOf(Snapshot snapshot, Collection<String> collaborations) {
    Set<String> themes = new TreeSet<>();
    collaborations.forEach(c -> themes.addAll(snapshot.node(c).themes()));
    return themes;
  }

  private static Set<String> carriersOf(RegionUnits.Unit unit, List<String> via) {
    Set<String> carriers = new TreeSet<>();
    via.forEach(c -> carriers.addAll(unit.carriers().getOrDefault(c, Set.of())));
    return carriers;
  }

  private static boolean isOrganisation(Snapshot snapshot, String id) {
    return GraphModel.ORGANISATION.equals(snapshot.node(id).label());
  }

  private static List<String> themeIds(Snapshot snapshot) {
    return snapshot.nodes().values().stream()
        .filter(n -> GraphModel.THEME.equals(n.label()))
        .map(SnapshotNode::id)
        .sorted()
        .toList();
  }

  /** Parameters of a message, in the order given. */
  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      params.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return params;
  }

  /** Names and NUTS codes of nodes, from the snapshot or else the stored regions. */
  private record Names(Snapshot snapshot, RegionIndex index) {

    String name(String id) {
      SnapshotNode node = snapshot.node(id);
      if (node != null && node.name() != null) {
        return node.name();
      }
      RegionIndex.Info info = index.get(id);
      return info == null || info.name() == null ? id : info.name();
    }

    String nuts(String id) {
      RegionIndex.Info info = index.get(id);
      return info == null ? null : info.nuts();
    }

    List<String> of(Collection<String> ids) {
      return ids.stream().map(this::name).toList();
    }

    Message.Ref ref(String id) {
      return new Message.Ref(id, name(id));
    }

    List<Message.Ref> refs(Collection<String> ids) {
      List<Message.Ref> refs = new ArrayList<>(ids.stream().map(this::ref).toList());
      refs.sort(Comparator.comparing(Message.Ref::name));
      return List.copyOf(refs);
    }
  }
}
