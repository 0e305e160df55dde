#!/usr/bin/env bash
# Benchmark: the oauth.* checks against the reference deployment.
#   1. the gate's two checks (no browser): wall time of the run and of each check;
#   2. the nightly browser login (oauth.login.completes and the four checks sharing it): the first run against a
#      freshly started deployment (cold: first Chromium start, the app's and GitHub stand-in's first logins) and
#      the following ones (warm), wall time and the login probe's own time;
#   3. the same login through a real Selenium Grid standalone (started here from the test classpath).
# Usage: bench/oauth.sh [RUNS]   (default 3). GitHub takes every TOTP code once, so each login starts at the
# beginning of a fresh 30 s window (the wait is not counted): a login never waits for the next code.
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-3}
cd "$home"
"$home/scripts/setup" >&2
work=$(mktemp -d)
log="$work/serve.log"
./smokegate demo --serve > "$log" 2>&1 &
server=$!
grid=
cleanup() {
  if [[ -n "$grid" ]]; then kill "$grid" 2>/dev/null; wait "$grid" 2>/dev/null || true; fi
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 240); do grep -q '^the secrets suites/demo.yaml references' "$log" && break; sleep 0.5; done
command_line=$(grep '^./smokegate run demo' "$log") || { cat "$log" >&2; exit 1; }
flags=${command_line#./smokegate run demo}
ca=$(sed -n "s/.*--ca-file \([^ ]*\).*/\1/p" <<< "$command_line")
account=$(sed -n 's/^the secrets suites\/demo.yaml references.*; \. \([^;]*\);.*/\1/p' "$log")
set -a; . "$account"; set +a

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
check_ms() {  # summary.json, check id: that result's durationMs
  python3 -c "import json,sys; r=[x for x in json.load(open(sys.argv[1]))['results'] if x['id']==sys.argv[2]]; \
print(r[0]['durationMs'] if r else -1)" "$1" "$2"
}
outcome() {  # summary.json: "108 passed, 1 skipped" style
  python3 -c "import json,sys; c=json.load(open(sys.argv[1]))['counts']; \
print(', '.join(f'{v} {k}' for k,v in c.items() if v and k!='failedBelowFailOn'))" "$1"
}
run() {  # label, extra flags...: one timed run, prints wall ms and keeps summary.json
  local start; start=$(now_ms)
  eval "./smokegate run demo --no-html --report-dir '$work/reports' $flags $*" > "$work/run.log" 2>&1 || true
  echo $(( $(now_ms) - start ))
}
summary="$work/reports/demo/latest/summary.json"

echo "oauth.* on the reference deployment ($(nproc) cores, $runs runs each)"
gate_walls=(); redirect=(); forged=()
for _ in $(seq 1 "$runs"); do
  gate_walls+=("$(run --suite gate --only oauth.redirect.params --only oauth.callback.forged-state-rejected)")
  redirect+=("$(check_ms "$summary" oauth.redirect.params)")
  forged+=("$(check_ms "$summary" oauth.callback.forged-state-rejected)")
done
printf 'gate oauth.* (no browser):   wall median %6d ms   redirect.params %5d ms   forged-state %5d ms   [%s]\n' \
  "$(median "${gate_walls[@]}")" "$(median "${redirect[@]}")" "$(median "${forged[@]}")" "$(outcome "$summary")"

login() {  # label, extra flags: cold run then warm runs
  local label=$1; shift
  local walls=() probes=()
  for i in $(seq 1 "$runs"); do
    sleep $(( 30 - $(date +%s) % 30 ))  # a fresh TOTP window
    walls+=("$(run --suite nightly --only 'oauth.*' "$@")")
    probes+=("$(check_ms "$summary" oauth.login.completes)")
    if [[ $i -eq 1 ]]; then
      printf '%-28s cold: wall %6d ms   login %6d ms   [%s]\n' "$label" "${walls[0]}" "${probes[0]}" \
        "$(outcome "$summary")"
    fi
  done
  if (( runs > 1 )); then
    printf '%-28s warm: wall %6d ms   login %6d ms   (median of %d)\n' "$label" \
      "$(median "${walls[@]:1}")" "$(median "${probes[@]:1}")" $(( runs - 1 ))
  fi
}
login "nightly login (local)"

# A Grid standalone on the test classpath (selenium-grid is a test dependency, on the client's version); its node's
# Chromium trusts the demo CA through an NSS database in its HOME, and finds chromedriver on the PATH.
mvn -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/grid.cp" \
  > /dev/null 2>&1 || mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/grid.cp" > /dev/null
mkdir -p "$work/grid-home/.pki/nssdb"
certutil -N -d "sql:$work/grid-home/.pki/nssdb" --empty-password
certutil -A -d "sql:$work/grid-home/.pki/nssdb" -n smokegate-demo -t "C,," -i "$ca"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
grid_start=$(now_ms)
HOME="$work/grid-home" java -cp "$(cat "$work/grid.cp")" org.openqa.selenium.grid.Main standalone \
  --port "$port" --host 127.0.0.1 --selenium-manager false --max-sessions 2 > "$work/grid.log" 2>&1 &
grid=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/status" 2>/dev/null | grep -q '"ready": *true' && break; sleep 0.5
done
printf 'grid standalone ready after %d ms\n' $(( $(now_ms) - grid_start ))
login "nightly login (Grid)" --grid "http://127.0.0.1:$port"
