package eu.netmap.analytics;

import java.util.List;

/**
 * A node as analytics see it.
 *
 * @param id the node's id
 * @param label its label (Organisation, Region, Network, Project …)
 * @param name its name in the original language
 * @param nameEn its English name, or null
 * @param period the programming period of a collaboration, or null
 * @param themes ids of the themes it addresses (collaborations) or that its collaborations address
 *     (actors)
 * @param sourced true when it names at least one source
 * @param declared the declared member or partner count, or null
 */
public record SnapshotNode(
    String id,
    String label,
    String name,
    String nameEn,
    String period,
    List<String> themes,
    boolean sourced,
    Long declared) {}
