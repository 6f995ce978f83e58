package eu.netmap.backup;

import eu.netmap.graph.DataVersion;
import eu.netmap.importer.backup.BackupException;
import eu.netmap.importer.backup.BackupSummary;
import eu.netmap.importer.backup.GraphBackup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code GET /api/backup}: the whole graph (every node and relationship with every property, audit
 * log included; user accounts live elsewhere) as one JSON-lines file. {@code POST /api/restore}:
 * that file back as the request body, checked completely first, then put in place of the graph in
 * one transaction, after a backup of the graph as it was into the backups directory.
 */
@RestController
@RequestMapping("/api")
class BackupController {

  /** The media type of backups (newline-delimited JSON). */
  static final String MEDIA_TYPE = "application/x-ndjson";

  private final Driver driver;
  private final DataVersion dataVersion;
  private final BackupService backups;

  BackupController(Driver driver, DataVersion dataVersion, BackupService backups) {
    this.driver = driver;
    this.dataVersion = dataVersion;
    this.backups = backups;
  }

  /**
   * The outcome of a restore.
   *
   * @param restored what the graph now holds
   * @param previous the backup of the graph as it was before, in the backups directory
   */
  record RestoreResult(BackupSummary restored, String previous) {}

  @GetMapping("/backup")
  void backup(HttpServletResponse response) throws IOException {
    // written to a file first: a database error becomes an error answer, not a cut-off download
    Path file = Files.createTempFile("netmap-backup-", GraphBackup.EXTENSION);
    try {
      BackupSummary summary = GraphBackup.backup(driver, file, BackupService.netmapVersion());
      response.setContentType(MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.setContentLengthLong(Files.size(file));
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment()
              .filename(BackupService.fileName(Instant.parse(summary.createdAt())))
              .build()
              .toString());
      try (OutputStream out = response.getOutputStream()) {
        Files.copy(file, out);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @PostMapping("/restore")
  synchronized RestoreResult restore(HttpServletRequest request) throws IOException {
    Path file = Files.createTempFile("netmap-restore-", GraphBackup.EXTENSION);
    try {
      try (InputStream body = body(request)) {
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      }
      GraphBackup.validate(file);
      Path previous = backups.backupNow();
      BackupSummary restored = GraphBackup.restore(driver, file);
      dataVersion.bump();
      return new RestoreResult(restored, previous.getFileName().toString());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The request body; for a multipart form (curl -F), its first file. */
  private static InputStream body(HttpServletRequest request) throws IOException {
    if (request instanceof MultipartHttpServletRequest multipart) {
      for (MultipartFile part : multipart.getFileMap().values()) {
        return part.getInputStream();
      }
    }
    String type = request.getContentType();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      try {
        for (Part part : request.getParts()) {
          return part.getInputStream();
        }
      } catch (jakarta.servlet.ServletException e) {
        throw new IOException(e);
      }
    }
    return request.getInputStream();
  }

  @ExceptionHandler(BackupException.class)
  ProblemDetail invalid(BackupException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage() + "; nothing was changed.");
    problem.setTitle("Invalid backup");
    if (e.line() > 0) {
      problem.setProperty("line", e.line());
    }
    return problem;
  }

  @ExceptionHandler(Neo4jException.class)
  ProblemDetail refused(Neo4jException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The database refused; nothing was changed: " + e.getMessage());
    problem.setTitle("Refused by the database");
    return problem;
  }
}
