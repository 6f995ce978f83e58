package eu.netmap.explore;

import java.util.Map;

/** Node counts by label and relationship counts by type. */
record GraphStats(Map<String, Long> nodes, Map<String, Long> relationships) {}
