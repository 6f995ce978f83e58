package eu.netmap.importer.cli;

import eu.netmap.importer.ImportDatabase;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportFormat;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.Importer;
import eu.netmap.importer.Neo4jWriter;
import eu.netmap.importer.PreparedImport;
import eu.netmap.importer.WriteSummary;
import eu.netmap.importer.participation.MappingFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code netmap-import} command: reads network data from files, validates it, and stores it in
 * the netmap Neo4j database over Bolt, all or nothing.
 *
 * <p>Exit codes: 0 imported (or dry run passed), 1 the input has errors and nothing was written, 2
 * wrong usage, 3 the database could not be reached or refused the write.
 */
@Command(
    name = "netmap-import",
    mixinStandardHelpOptions = true,
    versionProvider = ImportCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Imports network data into netmap's graph database (Neo4j over Bolt).",
      "",
      "Every input is read and checked first; if anything is wrong, each problem is listed as"
          + " file:line: column: message and nothing is written. Otherwise the whole input is"
          + " stored all or nothing (a failed or killed import leaves the database as it was),"
          + " and importing the same file again changes nothing.",
      ""
    },
    commandListHeading = "%nFormats:%n",
    subcommands = {
      ImportCli.Csv.class,
      ImportCli.Participation.class,
      ImportCli.GraphMl.class,
      ImportCli.Gexf.class,
      ImportCli.Nuts.class,
      ImportCli.Seed.class,
      GenerateCommand.class,
      BackupCommands.Backup.class,
      BackupCommands.Restore.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  netmap-import csv nodes.csv edges.csv --dry-run",
      "  netmap-import participation esf-veneto.csv --mapping veneto.map",
      "  netmap-import participation data.csv -d ';' --no-quoting \\",
      "      -c project='Codice progetto' -c organisationName=Beneficiario",
      "  netmap-import nuts",
      "  netmap-import graphml net.graphml --uri bolt://db:7687 --password s3cret",
      "(netmap-import = java -jar import/target/netmap-import.jar)",
      "",
      "Exit codes: 0 imported, 1 errors in the input (nothing written), 2 wrong usage,"
          + " 3 database unreachable or refused the write.",
      "Run 'netmap-import help <format>' for the options of a format."
    })
public final class ImportCli implements Callable<Integer> {

  /** Exit code when the input has errors. */
  public static final int EXIT_INVALID = 1;

  /** Exit code when the database cannot be reached or refuses the write. */
  public static final int EXIT_DATABASE = 3;

  /** Inputs larger than this show a progress bar while read. */
  static final long PROGRESS_BYTES = 4L << 20;

  /** Batches with more rows than this show a progress bar while written. */
  static final long PROGRESS_ROWS = 20_000;

  /** Warnings printed at most; the rest are counted. */
  static final int MAX_WARNINGS = 50;

  @Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command with the process's streams and exits with its code. */
  public static void main(String[] args) {
    // the jar ships no logging backend on purpose: the driver's log lines are not for users
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command and returns its exit code instead of exiting: for tests and for callers that
   * embed the CLI.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = new CommandLine(new ImportCli());
    line.setOut(out);
    line.setErr(err);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          err.println("error: " + e);
          return EXIT_DATABASE;
        });
    int code = line.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return CommandLine.ExitCode.USAGE;
  }

  /** The version of the jar, from its manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = ImportCli.class.getPackage().getImplementationVersion();
      return new String[] {"netmap-import " + (version == null ? "(development)" : version)};
    }
  }

  /** Where the database is (Bolt, as for backups, or a stopped app's store) and how to write. */
  static final class Connection extends BackupCommands.Database {
    @Option(
        names = "--store",
        paramLabel = "DIR",
        description = {
          "Instead of --uri: write straight into the data directory of a stopped netmap (its"
              + " netmap.data-dir; created if missing), through Neo4j's Java API in this process:"
              + " offline bulk loading, several times faster than Bolt.",
          "Fails, writing nothing, while netmap or Neo4j has the directory open."
        })
    Path store;

    @Option(
        names = "--dry-run",
        description =
            "Read, check and count what would be created, updated or left unchanged; write nothing.")
    boolean dryRun;

    @Option(
        names = "--batch-size",
        paramLabel = "ROWS",
        defaultValue = "" + Neo4jWriter.BATCH_SIZE_DEFAULT,
        description = "Rows sent to the database per statement (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--max-errors",
        paramLabel = "N",
        defaultValue = "100",
        description = "Errors listed at most (default: ${DEFAULT-VALUE}); the rest are counted.")
    int maxErrors;

    @Option(
        names = "--source",
        paramLabel = "ID",
        description = {
          "Id of an existing Source node that every imported fact cites.",
          "Without it, each file becomes a Source node of its own (src-file-<name>)."
        })
    String source;

    @Option(
        names = "--no-progress",
        negatable = false,
        description = "Never show progress bars (they show only on a terminal, for large inputs).")
    boolean noProgress;
  }

  /** How tables are read. */
  static final class TableOptions {
    @Option(
        names = {"-d", "--delimiter"},
        paramLabel = "CHAR",
        description = "Column separator: , ; | or tab (default: detected from the header line).")
    String delimiter;

    @Option(
        names = {"-e", "--encoding"},
        paramLabel = "CHARSET",
        description = "Text encoding, e.g. windows-1252 (default: UTF-8; a BOM is skipped).")
    Charset encoding;

    @Option(
        names = "--no-quoting",
        description =
            "Treat \" as an ordinary character: for files whose fields are never quoted but"
                + " contain stray quote characters.")
    boolean noQuoting;
  }

  /** What every format's command shares: reading, reporting, connecting, writing. */
  abstract static class ImportCommand implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;

    @Mixin Connection connection;

    abstract ImportFormat format();

    abstract List<Path> files();

    /** The options this format's flags give. */
    ImportOptions options() throws IOException {
      return ImportOptions.defaults()
          .withSourceId(connection.source)
          .withMaxProblems(connection.maxErrors);
    }

    static ImportOptions tableOptions(ImportOptions options, TableOptions table) {
      ImportOptions result = options;
      if (table.delimiter != null) {
        Character delimiter = MappingFile.delimiter(table.delimiter);
        if (delimiter == null) {
          throw new CommandLine.ParameterException(
              new CommandLine(new ImportCli()),
              "--delimiter: expected one character or 'tab', got '" + table.delimiter + "'");
        }
        result = result.withDelimiter(delimiter);
      }
      if (table.encoding != null) {
        result = result.withCharset(table.encoding);
      }
      return table.noQuoting ? result.withQuoting(false) : result;
    }

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (connection.batchSize < 1 || connection.maxErrors < 1) {
        err.println("error: --batch-size and --max-errors must be at least 1");
        return CommandLine.ExitCode.USAGE;
      }
      for (Path file : files()) {
        if (!Files.isRegularFile(file)) {
          err.println("error: " + file + ": no such file");
          return CommandLine.ExitCode.USAGE;
        }
      }
      ImportOptions options;
      try {
        options = options();
      } catch (ImportException e) {
        return invalid(err, e);
      }
      boolean progress = !connection.noProgress && System.console() != null;

      long readStart = System.nanoTime();
      PreparedImport prepared;
      long totalBytes = files().stream().mapToLong(ImportCli::size).sum();
      int passes = format() == ImportFormat.GRAPHML || format() == ImportFormat.GEXF ? 2 : 1;
      AtomicReference<ProgressBar> reading = new AtomicReference<>();
      try (ProgressBar bar =
          progress && totalBytes > PROGRESS_BYTES
              ? bar("Reading", totalBytes * passes, "MB", 1 << 20)
              : null) {
        reading.set(bar);
        List<ImportInput> inputs = new ArrayList<>();
        for (Path file : files()) {
          ImportInput plain = ImportInput.of(file);
          inputs.add(
              bar == null
                  ? plain
                  : new ImportInput(
                      plain.name(), () -> counting(plain.open(), reading), plain.size()));
        }
        prepared = Importer.prepare(format(), inputs, options);
      } catch (ImportException e) {
        return invalid(err, e);
      } finally {
        // a participation table is read again while written: that reading is not counted here
        reading.set(null);
      }
      double readSeconds = (System.nanoTime() - readStart) / 1e9;
      List<ImportProblem> warnings = prepared.warnings();
      printWarnings(err, warnings);
      long rows = prepared.nodes() + prepared.relationships();
      out.printf(
          "Read %,d nodes and %,d relationships from %s in %.1f s.%n",
          prepared.nodes(),
          prepared.relationships(),
          files().isEmpty()
              ? "the " + format().cliName() + " data shipped with netmap"
              : files().size() == 1 ? files().get(0) : files().size() + " files",
          readSeconds);

      if (connection.store != null) {
        try (LocalStore store = LocalStore.open(connection.store)) {
          return write(out, err, prepared, ImportDatabase.of(store.database()), warnings, rows);
        } catch (LocalStore.LockedException e) {
          err.println("error: " + e.getMessage());
          return EXIT_DATABASE;
        }
      }
      try (Driver driver = connection.driver()) {
        try {
          driver.verifyConnectivity();
        } catch (Neo4jException | IllegalStateException e) {
          err.println(
              "error: cannot reach the database at " + connection.uri + ": " + e.getMessage());
          return EXIT_DATABASE;
        }
        return write(out, err, prepared, ImportDatabase.of(driver), warnings, rows);
      }
    }

    private int write(
        PrintWriter out,
        PrintWriter err,
        PreparedImport prepared,
        ImportDatabase database,
        List<ImportProblem> warnings,
        long rows) {
      boolean progress = !connection.noProgress && System.console() != null;
      WriteSummary summary;
      try (ProgressBar bar =
          progress && rows > PROGRESS_ROWS ? bar("Writing", rows, "rows", 1) : null) {
        summary =
            prepared.write(
                database,
                new Importer.Write(
                    connection.batchSize,
                    connection.maxErrors,
                    connection.dryRun,
                    bar == null ? n -> {} : bar::stepTo));
      } catch (ImportException e) {
        return invalid(err, e);
      } catch (Neo4jException | org.neo4j.graphdb.QueryExecutionException e) {
        err.println(
            "error: the database refused the import, nothing was written: " + e.getMessage());
        return EXIT_DATABASE;
      }
      List<ImportProblem> later = prepared.warnings();
      printWarnings(err, later.subList(Math.min(warnings.size(), later.size()), later.size()));
      out.println(
          (connection.dryRun ? "Dry run, nothing was written. Would change: " : "Imported: ")
              + summary);
      if (connection.dryRun) {
        return CommandLine.ExitCode.OK;
      }
      if (summary.millis() > 0) {
        out.printf(
            "%,.0f relationships/s, %,.0f rows/s.%n",
            prepared.relationships() * 1000.0 / summary.millis(), rows * 1000.0 / summary.millis());
      }
      return CommandLine.ExitCode.OK;
    }
  }

  @Command(
      name = "csv",
      sortOptions = false,
      description = {
        "A network as two tables, as prepared for Kumu or Gephi:",
        "  nodes: id,label,name,… (label = Organisation, Region, Network, Project, Theme, Event,"
            + " Source)",
        "  edges: source,target,type,… (type = MEMBER_OF, PARTICIPATES_IN, LOCATED_IN, …)",
        "Other columns become properties. Without a name column, Label is the name and Type the"
            + " label (Gephi/Kumu layout). Edge ends may be ids or names; an edge without a type"
            + " gets the one the model allows between its ends.",
        "A zip of such tables is read too: netmap's CSV export imports back unchanged.",
        ""
      })
  static final class Csv extends ImportCommand {
    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "Nodes and/or edges tables, or zips of them.")
    List<Path> files;

    @Mixin TableOptions table;

    @Option(
        names = "--label",
        paramLabel = "LABEL",
        description = "Label of nodes whose row gives none, e.g. Organisation.")
    String label;

    @Override
    ImportFormat format() {
      return ImportFormat.CSV;
    }

    @Override
    List<Path> files() {
      return files;
    }

    @Override
    ImportOptions options() throws IOException {
      return tableOptions(super.options(), table).withDefaultLabel(label);
    }
  }

  @Command(
      name = "participation",
      sortOptions = false,
      description = {
        "A table with one row per organisation in a project, as exported by funding programmes.",
        "Each row gives Organisation -PARTICIPATES_IN-> Project (role, amount) and the"
            + " organisation's LOCATED_IN region (NUTS code or name, else its country).",
        "Fields: project, projectName, organisationId, organisationName, role, country,"
            + " regionCode, regionName, start, end, amount. Columns are found by usual header"
            + " names (English, Italian, French, German, Spanish) or mapped with --column or"
            + " --mapping.",
        ""
      })
  static final class Participation extends ImportCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Participation tables.")
    List<Path> files;

    @Mixin TableOptions table;

    @Option(
        names = {"-c", "--column"},
        paramLabel = "FIELD=HEADER",
        description = "Which column holds a field, e.g. --column project='Codice progetto'.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(
        names = {"-m", "--mapping"},
        paramLabel = "FILE",
        description = {
          "A mapping file: lines 'field = Header' and optionally delimiter, encoding,"
              + " quoting (on/off), programme. Command-line options win over it."
        })
    Path mapping;

    @Option(
        names = "--programme",
        paramLabel = "NAME",
        description = "Funding programme of the projects, e.g. ESF or Erasmus+.")
    String programme;

    @Override
    ImportFormat format() {
      return ImportFormat.PARTICIPATION;
    }

    @Override
    List<Path> files() {
      return files;
    }

    @Override
    ImportOptions options() throws IOException {
      ImportOptions options = super.options().withColumns(columns);
      if (mapping != null) {
        try (var reader = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
          options = MappingFile.apply(options, reader, mapping.toString());
        }
      }
      options = tableOptions(options, table);
      if (programme != null) {
        options = options.withProgramme(programme);
      }
      return options;
    }
  }

  /** GraphML and GEXF: files of one format, and the label of nodes that give none. */
  abstract static class XmlGraphImport extends ImportCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Option(names = "--label", paramLabel = "LABEL", description = "Label of nodes that give none.")
    String label;

    @Override
    List<Path> files() {
      return files;
    }

    @Override
    ImportOptions options() throws IOException {
      return super.options().withDefaultLabel(label);
    }
  }

  @Command(
      name = "graphml",
      description = {
        "GraphML files (Gephi, yEd, NetworkX, igraph). Node data 'name' and 'label' (or"
            + " 'type'), edge data 'type'; other data become properties.",
        ""
      })
  static final class GraphMl extends XmlGraphImport {
    @Override
    ImportFormat format() {
      return ImportFormat.GRAPHML;
    }
  }

  @Command(
      name = "gexf",
      description = {
        "GEXF files (Gephi). The node label is the name, the attribute 'type' the netmap"
            + " label; the edge label or attribute 'type' the relationship type.",
        ""
      })
  static final class Gexf extends XmlGraphImport {
    @Override
    ImportFormat format() {
      return ImportFormat.GEXF;
    }
  }

  @Command(
      name = "nuts",
      description = {
        "The NUTS region list as Region nodes (id nuts-<code>, e.g. nuts-ith2) with PART_OF"
            + " their parent region. Without a file, the NUTS 2021 list shipped with netmap"
            + " (Eurostat GISCO; © EuroGeographics for the administrative boundaries).",
        ""
      })
  static final class Nuts extends ImportCommand {
    @Parameters(
        arity = "0..*",
        paramLabel = "FILE",
        description = "NUTS lists in the GISCO layout (NUTS_ID, LEVL_CODE, CNTR_CODE, …).")
    List<Path> files = new ArrayList<>();

    @Override
    ImportFormat format() {
      return ImportFormat.NUTS;
    }

    @Override
    List<Path> files() {
      return files;
    }
  }

  @Command(
      name = "seed",
      description = {
        "The curated YAML dataset format (sources, nodes, relationships). Without a file, the"
            + " seed dataset shipped with netmap.",
        ""
      })
  static final class Seed extends ImportCommand {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Datasets in the seed format.")
    List<Path> files = new ArrayList<>();

    @Override
    ImportFormat format() {
      return ImportFormat.SEED;
    }

    @Override
    List<Path> files() {
      return files;
    }
  }

  private static int invalid(PrintWriter err, ImportException e) {
    for (ImportProblem problem : e.problems()) {
      err.println(problem);
    }
    err.println("Nothing was written: fix the errors above and run again.");
    return EXIT_INVALID;
  }

  private static void printWarnings(PrintWriter err, List<ImportProblem> warnings) {
    int shown = 0;
    for (ImportProblem warning : warnings) {
      if (shown++ == MAX_WARNINGS) {
        err.println("warning: … and " + (warnings.size() - MAX_WARNINGS) + " more warnings");
        break;
      }
      err.println("warning: " + warning);
    }
  }

  private static ProgressBar bar(String task, long max, String unit, long unitSize) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(" " + unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setUpdateIntervalMillis(250)
        .build();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The stream, counted on the bar while the bar is open. */
  private static InputStream counting(InputStream in, AtomicReference<ProgressBar> bar) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        ProgressBar open = bar.get();
        if (b >= 0 && open != null) {
          open.step();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        ProgressBar open = bar.get();
        if (n > 0 && open != null) {
          open.stepBy(n);
        }
        return n;
      }
    };
  }
}
