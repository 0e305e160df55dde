#!/usr/bin/env bash
# Benchmark: the gate through a bad network edge. The reference deployment is healthy; a FaultyProxy in front of
# each of its ports adds 100-300 ms of round-trip latency (random per chunk, order kept) and resets 1 % of the
# connections before they carry a byte back. Every FAILED or BROKEN result is therefore false. Transport errors
# before any answer are retried once (timeouts.transport-retries) and show as "flaky" warnings, counted in
# summary.json's counts.flaky.
#   1. HEALTHY_RUNS gate runs straight to the deployment: a healthy network must need no retry (flaky = 0);
#   2. RUNS gate runs through the proxy: runs, non-green runs, false FAILED and BROKEN results, flaky results,
#      and the resets the proxy injected.
# Usage: bench/jitter.sh [RUNS] [HEALTHY_RUNS]   (defaults 50 and 5). Exits 1 if any result was falsely not green.
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-50}
healthy_runs=${2:-5}
cd "$home"
"$home/scripts/setup" >&2
work=$(mktemp -d)
# shellcheck source=bench/faulty.sh
source "$home/bench/faulty.sh"
start_reference

gate() {  # run number, flags: runs the gate; prints "exit failed broken flaky millis"
  local reports="$work/reports-$1" code=0 start end
  start=$(date +%s%N)
  eval "./smokegate run demo --suite gate --no-html --report-dir '$reports' $2" > "$work/out-$1.txt" 2>&1 || code=$?
  end=$(date +%s%N)
  local summary="$reports/demo/latest/summary.json"
  if [[ ! -f $summary ]]; then
    echo "$code ? ? ? $(( (end - start) / 1000000 ))"
    return
  fi
  echo "$code $(summary_field "$summary" counts.failed) $(summary_field "$summary" counts.broken)" \
    "$(summary_field "$summary" counts.flaky) $(( (end - start) / 1000000 ))"
}

measure() {  # label, runs, flags
  local label=$1 n=$2 run_flags=$3 red=0 failed=0 broken=0 flaky=0 retried_runs=0 times=()
  for i in $(seq 1 "$n"); do
    read -r code f b k ms <<< "$(gate "$label-$i" "$run_flags")"
    times+=("$ms")
    if [[ $f == "?" ]]; then
      red=$((red + 1)); echo "$label run $i: exit $code, no summary.json" >&2; continue
    fi
    failed=$((failed + f)); broken=$((broken + b)); flaky=$((flaky + k))
    (( k > 0 )) && retried_runs=$((retried_runs + 1))
    if (( code != 0 )); then
      red=$((red + 1))
      echo "$label run $i: exit $code" >&2
      grep -E '^(FAIL|BROKEN) ' "$work/out-$label-$i.txt" >&2 || true
    fi
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p")
  printf '%-44s runs %3d   not green %2d   false FAILED %2d   BROKEN %2d   flaky results %3d (in %d runs)   median %6d ms\n' \
    "$label" "$n" "$red" "$failed" "$broken" "$flaky" "$retried_runs" "$median"
  false_results=$(( ${false_results:-0} + red + failed + broken ))
}

echo "gate suite against the healthy reference deployment ($(nproc) cores)"
measure "healthy network (no proxy)" "$healthy_runs" "$flags"
mapfile -t ports < <(upstreams)
start_proxy --latency-ms 100-300 --reset 0.01 -- "${ports[@]}"
measure "through the proxy (100-300 ms, 1% resets)" "$runs" "$proxied_flags"
stop_proxy
(( false_results == 0 ))
