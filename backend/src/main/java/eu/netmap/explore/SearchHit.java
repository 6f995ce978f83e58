package eu.netmap.explore;

/** A search result: a node's id, label and names. */
record SearchHit(String id, String label, String name, String nameEn) {}
