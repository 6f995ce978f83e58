#!/usr/bin/env bash
# Heap held by the in-JVM analytics (issue 10): generated programme data of PARTICIPATIONS rows
# (default 100,000) imported into a fresh embedded Neo4j with the NUTS regions, then the heap in use
# after a full GC measured around the snapshot, each view's JGraphT graph + index arrays and its
# PageRank + betweenness. Usage: bench/analytics-memory.sh [PARTICIPATIONS]   (HEAP=6g)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
exec mvn -B -q -o -pl backend -am test -Dtest=AnalyticsMemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx${HEAP:-6g} -Dbench.participations=$n" -Dspotless.check.skip=true
