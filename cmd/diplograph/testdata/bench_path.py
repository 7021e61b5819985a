#!/usr/bin/python3
"""Compare 'diplograph path A B --k 3' with networkx on the same graph.

Usage:
  bench_path.py BIN STORE GRAPHML [RUNS]      the comparison (medians)
  bench_path.py --nx GRAPHML A B              one networkx query, as a process

The pairs are ten pairs of well-connected actors: the i-th and the
(31-i)-th of 'diplograph entities --limit 30' (most connected first), as in
BenchmarkReutersPathExec. The diplograph side runs the binary (process
start and store opening included). The networkx side runs, as a process,
Python, the networkx import, reading the GraphML and the query; its query
alone is timed too, on a graph loaded once. Both use the same cost: a hop
costs 1 + 0.1/(1 + evidence), evidence summed over the relations that tie
the pair, either way (graph.Cost).
"""
import itertools
import json
import resource
import statistics
import subprocess
import sys
import time


def load(graphml):
    import networkx as nx
    d = nx.read_graphml(graphml)
    g = nx.Graph()
    ids = {}
    for n, attrs in d.nodes(data=True):
        ids[n] = attrs.get("actor_id", n)
        g.add_node(ids[n])
    for u, v, attrs in d.edges(data=True):
        a, b = ids[u], ids[v]
        if a == b:
            continue
        ev = int(attrs.get("evidence", 1))
        if ev <= 0:
            continue
        if g.has_edge(a, b):
            g[a][b]["evidence"] += ev
        else:
            g.add_edge(a, b, evidence=ev)
    for a, b, attrs in g.edges(data=True):
        attrs["cost"] = 1 + 0.1 / (1 + attrs["evidence"])
    return g


def query(g, a, b, k=3, max_hops=4):
    import networkx as nx
    out = []
    try:
        for p in itertools.islice(nx.shortest_simple_paths(g, a, b, weight="cost"), k):
            if len(p) - 1 > max_hops:
                break
            out.append(p)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        pass
    return out


def timed(args):
    """Runs a process; returns its wall time and its CPU time (user + system)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main():
    if sys.argv[1] == "--nx":
        g = load(sys.argv[2])
        paths = query(g, sys.argv[3], sys.argv[4])
        print(json.dumps([len(p) - 1 for p in paths]))
        return
    bin_, store, graphml = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    out = subprocess.run([bin_, "--store", store, "--json", "entities", "--limit", "30"],
                         check=True, capture_output=True, text=True).stdout
    ids = [json.loads(line)["id"] for line in out.splitlines() if line.strip()]
    pairs = [(ids[i], ids[len(ids) - 1 - i]) for i in range(10)]

    ours, nxproc, nxquery, ourcpu, nxcpu = [], [], [], [], []
    g = load(graphml)
    for a, b in pairs:
        res = subprocess.run([bin_, "--store", store, "--json", "path", a, b, "--k", "3"],
                             check=True, capture_output=True, text=True).stdout
        our_hops = [json.loads(line)["hops"] for line in res.splitlines() if line.strip()]
        nx_hops = json.loads(subprocess.run([sys.executable, __file__, "--nx", graphml, a, b],
                                            check=True, capture_output=True, text=True).stdout)
        agree = "same hop counts" if our_hops == nx_hops else "DIFFERENT hop counts"
        print(f"{a} -> {b}: diplograph {our_hops}, networkx {nx_hops}: {agree}", file=sys.stderr)
        for _ in range(runs):
            wall, cpu = timed([bin_, "--store", store, "path", a, b, "--k", "3"])
            ours.append(wall)
            ourcpu.append(cpu)
            wall, cpu = timed([sys.executable, __file__, "--nx", graphml, a, b])
            nxproc.append(wall)
            nxcpu.append(cpu)
            t = time.perf_counter()
            query(g, a, b)
            nxquery.append(time.perf_counter() - t)
    m = {k: statistics.median(v) * 1000 for k, v in
         (("ours", ours), ("nxproc", nxproc), ("nxquery", nxquery), ("ourcpu", ourcpu), ("nxcpu", nxcpu))}
    print(f"graph: {g.number_of_nodes()} actors, {g.number_of_edges()} tied pairs; {len(pairs)} pairs x {runs} runs")
    print(f"diplograph path --k 3 (process, store open):   median {m['ours']:8.1f} ms")
    print(f"networkx (process, import, read GraphML, query): median {m['nxproc']:8.1f} ms   ratio {m['nxproc'] / m['ours']:6.1f}x")
    print(f"CPU time (user + system), process:  diplograph median {m['ourcpu']:.1f} ms, networkx median {m['nxcpu']:.1f} ms   ratio {m['nxcpu'] / max(m['ourcpu'], 0.001):6.1f}x")
    print(f"networkx query alone (graph in memory):          median {m['nxquery']:8.1f} ms   ratio {m['nxquery'] / m['ours']:6.2f}x")


if __name__ == "__main__":
    main()
