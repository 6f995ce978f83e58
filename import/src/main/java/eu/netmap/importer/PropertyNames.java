package eu.netmap.importer;

import java.util.Locale;
import java.util.Set;

/** Column and attribute names turned into property names: "Declared members" → declaredMembers. */
public final class PropertyNames {

  /** Columns tools add for their own drawing, not facts about the network. */
  private static final Set<String> IGNORED =
      Set.of("timeset", "timestamp", "interval", "x", "y", "z", "size", "color", "r", "g", "b");

  private PropertyNames() {}

  /** The property name for a column header, or null when the column is not kept. */
  public static String of(String header) {
    String trimmed = header.strip();
    if (trimmed.isEmpty() || IGNORED.contains(trimmed.toLowerCase(Locale.ROOT))) {
      return null;
    }
    if (trimmed.matches("[A-Za-z][A-Za-z0-9]*")) {
      return trimmed.equals(trimmed.toUpperCase(Locale.ROOT))
          ? trimmed.toLowerCase(Locale.ROOT)
          : Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
    String[] words = Slugs.fold(trimmed).split("[^\\p{L}\\p{N}]+");
    StringBuilder name = new StringBuilder();
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      name.append(
          name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.length() == 0 ? null : name.toString();
  }
}
