package eu.netmap.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A relationship as a change sees it: identified by (source id, type, target id), with every
 * property ({@code role}, {@code since}, {@code sources}, {@code version} …) in key order.
 */
record RelState(String source, String type, String target, Map<String, Object> properties) {

  RelState {
    properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  /** The identity of a relationship: {@code source|TYPE|target}. */
  static String key(String source, String type, String target) {
    return source + "|" + type + "|" + target;
  }

  String key() {
    return key(source, type, target);
  }

  long version() {
    return NodeState.version(properties);
  }

  List<String> sources() {
    return NodeState.strings(properties.get("sources"));
  }

  RelState with(Map<String, Object> newProperties) {
    return new RelState(source, type, target, newProperties);
  }

  /** The relationship as the API shows it. */
  LinkView view() {
    return new LinkView(source, target, type, properties, version());
  }

  /** The relationship as stored in the audit log. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", source);
    json.put("type", type);
    json.put("target", target);
    json.put("properties", properties);
    return json;
  }
}
