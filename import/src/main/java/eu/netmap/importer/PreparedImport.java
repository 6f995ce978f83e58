package eu.netmap.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;

/**
 * An import read once and checked against the graph model, ready to be checked against the database
 * and written: what {@link Importer#prepare} returns. Large inputs are not held: the validation
 * kept only the compact numbering of their nodes, and {@link #write} reads the input again while it
 * writes.
 */
public final class PreparedImport {

  private final GraphSource source;
  private final BatchValidator.Check check;
  private final NearDuplicates.Checker names;
  private final Problems nameWarnings;
  private final List<ImportProblem> readerWarnings;

  PreparedImport(
      GraphSource source,
      BatchValidator.Check check,
      NearDuplicates.Checker names,
      Problems nameWarnings,
      List<ImportProblem> readerWarnings) {
    this.source = source;
    this.check = check;
    this.names = names;
    this.nameWarnings = nameWarnings;
    this.readerWarnings = List.copyOf(readerWarnings);
  }

  /** Prepares a batch already in memory (sources are required, as for every import). */
  static PreparedImport of(GraphBatch batch, int maxProblems) {
    BatchValidator.Check check = new BatchValidator(maxProblems).check(true);
    Problems names = new Problems(maxProblems);
    NearDuplicates.Checker checker = new NearDuplicates.Checker(names);
    batch.emit(check);
    batch.nodes().forEach(checker::add);
    return new PreparedImport(batch, check, checker, names, List.of());
  }

  /** Node records in the input. */
  public long nodes() {
    return check.nodeCount();
  }

  /** Relationship records in the input. */
  public long relationships() {
    return check.relationshipCount();
  }

  /**
   * Things worth a look: near-duplicate names, regions not found, rows skipped; after {@link
   * #write}, also new organisations whose names look like stored ones.
   */
  public List<ImportProblem> warnings() {
    List<ImportProblem> all = new ArrayList<>(readerWarnings);
    all.addAll(nameWarnings.warnings());
    return List.copyOf(all);
  }

  /**
   * Checks the input against the database (edges and sources may name stored nodes), then writes
   * it, all or nothing; with {@link Importer.Write#dryRun()} only counts what would change.
   *
   * @throws ImportException listing every validation error; nothing has been written
   */
  public WriteSummary write(Driver driver, Importer.Write how) {
    return write(ImportDatabase.of(driver), how);
  }

  /**
   * Checks the input against the database, then writes it, all or nothing: over Bolt, or into a
   * database embedded in this process through Neo4j's Java API (several times faster).
   *
   * @throws ImportException listing every validation error; nothing has been written
   */
  public WriteSummary write(ImportDatabase database, Importer.Write how) {
    Neo4jWriter writer = new Neo4jWriter(database, how.batchSize());
    long t = System.nanoTime();
    check.finish(writer::existingLabels);
    Neo4jWriter.trace(t, 0, "check against the database");
    t = System.nanoTime();
    names.checkStored(
        row ->
            database
                .read("MATCH (o:Organisation) RETURN o.id AS id, o.name AS name", Map.of())
                .forEach(r -> row.accept((String) r.get("id"), (String) r.get("name"))),
        ids -> storedOrganisations(database, ids));
    Neo4jWriter.trace(t, 0, "names against stored organisations");
    return writer.write(source, check.nodes(), how.progress(), how.dryRun());
  }

  private static Set<String> storedOrganisations(ImportDatabase database, Set<String> ids) {
    Set<String> stored = new HashSet<>();
    database
        .read(
            "UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN id",
            Map.of("ids", List.copyOf(ids)))
        .forEach(r -> stored.add((String) r.get("id")));
    return stored;
  }
}
