package eu.netmap.query;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cypher}: read-only Cypher with a time-out and a row cap. */
@RestController
@RequestMapping("/api")
class CypherController {

  private final CypherService service;

  CypherController(CypherService service) {
    this.service = service;
  }

  /** Runs one read-only query; the answer holds the rows and the graph among them. */
  @PostMapping("/cypher")
  CypherResult run(@RequestBody CypherRequest request) {
    return service.run(request.query(), request.params());
  }
}
