"""Reference values for AnalyticsApiTests: the seed dataset's views rebuilt from the YAML with
networkx, independently of the Java code.

Run: python3 backend/src/test/python/seed_reference.py
"""

import itertools

import networkx as nx
import yaml

seed = yaml.safe_load(open("import/src/main/resources/seed/netmap-seed.yaml"))
label = {n["id"]: n["label"] for n in seed["nodes"]}
for s in seed["sources"]:
    label[s["id"]] = "Source"
rels = seed["relationships"]
ACTORS, COLLABS = {"Organisation", "Region"}, {"Network", "Project"}

takes = {}
for r in rels:
    if r["type"] in ("MEMBER_OF", "PARTICIPATES_IN") and label[r["from"]] in ACTORS and label[r["to"]] in COLLABS:
        takes.setdefault(r["from"], set()).add(r["to"])
located = {}
parent = {}
for r in rels:
    if r["type"] == "LOCATED_IN":
        located.setdefault(r["to"], set()).add(r["from"])
    if r["type"] == "PART_OF" and label[r["from"]] == "Region" and label[r["to"]] == "Region":
        parent.setdefault(r["from"], set()).add(r["to"])


def closure(start, nxt):
    seen, todo = set(), list(nxt.get(start, ()))
    while todo:
        x = todo.pop()
        if x not in seen and x != start:
            seen.add(x)
            todo.extend(nxt.get(x, ()))
    return seen


children = {}
for c, ps in parent.items():
    for p in ps:
        children.setdefault(p, set()).add(c)


def projection(collabs_of, excluded=lambda a, b: False):
    G = nx.Graph()
    G.add_nodes_from(collabs_of)
    for a, b in itertools.combinations(collabs_of, 2):
        shared = collabs_of[a] & collabs_of[b]
        if shared and not excluded(a, b):
            G.add_edge(a, b, weight=len(shared), via=sorted(shared))
    return G


actors = {i: takes.get(i, set()) for i, l in label.items() if l == "Organisation" or i in takes}
A = projection(actors)
regions = {}
for i, l in label.items():
    if l == "Region":
        places = closure(i, children) | {i}
        regions[i] = set().union(*[takes.get(p, set()) | set().union(*[takes.get(o, set()) for o in located.get(p, ())]) for p in places])
R = projection(regions, lambda a, b: a in closure(b, parent) or b in closure(a, parent))

S = nx.Graph()
S.add_nodes_from(label)
S.add_edges_from((r["from"], r["to"]) for r in rels)

for name, G in (("actors", A), ("regions", R), ("stored", S)):
    print(f"== {name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    deg = dict(G.degree())
    print("degree top", sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
    print("weighted-degree top", sorted(dict(G.degree(weight="weight")).items(), key=lambda kv: -kv[1])[:6])
    pr = nx.pagerank(G, weight="weight")
    print("pagerank top", sorted(pr.items(), key=lambda kv: -kv[1])[:4])
    bc = nx.betweenness_centrality(G)
    print("betweenness top", sorted(bc.items(), key=lambda kv: -kv[1])[:5])
    con = nx.constraint(G, nodes=list(G), weight="weight")
    print("constraint low", sorted(((v, c) for v, c in con.items() if c == c), key=lambda kv: kv[1])[:5])
    print("components", sorted((len(c) for c in nx.connected_components(G)), reverse=True))
    print("cutpoints", sorted(nx.articulation_points(G)))
    print("bridges", sorted(tuple(sorted(b)) for b in nx.bridges(G)))
    print("isolated", sorted(nx.isolates(G)))
    comms = nx.community.louvain_communities(G, weight="weight", seed=1)
    print("louvain modularity", nx.community.modularity(G, comms, weight="weight"), len(comms))

print("esfconet ties", [(a, b, d) for a, b, d in A.edges(data=True) if "esfconet" in d["via"]])
print("regions edges", sorted((a, b, d["weight"], d["via"]) for a, b, d in R.edges(data=True)))
print("AA romania", sorted(((round(p, 10), v) for _, v, p in nx.adamic_adar_index(R, [("romania", x) for x in R if x != "romania" and not R.has_edge("romania", x)]) if p > 0), reverse=True))
for n in seed["nodes"]:
    d = n.get("declaredMembers", n.get("declaredPartners"))
    if d is not None:
        mapped = sum(1 for r in rels if r["to"] == n["id"] and r["type"] in ("MEMBER_OF", "PARTICIPATES_IN"))
        print("declared", n["id"], d, mapped)
