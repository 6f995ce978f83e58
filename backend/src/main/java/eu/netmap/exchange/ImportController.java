package eu.netmap.exchange;

import eu.netmap.graph.DataVersion;
import eu.netmap.importer.ImportDatabase;
import eu.netmap.importer.ImportException;
import eu.netmap.importer.ImportFormat;
import eu.netmap.importer.ImportInput;
import eu.netmap.importer.ImportOptions;
import eu.netmap.importer.ImportProblem;
import eu.netmap.importer.Importer;
import eu.netmap.importer.PreparedImport;
import eu.netmap.importer.WriteSummary;
import eu.netmap.system.BadRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/import}: the importer library behind a login. Files are read, validated against
 * the model and the database, and stored all or nothing, or with {@code dryRun} only counted; any
 * error means nothing is stored.
 */
@RestController
@RequestMapping("/api")
class ImportController {

  private final ImportDatabase database;
  private final DataVersion dataVersion;

  /** {@code database}: the embedded one, written through its Java API, or the server's. */
  ImportController(ImportDatabase database, DataVersion dataVersion) {
    this.database = database;
    this.dataVersion = dataVersion;
  }

  /**
   * The outcome of an import.
   *
   * @param format the format read
   * @param dryRun true when nothing was stored
   * @param nodes nodes in the input
   * @param relationships relationships in the input
   * @param summary what was (or would be) created, updated and left unchanged
   * @param warnings near-duplicate names and other things worth a look, as {@code file:line: …}
   */
  record ImportResult(
      String format,
      boolean dryRun,
      int nodes,
      int relationships,
      WriteSummary summary,
      List<String> warnings) {}

  @PostMapping(path = "/import", consumes = "multipart/form-data")
  ImportResult importFiles(
      @RequestParam String format,
      @RequestPart(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) Character delimiter,
      @RequestParam(defaultValue = "UTF-8") String encoding,
      @RequestParam(defaultValue = "true") boolean quoting,
      @RequestParam(required = false) String programme) {
    ImportFormat parsed = parseFormat(format);
    List<ImportInput> inputs = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      try {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        inputs.add(ImportInput.of(name, file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ImportOptions options =
        ImportOptions.defaults()
            .withDelimiter(delimiter)
            .withCharset(charset(encoding))
            .withQuoting(quoting)
            .withProgramme(programme);
    PreparedImport prepared = Importer.prepare(parsed, inputs, options);
    WriteSummary summary = prepared.write(database, Importer.Write.defaults().withDryRun(dryRun));
    if (!dryRun && !summary.unchanged()) {
      dataVersion.bump();
    }
    return new ImportResult(
        parsed.cliName(),
        dryRun,
        (int) prepared.nodes(),
        (int) prepared.relationships(),
        summary,
        prepared.warnings().stream().map(ImportProblem::toString).toList());
  }

  @ExceptionHandler(ImportException.class)
  ProblemDetail invalid(ImportException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            e.problems().size()
                + (e.problems().size() == 1 ? " error" : " errors")
                + " in the input; nothing was written.");
    problem.setTitle("Invalid input");
    problem.setProperty("problems", e.problems().stream().map(ImportProblem::toString).toList());
    return problem;
  }

  private static ImportFormat parseFormat(String format) {
    try {
      return ImportFormat.of(format);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "format",
          "Unknown format '" + format + "'",
          Arrays.stream(ImportFormat.values()).map(ImportFormat::cliName).toList());
    }
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new BadRequestException("encoding", "Unknown encoding '" + name + "'");
    }
  }
}
