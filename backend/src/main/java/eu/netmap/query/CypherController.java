package eu.netmap.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cypher}: read-only Cypher with a time-out and a row cap. */
@RestController
@RequestMapping("/api")
class CypherController {

  private static final Pattern POSITION =
      Pattern.compile("line (\\d+), column (\\d+) \\(offset: (\\d+)\\)");

  private final CypherService service;

  CypherController(CypherService service) {
    this.service = service;
  }

  /** Runs one read-only query; the answer holds the rows and the graph among them. */
  @PostMapping("/cypher")
  CypherResult run(@RequestBody CypherRequest request) {
    return service.run(request.query(), request.params());
  }

  @ExceptionHandler(CypherRefusedException.class)
  ProblemDetail refused(CypherRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Query refused");
    return problem;
  }

  @ExceptionHandler(Neo4jException.class)
  ProblemDetail failed(Neo4jException e) {
    return CypherErrors.problem(e);
  }

  /** How database errors read to the user. */
  static final class CypherErrors {

    private CypherErrors() {}

    static ProblemDetail problem(Neo4jException e) {
      String code = e.code() == null ? "" : e.code();
      HttpStatus status;
      String title;
      if (code.contains("TransactionTimedOut") || code.contains("Transaction.Terminated")) {
        status = HttpStatus.REQUEST_TIMEOUT;
        title = "Query timed out";
      } else if (code.contains("AccessMode") || code.contains("Security.Forbidden")) {
        status = HttpStatus.FORBIDDEN;
        title = "Query refused";
      } else if (code.contains("MemoryPoolOutOfMemory") || code.contains("TransientError")) {
        status = HttpStatus.UNPROCESSABLE_CONTENT;
        title = "Query too large";
      } else if (e instanceof ClientException) {
        status = HttpStatus.BAD_REQUEST;
        title = code.contains("Syntax") ? "Syntax error" : "Query error";
      } else {
        status = HttpStatus.INTERNAL_SERVER_ERROR;
        title = "Database error";
      }
      String detail = e.getMessage();
      if (status == HttpStatus.REQUEST_TIMEOUT) {
        detail =
            "The query ran longer than the console's time-out (netmap.cypher.timeout) and was stopped.";
      } else if (status == HttpStatus.FORBIDDEN) {
        detail = "Refused: the console is read-only. " + e.getMessage();
      }
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      problem.setTitle(title);
      problem.setProperty("neo4jCode", code);
      Matcher position = POSITION.matcher(e.getMessage() == null ? "" : e.getMessage());
      if (position.find()) {
        problem.setProperty("line", Integer.parseInt(position.group(1)));
        problem.setProperty("column", Integer.parseInt(position.group(2)));
        problem.setProperty("offset", Integer.parseInt(position.group(3)));
      }
      return problem;
    }
  }
}
