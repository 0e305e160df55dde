# Shared by bench/jitter.sh and bench/blackhole.sh (sourced, not run): the reference deployment with a FaultyProxy
# (src/main/java/dev/smokegate/reference/net) in front of the local ports it is reached at.
#   start_reference          ./smokegate demo --serve; sets $flags (its --connect-to and --ca-file flags) and
#                            exports the secrets demo.yaml references
#   start_proxy ARGS -- UPSTREAM...
#                            one proxy per upstream 127.0.0.1:PORT with the FaultyProxy options ARGS; sets
#                            $proxied_flags: $flags with each of those upstreams replaced by its proxy
#   stop_proxy               stops it; prints its "faulty proxy: N connections, M reset" line
#   upstreams [HOST:PORT]    the local addresses in $flags (of one public HOST:PORT only, if given)
#   summary_field FILE KEY   a value of summary.json, e.g. counts.failed
# Everything started is stopped on exit, by process id. Needs $home and $work.

start_reference() {
  ./smokegate demo --serve > "$work/serve.log" 2>&1 &
  reference=$!
  for _ in $(seq 1 240); do
    grep -qs '^the secrets suites/demo.yaml references' "$work/serve.log" && break; sleep 0.5
  done
  local command_line
  command_line=$(grep '^./smokegate run demo' "$work/serve.log") || { cat "$work/serve.log" >&2; exit 1; }
  flags=${command_line#./smokegate run demo}
  # The secrets demo.yaml references, from the owner-only file `demo --serve` wrote.
  set -a; . "$(sed -n 's/^the secrets suites\/demo.yaml references.*; \. \([^;]*\);.*/\1/p' "$work/serve.log")"
  set +a
}

upstreams() {
  if [[ -n "${1:-}" ]]; then
    sed -n "s/.*'$1 -> \(127\.0\.0\.1:[0-9]*\)'.*/\1/p" <<< "$flags"
  else
    grep -o -- "-> 127\.0\.0\.1:[0-9]*'" <<< "$flags" | sed "s/^-> //; s/'$//" | sort -u
  fi
}

start_proxy() {
  local options=()
  while [[ $1 != "--" ]]; do options+=("$1"); shift; done
  shift
  java -cp "$(cat "$home/target/smokegate.classpath")" dev.smokegate.reference.net.FaultyProxy "${options[@]}" "$@" \
    > "$work/proxy.log" 2>&1 &
  proxy=$!
  for _ in $(seq 1 100); do grep -qs '^faulty proxy ready' "$work/proxy.log" && break; sleep 0.1; done
  grep -q '^faulty proxy ready' "$work/proxy.log" || { cat "$work/proxy.log" >&2; exit 1; }
  proxied_flags=$flags
  local upstream listen
  while read -r upstream _ listen; do
    proxied_flags=${proxied_flags//"-> $upstream'"/"-> $listen'"}
  done < <(grep -- ' -> ' "$work/proxy.log")
}

stop_proxy() {
  kill "$proxy" 2>/dev/null || true
  wait "$proxy" 2>/dev/null || true  # the status of a process stopped by SIGTERM
  proxy=
  grep '^faulty proxy:' "$work/proxy.log" || true
}

summary_field() {
  node -e 'let v = require(process.argv[1]); for (const k of process.argv[2].split(".")) v = v[k]; console.log(v)' \
    "$1" "$2"
}

cleanup() {
  local pid
  for pid in ${proxy:-} ${reference:-}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
