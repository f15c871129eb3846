#!/usr/bin/env bash
# Start-to-running of one published worker, JIT against Native AOT (docs/native-aot.md): runs each
# executable RUNS times, alternating, and prints the milliseconds from exec to the worker's
# "producing to" line (its source task running on the embedded cluster, right before its first poll).
# usage: startup.sh <jit-publish-dir> <aot-publish-dir> <executable-name> [RUNS]
set -euo pipefail
jit="$1"; aot="$2"; name="$3"; runs="${4:-5}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
time_to_running() {
  local dir="$1" start pid waited=0
  : >"$log"
  start=$(date +%s%N)
  (cd "$dir" && exec "./$name" >"$log" 2>&1) &
  pid=$!
  # Bounded: 30 s at 5 ms steps.
  until grep -q "producing to" "$log"; do
    sleep 0.005; waited=$((waited + 1))
    if [ "$waited" -gt 6000 ]; then kill "$pid"; echo "no 'producing to' line from $dir/$name" >&2; exit 1; fi
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for i in $(seq "$runs"); do
  echo "run $i: jit $(time_to_running "$jit") ms, aot $(time_to_running "$aot") ms"
done
echo "sizes: jit $(du -cb "$jit"/*.dll "$jit/$name" | tail -1 | cut -f1) bytes of managed code + host, aot $(stat -c %s "$aot/$name") bytes (librdkafka's native files come on top in both)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
