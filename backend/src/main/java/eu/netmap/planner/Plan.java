package eu.netmap.planner;

import java.util.List;
import java.util.Map;

/**
 * The planner's answer for one region.
 *
 * @param region the region planned for
 * @param theme the theme asked for, or null
 * @param lang the language of the texts: en or it
 * @param level what partners are ranked as: {@code regions} (places folded into their region),
 *     {@code countries} (when a country is planned for) or {@code all} (no folding)
 * @param dataVersion the data version the plan was computed at: the hash exports name too
 * @param notes what to know about the answer: the code was a NUTS 2016 code, the region has no ties
 *     yet, the level of the ranking
 * @param partners partner regions, best first
 * @param gaps what the region lacks: themes with no partner, networks of its partners it is not in,
 *     ties that rest on a single organisation
 * @param sources the sources of the collaborations the plan names
 */
record Plan(
    RegionRef region,
    ThemeRef theme,
    String lang,
    String level,
    String dataVersion,
    List<Message> notes,
    List<Partner> partners,
    List<Gap> gaps,
    List<SourceRef> sources) {

  /**
   * A region: its id, name, NUTS code (null outside NUTS) and level (country, nuts1, nuts2, nuts3,
   * municipality, or null).
   */
  record RegionRef(String id, String name, String nuts, String level) {}

  /** A theme: its id and names. */
  record ThemeRef(String id, String name, String nameEn) {}

  /**
   * A partner region.
   *
   * @param id its id
   * @param name its name
   * @param nuts its NUTS code, or null
   * @param score the ranking score (see {@link PlannerService})
   * @param tied true when the two regions already share a collaboration
   * @param includes the places (or regions) counted as part of it
   * @param reasons why, each with its code, parameters and text
   */
  record Partner(
      String id,
      String name,
      String nuts,
      double score,
      boolean tied,
      List<Message.Ref> includes,
      List<Message> reasons) {}

  /**
   * A gap.
   *
   * @param kind {@code theme} (no partner on it), {@code network} (partners are in it, the region
   *     is not) or {@code single-organisation} (a tie resting on one organisation)
   * @param id the theme, network or partner region concerned
   * @param name its name
   * @param text the gap in plain words
   * @param params the values the text is made of
   */
  record Gap(String kind, String id, String name, String text, Map<String, Object> params) {}

  /** A Source node: id, title, publisher and date where known. */
  record SourceRef(String id, String title, String publisher, String date) {}
}
