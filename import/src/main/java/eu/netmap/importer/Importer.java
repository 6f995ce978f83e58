package eu.netmap.importer;

import eu.netmap.importer.csv.CsvReader;
import eu.netmap.importer.graph.XmlGraphReader;
import eu.netmap.importer.nuts.NutsReader;
import eu.netmap.importer.participation.ParticipationReader;
import eu.netmap.importer.seed.SeedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.neo4j.driver.Driver;

/**
 * The one entry point to importing, for the CLI and the backend alike: {@link #read} turns inputs
 * of a format into a batch (or throws every problem found), {@link #write} validates the batch
 * against the database and stores it in one transaction, or with {@code dryRun} reports what
 * storing it would change and stores nothing.
 *
 * <pre>{@code
 * ReadResult read = Importer.read(ImportFormat.PARTICIPATION, List.of(ImportInput.of(path)),
 *     ImportOptions.defaults().withDelimiter(';'));
 * WriteSummary summary = Importer.write(driver, read.batch(), Importer.Write.defaults());
 * }</pre>
 *
 * <p>Atomicity: a batch is written in a single transaction, so an import is stored whole or not at
 * all; a process killed mid-way leaves an uncommitted transaction that Neo4j discards. Merging on
 * stable ids makes a second import of the same input change nothing.
 */
public final class Importer {

  /**
   * How to write: rows per statement, how many errors to list, dry run, progress.
   *
   * @param batchSize rows sent in one {@code UNWIND} statement
   * @param maxProblems errors listed at most
   * @param dryRun validate and count what would change, store nothing
   * @param progress told how many rows have been sent
   */
  public record Write(int batchSize, int maxProblems, boolean dryRun, LongConsumer progress) {

    /** Batches of {@link Neo4jWriter#BATCH_SIZE_DEFAULT}, a real write, no progress. */
    public static Write defaults() {
      return new Write(
          Neo4jWriter.BATCH_SIZE_DEFAULT, BatchValidator.MAX_PROBLEMS_DEFAULT, false, n -> {});
    }

    public Write withDryRun(boolean value) {
      return new Write(batchSize, maxProblems, value, progress);
    }
  }

  private Importer() {}

  /**
   * Reads inputs of a format; see {@link #read(ImportFormat, List, ImportOptions, IntConsumer)}.
   */
  public static ReadResult read(
      ImportFormat format, List<ImportInput> inputs, ImportOptions options) {
    return read(format, inputs, options, line -> {});
  }

  /**
   * Reads inputs of a format into one batch. {@code nuts} and {@code seed} without inputs read the
   * lists shipped in this module. Near-duplicate organisation names come back as warnings.
   *
   * @param onRow told the line of each table row read (participation tables), for progress
   * @throws ImportException listing every problem found (capped); nothing has been written
   */
  public static ReadResult read(
      ImportFormat format, List<ImportInput> inputs, ImportOptions options, IntConsumer onRow) {
    try {
      List<ImportProblem> warnings = new ArrayList<>();
      GraphBatch batch =
          switch (format) {
            case CSV -> {
              requireInputs(format, inputs);
              yield CsvReader.read(inputs, options);
            }
            case PARTICIPATION -> {
              requireInputs(format, inputs);
              ParticipationReader.ParticipationResult result =
                  ParticipationReader.read(inputs, options, onRow);
              warnings.addAll(result.warnings());
              yield result.batch();
            }
            case GRAPHML, GEXF -> {
              requireInputs(format, inputs);
              GraphBatch all = new GraphBatch();
              for (ImportInput input : inputs) {
                addAll(all, XmlGraphReader.read(format, input, options));
              }
              yield all;
            }
            case NUTS -> {
              if (inputs.isEmpty()) {
                yield NutsReader.readBundled();
              }
              GraphBatch all = new GraphBatch();
              for (ImportInput input : inputs) {
                addAll(all, NutsReader.read(input, options));
              }
              yield all;
            }
            case SEED -> {
              if (inputs.isEmpty()) {
                yield SeedReader.readBundledSeed();
              }
              GraphBatch all = new GraphBatch();
              for (ImportInput input : inputs) {
                try (InputStream in = input.open()) {
                  addAll(
                      all,
                      SeedReader.read(new InputStreamReader(in, options.charset()), input.name()));
                }
              }
              yield all;
            }
          };
      Problems nearDuplicates = new Problems(options.maxProblems());
      NearDuplicates.check(batch, nearDuplicates);
      warnings.addAll(nearDuplicates.warnings());
      return new ReadResult(batch, warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates a batch against the model and the database (edges may end at nodes already stored),
   * then stores it in one transaction, or with a dry run rolls it back.
   *
   * @throws ImportException listing every validation error; nothing has been written
   */
  public static WriteSummary write(Driver driver, GraphBatch batch, Write how) {
    Neo4jWriter writer = new Neo4jWriter(driver, how.batchSize());
    new BatchValidator(how.maxProblems()).validate(batch, writer::existingLabels, true);
    return writer.write(batch, how.progress(), how.dryRun());
  }

  private static void requireInputs(ImportFormat format, List<ImportInput> inputs) {
    if (inputs.isEmpty()) {
      throw new ImportException(
          new ImportProblem(null, null, "no input file given for " + format.cliName()));
    }
  }

  private static void addAll(GraphBatch into, GraphBatch from) {
    from.nodes().forEach(into::add);
    from.relationships().forEach(into::add);
  }
}
