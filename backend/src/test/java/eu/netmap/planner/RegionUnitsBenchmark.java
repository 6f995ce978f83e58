package eu.netmap.planner;

import eu.netmap.analytics.Snapshot;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How long building {@link RegionUnits} takes on a generated programme graph, indexed against the
 * build before it ({@link ReferenceRegionUnits}), at the map's level (every region) and the
 * planner's (regions). Prints figures, asserts nothing; not a unit test (the name does not end in
 * Tests): {@code mvn -o -pl backend -am test -Dtest=RegionUnitsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.collaborations=38000]}.
 */
class RegionUnitsBenchmark {

  static final int COLLABORATIONS = Integer.getInteger("bench.collaborations", 38_000);

  @Test
  void measure() {
    long start = System.nanoTime();
    GeneratedRegions.Generated generated =
        GeneratedRegions.generate(12, COLLABORATIONS, COLLABORATIONS, 300, 42);
    Snapshot snapshot = generated.snapshot();
    RegionIndex index = generated.index();
    System.out.printf(
        "generated %,d nodes (%,d collaborations) in %.1f s%n",
        snapshot.nodes().size(), COLLABORATIONS, (System.nanoTime() - start) / 1e9);
    for (RegionUnits.Level level :
        new RegionUnits.Level[] {RegionUnits.Level.ALL, RegionUnits.Level.REGIONS}) {
      for (int round = 0; round < 3; round++) {
        double reference =
            time(() -> ReferenceRegionUnits.build(snapshot, index, level, null, c -> true));
        RegionUnits[] built = new RegionUnits[1];
        double indexed =
            time(() -> built[0] = RegionUnits.build(snapshot, index, level, null, c -> true));
        RegionUnits units = built[0];
        long ties = units.units().keySet().stream().mapToLong(units::degree).sum() / 2;
        double map =
            time(
                () -> {
                  units.units().keySet().forEach(u -> units.ties(u, 10, true));
                  return null;
                });
        System.out.printf(
            "%-8s round %d: %,d units, %,d ties: reference %.2f s, indexed %.2f s,"
                + " + every tie with 10 via %.2f s%n",
            level.key(), round, units.units().size(), ties, reference, indexed, map);
      }
    }
  }

  private static double time(Supplier<?> work) {
    long start = System.nanoTime();
    work.get();
    return (System.nanoTime() - start) / 1e9;
  }
}
