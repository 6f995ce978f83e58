package eu.netmap.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

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

  private static final java.util.regex.Pattern NOT_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  private NearDuplicates() {}

  /** The comparison key of an organisation name: "Alfa S.r.l." and "ALFA srl" give "alfa". */
  public static String key(String name) {
    String folded = NOT_WORD.matcher(Slugs.fold(name).replace(".", "")).replaceAll(" ").strip();
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
    Checker checker = new Checker(problems);
    batch.nodes().forEach(checker::add);
  }

  /**
   * Compares organisation names as they stream by, keeping the first organisation of each name key
   * (about 150 bytes per distinct name), then with {@link #checkStored} against the organisations
   * the database already holds.
   */
  public static final class Checker implements GraphSink {

    private record First(String id, String name, Origin origin) {}

    private final Problems problems;
    private final Map<String, First> first = new HashMap<>();

    public Checker(Problems problems) {
      this.problems = problems;
    }

    @Override
    public void add(NodeRecord node) {
      if (!GraphModel.ORGANISATION.equals(node.label()) || node.name() == null) {
        return;
      }
      String key = key(node.name());
      if (key.isEmpty()) {
        return;
      }
      First earlier = first.putIfAbsent(key, new First(node.id(), node.name(), node.origin()));
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

    @Override
    public void add(RelationshipRecord relationship) {}

    /**
     * Warns about every organisation of the input, not stored yet, whose name looks like the name
     * of an organisation the database holds under another id, suggesting that id.
     *
     * @param storedOrganisations streams the (id, name) of every stored organisation
     * @param storedAmong given ids, those the database holds as organisations
     */
    public void checkStored(
        Consumer<BiConsumer<String, String>> storedOrganisations,
        Function<Set<String>, Set<String>> storedAmong) {
      if (first.isEmpty()) {
        return;
      }
      Map<String, String[]> lookalikes = new LinkedHashMap<>();
      Map<String, First> mineById = new HashMap<>();
      storedOrganisations.accept(
          (id, name) -> {
            if (name == null) {
              return;
            }
            First mine = first.get(key(name));
            if (mine != null && !mine.id().equals(id)) {
              lookalikes.putIfAbsent(mine.id(), new String[] {id, name});
              mineById.put(mine.id(), mine);
            }
          });
      first.clear(); // not needed any more: the memory goes to the write
      if (lookalikes.isEmpty()) {
        return;
      }
      Set<String> stored = storedAmong.apply(lookalikes.keySet());
      lookalikes.forEach(
          (mineId, other) -> {
            if (stored.contains(mineId)) {
              return;
            }
            First mine = mineById.get(mineId);
            problems.warning(
                mine.origin(),
                "name",
                "'"
                    + mine.name()
                    + "' ("
                    + mine.id()
                    + ") looks like '"
                    + other[1]
                    + "' ("
                    + other[0]
                    + ", already in the database); if they are one organisation, merge them: use"
                    + " the id '"
                    + other[0]
                    + "'");
          });
    }
  }
}
