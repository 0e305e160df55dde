#!/usr/bin/env bash
# Benchmark: what parallel probes buy on a real network. Loopback answers in microseconds, so there the gate is
# CPU-bound and parallelism buys little; with a network's round trips the probes mostly wait, and waiting is what
# runs in parallel. The healthy reference deployment sits behind a FaultyProxy (src/main/java/dev/smokegate/
# reference/net) that adds 50 ms of round-trip latency to every chunk each way carries (connect, TLS handshake,
# request, answer), nothing else: the gate with probes in parallel (default --parallelism 8) against one at a time
# (--parallelism 1), interleaved, medians of wall time from command to exit, and their ratio. Every run must be
# green: a red one is a false alarm the latency caused, and fails the script.
# Usage: bench/network.sh [RUNS] [LATENCY_MS]   (defaults 5 and 50)
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-5}
latency=${2:-50}
cd "$home"
"$home/scripts/setup" >&2
work=$(mktemp -d)
# shellcheck source=bench/faulty.sh
source "$home/bench/faulty.sh"
start_reference
mapfile -t ports < <(upstreams)
start_proxy --latency-ms "$latency" -- "${ports[@]}"

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
gate() {  # label, extra flags: one green gate run through the proxy; prints its wall time in ms
  local start end code=0
  start=$(date +%s%N)
  eval "./smokegate run demo --suite gate --no-html --report-dir '$work/reports' $proxied_flags $2" \
    > "$work/out.txt" 2>&1 || code=$?
  end=$(date +%s%N)
  if (( code != 0 )); then
    echo "$1: exit $code through the proxy:" >&2
    grep -E '^(FAIL|BROKEN|WARN) ' "$work/out.txt" >&2 || tail -5 "$work/out.txt" >&2
    exit 1
  fi
  echo $(( (end - start) / 1000000 ))
}

gate warm-up "" > /dev/null
parallel=(); serial=()
for _ in $(seq 1 "$runs"); do
  parallel+=("$(gate parallel "")")
  serial+=("$(gate serial "--parallelism 1")")
done
p=$(median "${parallel[@]}"); s=$(median "${serial[@]}")
echo "gate through a ${latency} ms round-trip proxy ($(nproc) cores, $runs interleaved runs each)"
printf 'parallel (8): median %6d ms   [%s]\n' "$p" "${parallel[*]}"
printf 'serial (1):   median %6d ms   [%s]\n' "$s" "${serial[*]}"
awk -v s="$s" -v p="$p" 'BEGIN { printf "serial / parallel: %.1fx\n", s / p }'
stop_proxy
