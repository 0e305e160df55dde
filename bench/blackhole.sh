#!/usr/bin/env bash
# Benchmark: how long the gate takes to its verdict when the target does not answer, with the default timeouts
# (connect 5s, read 10s; a request is capped at connect + read = 15s, the longest single timeout). A FaultyProxy in
# blackhole mode (it accepts connections and never answers) stands in front of
#   all:     every port of the reference deployment (frontend, backend, www, apex, WebSocket rooms, plain http);
#   backend: only the backend's HTTPS port (api.smokegate.test:443).
# The first timeout of an address is the evidence; later requests, scans and upgrades to it fail at once. The goal
# is a verdict (exit 1) within about twice the longest single timeout.
# Usage: bench/blackhole.sh [RUNS]   (default 3). Prints median, min and max seconds per variant.
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-3}
cd "$home"
"$home/scripts/setup" >&2
work=$(mktemp -d)
# shellcheck source=bench/faulty.sh
source "$home/bench/faulty.sh"
# shellcheck source=bench/demo-yaml.sh
source "$home/bench/demo-yaml.sh"
start_reference
# suites/demo.yaml without its shorter timeouts: the defaults apply.
demo_yaml | awk '/^timeouts:/ {skip = 1; next} skip && /^ / {next} {skip = 0; print}' > "$work/demo.yaml"

measure() {  # label, upstreams...
  local label=$1; shift
  start_proxy --blackhole -- "$@"
  local times=()
  for i in $(seq 1 "$runs"); do
    local code=0 start end
    start=$(date +%s%N)
    eval "./smokegate run '$work/demo.yaml' --suite gate --no-html --report-dir '$work/reports' $proxied_flags" \
      > "$work/out.txt" 2>&1 || code=$?
    end=$(date +%s%N)
    (( code == 1 )) || { echo "$label: run $i exited $code, not 1" >&2; tail -n 5 "$work/out.txt" >&2; exit 1; }
    times+=("$(( (end - start) / 1000000 ))")
  done
  stop_proxy > /dev/null
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-30s verdict (exit 1) median %5.1f s (min %.1f, max %.1f)   %d runs; twice the longest timeout: 30 s\n' \
    "$label" "$(sed -n "$(( (runs + 1) / 2 ))p" <<< "$sorted")e-3" "$(head -1 <<< "$sorted")e-3" \
    "$(tail -1 <<< "$sorted")e-3" "$runs"
}

echo "gate suite, default timeouts, blackholed target ($(nproc) cores)"
mapfile -t all < <(upstreams)
measure "everything blackholed" "${all[@]}"
measure "backend blackholed" "$(upstreams api.smokegate.test:443)"
