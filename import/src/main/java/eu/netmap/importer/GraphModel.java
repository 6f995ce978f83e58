package eu.netmap.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The netmap graph model: which labels exist, which relationship types may join which labels, and
 * the shape of ids. One place, used by every reader and by the schema set-up.
 */
public final class GraphModel {

  public static final String ORGANISATION = "Organisation";
  public static final String REGION = "Region";
  public static final String NETWORK = "Network";
  public static final String PROJECT = "Project";
  public static final String THEME = "Theme";
  public static final String EVENT = "Event";
  public static final String SOURCE = "Source";

  /**
   * The label of nodes an import has written but not yet made visible (see {@code Staging}): they
   * carry no model label yet, and readers that scan every node leave them out with {@code WHERE NOT
   * n:NetmapStaged}.
   */
  public static final String STAGED = "NetmapStaged";

  /** Every label a netmap node can have, in display order. */
  public static final List<String> LABELS =
      List.of(ORGANISATION, REGION, NETWORK, PROJECT, THEME, EVENT, SOURCE);

  /** Labels of actors, the ones that take part in collaborations. */
  public static final Set<String> ACTORS = Set.of(ORGANISATION, REGION);

  /** Labels of collaborations, the ones actors take part in. */
  public static final Set<String> COLLABORATIONS = Set.of(NETWORK, PROJECT);

  /** Relationship types and the (from label, to label) pairs each allows. */
  public static final Map<String, Set<List<String>>> RELATIONSHIPS =
      Map.of(
          "LOCATED_IN", Set.of(List.of(ORGANISATION, REGION)),
          "PART_OF", Set.of(List.of(REGION, REGION), List.of(EVENT, PROJECT)),
          "MEMBER_OF", Set.of(List.of(ORGANISATION, NETWORK), List.of(REGION, NETWORK)),
          "PARTICIPATES_IN", Set.of(List.of(ORGANISATION, PROJECT), List.of(REGION, PROJECT)),
          "LINKED_TO",
              Set.of(
                  List.of(NETWORK, NETWORK),
                  List.of(NETWORK, PROJECT),
                  List.of(PROJECT, NETWORK),
                  List.of(PROJECT, PROJECT)),
          "ADDRESSES", Set.of(List.of(NETWORK, THEME), List.of(PROJECT, THEME)),
          "HELD_IN", Set.of(List.of(EVENT, REGION)));

  /** Roles an actor can hold in a network or project. */
  public static final Set<String> ROLES =
      Set.of(
          "member",
          "lead",
          "partner",
          "secretariat",
          "presidency",
          "coordinator",
          "funder",
          "associated",
          "founder");

  /** Property names with a fixed meaning on every node. */
  public static final Set<String> NODE_KEYS = Set.of("id", "label", "name", "nameEn", "sources");

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[-_.][a-z0-9]+)*");

  private GraphModel() {}

  /** True when the text is a valid netmap id: a lower-case ASCII slug. */
  public static boolean isValidId(String id) {
    return id != null && id.length() <= 200 && ID.matcher(id).matches();
  }

  /** True when a relationship of this type may go from a node of one label to the other. */
  public static boolean allows(String type, String fromLabel, String toLabel) {
    Set<List<String>> pairs = RELATIONSHIPS.get(type);
    return pairs != null && pairs.contains(List.of(fromLabel, toLabel));
  }
}
