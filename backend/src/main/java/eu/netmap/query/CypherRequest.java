package eu.netmap.query;

import java.util.Map;

/**
 * A console query.
 *
 * @param query the Cypher text; parameters are written {@code $name}
 * @param params values of the parameters, always bound, never pasted into the text
 */
public record CypherRequest(String query, Map<String, Object> params) {}
