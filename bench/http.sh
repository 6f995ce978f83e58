#!/usr/bin/env bash
# HTTP benchmark (issue 10): the app on a generated programme graph, loaded with wrk over loopback.
#
#   bench/http.sh [PARTICIPATIONS] [DURATION] [CONNECTIONS]     defaults: 100000 60s 50
#
# Builds the jars if missing, generates the synthetic programme data (netmap-import generate,
# fixed seed), starts backend/target/netmap.jar on a fresh data directory (ports 18080 / 17687),
# imports the data through the importer CLI, warms every endpoint up, then runs wrk once per
# endpoint: search, neighbours, node details, hubs (cached) and a simple Cypher read. Prints
# requests/s, latency percentiles and errors per endpoint, and the app's heap in use.
# Needs wrk (apt-get install -y wrk). Leaves the data in $WORK (printed) for a second look.
set -euo pipefail
cd "$(dirname "$0")/.."
participations="${1:-100000}"
duration="${2:-60s}"
connections="${3:-50}"
threads=2
port=18080
bolt=17687
password="bench-admin-pw"
WORK="${WORK:-$(mktemp -d /tmp/netmap-http-bench-XXXXXX)}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
if [ ! -f backend/target/netmap.jar ] || [ ! -f import/target/netmap-import.jar ]; then
  mvn -B -q -DskipTests package
fi

echo "== data: $participations participations into $WORK"
java -jar import/target/netmap-import.jar generate -n "$participations" -o "$WORK/gen"

echo "== starting the app (port $port, Bolt $bolt)"
java ${JAVA_OPTS:--Xmx2g} -jar backend/target/netmap.jar --server.port=$port \
  --netmap.neo4j.embedded.bolt-port=$bolt --netmap.data-dir="$WORK/data" \
  --netmap.security.admin-password=$password --netmap.backup.enabled=false \
  > "$WORK/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null; do
  if ! kill -0 $app 2>/dev/null; then echo "the app stopped; see $WORK/app.log" >&2; exit 1; fi
  sleep 1
done
echo "   up in $(( $(date +%s) - started )) s"

echo "== import"
java -jar import/target/netmap-import.jar csv "$WORK/gen/nodes.csv" "$WORK/gen/edges.csv" \
  --uri bolt://127.0.0.1:$bolt --no-progress

# a busy organisation (for neighbours and details) and a word to search for
# (analytics answer 202 while they compute in the background: ask until the answer is there)
analytics() {
  local url="http://127.0.0.1:$port$1" started=$(date +%s) code
  while :; do
    code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' "$url")
    [ "$code" = 200 ] && break
    [ "$code" = 202 ] || { echo "GET $1 answered $code" >&2; cat "$WORK/answer.json" >&2; exit 1; }
    sleep 1
  done
  echo "   $1: computed in $(( $(date +%s) - started )) s" >&2
  cat "$WORK/answer.json"
}
hub=$(analytics "/api/analytics/hubs?view=two-mode&metric=degree&limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
analytics "/api/analytics/hubs?view=two-mode&metric=pagerank&limit=20" >/dev/null
echo "   busiest node: $hub"

cat > "$WORK/cypher.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"MATCH (o:Organisation)-[:PARTICIPATES_IN]->(p:Project) WHERE p.id = $id RETURN o.name LIMIT 20","params":{"id":"gen-p-1"}}'
LUA
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.requests))
end
LUA

declare -A paths=(
  [search]="/api/search?q=cooperativa%20toscana&limit=8"
  [neighbours]="/api/nodes/$hub/neighbours?limit=50"
  [details]="/api/nodes/$hub"
  [hubs]="/api/analytics/hubs?view=two-mode&metric=pagerank&limit=20"
  [cypher]="/api/cypher"
)
order=(search neighbours details hubs cypher)

echo "== warm-up"
for name in "${order[@]}"; do
  script="$WORK/report.lua"
  [ "$name" = cypher ] && script="$WORK/cypher.lua"
  wrk -t1 -c4 -d5s -s "$script" "http://127.0.0.1:$port${paths[$name]}" >/dev/null
done

echo "== wrk: $connections connections, $duration per endpoint, $threads threads"
printf '%-11s %10s %9s %9s %9s %7s %9s\n' endpoint "req/s" "p50 ms" "p99 ms" "max ms" errors requests
for name in "${order[@]}"; do
  if [ "$name" = cypher ]; then
    cat "$WORK/cypher.lua" "$WORK/report.lua" > "$WORK/run.lua"
  else
    cp "$WORK/report.lua" "$WORK/run.lua"
  fi
  line=$(wrk -t$threads -c"$connections" -d"$duration" --latency -s "$WORK/run.lua" \
    "http://127.0.0.1:$port${paths[$name]}" | grep '^RESULT')
  read -r _ rps p50 p99 max errors requests <<<"$line"
  printf '%-11s %10s %9s %9s %9s %7s %9s\n' "$name" "$rps" "$p50" "$p99" "$max" "$errors" "$requests"
done
echo "== app: $(grep -c . "$WORK/app.log") log lines; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   data left in $WORK"
