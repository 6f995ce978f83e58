package eu.netmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Link suggestions on a time split of a synthetic cooperation history: 200 organisations in 10
 * groups (say, regions); in each of two periods 80 projects of 4 partners, each partner from the
 * project's group with probability 0.85. Ties of period 1 must predict the new ties of period 2
 * clearly better than chance.
 */
class TimeSplitValidationTests {

  static final int ORGANISATIONS = 200;
  static final int GROUPS = 10;
  static final int PROJECTS = 80;
  static final int PARTNERS = 4;

  private static Map<String, Set<String>> period(String name, Random random) {
    Map<String, Set<String>> collaborations = new HashMap<>();
    int size = ORGANISATIONS / GROUPS;
    for (int p = 0; p < PROJECTS; p++) {
      int group = random.nextInt(GROUPS);
      Set<Integer> partners = new HashSet<>();
      while (partners.size() < PARTNERS) {
        partners.add(
            random.nextDouble() < 0.85
                ? group * size + random.nextInt(size)
                : random.nextInt(ORGANISATIONS));
      }
      for (int o : partners) {
        collaborations.computeIfAbsent("org-" + o, k -> new HashSet<>()).add(name + "-" + p);
      }
    }
    return collaborations;
  }

  @Test
  void shouldPredictTheNextPeriodsTiesBetterThanChance() {
    Random random = new Random(42);
    Map<String, Set<String>> before = period("p1", random);
    Map<String, Set<String>> during = period("p2", random);
    for (LinkMethod method : LinkMethod.values()) {
      TimeSplitValidation.Result result =
          TimeSplitValidation.evaluate(before, during, method, 10, new Random(7));
      System.out.printf(
          "time split, %s: %d organisations, precision@10 %.3f, random baseline %.3f%n",
          method.key(), result.actors(), result.precision(), result.baseline());
      assertThat(result.actors()).isGreaterThan(50);
      assertThat(result.precision()).isGreaterThan(3 * result.baseline());
    }
  }
}
