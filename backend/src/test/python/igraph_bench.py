"""Times python-igraph on the benchmark's edge lists; prints "name<TAB>seconds" lines whose names
match AnalyticsBenchmark's. Usage: igraph_bench.py BIG.edges SMALL.edges"""

import sys
import time

import igraph as ig


def timed(name, work):
    start = time.perf_counter()
    work()
    print(f"{name}\t{time.perf_counter() - start:.6f}", flush=True)


print("igraph", ig.__version__, flush=True)
g = ig.Graph.Read_Edgelist(sys.argv[1], directed=False)
timed("pagerank", lambda: g.pagerank(damping=0.85))
timed("components", lambda: g.connected_components())
timed("cut vertices + bridges", lambda: (g.articulation_points(), g.bridges()))
timed("louvain", lambda: g.community_multilevel())
timed("constraint", lambda: g.constraint())
small = ig.Graph.Read_Edgelist(sys.argv[2], directed=False)
timed("betweenness exact " + str(small.vcount()), lambda: small.betweenness())
