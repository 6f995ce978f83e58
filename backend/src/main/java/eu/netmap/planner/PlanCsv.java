package eu.netmap.planner;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A plan as CSV: {@code type,rank,id,name,nuts,score,tied,text}, one row per partner (type {@code
 * partner}, its reasons joined by " · ") and one per gap (type {@code gap-<kind>}).
 */
final class PlanCsv {

  static final String[] HEADER = {"type", "rank", "id", "name", "nuts", "score", "tied", "text"};

  private PlanCsv() {}

  static String write(Plan plan) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
      int rank = 0;
      for (Plan.Partner p : plan.partners()) {
        printer.printRecord(
            "partner",
            ++rank,
            p.id(),
            p.name(),
            p.nuts(),
            p.score(),
            p.tied(),
            String.join(" · ", p.reasons().stream().map(Message::text).toList()));
      }
      for (Plan.Gap g : plan.gaps()) {
        printer.printRecord("gap-" + g.kind(), null, g.id(), g.name(), null, null, null, g.text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
