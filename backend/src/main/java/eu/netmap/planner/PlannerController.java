package eu.netmap.planner;

import eu.netmap.system.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner regions for interregional cooperation, ranked and explained; the map; the themes. */
@RestController
class PlannerController {

  static final int LIMIT_DEFAULT = 10;
  static final int LIMIT_MAX = 500;
  static final int VIA_DEFAULT = 10;
  static final int COLLABORATIONS_DEFAULT = 100;
  static final int LIST_MAX = 100_000;

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final PlannerService planner;

  PlannerController(PlannerService planner) {
    this.planner = planner;
  }

  /**
   * Partner regions for a region (id, NUTS 2021 or 2016 code, or name), optionally on a theme, with
   * the region's gaps; reasons in Italian or English ({@code lang}, else Accept-Language); ranked
   * at one level (places folded into their region) unless {@code fold=false}.
   */
  @GetMapping("/api/planner")
  Plan plan(
      @RequestParam String region,
      @RequestParam(required = false) String theme,
      @RequestParam(defaultValue = "" + LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) String lang,
      @RequestParam(defaultValue = "true") boolean fold,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    BadRequestException.checkRange("limit", limit, 1, LIMIT_MAX);
    return planner.plan(
        region,
        theme == null || theme.isBlank() ? null : theme.trim(),
        limit,
        PlanText.choose(lang, accept),
        fold);
  }

  /** The same plan as a CSV file: one row per partner, then one per gap. */
  @GetMapping("/api/planner/csv")
  ResponseEntity<byte[]> csv(
      @RequestParam String region,
      @RequestParam(required = false) String theme,
      @RequestParam(defaultValue = "" + LIMIT_DEFAULT) int limit,
      @RequestParam(required = false) String lang,
      @RequestParam(defaultValue = "true") boolean fold,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    Plan plan = plan(region, theme, limit, lang, fold, accept);
    String name =
        "netmap-plan-"
            + plan.region().id()
            + (plan.theme() == null ? "" : "-" + plan.theme().id())
            + ".csv";
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(PlanCsv.write(plan).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The regions and their ties for the map: NUTS codes, ties with weights and the collaborations
   * behind them, optionally of one programme period (2000-2006, 2007-2013, 2014-2020, 2021-2027).
   * Each tie lists at most {@code via} of its collaborations and each region at most {@code
   * collaborations} of its own (the first by id): a programme graph has ties of thousands. The
   * weights and {@code collaborationCount} count them all.
   */
  @GetMapping("/api/planner/map")
  RegionMap map(
      @RequestParam(required = false) String period,
      @RequestParam(defaultValue = "" + VIA_DEFAULT) int via,
      @RequestParam(defaultValue = "" + COLLABORATIONS_DEFAULT) int collaborations) {
    BadRequestException.checkRange("via", via, 0, LIST_MAX);
    BadRequestException.checkRange("collaborations", collaborations, 0, LIST_MAX);
    return planner.map(
        period == null || period.isBlank() ? null : period.trim(), via, collaborations);
  }

  /** Every theme with how many networks, projects, organisations and regions work on it. */
  @GetMapping("/api/themes")
  List<ThemeInfo> themes() {
    return planner.themes();
  }
}
