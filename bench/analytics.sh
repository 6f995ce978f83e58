#!/usr/bin/env bash
# Analytics benchmark: a Barabási–Albert graph (100,000 nodes, ~500,000 edges, seed 42) written
# into a fresh embedded Neo4j, snapshot read and measures timed, compared with python-igraph when
# it is installed (apt-get install -y python3-igraph). Usage: bench/analytics.sh [nodes]
set -euo pipefail
cd "$(dirname "$0")/.."
nodes="${1:-100000}"
exec mvn -B -q -pl backend -am test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.nodes="$nodes" -DargLine="-Xmx6g -Dbench.nodes=$nodes -Dbench.exactNodes=${EXACT_NODES:-10000}" -Dspotless.check.skip=true
