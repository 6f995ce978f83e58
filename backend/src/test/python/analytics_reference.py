"""Reference values for the analytics unit tests, computed with networkx.

Run: python3 backend/src/test/python/analytics_reference.py
The printed numbers are copied into AnalyticsAlgorithmsTests (each constant names the call).
"""

import networkx as nx

print("networkx", nx.__version__)


def show(name, values, digits=10):
    print(name + " = {" + ", ".join(f"{values[v]:.{digits}f}" for v in sorted(values)) + "};")


# Zachary's karate club, unweighted (the 'weight' attribute networkx ships is ignored).
K = nx.karate_club_graph()
print("karate edges", [(u, v) for u, v in K.edges()])
show("KARATE_PAGERANK", nx.pagerank(K, alpha=0.85, weight=None, tol=1e-12, max_iter=1000))
show("KARATE_BETWEENNESS", nx.betweenness_centrality(K, normalized=True))
show("KARATE_HARMONIC", nx.harmonic_centrality(K))
show("KARATE_CLUSTERING", nx.clustering(K))
show("KARATE_CONSTRAINT", nx.constraint(K))
show("KARATE_EFFECTIVE_SIZE", nx.effective_size(K))
print("KARATE_CORE", [nx.core_number(K)[v] for v in sorted(K)])
print("KARATE_CUTPOINTS", sorted(nx.articulation_points(K)))
print("KARATE_BRIDGES", sorted(nx.bridges(K)))
mods = [
    nx.community.modularity(K, nx.community.louvain_communities(K, weight=None, seed=s), weight=None)
    for s in range(300)
]
print("KARATE_LOUVAIN_MODULARITY seeds 0-299 mean/min/max", sum(mods) / len(mods), min(mods), max(mods))
# Adamic-Adar and resource allocation for node 0's non-neighbours.
non = [(0, v) for v in K if v != 0 and not K.has_edge(0, v)]
print("KARATE_AA_0", sorted(((round(p, 10), v) for _, v, p in nx.adamic_adar_index(K, non)), reverse=True)[:5])
print("KARATE_RA_0", sorted(((round(p, 10), v) for _, v, p in nx.resource_allocation_index(K, non)), reverse=True)[:5])

# A small weighted graph: two triangles-ish joined through d-e-f, a tail g-h.
W = nx.Graph()
W.add_weighted_edges_from(
    [("a", "b", 3), ("a", "c", 1), ("b", "c", 2), ("c", "d", 1), ("d", "e", 4), ("d", "f", 1),
     ("e", "f", 2), ("f", "g", 1), ("g", "h", 2), ("e", "g", 1)]
)
show("W_WEIGHTED_DEGREE", dict(W.degree(weight="weight")))
show("W_PAGERANK", nx.pagerank(W, alpha=0.85, weight="weight", tol=1e-12, max_iter=1000))
show("W_BETWEENNESS", nx.betweenness_centrality(W, normalized=True))
show("W_HARMONIC", nx.harmonic_centrality(W))
show("W_CONSTRAINT", nx.constraint(W, weight="weight"))
# networkx's per-node path (Burt's definition); without nodes= its sparse path differs when weighted
show("W_EFFECTIVE_SIZE", nx.effective_size(W, nodes=list(W), weight="weight"))
show("W_EFFECTIVE_SIZE (sparse path)", nx.effective_size(W, weight="weight"))
show("W_CLUSTERING", nx.clustering(W))
print("W_CUTPOINTS", sorted(nx.articulation_points(W)))
print("W_BRIDGES", sorted(tuple(sorted(b)) for b in nx.bridges(W)))
wm = [
    (nx.community.modularity(W, c, weight="weight"), sorted(sorted(x) for x in c))
    for c in (nx.community.louvain_communities(W, weight="weight", seed=s) for s in range(5))
]
print("W_LOUVAIN", wm)
print("W_MODULARITY_abc_defgh", nx.community.modularity(W, [{"a", "b", "c"}, {"d", "e", "f", "g", "h"}], weight="weight"))

# Two 5-cliques joined by one edge.
C = nx.Graph()
C.add_edges_from(nx.complete_graph(range(5)).edges())
C.add_edges_from(nx.complete_graph(range(5, 10)).edges())
C.add_edge(4, 5)
print("CLIQUES_LOUVAIN", [sorted(c) for c in nx.community.louvain_communities(C, seed=1)],
      nx.community.modularity(C, [set(range(5)), set(range(5, 10))]))
