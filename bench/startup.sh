#!/usr/bin/env bash
# Start-up and memory at scale (issue 10): a store of ~1M relationships, the app restarted on it
# with -Xmx2g, timed to "ready", then every kind of read asked once and the analytics computed.
#
#   bench/startup.sh [PARTICIPATIONS]        default 1000000 (~1.4M relationships)
#
# Generates the programme data (netmap-import generate, fixed seed), starts the app on a fresh data
# directory, imports through the importer CLI and stops the app (with REUSE=1, what WORK holds of an
# earlier run is used: its generated files, its store). Then starts the app with $JAVA_OPTS
# (default -Xmx2g) RUNS times (default 2) as built, and once extracted (java -Djarmode=tools
# extract), and prints the time from launch to /actuator/health UP, the CPU time it took, and the
# app's own timings from its log; after the last start it asks search, neighbours and details of the busiest
# organisation, the cached graph, hubs and communities (waiting for the background computations),
# and prints the heap after a full GC and whether an OutOfMemoryError was logged.
#
# Settings (environment): HTTP_PORT / BOLT_PORT (default 18080 / 17687), WORK, REUSE=1, RUNS,
# JAVA_OPTS, APP_JAR / IMPORT_JAR, EXTRACTED=0 (no extracted start), LAUNCHER=0 (no start with ./netmap, which is otherwise prepared untimed then started RUNS times), READS=0 (stop after the
# starts: no reads, no analytics). Needs python3, curl, jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
participations="${1:-1000000}"
port="${HTTP_PORT:-18080}"
bolt="${BOLT_PORT:-17687}"
runs="${RUNS:-2}"
password="bench-admin-pw"
WORK="${WORK:-$(mktemp -d /tmp/netmap-startup-bench-XXXXXX)}"
mkdir -p "$WORK"
base="http://127.0.0.1:$port"
app_jar="${APP_JAR:-backend/target/netmap.jar}"
import_jar="${IMPORT_JAR:-import/target/netmap-import.jar}"
if [ ! -f "$app_jar" ] || [ ! -f "$import_jar" ]; then
  mvn -B -q -DskipTests package
fi

app=
stop() {
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=
  fi
}
trap stop EXIT

start() { # log file [jar]; sets $took: seconds to ready, and the app's CPU seconds until then
  local started cpu
  # shellcheck disable=SC2086
  local opts="${JAVA_OPTS:--Xmx2g} -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$WORK"
  local launch=(java $opts -jar "${2:-$app_jar}")
  # ./netmap: the launcher of the README (extracted + class-data-sharing archive)
  [ "${2:-}" = launcher ] && launch=(env JAVA_OPTS="$opts" ./netmap)
  "${launch[@]}" --server.port="$port" \
    --netmap.neo4j.embedded.bolt-port="$bolt" --netmap.data-dir="$WORK/data" \
    --netmap.security.admin-password=$password --netmap.backup.enabled=false ${APP_ARGS:-} \
    > "$1" 2>&1 &
  app=$!
  started=$(date +%s.%N)
  until curl -sf "$base/actuator/health" >/dev/null; do
    if ! kill -0 "$app" 2>/dev/null; then echo "the app stopped; see $1" >&2; exit 1; fi
    sleep 0.1
  done
  cpu=$(awk '{print $14+$15}' /proc/$app/stat)
  local wall secs
  wall=$(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.1f')
  secs=$(echo "$cpu / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f')
  took="$wall s ($secs s of CPU)"
}

if [ -z "${REUSE:-}" ]; then
  rm -rf "$WORK/data" "$WORK/gen"
fi
if [ -f "$WORK/gen/nodes.csv" ]; then
  echo "== data: reusing $WORK/gen"
else
  echo "== data: $participations participations into $WORK"
  java -jar "$import_jar" generate -n "$participations" -o "$WORK/gen"
fi
if [ -d "$WORK/data" ]; then
  echo "== store: reusing $WORK/data"
else
  start "$WORK/app-first.log"
  echo "   first start (empty data directory): ready in $took"
  t0=$(date +%s)
  java -jar "$import_jar" csv "$WORK/gen/nodes.csv" "$WORK/gen/edges.csv" \
    --uri "bolt://127.0.0.1:$bolt" --no-progress
  echo "   import: $(( $(date +%s) - t0 )) s"
  stop
fi
echo "   store: $(du -sh "$WORK/data" | cut -f1)"

# the jar as built (classes read from jars nested in it), then as Spring Boot's extract mode lays
# it out (plain jars on the class path: much less class-loading work)
if [ "${EXTRACTED:-1}" != 0 ]; then
  rm -rf "$WORK/extracted"
  java -Djarmode=tools -jar "$app_jar" extract --destination "$WORK/extracted" >/dev/null
fi
launches=()
for i in $(seq 1 "$runs"); do launches+=("jar:$app_jar"); done
[ "${EXTRACTED:-1}" = 0 ] || launches+=("extracted:$WORK/extracted/$(basename "$app_jar")")
if [ "${LAUNCHER:-1}" != 0 ]; then
  # the README's ./netmap; its one-off preparation (extract + training start) is not timed
  JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" NETMAP_PREPARE_ONLY=1 ./netmap
  for i in $(seq 1 "$runs"); do launches+=("netmap:launcher"); done
fi
i=0
for launch in "${launches[@]}"; do
  i=$((i + 1))
  [ "$i" = 1 ] || stop
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start "$WORK/app-$i.log" "${launch#*:}"
  echo "== start $i (${launch%%:*}, ${JAVA_OPTS:--Xmx2g}): ready in $took (load average before: $load)"
  grep -E "Started NetmapApplication|Embedded Neo4j started|Seed dataset|NUTS|accounts|Startup" \
    "$WORK/app-$i.log" | sed -E 's/^(.{23}).*[a-zA-Z] +: /   \1 /' | cut -c1-160
done

if [ "${READS:-1}" = 0 ]; then
  echo "   data left in $WORK"
  exit 0
fi
busiest=$(python3 - "$WORK" <<'PY'
import csv, sys
degree = {}
with open(f"{sys.argv[1]}/gen/edges.csv", newline="") as f:
    for row in csv.DictReader(f):
        if row["type"] == "PARTICIPATES_IN":
            degree[row["source"]] = degree.get(row["source"], 0) + 1
print(max(degree, key=degree.get))
PY
)
echo "== reads (busiest organisation $busiest)"
timed() { # path
  curl -s -o "$WORK/answer.json" -w "   %{http_code} %{time_total}s %{size_download} bytes  $1\n" "$base$1"
}
timed "/api/search?q=cooperativa&limit=8"
timed "/api/nodes/$busiest"
timed "/api/nodes/$busiest/neighbours?limit=50"
timed "/api/graph?limit=5000"
timed "/api/stats"
analytics() { # path: ask until computed (202 with progress meanwhile)
  local started code
  started=$(date +%s.%N)
  while :; do
    code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' "$base$1")
    [ "$code" = 200 ] && break
    [ "$code" = 202 ] || { echo "   GET $1 answered $code: $(head -c 300 "$WORK/answer.json")"; return; }
    kill -0 "$app" 2>/dev/null || { echo "   the app stopped"; return; }
    sleep 1
  done
  echo "   200 computed in $(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.1f') s  $1"
}
heap() { jcmd "$app" GC.run >/dev/null 2>&1 || true
  jcmd "$app" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9; }
before=$(heap)
echo "== heap after a full GC, before any analytics: $((before / 1024)) MB"
analytics "/api/analytics/hubs?view=two-mode&metric=degree&limit=20"
analytics "/api/analytics/hubs?view=two-mode&metric=pagerank&limit=20"
analytics "/api/analytics/communities?view=two-mode"
timed "/api/analytics/hubs?view=two-mode&metric=pagerank&limit=20"
after=$(heap)
echo "== heap after a full GC, analytics cached: $((after / 1024)) MB (the analytics cache: $(((after - before) / 1024)) MB)"
if grep -q OutOfMemoryError "$WORK"/app-*.log; then
  echo "== OutOfMemoryError logged:"; grep -m3 OutOfMemoryError "$WORK"/app-*.log
else
  echo "== no OutOfMemoryError"
fi
echo "   data left in $WORK"
