package eu.netmap.planner;

import eu.netmap.system.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner regions for interregional cooperation, ranked and explained. */
@RestController
@RequestMapping("/api/planner")
class PlannerController {

  static final int LIMIT_DEFAULT = 10;
  static final int LIMIT_MAX = 500;

  private final PlannerService planner;

  PlannerController(PlannerService planner) {
    this.planner = planner;
  }

  /**
   * Partner regions for a region (id or NUTS code), optionally on a theme, with the region's gaps.
   */
  @GetMapping
  Plan plan(
      @RequestParam String region,
      @RequestParam(required = false) String theme,
      @RequestParam(defaultValue = "" + LIMIT_DEFAULT) int limit) {
    BadRequestException.checkRange("limit", limit, 1, LIMIT_MAX);
    return planner.plan(region, theme == null || theme.isBlank() ? null : theme.trim(), limit);
  }

  /**
   * The regions and their ties for the map: NUTS codes, ties with weights and the collaborations
   * behind them, optionally of one programme period (2000-2006, 2007-2013, 2014-2020, 2021-2027).
   */
  @GetMapping("/map")
  RegionMap map(@RequestParam(required = false) String period) {
    return planner.map(period == null || period.isBlank() ? null : period.trim());
  }
}
