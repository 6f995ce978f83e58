package eu.netmap.importer.cli;

import eu.netmap.importer.generate.ProgrammeGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netmap-import generate}: writes a synthetic programme dataset in the csv format. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes a synthetic cooperation network that looks like programme data (projects over the"
          + " four programme periods with heavy-tailed consortium sizes, organisations with"
          + " heavy-tailed participation counts located in NUTS 2 regions, coordinators, themes)"
          + " as nodes.csv and edges.csv for the csv format. Same settings, same files.",
      "Then: netmap-import csv DIR/nodes.csv DIR/edges.csv (the NUTS regions must be stored:"
          + " the app loads them at start-up, or run netmap-import nuts).",
      ""
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-n", "--participations"},
      defaultValue = "10000",
      description =
          "Participations (organisation–project rows) to generate (default: ${DEFAULT-VALUE}).")
  int participations;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "Directory to write nodes.csv and edges.csv into (created if missing).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (participations < 2) {
      err.println("--participations must be at least 2 (it is " + participations + ")");
      return 2;
    }
    long start = System.nanoTime();
    try {
      ProgrammeGenerator.Summary s =
          new ProgrammeGenerator(new ProgrammeGenerator.Settings(participations, seed)).write(out);
      outWriter.printf(
          Locale.ROOT,
          "Wrote %s and %s in %.1f s: %,d organisations, %,d projects, %,d themes, %,d"
              + " participations; largest consortium %d, %d projects of over 100 partners, the"
              + " busiest organisation in %d projects.%n",
          s.nodes(),
          s.edges(),
          (System.nanoTime() - start) / 1e9,
          s.organisations(),
          s.projects(),
          s.themes(),
          s.participations(),
          s.largestConsortium(),
          s.projectsOver100(),
          s.mostParticipations());
      return 0;
    } catch (IOException e) {
      err.println("Cannot write into " + out + ": " + e.getMessage());
      return 1;
    }
  }
}
