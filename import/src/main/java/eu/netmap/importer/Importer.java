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
 * against the database and stores it, all or nothing, or with {@code dryRun} reports what storing
 * it would change and stores nothing; {@link #prepare} does the same in two steps without holding
 * the input in memory.
 *
 * <pre>{@code
 * ReadResult read = Importer.read(ImportFormat.PARTICIPATION, List.of(ImportInput.of(path)),
 *     ImportOptions.defaults().withDelimiter(';'));
 * WriteSummary summary = Importer.write(driver, read.batch(), Importer.Write.defaults());
 * }</pre>
 *
 * <p>Atomicity: new nodes are written in short transactions into a staging area readers do not see,
 * and one last transaction makes them visible together with every change to stored facts (see
 * {@link Staging}); a failed or killed import leaves only staged data, which the next import
 * deletes. Merging on stable ids makes a second import of the same input change nothing. Large
 * participation tables go through {@link #prepare}, which streams them.
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
    List<ImportProblem> warnings = new ArrayList<>();
    GraphBatch batch = readBatch(format, inputs, options, onRow, warnings);
    Problems nearDuplicates = new Problems(options.maxProblems());
    NearDuplicates.check(batch, nearDuplicates);
    warnings.addAll(nearDuplicates.warnings());
    return new ReadResult(batch, warnings);
  }

  /**
   * Reads inputs of a format once, checking them against the graph model as they stream by, and
   * returns an import ready to be written. Participation tables are not held in memory: they are
   * read again when written. Near-duplicate organisation names within the input come back as
   * warnings (and, once written, those that look like stored organisations).
   *
   * @param onRow told the line of each table row read (participation tables), for progress
   * @throws ImportException listing every problem the reader found; nothing has been written
   */
  public static PreparedImport prepare(
      ImportFormat format, List<ImportInput> inputs, ImportOptions options, IntConsumer onRow) {
    Problems names = new Problems(options.maxProblems());
    NearDuplicates.Checker nameChecker = new NearDuplicates.Checker(names);
    BatchValidator.Check check = new BatchValidator(options.maxProblems()).check(true);
    if (format == ImportFormat.PARTICIPATION) {
      requireInputs(format, inputs);
      GraphSink both =
          new GraphSink() {
            @Override
            public void add(NodeRecord node) {
              check.add(node);
              nameChecker.add(node);
            }

            @Override
            public void add(RelationshipRecord relationship) {
              check.add(relationship);
            }
          };
      try {
        List<ImportProblem> warnings = ParticipationReader.read(inputs, options, onRow, both);
        return new PreparedImport(
            sink -> ParticipationReader.read(inputs, options, line -> {}, sink),
            check,
            nameChecker,
            names,
            warnings);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<ImportProblem> warnings = new ArrayList<>();
    GraphBatch batch = readBatch(format, inputs, options, onRow, warnings);
    batch.emit(check);
    batch.nodes().forEach(nameChecker::add);
    return new PreparedImport(batch, check, nameChecker, names, warnings);
  }

  /** {@link #prepare(ImportFormat, List, ImportOptions, IntConsumer)} without progress. */
  public static PreparedImport prepare(
      ImportFormat format, List<ImportInput> inputs, ImportOptions options) {
    return prepare(format, inputs, options, line -> {});
  }

  private static GraphBatch readBatch(
      ImportFormat format,
      List<ImportInput> inputs,
      ImportOptions options,
      IntConsumer onRow,
      List<ImportProblem> warnings) {
    try {
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
      return batch;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates a batch against the model and the database (edges may end at nodes already stored),
   * then stores it all or nothing (see {@link Neo4jWriter} and {@link Staging}), or with a dry run
   * counts what storing it would change.
   *
   * @throws ImportException listing every validation error; nothing has been written
   */
  public static WriteSummary write(Driver driver, GraphBatch batch, Write how) {
    return PreparedImport.of(batch, how.maxProblems()).write(driver, how);
  }

  /** {@link #write(Driver, GraphBatch, Write)} into a database over Bolt or embedded here. */
  public static WriteSummary write(ImportDatabase database, GraphBatch batch, Write how) {
    return PreparedImport.of(batch, how.maxProblems()).write(database, how);
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
