#!/usr/bin/env bash
# Benchmark: the tls.* suite against local endpoints of the reference deployment.
#   1. per host, side by side with `testssl -p -s -f -S -h` (protocols, standard cipher categories, forward
#      secrecy, server defaults incl. the certificate, headers) on the same endpoint: wall time of each command
#      (smokegate's includes its JVM start), the ratio, and whether the verdicts agree on protocols, weak suites
#      (NULL, anonymous, EXPORT, DES, RC4, 3DES), forward secrecy, the certificate (trust, name, expiry) and
#      OCSP stapling;
#      sslscan (protocols, accepted and preferred suites) as a second opinion. A disagreement prints DISAGREE;
#      README's "TLS" section under "Verdicts and the reference tools" says which ones are expected and why.
#   2. one host versus 20 hosts in one run (the healthy hosts plus TLS fault hosts).
# Usage: bench/tls.sh [RUNS]   (default 3). Installs testssl.sh and sslscan (Debian packages) if they are missing.
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-3}
cd "$home"
"$home/scripts/setup" >&2
if ! command -v testssl >/dev/null || ! command -v sslscan >/dev/null; then
  echo "bench/tls.sh: installing the reference tools: apt-get install -y testssl.sh sslscan" >&2
  sudo_=""; [[ $(id -u) -eq 0 ]] || sudo_=sudo
  $sudo_ apt-get install -y testssl.sh sslscan >&2 || {
    echo "bench/tls.sh needs testssl.sh and sslscan: apt-get install testssl.sh sslscan" >&2; exit 2; }
fi
work=$(mktemp -d)
log="$work/serve.log"
./smokegate demo --serve --tls-faults > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do grep -q '^./smokegate run demo' "$log" && break; sleep 0.5; done
command_line=$(grep '^./smokegate run demo' "$log") || { cat "$log" >&2; exit 1; }
flags=${command_line#./smokegate run demo}
ca=$(sed -n "s/.*--ca-file \([^ ]*\).*/\1/p" <<< "$command_line")
port_of() { sed -n "s/.*'$1:443 -> 127.0.0.1:\([0-9]*\)'.*/\1/p" <<< "$command_line"; }
fault_host() { awk -v f="$1" '$4 == f {print $5}' "$log"; }

# shellcheck source=bench/demo-yaml.sh
source "$home/bench/demo-yaml.sh"
config() {  # file, hosts...
  local file=$1; shift
  { demo_yaml | sed '/^thresholds:/,$d'; printf 'tls:\n  hosts:\n'; printf '    - %s\n' "$@"; } > "$file"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

smokegate_tls() {  # config file, report dir
  eval "./smokegate run '$1' --only 'tls.*' --no-html --report-dir '$2' $flags" > /dev/null 2>&1 || true
}

hosts=0 testssl_agree=0 sslscan_agree=0 ours_total=0 theirs_total=0
compare() {  # host: time both tools on it and compare verdicts
  local host=$1 port; port=$(port_of "$host")
  config "$work/one.yaml" "$host"
  local ours=() theirs=()
  for _ in $(seq 1 "$runs"); do
    local start; start=$(now_ms)
    smokegate_tls "$work/one.yaml" "$work/reports"
    ours+=($(( $(now_ms) - start )))
    rm -f "$work/testssl.json"; start=$(now_ms)
    testssl -p -s -f -S -h --ip 127.0.0.1 --add-ca "$ca" --quiet --color 0 --warnings off \
      --jsonfile "$work/testssl.json" "$host:$port" > /dev/null 2>&1 || true
    theirs+=($(( $(now_ms) - start )))
  done
  sslscan --no-colour --no-heartbleed --no-compression --no-renegotiation --no-fallback --no-groups \
    --no-check-certificate --sni-name="$host" --xml="$work/sslscan.xml" "127.0.0.1:$port" > /dev/null 2>&1 || true
  local a b; a=$(median "${ours[@]}"); b=$(median "${theirs[@]}")
  printf '%-40s smokegate %6d ms   testssl %7d ms   %5sx faster\n' "$host" "$a" "$b" \
    "$(python3 -c "print(f'{$b / $a:.1f}')")"
  python3 "$home/bench/tls_verdicts.py" "$work/reports/demo/latest/summary.json" "$work/testssl.json" \
    "$work/sslscan.xml" | tee "$work/verdicts.txt" | sed 's/^/    /; s/^    \(.*DISAGREE\)/!!! \1/'
  grep -q '^testssl: agree' "$work/verdicts.txt" && testssl_agree=$((testssl_agree + 1))
  grep -q '^sslscan: agree' "$work/verdicts.txt" && sslscan_agree=$((sslscan_agree + 1))
  hosts=$((hosts + 1)) ours_total=$((ours_total + a)) theirs_total=$((theirs_total + b))
}

plain() { sed 's/\x1b\[[0-9;]*m//g'; }
echo "tls suite, one host at a time, against testssl -p -s -f -S -h ($(testssl --version 2>/dev/null | plain \
  | sed -n 's/.*testssl *\([0-9.]*\) .*/\1/p' | head -1)) and sslscan $(sslscan --version 2>/dev/null | plain \
  | sed -n 's/^[^0-9]*\([0-9][0-9.]*\)$/\1/p' | head -1); $(nproc) cores, median of $runs"
compare api.smokegate.test
for fault in LEGACY_TLS_ENABLED NULL_CIPHER NULL_ONLY TRIPLE_DES_ONLY STATIC_RSA_ONLY DHE_1024 NGINX_DEFAULT_CIPHERS \
    EXPIRED_LEAF WRONG_HOST_NAME NO_OCSP_STAPLE; do
  compare "$(fault_host "$fault")"
done
echo "verdicts: $testssl_agree of $hosts hosts agree with testssl, $sslscan_agree of $hosts with sslscan;" \
  "time: smokegate $ours_total ms, testssl $theirs_total ms ($(python3 -c \
  "print(f'{$theirs_total / $ours_total:.1f}')")x)"

# 20 hosts: twenty names for the healthy api endpoint (the same work per host, so the ratio shows how scans
# overlap), then the three healthy hosts plus 17 fault hosts (a heavier, realistic mix).
api_port=$(port_of api.smokegate.test)
same_hosts=() same_flags=""
for i in $(seq -w 1 20); do
  same_hosts+=("host$i.bench.smokegate.test")
  same_flags+=" --connect-to 'host$i.bench.smokegate.test:443 -> 127.0.0.1:$api_port'"
done
mixed_hosts=(app.smokegate.test api.smokegate.test www.smokegate.test
  $(awk '/^tls fault host:/ {print $5}' "$log" | head -17))
config "$work/one.yaml" api.smokegate.test
config "$work/same.yaml" "${same_hosts[@]}"
config "$work/mixed.yaml" "${mixed_hosts[@]}"
checks_ms() {  # config file, extra flags: the run's own duration from summary.json (no JVM start)
  eval "./smokegate run '$1' --only 'tls.*' --no-html --report-dir '$work/reports' $flags $2" > /dev/null 2>&1 || true
  node -e 'console.log(require(process.argv[1]).durationMs)' "$work/reports/demo/latest/summary.json"
}
one=() same=() mixed=()
for _ in $(seq 1 "$runs"); do
  one+=($(checks_ms "$work/one.yaml" ""))
  same+=($(checks_ms "$work/same.yaml" "$same_flags"))
  mixed+=($(checks_ms "$work/mixed.yaml" ""))
done
ratio() { python3 -c "print(f'{$1 / $2:.1f}')"; }
echo "tls suite run time (checks only, no JVM start; median of $runs):"
printf '  1 host                                  %6d ms\n' "$(median "${one[@]}")"
printf '  20 hosts, same endpoint                 %6d ms  (%sx one host)\n' "$(median "${same[@]}")" \
  "$(ratio "$(median "${same[@]}")" "$(median "${one[@]}")")"
printf '  20 hosts, 3 healthy + 17 fault hosts    %6d ms  (%sx one host)\n' "$(median "${mixed[@]}")" \
  "$(ratio "$(median "${mixed[@]}")" "$(median "${one[@]}")")"
