#!/usr/bin/env bash
# HTTP benchmark (issue 10): the app on a generated programme graph, loaded with wrk over loopback.
#
#   bench/http.sh [PARTICIPATIONS] [DURATION] [CONNECTIONS]     defaults: 100000 60s 50
#
# Builds the jars if missing, generates the synthetic programme data (netmap-import generate,
# fixed seed), starts backend/target/netmap.jar on a fresh data directory, imports the data through
# the importer CLI, asks every request once (the first pass: one at a time, its times printed),
# warms up with wrk, then runs wrk once per endpoint. The load rotates over many requests, not one
# URL: 1,000 organisation ids sampled from the generated data (the busiest included), a few hundred
# search terms taken from the generated names, 1,000 project ids for the Cypher read. The busiest organisation's neighbours and details are also run on their own.
# Prints requests/s, latency percentiles and errors per endpoint, the load average before each run
# and the CPU other processes took during it, the app's CPU time per request (which other load on the
# machine changes little), and the app's heap after a full GC.
#
# Settings (environment):
#   HTTP_PORT / BOLT_PORT   the app's ports (default 18080 / 17687)
#   WORK                    the working directory (default: a new /tmp/netmap-http-bench-XXXXXX)
#   REUSE=1                 with WORK holding an earlier run's data: no generation, no import
#   ENDPOINTS               which runs, in order (default: all, see below)
#   WARMUP                  the warm-up per endpoint (default 10s)
#   JAVA_OPTS               the app's JVM options (default -Xmx2g)
#   APP_ARGS                more arguments for the app (e.g. --netmap.cache.responses=0)
#   APP_JAR / IMPORT_JAR    the jars (default backend/target/netmap.jar, import/target/netmap-import.jar)
# Needs wrk (apt-get install -y wrk) and python3. Leaves the data in $WORK (printed).
set -euo pipefail
cd "$(dirname "$0")/.."
participations="${1:-100000}"
duration="${2:-60s}"
connections="${3:-50}"
threads=2
port="${HTTP_PORT:-18080}"
bolt="${BOLT_PORT:-17687}"
password="bench-admin-pw"
WORK="${WORK:-$(mktemp -d /tmp/netmap-http-bench-XXXXXX)}"
mkdir -p "$WORK"
order=(${ENDPOINTS:-search neighbours details neighbours-busiest details-busiest hubs cypher})
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
app_jar="${APP_JAR:-backend/target/netmap.jar}"
import_jar="${IMPORT_JAR:-import/target/netmap-import.jar}"
if [ ! -f "$app_jar" ] || [ ! -f "$import_jar" ]; then
  mvn -B -q -DskipTests package
fi

reuse=
if [ -n "${REUSE:-}" ] && [ -d "$WORK/data" ] && [ -f "$WORK/gen/nodes.csv" ]; then
  reuse=1
  echo "== data: reusing $WORK"
else
  echo "== data: $participations participations into $WORK"
  rm -rf "$WORK/data" "$WORK/gen"
  java -jar "$import_jar" generate -n "$participations" -o "$WORK/gen"
fi

echo "== starting the app (port $port, Bolt $bolt)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -jar "$app_jar" --server.port="$port" \
  --netmap.neo4j.embedded.bolt-port="$bolt" --netmap.data-dir="$WORK/data" \
  --netmap.security.admin-password=$password --netmap.backup.enabled=false ${APP_ARGS:-} \
  > "$WORK/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
started=$(date +%s.%N)
until curl -sf "$base/actuator/health" >/dev/null; do
  if ! kill -0 $app 2>/dev/null; then echo "the app stopped; see $WORK/app.log" >&2; exit 1; fi
  sleep 0.2
done
echo "   ready in $(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.1f') s (load average $(cut -d' ' -f1-3 /proc/loadavg))"

if [ -z "$reuse" ]; then
  echo "== import"
  java -jar "$import_jar" csv "$WORK/gen/nodes.csv" "$WORK/gen/edges.csv" \
    --uri "bolt://127.0.0.1:$bolt" --no-progress
fi

# the requests wrk rotates over: organisation ids (the busiest first), search terms, project ids
python3 - "$WORK" <<'PY'
import csv, random, sys, urllib.parse, json
work = sys.argv[1]
rng = random.Random(42)
names, orgs, projects = {}, [], []
with open(f"{work}/gen/nodes.csv", newline="") as f:
    for row in csv.DictReader(f):
        if row["label"] == "Organisation":
            orgs.append(row["id"]); names[row["id"]] = row["name"]
        elif row["label"] == "Project":
            projects.append(row["id"]); names[row["id"]] = row["name"]
degree = {}
with open(f"{work}/gen/edges.csv", newline="") as f:
    for row in csv.DictReader(f):
        for end in (row["source"], row["target"]):
            degree[end] = degree.get(end, 0) + 1
busiest = max(orgs, key=lambda o: degree.get(o, 0))
sample = [busiest] + rng.sample([o for o in orgs if o != busiest], min(999, len(orgs) - 1))
rng.shuffle(sample)
with open(f"{work}/busiest.txt", "w") as f:
    f.write(f"{busiest} {degree[busiest]}\n")
with open(f"{work}/ids.txt", "w") as f:
    f.writelines(i + "\n" for i in sample)
# search terms as people type them: whole words, two words, word beginnings, of the names
terms = set()
for node in rng.sample(orgs, 150) + rng.sample(projects, 50):
    words = [w for w in names[node].replace(":", " ").split() if len(w) > 2 and not w.isdigit()]
    if not words:
        continue
    word = rng.choice(words)
    terms.add(word.lower())
    terms.add(word[:4].lower())
    if len(words) > 1:
        terms.add(" ".join(words[:2]).lower())
terms = sorted(terms)
rng.shuffle(terms)
with open(f"{work}/search.txt", "w") as f:
    f.writelines(f"/api/search?q={urllib.parse.quote(t)}&limit=8\n" for t in terms)
with open(f"{work}/neighbours.txt", "w") as f:
    f.writelines(f"/api/nodes/{i}/neighbours?limit=50\n" for i in sample)
with open(f"{work}/details.txt", "w") as f:
    f.writelines(f"/api/nodes/{i}\n" for i in sample)
query = "MATCH (o:Organisation)-[:PARTICIPATES_IN]->(p:Project) WHERE p.id = $id RETURN o.name LIMIT 20"
with open(f"{work}/cypher.txt", "w") as f:
    for p in rng.sample(projects, min(1000, len(projects))):
        f.write(json.dumps({"query": query, "params": {"id": p}}) + "\n")
with open(f"{work}/neighbours-busiest.txt", "w") as f:
    f.write(f"/api/nodes/{busiest}/neighbours?limit=50\n")
with open(f"{work}/details-busiest.txt", "w") as f:
    f.write(f"/api/nodes/{busiest}\n")
with open(f"{work}/hubs.txt", "w") as f:
    f.write("/api/analytics/hubs?view=two-mode&metric=pagerank&limit=20\n")
print(f"   {len(sample)} organisation ids, {len(terms)} search terms, busiest {busiest} ({degree[busiest]} relationships)")
PY

# analytics answer 202 while they compute in the background: ask until the answer is there
analytics() {
  local url="$base$1" started code
  started=$(date +%s.%N)
  while :; do
    code=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' "$url")
    [ "$code" = 200 ] && break
    [ "$code" = 202 ] || { echo "GET $1 answered $code" >&2; cat "$WORK/answer.json" >&2; exit 1; }
    sleep 0.5
  done
  echo "   $1: computed in $(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.1f') s" >&2
}
analytics "/api/analytics/hubs?view=two-mode&metric=pagerank&limit=20"

# one script for every run: it rotates over the lines of a file (paths, or bodies to POST to the
# console), each thread from its own offset, and prints one RESULT line
cat > "$WORK/rotate.lua" <<'LUA'
local lines, i, post = {}, 0, false
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end
function init(args)
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  post = args[2] == "POST"
  i = (offset or 0) % #lines
end
function request()
  i = i % #lines + 1
  if post then
    return wrk.format("POST", "/api/cypher", {["Content-Type"] = "application/json"}, lines[i])
  end
  return wrk.format("GET", lines[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.requests))
end
LUA

run() { # name duration connections threads
  local method=GET
  [ "$1" = cypher ] && method=POST
  wrk -t"$4" -c"$3" -d"$2" --latency -s "$WORK/rotate.lua" "$base" -- "$WORK/$1.txt" $method
}

# every rotating request once, so that the figures are the steady state (answers cached, code
# compiled) rather than the first pass over 1,000 ids; the first pass's own time is printed
echo "== first pass: every request once"
python3 - "$port" "$WORK" "${order[@]}" <<'PY'
import http.client, json, sys, time
port, work, names = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
for name in names:
    lines = [l.rstrip("\n") for l in open(f"{work}/{name}.txt")]
    times = []
    for line in lines:
        started = time.perf_counter()
        if name == "cypher":
            conn.request("POST", "/api/cypher", line, {"Content-Type": "application/json"})
        else:
            conn.request("GET", line)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"{line}: HTTP {response.status}")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"   {name}: {len(lines)} requests, one at a time: p50 {times[len(times) // 2]:.1f} ms, "
          f"p99 {times[min(len(times) - 1, len(times) * 99 // 100)]:.1f} ms, max {times[-1]:.1f} ms")
PY
echo "== warm-up (${WARMUP:-10s} per endpoint)"
for name in "${order[@]}"; do run "$name" "${WARMUP:-10s}" 4 1 >/dev/null; done

# the machine may be shared: beside each figure, the load average before the run and the CPU that
# other processes took during it (in cores; the app and wrk left out)
busy() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
appcpu() { awk '{print $14+$15}' /proc/$app/stat; }
hz=$(getconf CLK_TCK)
echo "== wrk: $connections connections, $duration per endpoint, $threads threads"
printf '%-19s %8s %8s %8s %8s %7s %9s %7s  %-16s %s\n' endpoint "req/s" "p50 ms" "p99 ms" "max ms" errors \
  requests "CPU ms" "load before" "others' CPU"
for name in "${order[@]}"; do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  b0=$(busy); a0=$(appcpu); t0=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  { time run "$name" "$duration" "$connections" $threads > "$WORK/wrk.out"; } 2> "$WORK/wrk.time"
  b1=$(busy); a1=$(appcpu); t1=$(date +%s.%N)
  read -r wu ws < "$WORK/wrk.time"
  others=$(echo "(($b1 - $b0 - $a1 + $a0) / $hz - $wu - $ws) / ($t1 - $t0)" | bc -l | xargs printf '%.2f')
  read -r _ rps p50 p99 max errors requests <<<"$(grep '^RESULT' "$WORK/wrk.out")"
  cpu=$(echo "($a1 - $a0) * 1000 / $hz / $requests" | bc -l | xargs printf '%.2f')
  printf '%-19s %8s %8s %8s %8s %7s %9s %7s  %-16s %s\n' "$name" "$rps" "$p50" "$p99" "$max" "$errors" \
    "$requests" "$cpu" "$load" "$others"
done
if command -v jcmd >/dev/null; then
  jcmd $app GC.run >/dev/null 2>&1 || true
  echo "== app heap after a full GC: $(jcmd $app GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1)"
fi
echo "== app: $(grep -c . "$WORK/app.log") log lines; busiest: $(cat "$WORK/busiest.txt")"
echo "   data left in $WORK"
