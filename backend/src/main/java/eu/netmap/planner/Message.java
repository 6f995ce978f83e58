package eu.netmap.planner;

import java.util.Map;

/**
 * A reason, gap or note of the planner: a stable code, its parameters (names with their ids,
 * counts) so a client can word it itself, and the text in the language asked for.
 *
 * @param code what kind of message it is, e.g. {@code members}, {@code no-ties}
 * @param params the values the text is made of
 * @param text the message in plain words
 */
record Message(String code, Map<String, Object> params, String text) {

  /** A node named in a message: its id and name. */
  record Ref(String id, String name) {}
}
