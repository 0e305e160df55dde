#!/usr/bin/env bash
# Benchmark: the secrets.* and auth.jwt.secret-strength checks at production sizes.
#   1. a frontend of 50 same-origin chunks of 100 KB each (5 MB of minified-looking JavaScript) behind TLS: wall
#      time of `--only 'secrets.*'` (which downloads the bundle once for its three checks), the public-assets
#      check's own time, and the bytes it searched (from its message);
#   2. the weak-secret scan of one HS256 token whose key is on no list (the worst case: every entry is tried),
#      as auth.jwt.secret-strength's own time in the run, first run and following ones.
# The frontend is a Python HTTPS server on loopback with a throwaway self-signed certificate made here (never
# committed), trusted through trust.extra-ca-file. Usage: bench/secrets.sh [RUNS]   (default 5)
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-5}
cd "$home"
work=$(mktemp -d)
server=
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
python3 - "$work" <<'PY'
import os, random, string, sys
work = sys.argv[1]
os.makedirs(f"{work}/site/_next/static/chunks", exist_ok=True)
rng = random.Random(7)
scripts = []
for i in range(50):
    name = f"/_next/static/chunks/{i:02d}-{rng.getrandbits(64):016x}.js"
    body = []
    size = 0
    while size < 100_000:  # minified-looking code: identifiers, string literals, numbers
        ident = "".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(1, 3)))
        text = "".join(rng.choice(string.ascii_letters + " ") for _ in range(rng.randint(4, 40)))
        line = f'{ident}=function(e,t){{return e.{ident}("{text}",t+{rng.randint(0, 99999)})}};'
        body.append(line)
        size += len(line)
    open(f"{work}/site{name}", "w").write("".join(body))
    scripts.append(name)
tags = "".join(f'<script src="{s}" defer></script>' for s in scripts)
open(f"{work}/site/index.html", "w").write(f"<!doctype html><html><head>{tags}</head><body>bench</body></html>")
open(f"{work}/site/health", "w").write('{"status":"ok"}')
PY
find "$work/site/_next" -type f -printf "%s\n" | awk '{s += $1} END {printf "frontend: 50 chunks, %d bytes of scripts\n", s}'

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$work" "$port" > "$work/server.log" 2>&1 <<'PY' &
import functools, http.server, ssl, sys
work, port = sys.argv[1], int(sys.argv[2])
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
handler = functools.partial(Quiet, directory=f"{work}/site")
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(f"{work}/cert.pem", f"{work}/key.pem")
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
server=$!
for _ in $(seq 1 50); do curl -sf --cacert "$work/cert.pem" "https://localhost:$port/health" >/dev/null && break; sleep 0.1; done

# An HS256 token signed with 48 random bytes: on no list, so the scan tries every entry.
token=$(python3 -c '
import base64, hashlib, hmac, json, os, time
b = lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode()
head = b(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
body = b(json.dumps({"sub": "bench", "exp": int(time.time()) + 3600}).encode())
sig = b(hmac.new(os.urandom(48), f"{head}.{body}".encode(), hashlib.sha256).digest())
print(f"{head}.{body}.{sig}")')
cat > "$work/bench.yaml" <<YAML
frontend: {url: "https://localhost:$port/"}
backend: {url: "https://localhost:$port", health-path: /health}
trust: {extra-ca-file: cert.pem}
secrets: {max-bytes: 8MB}
auth:
  jwt: {token: "\${BENCH_JWT}"}
YAML
export BENCH_JWT=$token

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
result() {  # summary.json, check id, field
  python3 -c "import json,sys; r=[x for x in json.load(open(sys.argv[1]))['results'] if x['id']==sys.argv[2]]; \
print(r[0][sys.argv[3]] if r else '')" "$1" "$2" "$3"
}
summary="$work/reports/bench/latest/summary.json"
run() {  # --only globs...: one timed run, prints wall ms
  local start; start=$(now_ms)
  ./smokegate run "$work/bench.yaml" --no-html --report-dir "$work/reports" "$@" > "$work/run.log" 2>&1 || {
    cat "$work/run.log" >&2; exit 1; }
  echo $(( $(now_ms) - start ))
}

walls=(); assets=()
for _ in $(seq 1 "$runs"); do
  walls+=("$(run --only 'secrets.*')")
  assets+=("$(result "$summary" secrets.public-assets.no-secrets durationMs)")
done
echo "secrets.* on 50 chunks ($(nproc) cores, $runs runs): wall median $(median "${walls[@]}") ms" \
  "(whole process), public-assets check median $(median "${assets[@]}") ms"
echo "  $(result "$summary" secrets.public-assets.no-secrets message)"

scans=()
for _ in $(seq 1 "$runs"); do
  run --only auth.jwt.secret-strength > /dev/null
  scans+=("$(result "$summary" auth.jwt.secret-strength durationMs)")
done
echo "weak-secret scan of one HS256 token over $(grep -vc '^#' src/main/resources/dev/smokegate/probe/auth/jwt-weak-secrets.txt 2>/dev/null || echo '?') entries:" \
  "first run ${scans[0]} ms, median $(median "${scans[@]}") ms (each run a fresh JVM)"
echo "  $(result "$summary" auth.jwt.secret-strength message)"
