#!/usr/bin/env bash
# Participation import benchmark (issue 7): a generated table of ROWS participations (ROWS/5
# organisations, ROWS/10 projects) imported into a fresh embedded Neo4j the naive way
# (UNWIND … MERGE (a) MERGE (b) MERGE (a)-[:R]->(b), batches of 10,000) and with netmap's streaming
# import, in one JVM whose heap (database included) is capped at HEAP (default 1g).
# Usage: bench/import.sh [ROWS] [both|all|main|netmap-only|embedded-only] [BATCH]    e.g. bench/import.sh 1000000
# Environment: HEAP=1g, REIMPORT=true (also time a re-import that must change nothing),
# TRACE=true (time every statement).
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mode="${2:-both}"
batch="${3:-10000}"
mvn -B -q -o -pl import test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile="$PWD/import/target/benchmark.classpath" -Dmdep.includeScope=test
exec java -Xmx"${HEAP:-1g}" ${JAVA_OPTS:-} -Dbenchmark.reimport="${REIMPORT:-false}" -Dnetmap.trace="${TRACE:-false}" \
  -cp "import/target/test-classes:import/target/classes:$(cat import/target/benchmark.classpath)" \
  eu.netmap.importer.ParticipationBenchmark "$rows" "$batch" "$mode"
