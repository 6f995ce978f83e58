package eu.netmap.exchange;

import eu.netmap.analytics.View;
import eu.netmap.query.CypherRequest;
import eu.netmap.query.CypherService;
import java.io.ByteArrayOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads of the graph, a view or a console query's graph, for Gephi, R, Python and Kumu. */
@RestController
@RequestMapping("/api")
class ExportController {

  /** Response header naming the data version an export was made from. */
  static final String DATA_VERSION_HEADER = "X-Netmap-Data-Version";

  private final ExportService exports;
  private final CypherService cypher;

  ExportController(ExportService exports, CypherService cypher) {
    this.exports = exports;
    this.cypher = cypher;
  }

  /** The stored graph or an analytics view, with metrics, as a file. */
  @GetMapping("/export")
  ResponseEntity<byte[]> export(
      @RequestParam(defaultValue = "graphml") String format,
      @RequestParam(defaultValue = "stored") String view) {
    ExportFormat parsedFormat = ExportFormat.parse(format);
    return file(exports.view(View.parse(view)), parsedFormat);
  }

  /** The graph of a read-only console query's result, as a file. */
  @PostMapping("/cypher/export")
  ResponseEntity<byte[]> exportQuery(
      @RequestParam(defaultValue = "graphml") String format, @RequestBody CypherRequest request) {
    ExportFormat parsedFormat = ExportFormat.parse(format);
    return file(exports.query(cypher.run(request.query(), request.params())), parsedFormat);
  }

  private static ResponseEntity<byte[]> file(ExportGraph graph, ExportFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportWriter.write(graph, format, out);
    String name =
        "netmap-"
            + graph.name()
            + "-"
            + graph.exportedAt().substring(0, 10)
            + "-"
            + graph.dataVersion()
            + "."
            + format.extension();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(format.mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header(DATA_VERSION_HEADER, graph.dataVersion())
        .body(out.toByteArray());
  }
}
