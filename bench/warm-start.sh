#!/usr/bin/env bash
# Benchmark 5 (docs/benchmarks.md): the whole stack, warm start to health UP.
# Starts ./start.sh twice on a private data directory and private ports and times, from launch, until the
# backend's AND the worker's /actuator/health say UP. The first start is cold (creates the database, deploys
# the contracts, generates keys); the second, on the same data, is the warm start the target is about.
# Builds nothing inside the timing: build first (./mvnw -q -B -DskipTests install) or start.sh will.
#   bench/warm-start.sh [runs=2]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
data=$(mktemp -d "${TMPDIR:-/tmp}/vareg-warm-start.XXXXXX")
export VAREG_HTTP_PORT=${VAREG_HTTP_PORT:-18080} VAREG_WORKER_PORT=${VAREG_WORKER_PORT:-18081}
export VAREG_CHAIN_PORT=${VAREG_CHAIN_PORT:-18545} VAREG_POSTGRES_PORT=${VAREG_POSTGRES_PORT:-54339}
up() { curl -fs "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }
now() { date +%s.%N; }

for run in $(seq 1 "$runs"); do
  label=$([ "$run" = 1 ] && echo "cold (first start, empty data)" || echo "warm (same data)")
  log="$data/start-$run.log"
  t0=$(now)
  setsid ./start.sh --data "$data/stack" >"$log" 2>&1 &
  pid=$!
  deadline=$(( $(date +%s) + 300 ))
  until up "$VAREG_HTTP_PORT" && up "$VAREG_WORKER_PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "start.sh exited early; see $log" >&2; exit 1; fi
    if [ "$(date +%s)" -gt "$deadline" ]; then kill -TERM -- "-$pid" || true; echo "not UP within 300 s; see $log" >&2; exit 1; fi
    sleep 0.2
  done
  t1=$(now)
  own=$(grep -o 'vareg is up in [0-9.]* s' "$log" | head -1 || true)
  printf '5. start %d, %s: health UP (backend and worker) after %.1f s [start.sh says: %s]\n' \
    "$run" "$label" "$(echo "$t1 - $t0" | bc)" "${own:-?}"
  kill -TERM -- "-$pid"   # the process group of the start.sh we launched (setsid), nothing else
  wait "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$VAREG_POSTGRES_PORT") 2>/dev/null; then break; fi
    sleep 0.2
  done
done
rm -rf "$data"
