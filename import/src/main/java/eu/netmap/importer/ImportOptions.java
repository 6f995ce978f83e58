package eu.netmap.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Choices that shape how an input is read. Every reader uses the ones that concern it and ignores
 * the rest.
 *
 * @param delimiter the column separator of tables, or null to detect it from the header line
 * @param charset the text encoding of the input
 * @param quoting whether {@code "} quotes fields; off for files with stray quote characters
 * @param columns for participation tables: which header holds which field ({@code project}, {@code
 *     organisationName}, …, see {@code ParticipationColumns}); unmapped fields are guessed
 * @param defaultLabel the label of nodes whose input names none (CSV, GraphML, GEXF), or null
 * @param programme the funding programme of the projects in a participation table, or null
 * @param sourceId the id of an existing Source node every imported fact cites; when null, each
 *     input file becomes a Source node of its own
 * @param maxProblems how many errors are listed at most
 */
public record ImportOptions(
    Character delimiter,
    Charset charset,
    boolean quoting,
    Map<String, String> columns,
    String defaultLabel,
    String programme,
    String sourceId,
    int maxProblems) {

  public ImportOptions {
    columns = Map.copyOf(columns);
    if (maxProblems < 1) {
      throw new IllegalArgumentException("maxProblems must be at least 1");
    }
  }

  /** Detected delimiter, UTF-8, quoting on, columns guessed, a Source node per file. */
  public static ImportOptions defaults() {
    return new ImportOptions(
        null,
        StandardCharsets.UTF_8,
        true,
        Map.of(),
        null,
        null,
        null,
        BatchValidator.MAX_PROBLEMS_DEFAULT);
  }

  public ImportOptions withDelimiter(Character value) {
    return new ImportOptions(
        value, charset, quoting, columns, defaultLabel, programme, sourceId, maxProblems);
  }

  public ImportOptions withCharset(Charset value) {
    return new ImportOptions(
        delimiter, value, quoting, columns, defaultLabel, programme, sourceId, maxProblems);
  }

  public ImportOptions withQuoting(boolean value) {
    return new ImportOptions(
        delimiter, charset, value, columns, defaultLabel, programme, sourceId, maxProblems);
  }

  /** These column choices added to (and overriding) the ones already made. */
  public ImportOptions withColumns(Map<String, String> value) {
    Map<String, String> merged = new LinkedHashMap<>(columns);
    merged.putAll(value);
    return new ImportOptions(
        delimiter, charset, quoting, merged, defaultLabel, programme, sourceId, maxProblems);
  }

  public ImportOptions withDefaultLabel(String value) {
    return new ImportOptions(
        delimiter, charset, quoting, columns, value, programme, sourceId, maxProblems);
  }

  public ImportOptions withProgramme(String value) {
    return new ImportOptions(
        delimiter, charset, quoting, columns, defaultLabel, value, sourceId, maxProblems);
  }

  public ImportOptions withSourceId(String value) {
    return new ImportOptions(
        delimiter, charset, quoting, columns, defaultLabel, programme, value, maxProblems);
  }

  public ImportOptions withMaxProblems(int value) {
    return new ImportOptions(
        delimiter, charset, quoting, columns, defaultLabel, programme, sourceId, value);
  }
}
