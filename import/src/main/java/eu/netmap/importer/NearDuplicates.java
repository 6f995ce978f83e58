package eu.netmap.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds organisations that are probably the same one written two ways: names equal once case,
 * accents, punctuation and legal-form suffixes (S.r.l., GmbH, Ltd, ASBL, Onlus …) are ignored. They
 * are reported as warnings with a suggested merge, never merged silently: two different
 * organisations can share a name.
 */
public final class NearDuplicates {

  /** Legal-form words left out when comparing names (dots already removed). */
  static final Set<String> LEGAL_FORMS =
      Set.of(
          "srl",
          "srls",
          "spa",
          "sas",
          "snc",
          "scs",
          "scrl",
          "scarl",
          "sc",
          "arl",
          "onlus",
          "aps",
          "odv",
          "ets",
          "soc",
          "coop",
          "societa",
          "cooperativa",
          "gmbh",
          "ggmbh",
          "ag",
          "ev",
          "kg",
          "ohg",
          "ug",
          "eg",
          "ltd",
          "limited",
          "plc",
          "llp",
          "inc",
          "llc",
          "cic",
          "sa",
          "sarl",
          "sasu",
          "asbl",
          "aisbl",
          "vzw",
          "bv",
          "nv",
          "vof",
          "ab",
          "oy",
          "oyj",
          "as",
          "asa",
          "sl",
          "slu",
          "sau",
          "kft",
          "zrt",
          "nyrt",
          "doo",
          "dd",
          "sro",
          "spzoo",
          "sp",
          "zoo",
          "oo");

  private NearDuplicates() {}

  /** The comparison key of an organisation name: "Alfa S.r.l." and "ALFA srl" give "alfa". */
  public static String key(String name) {
    String folded = Slugs.fold(name).replace(".", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    List<String> words = new ArrayList<>(List.of(folded.split(" ")));
    while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.size() > 1 && words.get(0).equals("the")) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  /** Warns about every organisation whose name looks like an earlier one's under another id. */
  public static void check(GraphBatch batch, Problems problems) {
    Map<String, NodeRecord> first = new HashMap<>();
    for (NodeRecord node : batch.nodes()) {
      if (!GraphModel.ORGANISATION.equals(node.label()) || node.name() == null) {
        continue;
      }
      String key = key(node.name());
      if (key.isEmpty()) {
        continue;
      }
      NodeRecord earlier = first.putIfAbsent(key, node);
      if (earlier != null && !earlier.id().equals(node.id())) {
        problems.warning(
            node.origin(),
            "name",
            "'"
                + node.name()
                + "' ("
                + node.id()
                + ") looks like '"
                + earlier.name()
                + "' ("
                + earlier.id()
                + " at "
                + earlier.origin()
                + "); if they are one organisation, merge them: use the id '"
                + earlier.id()
                + "' for both");
      }
    }
  }
}
