#!/usr/bin/env bash
# Benchmark: the gate suite against the reference deployment.
#   1. wall time of `./smokegate run demo --suite gate` from command to exit (JVM start, build check, probes,
#      reports), with probes in parallel (default) and one at a time (--parallelism 1);
#   2. the same with --no-html, to separate the report tool's share;
#   3. only the ws.* checks, and a run whose one check is skipped (the floor: JVM, config, reports): ws.*'s own
#      wall time is the difference.
# The deployment is started once (./smokegate demo --serve) so its start-up is not measured.
# Usage: bench/gate.sh [RUNS]   (default 5). Prints median and min/max per variant in milliseconds.
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-5}
cd "$home"
"$home/scripts/setup" >&2
reports=$(mktemp -d)
log=$(mktemp)
./smokegate demo --serve > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$reports" "$log"' EXIT
for _ in $(seq 1 240); do grep -q '^the secrets suites/demo.yaml references' "$log" && break; sleep 0.5; done
command_line=$(grep '^./smokegate run demo' "$log") || { cat "$log" >&2; exit 1; }
flags=${command_line#./smokegate run demo}
# The secrets demo.yaml references, from the owner-only file `demo --serve` wrote.
set -a; . "$(sed -n 's/^the secrets suites\/demo.yaml references.*; \. \([^;]*\);.*/\1/p' "$log")"; set +a

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

measure() {  # name, extra flags...
  local name=$1; shift
  local times=() engine=()
  for i in $(seq 1 "$runs"); do
    local start end code=0
    start=$(date +%s%N)
    eval "./smokegate run demo --suite gate --report-dir '$reports' $flags $*" > /dev/null 2>&1 || code=$?
    end=$(date +%s%N)
    [[ $code -eq 0 ]] || { echo "$name: run $i exited $code" >&2; exit 1; }
    times+=($(( (end - start) / 1000000 )))
    engine+=($(node -e 'console.log(require(process.argv[1]).durationMs)' "$reports/demo/latest/summary.json"))
  done
  printf '%-32s command-to-exit median %6d ms (min %d, max %d)   checks median %5d ms   (%d runs)\n' "$name" \
    "$(median "${times[@]}")" "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$(median "${engine[@]}")" "$runs"
}

eval "./smokegate run demo --suite gate --report-dir '$reports' --no-html $flags" > /dev/null 2>&1 || true  # warm-up
echo "gate suite against the reference deployment ($(nproc) cores)"
measure "parallel (8), with HTML report"
measure "parallel (8), no HTML"            --no-html
measure "serial (1), no HTML"              --no-html --parallelism 1
measure "gate's ws.* only, no HTML"        --no-html --only "'ws.[!k]*'"  # all but nightly's ws.keepalive
measure "no probe (one skipped check)"      --no-html --only ws.polling-sticky-safe
