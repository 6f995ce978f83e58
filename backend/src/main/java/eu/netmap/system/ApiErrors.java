package eu.netmap.system;

import eu.netmap.analytics.ViewTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error shape of the API: RFC 9457 ProblemDetail, with a detail that says what was wrong
 * and what is allowed.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad request");
    if (e.parameter() != null) {
      problem.setProperty("parameter", e.parameter());
    }
    if (!e.allowed().isEmpty()) {
      problem.setProperty("allowed", e.allowed());
    }
    return problem;
  }

  /**
   * 503 with a stable {@code code} ({@value #VIEW_TOO_LARGE}) for clients to act on, and title and
   * detail in the language asked for ({@code lang=it|en}, else Accept-Language, else English).
   */
  @ExceptionHandler(ViewTooLargeException.class)
  ProblemDetail tooLarge(ViewTooLargeException e, HttpServletRequest request) {
    String lang = language(request.getParameter("lang"), request.getHeader("Accept-Language"));
    Texts texts = new Texts("eu.netmap.system.Problems", lang);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            texts.format(
                VIEW_TOO_LARGE + ".detail",
                e.view().key(),
                e.ties(),
                e.budgetBytes() / (1024 * 1024)));
    problem.setTitle(texts.format(VIEW_TOO_LARGE + ".title"));
    problem.setProperty("code", VIEW_TOO_LARGE);
    problem.setProperty("lang", lang);
    problem.setProperty("view", e.view().key());
    problem.setProperty("ties", e.ties());
    problem.setProperty("budgetBytes", e.budgetBytes());
    return problem;
  }

  /** The code of the problem "this view would not fit in the heap analytics may use". */
  static final String VIEW_TOO_LARGE = "view-too-large";

  /** it or en: the lang parameter when it is one of them, else Accept-Language's best, else en. */
  static String language(String lang, String acceptLanguage) {
    if (lang != null) {
      String asked = lang.strip().toLowerCase(Locale.ROOT);
      if (Texts.LANGUAGES.contains(asked)) {
        return asked;
      }
    }
    String best = Texts.fromAcceptLanguage(acceptLanguage);
    return best != null ? best : "en";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    problem.setTitle("Bad request");
    problem.setProperty("parameter", e.getName());
    return problem;
  }
}
