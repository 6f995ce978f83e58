package eu.netmap.planner;

import static org.assertj.core.api.Assertions.assertThat;

import eu.netmap.EmbeddedNeo4jTest;
import eu.netmap.analytics.AnalyticsService;
import eu.netmap.analytics.Snapshot;
import eu.netmap.analytics.SnapshotNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indexed {@link RegionUnits} builds what the build before it built ({@link
 * ReferenceRegionUnits}): the same units, the same ties with the same collaborations in the same
 * order, at every level, for every region planned for, for all collaborations and for each period;
 * on the seed and on a generated programme with twins, places and collaborations of 100 partners.
 */
class RegionUnitsTests extends EmbeddedNeo4jTest {

  private static final List<String> PERIODS = PlannerService.PERIODS;

  @Autowired AnalyticsService analytics;
  @Autowired Driver driver;

  @Test
  void shouldBuildWhatTheReferenceBuildsOnTheSeed() {
    Snapshot snapshot = analytics.snapshot();
    RegionIndex index = RegionIndex.read(driver);
    List<String> keeps = new ArrayList<>();
    keeps.add(null);
    keeps.addAll(index.withCode("ITI1")); // toscana, the seed's best-tied region
    snapshot.nodes().values().stream()
        .filter(n -> "Region".equals(n.label()))
        .map(SnapshotNode::id)
        .forEach(keeps::add);
    int compared = compareEverywhere(snapshot, index, keeps);
    assertThat(compared).isGreaterThan(300); // 3 levels × 5 selections × 20+ regions
  }

  @Test
  void shouldBuildWhatTheReferenceBuildsOnAGeneratedProgramme() {
    GeneratedRegions.Generated generated = GeneratedRegions.generate(4, 800, 300, 100, 7);
    Snapshot snapshot = generated.snapshot();
    List<String> regions =
        snapshot.nodes().values().stream()
            .filter(n -> "Region".equals(n.label()))
            .map(SnapshotNode::id)
            .sorted()
            .toList();
    List<String> keeps = new ArrayList<>();
    keeps.add(null);
    for (int i = 0; i < regions.size(); i += 23) {
      keeps.add(regions.get(i));
    }
    keeps.add("curated-aa"); // a curated country, if generated
    keeps.add("nuts-aa");
    compareEverywhere(snapshot, generated.index(), keeps);

    // it is a graph worth comparing on: many ties, twins merged, places folded, countries split
    RegionUnits all =
        RegionUnits.build(snapshot, generated.index(), RegionUnits.Level.ALL, null, c -> true);
    RegionUnits folded =
        RegionUnits.build(snapshot, generated.index(), RegionUnits.Level.REGIONS, null, c -> true);
    int ties = all.units().keySet().stream().mapToInt(all::degree).sum() / 2;
    assertThat(ties).isGreaterThan(5_000);
    assertThat(all.units().size()).isGreaterThan(folded.units().size());
    assertThat(folded.units().values()).anySatisfy(u -> assertThat(u.below()).isGreaterThan(0));
    assertThat(all.units().keySet()).anySatisfy(id -> assertThat(id).startsWith("curated-"));
  }

  /** Compares at every level, for each region kept, for all and each period's collaborations. */
  private static int compareEverywhere(Snapshot snapshot, RegionIndex index, List<String> keeps) {
    int compared = 0;
    List<String> regions =
        snapshot.nodes().values().stream()
            .filter(n -> "Region".equals(n.label()))
            .map(SnapshotNode::id)
            .toList();
    List<Predicate<String>> selections = new ArrayList<>();
    selections.add(c -> true);
    for (String period : PERIODS) {
      selections.add(c -> period.equals(snapshot.node(c).period()));
    }
    for (RegionUnits.Level level : RegionUnits.Level.values()) {
      for (String keep : keeps) {
        for (Predicate<String> selection : selections) {
          compare(
              ReferenceRegionUnits.build(snapshot, index, level, keep, selection),
              RegionUnits.build(snapshot, index, level, keep, selection),
              regions.stream().map(index::canonical).toList());
          compared++;
        }
      }
    }
    return compared;
  }

  private static void compare(
      ReferenceRegionUnits expected, RegionUnits actual, List<String> regions) {
    assertThat(List.copyOf(actual.units().keySet()))
        .isEqualTo(List.copyOf(expected.units().keySet()));
    assertThat(actual.units()).isEqualTo(expected.units());
    List<String> ids = List.copyOf(expected.units().keySet());
    Set<String> tied = new TreeSet<>();
    for (String id : ids) {
      Map<String, List<String>> ties = expected.ties(id);
      ties.values().forEach(tied::addAll);
      assertThat(actual.ties(id)).as("ties of %s", id).isEqualTo(ties);
      assertThat(List.copyOf(actual.ties(id).keySet())).isEqualTo(List.copyOf(ties.keySet()));
      assertThat(actual.partners(id)).isEqualTo(List.copyOf(ties.keySet()));
      assertThat(actual.degree(id)).isEqualTo(expected.degree(id));
      assertThat(actual.weights(id))
          .containsExactly(ties.values().stream().mapToInt(List::size).toArray());
      for (int limit : new int[] {0, 1, 3}) {
        List<RegionUnits.Tie> capped = new ArrayList<>();
        ties.forEach(
            (partner, via) ->
                capped.add(
                    new RegionUnits.Tie(
                        partner, via.size(), via.subList(0, Math.min(limit, via.size())))));
        assertThat(actual.ties(id, limit, false)).isEqualTo(capped);
        assertThat(actual.ties(id, limit, true))
            .isEqualTo(capped.stream().filter(t -> t.partner().compareTo(id) > 0).toList());
      }
      List<String> relatedDiffer =
          ids.stream().filter(o -> actual.related(id, o) != expected.related(id, o)).toList();
      assertThat(relatedDiffer).as("related to %s", id).isEmpty();
    }
    assertThat(actual.tiedCollaborations()).isEqualTo(tied);
    for (String region : regions) {
      assertThat(actual.unitOf(region)).isEqualTo(expected.unitOf(region));
    }
    assertThat(actual.ties("no-such-region")).isEmpty();
    assertThat(actual.degree("no-such-region")).isZero();
  }
}
