package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A projection bigger than the heap analytics may use is refused while it is built, with the view
 * and the budget named, instead of running the app out of memory; the other views still work.
 */
class ProjectionBudgetTests {

  /**
   * One project with {@code partners} organisations: a clique of n(n-1)/2 ties in the actors view.
   */
  private static Snapshot consortium(int partners, long budgetBytes) {
    List<Snapshot.RawNode> nodes = new ArrayList<>();
    List<Snapshot.Fact> facts = new ArrayList<>();
    nodes.add(new Snapshot.RawNode("p", "Project", "Big project", null, null, true, null));
    for (int i = 0; i < partners; i++) {
      nodes.add(new Snapshot.RawNode("o" + i, "Organisation", "Org " + i, null, null, true, null));
      facts.add(new Snapshot.Fact("o" + i, "PARTICIPATES_IN", "p", true));
    }
    return new Snapshot(1, nodes, facts, budgetBytes);
  }

  @Test
  void shouldBuildAProjectionWithinTheBudget() {
    // 400 partners: 79,800 ties, budget for 80,000
    Snapshot snapshot = consortium(400, 80_000 * Snapshot.BYTES_PER_TIE);

    assertThat(snapshot.graph(View.ACTORS).edgeSet()).hasSize(79_800);
  }

  @Test
  void shouldRefuseAProjectionOverTheBudgetWhenItIsComplete() {
    // 79,800 ties against a budget of 70,000: found at the end of the build
    Snapshot snapshot = consortium(400, 70_000 * Snapshot.BYTES_PER_TIE);

    assertThatThrownBy(() -> snapshot.graph(View.ACTORS))
        .isInstanceOfSatisfying(
            ViewTooLargeException.class,
            e -> {
              assertThat(e.view()).isEqualTo(View.ACTORS);
              assertThat(e.ties()).isEqualTo(79_800);
              assertThat(e.budgetBytes()).isEqualTo(70_000 * Snapshot.BYTES_PER_TIE);
            })
        .hasMessageContaining("actors view has more than 79,800 ties")
        .hasMessageContaining("netmap.analytics.view-heap-share");
    // the stored and two-mode views are not projections: 400 edges each
    assertThat(snapshot.graph(View.STORED).edgeSet()).hasSize(400);
    assertThat(snapshot.graph(View.TWO_MODE).edgeSet()).hasSize(400);
  }

  @Test
  void shouldStopBuildingAsSoonAsAProjectionOutgrowsTheBudget() {
    // 10,000 ties allowed: the build stops at its first check, after 65,536 ties, not at 79,800
    Snapshot snapshot = consortium(400, 10_000 * Snapshot.BYTES_PER_TIE);

    assertThatThrownBy(() -> snapshot.graph(View.ACTORS))
        .isInstanceOfSatisfying(
            ViewTooLargeException.class, e -> assertThat(e.ties()).isEqualTo(65_536));
  }
}
