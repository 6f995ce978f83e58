package eu.netmap.importer.cli;

import eu.netmap.importer.backup.BackupException;
import eu.netmap.importer.backup.BackupSummary;
import eu.netmap.importer.backup.GraphBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netmap-import backup FILE} and {@code netmap-import restore FILE}: the same backup file as
 * the app's {@code GET /api/backup} and {@code POST /api/restore}, over Bolt.
 */
final class BackupCommands {

  private BackupCommands() {}

  /** The version of this jar, named in the backup's header. */
  static String version() {
    String version = BackupCommands.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** Where the database is (also the import commands' Bolt options). */
  static class Database {
    @Option(
        names = "--uri",
        paramLabel = "URI",
        defaultValue = "${env:NETMAP_NEO4J_URI:-bolt://127.0.0.1:7687}",
        description =
            "Bolt address of the database (default: ${DEFAULT-VALUE}, the app's embedded one).")
    String uri;

    @Option(
        names = "--user",
        paramLabel = "NAME",
        defaultValue = "${env:NETMAP_NEO4J_USER:-neo4j}",
        description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(
        names = "--password",
        paramLabel = "SECRET",
        defaultValue = "${env:NETMAP_NEO4J_PASSWORD}",
        description = {
          "Database password; also read from NETMAP_NEO4J_PASSWORD.",
          "Without one, no authentication is sent (the embedded database needs none)."
        })
    String password;

    Driver driver() {
      AuthToken auth =
          password == null || password.isEmpty()
              ? AuthTokens.none()
              : AuthTokens.basic(user, password);
      return GraphDatabase.driver(
          uri, auth, Config.builder().withLogging(org.neo4j.driver.Logging.none()).build());
    }

    /** Connects, or says why not and returns null. */
    Driver connect(PrintWriter err) {
      Driver driver = driver();
      try {
        driver.verifyConnectivity();
        return driver;
      } catch (Neo4jException | IllegalStateException e) {
        driver.close();
        err.println("error: cannot reach the database at " + uri + ": " + e.getMessage());
        return null;
      }
    }
  }

  @Command(
      name = "backup",
      description = {
        "Writes every node and relationship of the database, with every property and its type, to"
            + " one JSON-lines file (the format of GET /api/backup). User accounts are not in the"
            + " graph and not in the file.",
        ""
      })
  static final class Backup implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Mixin Database database;

    @Parameters(paramLabel = "FILE", description = "The backup file to write (replaced).")
    Path file;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (Driver driver = database.connect(err)) {
        if (driver == null) {
          return ImportCli.EXIT_DATABASE;
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        BackupSummary summary;
        try {
          summary = GraphBackup.backup(driver, part, version());
        } catch (Neo4jException e) {
          Files.deleteIfExists(part);
          err.println("error: the database refused the backup: " + e.getMessage());
          return ImportCli.EXIT_DATABASE;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        out.println("Backed up " + summary + " to " + file + ".");
      }
      return CommandLine.ExitCode.OK;
    }
  }

  @Command(
      name = "restore",
      description = {
        "Replaces every node and relationship of the database with those of a backup file (from"
            + " 'backup' or GET /api/backup). The whole file is checked first; on any error"
            + " nothing changes. Then everything is replaced in one transaction; constraints and"
            + " indexes stay. A running netmap app recomputes its analytics after a restart.",
        ""
      })
  static final class Restore implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Mixin Database database;

    @Parameters(paramLabel = "FILE", description = "The backup file to restore.")
    Path file;

    @Option(
        names = "--dry-run",
        description = "Check the file and say what it holds; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(file)) {
        err.println("error: " + file + ": no such file");
        return CommandLine.ExitCode.USAGE;
      }
      BackupSummary summary;
      try {
        summary = GraphBackup.validate(file);
      } catch (BackupException e) {
        err.println(file + ": " + e.getMessage());
        err.println("Nothing was changed.");
        return ImportCli.EXIT_INVALID;
      }
      if (dryRun) {
        out.println(
            "Dry run, nothing was changed. "
                + file
                + " holds "
                + summary
                + " (netmap "
                + summary.netmapVersion()
                + ", "
                + summary.createdAt()
                + ").");
        return CommandLine.ExitCode.OK;
      }
      try (Driver driver = database.connect(err)) {
        if (driver == null) {
          return ImportCli.EXIT_DATABASE;
        }
        try {
          GraphBackup.restore(driver, file);
        } catch (Neo4jException e) {
          err.println(
              "error: the database refused the restore, nothing was changed: " + e.getMessage());
          return ImportCli.EXIT_DATABASE;
        }
      }
      out.println(
          "Restored " + summary + " from " + file + " (backup of " + summary.createdAt() + ").");
      return CommandLine.ExitCode.OK;
    }
  }
}
