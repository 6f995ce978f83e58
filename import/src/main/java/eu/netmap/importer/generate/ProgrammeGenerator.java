package eu.netmap.importer.generate;

import eu.netmap.importer.nuts.NutsRegions;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Synthetic cooperation networks that look like programme data, for benchmarks and demos: projects
 * of EU programmes over the four programme periods, with heavy-tailed consortium sizes (most of
 * 2–10 partners, a few of over 100), organisations with heavy-tailed participation counts (a few
 * take part in hundreds of projects, most in one), a coordinator per project, a theme per project,
 * and organisations located in NUTS 2 regions. The same settings always give the same files.
 *
 * <p>The output is netmap's {@code csv} import format: {@code nodes.csv} (organisations, projects,
 * themes) and {@code edges.csv} (PARTICIPATES_IN with a role, LOCATED_IN, ADDRESSES). Regions are
 * the NUTS reference regions ({@code nuts-…}), which the app loads at start-up (or {@code
 * netmap-import nuts}). Ids start with {@code gen-}, so generated data never collides with real
 * data.
 */
public final class ProgrammeGenerator {

  /** Consortium sizes are {@code floor(2 / U^(1/ALPHA))}: a Pareto tail with this exponent. */
  static final double ALPHA = 1.5;

  /** The largest consortium. */
  static final int MAX_CONSORTIUM = 300;

  /** The chance that a partner slot goes to a new organisation rather than a returning one. */
  static final double NEW_ORGANISATION = 0.2;

  static final List<String> PERIODS = List.of("2000-2006", "2007-2013", "2014-2020", "2021-2027");
  static final List<String> PROGRAMMES =
      List.of("ESF", "ESF+", "Interreg Europe", "Erasmus+", "EaSI", "AMIF", "Horizon");
  static final List<String> THEMES =
      List.of(
          "Social inclusion",
          "Employment",
          "Youth employment",
          "Migrants and refugees",
          "Prisoners and ex-offenders",
          "Disability",
          "Gender equality",
          "Roma inclusion",
          "Homelessness",
          "Lifelong learning",
          "Social economy",
          "Victims of trafficking");
  private static final List<String> KINDS =
      List.of(
          "Cooperativa sociale",
          "Associazione",
          "Fondazione",
          "Comune",
          "Agenzia regionale per il lavoro",
          "Università",
          "Centro di formazione",
          "Camera di commercio",
          "Consorzio",
          "Servizio per l'impiego");

  /**
   * What to generate.
   *
   * @param participations the number of organisation–project participations (rows of a
   *     participation table); the main size knob: 10,000 / 100,000 / 1,000,000
   * @param seed the random seed
   */
  public record Settings(int participations, long seed) {
    public Settings {
      if (participations < 2) {
        throw new IllegalArgumentException(
            "participations must be at least 2 (it is " + participations + ")");
      }
    }
  }

  /** What was generated. */
  public record Summary(
      int organisations,
      int projects,
      int themes,
      int participations,
      int largestConsortium,
      int projectsOver100,
      int mostParticipations,
      Path nodes,
      Path edges) {}

  private final Settings settings;

  public ProgrammeGenerator(Settings settings) {
    this.settings = settings;
  }

  /** Writes {@code nodes.csv} and {@code edges.csv} into {@code dir} (created if missing). */
  public Summary write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(settings.seed());
    List<NutsRegions.Region> regions = new ArrayList<>();
    for (NutsRegions.Region region : NutsRegions.bundled().all()) {
      if (region.level() == 2) {
        regions.add(region);
      }
    }
    if (regions.isEmpty()) {
      throw new IllegalStateException("the bundled NUTS list has no NUTS 2 regions");
    }

    // consortium sizes first, so the numbers of projects and participations are known
    List<Integer> sizes = new ArrayList<>();
    int total = 0;
    while (total < settings.participations()) {
      int size = consortiumSize(random);
      size = Math.min(size, settings.participations() - total);
      if (size < 2 && !sizes.isEmpty()) {
        sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + size);
      } else {
        sizes.add(size);
      }
      total += size;
    }

    // who takes part: a returning organisation is drawn in proportion to how often it already
    // took part (a uniformly drawn earlier slot), which gives the heavy tail of a Yule process
    int[] slots = new int[settings.participations()];
    int filled = 0;
    int organisations = 0;
    int[] count = new int[Math.max(16, settings.participations() / 4)];
    Path nodes = dir.resolve("nodes.csv");
    Path edges = dir.resolve("edges.csv");
    int largest = 0;
    int over100 = 0;
    try (Writer nodeOut = Files.newBufferedWriter(nodes, StandardCharsets.UTF_8);
        Writer edgeOut = Files.newBufferedWriter(edges, StandardCharsets.UTF_8);
        CSVPrinter nodeCsv =
            CSVFormat.DEFAULT
                .builder()
                .setHeader(
                    "id", "label", "name", "country", "programme", "period", "startDate", "endDate")
                .build()
                .print(nodeOut);
        CSVPrinter edgeCsv =
            CSVFormat.DEFAULT
                .builder()
                .setHeader("source", "target", "type", "role")
                .build()
                .print(edgeOut)) {
      for (String theme : THEMES) {
        nodeCsv.printRecord(themeId(theme), "Theme", theme, "", "", "", "", "");
      }
      int[] members = new int[MAX_CONSORTIUM];
      for (int p = 0; p < sizes.size(); p++) {
        int size = sizes.get(p);
        largest = Math.max(largest, size);
        if (size > 100) {
          over100++;
        }
        String project = "gen-p-" + (p + 1);
        int periodIndex = random.nextInt(PERIODS.size());
        String period = PERIODS.get(periodIndex);
        int firstYear = 2000 + 7 * periodIndex;
        int startYear = firstYear + random.nextInt(6);
        String start = String.format(Locale.ROOT, "%d-%02d-01", startYear, 1 + random.nextInt(12));
        String end =
            String.format(
                Locale.ROOT,
                "%d-%02d-30",
                startYear + 2 + random.nextInt(3),
                1 + random.nextInt(12));
        String theme = THEMES.get(random.nextInt(THEMES.size()));
        String programme = PROGRAMMES.get(random.nextInt(PROGRAMMES.size()));
        nodeCsv.printRecord(
            project,
            "Project",
            programme + " project " + (p + 1) + ": " + theme.toLowerCase(Locale.ROOT),
            "",
            programme,
            period,
            start,
            end);
        edgeCsv.printRecord(project, themeId(theme), "ADDRESSES", "");
        for (int m = 0; m < size; m++) {
          int organisation = -1;
          if (filled > 0 && random.nextDouble() >= NEW_ORGANISATION) {
            for (int attempt = 0; attempt < 5 && organisation < 0; attempt++) {
              int candidate = slots[random.nextInt(filled)];
              if (!contains(members, m, candidate)) {
                organisation = candidate;
              }
            }
          }
          if (organisation < 0) {
            organisation = organisations++;
            if (organisation >= count.length) {
              count = Arrays.copyOf(count, count.length * 2);
            }
            NutsRegions.Region region = regions.get(random.nextInt(regions.size()));
            String name =
                KINDS.get(random.nextInt(KINDS.size()))
                    + " "
                    + region.nameLatin()
                    + " "
                    + (organisation + 1);
            nodeCsv.printRecord(
                orgId(organisation), "Organisation", name, region.country(), "", "", "", "");
            edgeCsv.printRecord(orgId(organisation), region.id(), "LOCATED_IN", "");
          }
          members[m] = organisation;
          slots[filled++] = organisation;
          count[organisation]++;
          edgeCsv.printRecord(
              orgId(organisation), project, "PARTICIPATES_IN", m == 0 ? "coordinator" : "partner");
        }
      }
    }
    int most = 0;
    for (int i = 0; i < organisations; i++) {
      most = Math.max(most, count[i]);
    }
    return new Summary(
        organisations, sizes.size(), THEMES.size(), filled, largest, over100, most, nodes, edges);
  }

  static int consortiumSize(Random random) {
    double u = 1.0 - random.nextDouble(); // (0, 1]
    double size = 2 / Math.pow(u, 1 / ALPHA);
    return (int) Math.min(MAX_CONSORTIUM, Math.floor(size));
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  static String orgId(int organisation) {
    return "gen-o-" + (organisation + 1);
  }

  static String themeId(String theme) {
    return "gen-t-" + theme.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
