#!/usr/bin/env bash
# Browser benchmark (issue 10): the web app in headless Chromium against the app holding a
# generated programme graph.
#
#   bench/browser.sh [PARTICIPATIONS]          default 200000 (about 80,000 nodes)
#
# Environment:
#   BASELINE_JAR=path   also measure this jar (an older build) on the same data, before this one
#   WORK=dir            where data, logs, results and screenshots go (kept; the data is reused)
#   PORT=18081 BOLT=17688  the app's ports;  SKIP_BUILD=true  use the jars as they are
#
# Builds the jars and the test classes, generates the data (netmap-import generate, fixed seed)
# and imports it once, then for each jar: starts it, runs eu.netmap.web.BrowserBenchmark
# (test scope: Selenium, Debian's chromium and chromium-driver), stops it. Prints each figure next
# to the baseline's, with the load average. Times are milliseconds from the start of the page
# (paint.*) or from the click on "whole graph" (draw.*): response = the answer received, data =
# the nodes in the view, firstDraw = the first drawing with them, rest = layout over, restDraw =
# the drawing with labels at rest; worstGap = the longest time without a frame. fps.* are frames
# per second while panning / zooming the 5,000-node view for 4 s (meanFrame, p95, worst in ms).
set -euo pipefail
cd "$(dirname "$0")/.."
participations="${1:-200000}"
port="${PORT:-18081}"
bolt="${BOLT:-17688}"
password="bench-admin-pw"
WORK="${WORK:-/tmp/netmap-browser-bench}"
mkdir -p "$WORK"

if [ "${SKIP_BUILD:-false}" != true ]; then
  echo "== build"
  mvn -B -q -o -pl backend -am -DskipTests -Dspotless.check.skip=true package \
    dependency:build-classpath -Dmdep.outputFile="$PWD/backend/target/benchmark.classpath" \
    -Dmdep.includeScope=test
fi
classpath="backend/target/test-classes:$(cat backend/target/benchmark.classpath)"

app=""
stop_app() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; fi
}
trap stop_app EXIT

start_app() { # jar name
  echo "== starting $2 ($1) on port $port, Bolt $bolt"
  java ${JAVA_OPTS:--Xmx2g} -jar "$1" --server.port="$port" \
    --netmap.neo4j.embedded.bolt-port="$bolt" --netmap.data-dir="$WORK/data" \
    --netmap.security.admin-password=$password --netmap.backup.enabled=false \
    > "$WORK/app-$2.log" 2>&1 &
  app=$!
  local started=$(date +%s)
  until curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null; do
    if ! kill -0 "$app" 2>/dev/null; then echo "the app stopped; see $WORK/app-$2.log" >&2; exit 1; fi
    sleep 1
  done
  echo "   up in $(( $(date +%s) - started )) s"
}

if [ ! -f "$WORK/imported-$participations" ]; then
  rm -rf "$WORK/data" "$WORK/gen"
  java -jar import/target/netmap-import.jar generate -n "$participations" --seed 10 -o "$WORK/gen"
  start_app backend/target/netmap.jar import
  java -jar import/target/netmap-import.jar csv "$WORK/gen/nodes.csv" "$WORK/gen/edges.csv" \
    --uri "bolt://127.0.0.1:$bolt" --user admin --password "$password" --no-progress
  stop_app
  touch "$WORK/imported-$participations"
fi

measure() { # jar name
  start_app "$1" "$2"
  # the server's first answers are slow until its JIT has warmed up: one of each, not measured
  curl -s -o /dev/null "http://127.0.0.1:$port/"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/api/graph?limit=5000"
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$classpath" eu.netmap.web.BrowserBenchmark "$port" "$WORK/results-$2.txt" \
    "$WORK/screenshots" "$2" > "$WORK/bench-$2.log"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')" >> "$WORK/results-$2.txt"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_app
}

names=()
if [ -n "${BASELINE_JAR:-}" ]; then
  measure "$BASELINE_JAR" baseline
  names+=(baseline)
fi
measure backend/target/netmap.jar current
names+=(current)

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $participations participations"
printf '%-24s' figure; for n in "${names[@]}"; do printf ' %16s' "$n"; done; echo
cut -d= -f1 "$WORK/results-current.txt" | while read -r key; do
  printf '%-24s' "$key"
  for n in "${names[@]}"; do
    printf ' %16s' "$(grep -m1 "^$key=" "$WORK/results-$n.txt" | cut -d= -f2- | cut -c1-16)"
  done
  echo
done
echo "screenshots in $WORK/screenshots"
