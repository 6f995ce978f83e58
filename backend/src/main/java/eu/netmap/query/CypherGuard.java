package eu.netmap.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first of the console's two locks: refuses, before anything runs, every query that could
 * write, administer the database, or reach files and the network. The second lock is the database
 * itself: queries run in read-only transactions, so a write the guard missed still fails.
 *
 * <p>The check works on tokens, with comments, string literals and back-quoted names taken out, so
 * that {@code RETURN "CREATE"} or a property called {@code `set`} is not mistaken for a clause.
 */
final class CypherGuard {

  /** Clauses and commands refused wherever they stand, with the reason given to the user. */
  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("CREATE", "CREATE writes to the database (or creates schema or users)"),
          Map.entry("MERGE", "MERGE writes to the database"),
          Map.entry("SET", "SET writes to the database"),
          Map.entry("DELETE", "DELETE writes to the database"),
          Map.entry("DETACH", "DETACH DELETE writes to the database"),
          Map.entry("REMOVE", "REMOVE writes to the database"),
          Map.entry("FOREACH", "FOREACH exists to write to the database"),
          Map.entry("DROP", "DROP changes the schema or the databases"),
          Map.entry("ALTER", "ALTER administers users and databases"),
          Map.entry("RENAME", "RENAME administers users, roles and databases"),
          Map.entry("GRANT", "GRANT administers privileges"),
          Map.entry("DENY", "DENY administers privileges"),
          Map.entry("REVOKE", "REVOKE administers privileges"),
          Map.entry("START", "START administers databases"),
          Map.entry("STOP", "STOP administers databases"),
          Map.entry("ENABLE", "ENABLE administers servers"),
          Map.entry("DEALLOCATE", "DEALLOCATE administers servers"),
          Map.entry("REALLOCATE", "REALLOCATE administers servers"),
          Map.entry("TERMINATE", "TERMINATE stops other users' transactions"),
          Map.entry("LOAD", "LOAD CSV reads files and URLs"),
          Map.entry("USE", "USE switches to another database"),
          Map.entry("TRANSACTIONS", "CALL … IN TRANSACTIONS is for batched writes"));

  /** What may follow SHOW: schema and the list of functions and procedures, nothing else. */
  private static final Set<String> SHOWABLE =
      Set.of(
          "INDEX",
          "INDEXES",
          "CONSTRAINT",
          "CONSTRAINTS",
          "FUNCTION",
          "FUNCTIONS",
          "PROCEDURE",
          "PROCEDURES");

  /** Read-only procedures that reach nothing but the graph and its schema. */
  static final Set<String> ALLOWED_PROCEDURES =
      Set.of(
          "db.labels",
          "db.relationshiptypes",
          "db.propertykeys",
          "db.schema.visualization",
          "db.schema.nodetypeproperties",
          "db.schema.reltypeproperties",
          "db.index.fulltext.querynodes",
          "db.index.fulltext.queryrelationships",
          "db.index.fulltext.listavailableanalyzers");

  private CypherGuard() {}

  /** Throws {@link CypherRefusedException} naming the reason when the query must not run. */
  static void check(String query) {
    if (query == null || query.isBlank()) {
      throw new CypherRefusedException("The query is empty.");
    }
    List<Token> tokens = tokens(query);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind != Kind.WORD || isNameInContext(tokens, i)) {
        continue;
      }
      String word = token.text.toUpperCase(Locale.ROOT);
      String reason = REFUSED.get(word);
      if (reason != null) {
        throw new CypherRefusedException(
            "Refused: "
                + reason
                + "; the console is read-only. (A name that happens to be this keyword can be"
                + " written in back-quotes, e.g. `"
                + token.text.toLowerCase(Locale.ROOT)
                + "`.)");
      }
      if (word.equals("SHOW")) {
        checkShow(tokens, i);
      }
      if (word.equals("CALL")) {
        checkCall(tokens, i);
      }
    }
  }

  private static void checkShow(List<Token> tokens, int at) {
    for (int i = at + 1; i < Math.min(tokens.size(), at + 4); i++) {
      Token token = tokens.get(i);
      if (token.kind == Kind.WORD && SHOWABLE.contains(token.text.toUpperCase(Locale.ROOT))) {
        return;
      }
    }
    throw new CypherRefusedException(
        "Refused: SHOW is allowed only for indexes, constraints, functions and procedures; users,"
            + " databases, settings, servers and transactions are administration.");
  }

  private static void checkCall(List<Token> tokens, int at) {
    if (at + 1 >= tokens.size()) {
      return;
    }
    Token next = tokens.get(at + 1);
    if (next.kind == Kind.SYMBOL && (next.text.equals("{") || next.text.equals("("))) {
      return; // a subquery: CALL { … } or CALL (x) { … }; its clauses are checked like the rest
    }
    StringBuilder name = new StringBuilder();
    for (int i = at + 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind == Kind.WORD || token.kind == Kind.QUOTED_NAME) {
        name.append(token.text);
      } else if (token.kind == Kind.SYMBOL && token.text.equals(".")) {
        name.append('.');
      } else {
        break;
      }
    }
    String procedure = name.toString().toLowerCase(Locale.ROOT);
    if (!ALLOWED_PROCEDURES.contains(procedure)) {
      throw new CypherRefusedException(
          "Refused: the procedure '"
              + name
              + "' is not allowed in the console. Allowed procedures: "
              + ALLOWED_PROCEDURES.stream().sorted().toList()
              + ".");
    }
  }

  /**
   * A word used as a name, not a keyword: a property ({@code n.set}), a label or type ({@code
   * :Create}), a parameter ({@code $delete}) or a map key ({@code {set: 1}}).
   */
  private static boolean isNameInContext(List<Token> tokens, int i) {
    if (i > 0) {
      Token before = tokens.get(i - 1);
      if (before.kind == Kind.SYMBOL
          && (before.text.equals(".") || before.text.equals(":") || before.text.equals("$"))) {
        return true;
      }
    }
    if (i + 1 < tokens.size()) {
      Token after = tokens.get(i + 1);
      // {set: 1} is a map key and (set:Label) a variable; no clause keyword is followed by ':'
      return after.kind == Kind.SYMBOL && after.text.equals(":");
    }
    return false;
  }

  private enum Kind {
    WORD,
    QUOTED_NAME,
    SYMBOL,
    LITERAL
  }

  private record Token(Kind kind, String text) {}

  /** Splits a query into words, back-quoted names, literals and symbols, dropping comments. */
  static List<Token> tokens(String query) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '/') {
        while (i < n && query.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
        int end = query.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n && query.charAt(j) != c) {
          j += query.charAt(j) == '\\' ? 2 : 1;
        }
        tokens.add(new Token(Kind.LITERAL, ""));
        i = Math.min(n, j + 1);
      } else if (c == '`') {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        while (j < n) {
          if (query.charAt(j) == '`') {
            if (j + 1 < n && query.charAt(j + 1) == '`') {
              name.append('`');
              j += 2;
              continue;
            }
            break;
          }
          name.append(query.charAt(j++));
        }
        tokens.add(new Token(Kind.QUOTED_NAME, name.toString()));
        i = Math.min(n, j + 1);
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(query.charAt(j)) || query.charAt(j) == '_')) {
          j++;
        }
        tokens.add(new Token(Kind.WORD, query.substring(i, j)));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(query.charAt(j)) || query.charAt(j) == '.')) {
          j++;
        }
        tokens.add(new Token(Kind.LITERAL, query.substring(i, j)));
        i = j;
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
        i++;
      }
    }
    return tokens;
  }
}
