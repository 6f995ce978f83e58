package eu.netmap.edit;

import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change refused because its body does not fit the graph model: 400 ProblemDetail whose {@code
 * parameter} names the (first) field and whose {@code errors} list every problem found.
 */
final class InvalidChangeException extends ErrorResponseException {

  private final List<FieldProblem> problems;

  InvalidChangeException(List<FieldProblem> problems) {
    super(HttpStatus.BAD_REQUEST, body(distinct(problems)), null);
    this.problems = distinct(problems);
  }

  InvalidChangeException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  List<FieldProblem> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }

  private static List<FieldProblem> distinct(List<FieldProblem> problems) {
    return List.copyOf(new LinkedHashSet<>(problems));
  }

  private static ProblemDetail body(List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
    problem.setTitle("Bad request");
    problem.setProperty("parameter", problems.get(0).field());
    problem.setProperty(
        "errors",
        problems.stream()
            .map(p -> java.util.Map.of("field", p.field(), "message", p.message()))
            .toList());
    return problem;
  }
}
