#!/usr/bin/env bash
# Benchmark: the nightly restore drill (db.restore-drill) as the source database grows, against plain
# `pg_dump | pg_restore` by hand on the same data. For each size, the reference deployment's source database is
# filled (as the app user, over verified TLS) until users, rooms and messages hold about that many rows together,
# nearly all of them messages with chat-like bodies of 50-100 bytes; then
#   1. smokegate runs the drill alone (`--suite nightly --only db.restore-drill`, a copy of suites/demo.yaml with a
#      2h objective, a 3h run deadline and no smoke step): each step's time from summary.json's measurements, the
#      run's wall time and its peak memory: /usr/bin/time -v's max RSS (Debian package `time`) of smokegate and the
#      tools it ran, of which its JVM is by far the largest; without /usr/bin/time the JVM's VmHWM, polled;
#   2. by hand: `pg_dump -Fc` of the source (read-only session) piped into `pg_restore --no-owner --no-privileges`
#      into the scratch database, same tools and TLS settings, timed; then the scratch is emptied again as its user.
# smokegate's dump goes to a file and its restore runs with 2 jobs; the pipe allows only one. Sizes run in ascending
# order (the source only grows); a 10 M-row source needs a few GB of disk (data, dumps, archived WAL) in /tmp.
# Usage: bench/restore-drill.sh [ROWS...]   (default 10000 1000000 10000000). Progress on stderr, the table on stdout.
set -Eeuo pipefail
trap 'echo "restore-drill.sh: FAILED (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
(( $# )) || set -- 10000 1000000 10000000
for rows in "$@"; do
  if ! [[ $rows =~ ^[0-9]+$ ]] || (( rows < 1000 )); then
    echo "restore-drill.sh: ROWS must be numbers >= 1000: $rows" >&2
    exit 2
  fi
done
mapfile -t sizes < <(printf '%s\n' "$@" | sort -n -u)
tools=/usr/lib/postgresql/15/bin
cd "$home"
"$home/scripts/setup" >&2
work=$(mktemp -d)
log="$work/serve.log"
./smokegate demo --serve > "$log" 2>&1 &
server=$!
drill=
drill_jvm=
cleanup() {
  set +e; trap - ERR  # a process that already ended must not stop the rest of the cleanup
  # A running drill first: smokegate empties the scratch on SIGTERM, and /usr/bin/time around it ends with it.
  if [[ -n "$drill" ]]; then kill "${drill_jvm:-$drill}" 2>/dev/null; wait "$drill" 2>/dev/null; fi
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

note() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { note "FAILED: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { awk -v ms="$1" 'BEGIN { if (ms == "" || ms < 0) print "-"; else printf "%.2f", ms / 1000 }'; }

note "starting the reference deployment (./smokegate demo --serve)"
for _ in $(seq 1 480); do
  grep -q '^the secrets suites/demo.yaml references' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; fail "the reference deployment did not start"; }
  sleep 0.5
done
command_line=$(grep '^./smokegate run demo' "$log") || { cat "$log" >&2; fail "demo --serve printed no command line"; }
eval "run_flags=(${command_line#./smokegate run demo})"
ca=$(sed -n "s/.*--ca-file \([^ ]*\).*/\1/p" <<< "$command_line")
secrets=$(sed -n 's/^the secrets suites\/demo.yaml references.*; \. \([^;]*\);.*/\1/p' "$log")
set -a; . "$secrets"; set +a
export PGSSLMODE=verify-full PGSSLROOTCERT="$ca" PGCONNECT_TIMEOUT=10 LC_ALL=C.UTF-8
unset PGSERVICE PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGOPTIONS

# host, port, user, database and password of a postgres:// URL, one per line, read from the environment: the
# password never appears in any process's argv.
url_parts() {
  URL=${!1} python3 -c 'import os, urllib.parse as u; p = u.urlsplit(os.environ["URL"])
print(p.hostname, p.port or 5432, u.unquote(p.username or ""), u.unquote(p.path.lstrip("/")),
      u.unquote(p.password or ""), sep="\n")'
}
{ read -r src_host; read -r src_port; read -r src_user; read -r src_db; read -r src_password; } \
  < <(url_parts DATABASE_URL)
{ read -r scr_host; read -r scr_port; read -r scr_user; read -r scr_db; read -r scr_password; } \
  < <(url_parts RESTORE_DATABASE_URL)
source_psql() {
  PGPASSWORD=$src_password "$tools/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$src_host" -p "$src_port" \
    -U "$src_user" -d "$src_db" "$@"
}
scratch_psql() {
  PGPASSWORD=$scr_password "$tools/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$scr_host" -p "$scr_port" \
    -U "$scr_user" -d "$scr_db" "$@"
}
scratch_relations() {
  scratch_psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
      AND n.nspname NOT LIKE 'pg\_temp%'"
}

# suites/demo.yaml for the drill alone: a 2h objective and a 3h run deadline (a 10 M-row drill on 2 busy cores
# takes minutes), no smoke step (its staging backend is not what is measured), the migrations' directory absolute.
suite="$work/suite/demo.yaml"
mkdir -p "$work/suite"
python3 - "$home/suites/demo.yaml" "$home" > "$suite" <<'EOF'
import json, sys
source, home = sys.argv[1], sys.argv[2]
changed = {"recovery-objective": 0, "migrate-directory": 0, "smoke": 0, "run-deadline": 0}
drill_indent = skip_indent = None
for line in open(source):
    stripped, indent = line.strip(), len(line) - len(line.lstrip(" "))
    content = stripped and not stripped.startswith("#")
    if skip_indent is not None:
        if not content or indent > skip_indent:
            continue
        skip_indent = None
    if drill_indent is not None and content and indent <= drill_indent:
        drill_indent = None
    key = stripped.split(":", 1)[0]
    if key == "restore-drill":
        drill_indent = indent
    elif drill_indent is not None and key == "smoke":
        changed[key] += 1
        skip_indent = indent
        continue
    elif drill_indent is not None and key == "recovery-objective":
        changed[key] += 1
        line = " " * indent + "recovery-objective: 2h\n"
    elif drill_indent is not None and key == "migrate-directory":
        changed[key] += 1
        line = " " * indent + "migrate-directory: " + json.dumps(home) + "\n"
    elif key == "run-deadline":
        changed[key] += 1
        line = " " * indent + "run-deadline: 3h\n"
    sys.stdout.write(line)
if any(n != 1 for n in changed.values()):
    sys.exit(f"suites/demo.yaml changed shape, edit bench/restore-drill.sh: {changed}")
EOF

# Fills the source until users, rooms and messages hold $1 rows together: 1 % users, 0.1 % rooms, the rest
# messages, inserted in batches of a million rows (one transaction each), then vacuumed and analysed as a database
# in use would be (no dump or count pays for setting hint bits).
fill() {
  local total=$1 users rooms messages have next started
  users=$(( total / 100 > 25 ? total / 100 : 25 ))
  rooms=$(( total / 1000 > 5 ? total / 1000 : 5 ))
  messages=$(( total - users - rooms ))
  started=$(now_ms)
  source_psql -v users="$users" -v rooms="$rooms" <<'SQL'
INSERT INTO users (github_login, created_at)
  SELECT 'bench-user-' || g, timestamptz '2026-01-01' + g * interval '1 minute'
  FROM generate_series((SELECT count(*) FROM users) + 1, :users::bigint) g;
INSERT INTO rooms (name, created_by)
  SELECT 'bench-room-' || g, 1 + (g * 7919) % (SELECT max(id) FROM users)
  FROM generate_series((SELECT count(*) FROM rooms) + 1, :rooms::bigint) g;
SQL
  have=$(source_psql -c 'SELECT count(*) FROM messages')
  while (( have < messages )); do
    next=$(( have + 1000000 < messages ? have + 1000000 : messages ))
    source_psql -v from=$(( have + 1 )) -v to="$next" <<'SQL'
INSERT INTO messages (room_id, user_id, body, created_at)
  SELECT 1 + g % r.n, 1 + (g * 7919) % u.n,
         (ARRAY['Morning all,', 'Quick question:', 'FYI', 'Heads up:', 'Thanks!', 'Re the deploy:', 'ok so',
                'Update:', 'Reminder:', 'Sorry, late:'])[(1 + g % 10)::int] || ' ' ||
         (ARRAY['the staging build is green again', 'can someone review my PR before lunch',
                'the migration ran fine on my machine', 'I pushed a fix for the login redirect',
                'we should bump the node version next sprint', 'the websocket reconnects after 30 seconds',
                'standup moved to 10:30 today', 'who broke the nightly run again',
                'the coffee machine on floor 3 is fixed', 'see the ticket for the full stack trace'])
           [(1 + (g / 10) % 10)::int]
         || ' #' || substr(md5(g::text), 1, (8 + g % 25)::int),
         timestamptz '2026-01-01' + g * interval '1 second'
  FROM generate_series(:from::bigint, :to) g, (SELECT max(id) AS n FROM rooms) r, (SELECT max(id) AS n FROM users) u;
SQL
    have=$next
    note "  messages: $have of $messages"
  done
  source_psql -c 'VACUUM (ANALYZE) users, rooms, messages'
  local filled took
  filled=$(source_psql -c "SELECT (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM rooms)
    || ' rooms, ' || (SELECT count(*) FROM messages) || ' messages (body ' || (SELECT round(avg(length(body)))
    FROM messages) || ' bytes on average), database ' || pg_size_pretty(pg_database_size(current_database()))")
  took=$(seconds $(( $(now_ms) - started )))
  note "filled to $filled in $took s"
}

# Peak resident memory (VmHWM, kB) of process $1, polled until it is gone; the kernel keeps the high-water mark, so
# polling misses only what the last tenth of a second added (a lower bound).
peak_rss_kb() {
  local pid=$1 peak=0 value
  while kill -0 "$pid" 2>/dev/null; do
    value=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n $value ]] && peak=$value
    sleep 0.1
  done
  echo "$peak"
}

# One drill through smokegate; sets the drill_* variables from summary.json and the console.
smokegate_drill() {
  local reports="$work/reports" started poller=
  rm -rf "$reports"
  started=$(now_ms)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$work/time.txt" ./smokegate run "$suite" --suite nightly --only db.restore-drill \
      "${run_flags[@]}" --report-dir "$reports" --no-html > "$work/drill.log" 2>&1 &
    drill=$!
    for _ in $(seq 1 100); do drill_jvm=$(pgrep -P "$drill" || true); [[ -n $drill_jvm ]] && break; sleep 0.05; done
  else
    ./smokegate run "$suite" --suite nightly --only db.restore-drill "${run_flags[@]}" --report-dir "$reports" \
      --no-html > "$work/drill.log" 2>&1 &
    drill=$!
    drill_jvm=$drill
    # In the background: `wait` returns at once on a signal, so a stopped benchmark stops the drill too.
    peak_rss_kb "$drill" > "$work/peak" &
    poller=$!
  fi
  local code=0
  wait "$drill" || code=$?
  drill_wall=$(( $(now_ms) - started ))
  drill= drill_jvm=
  if [[ -n $poller ]]; then
    wait "$poller"
    drill_rss_kb=$(cat "$work/peak")
  else
    drill_rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  fi
  local summary="$reports/demo/latest/summary.json"
  [[ -f $summary ]] || { cat "$work/drill.log" >&2; fail "smokegate wrote no summary.json (exit $code)"; }
  read -r drill_status drill_dump drill_restore drill_migrate drill_verify drill_recovery < <(python3 -c '
import json, sys
r = [x for x in json.load(open(sys.argv[1]))["results"] if x["id"] == "db.restore-drill"]
m = r[0].get("measurements", {}) if r else {}
steps = ("dump", "restore", "migrate", "verify", "recovery")
print(r[0]["status"] if r else "missing", *(m.get(step + "-ms", -1) for step in steps))
' "$summary")
  if [[ $drill_status != passed || $code -ne 0 ]]; then
    cat "$work/drill.log" >&2
    fail "db.restore-drill is ${drill_status^^}, not PASSED (smokegate exit $code)"
  fi
  drill_size=$(sed -n 's/.*db\.restore-drill: dump [^(]*(\([0-9]* kB\)).*/\1/p' "$work/drill.log" | head -1)
  grep 'db\.restore-drill:' "$work/drill.log" | sed 's/^/    /' >&2 || true
}

# The same by hand: dump piped into restore, timed; then drop what was restored (as the scratch's user).
plain_drill() {
  local started
  started=$(now_ms)
  if ! PGPASSWORD=$src_password PGOPTIONS='-c default_transaction_read_only=on' "$tools/pg_dump" --format=custom \
         --no-password -h "$src_host" -p "$src_port" -U "$src_user" -d "$src_db" 2> "$work/plain-dump.log" \
       | PGPASSWORD=$scr_password "$tools/pg_restore" --no-owner --no-privileges --exit-on-error --no-password \
         -h "$scr_host" -p "$scr_port" -U "$scr_user" -d "$scr_db" 2> "$work/plain-restore.log"; then
    cat "$work/plain-dump.log" "$work/plain-restore.log" >&2
    fail "pg_dump | pg_restore by hand"
  fi
  plain_wall=$(( $(now_ms) - started ))
  plain_rows=$(scratch_psql -c 'SELECT count(*) FROM messages')
  scratch_psql <<'SQL'
SET client_min_messages = warning;  -- no notice for each sequence its table's drop already took along
SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
              CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                             WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY c.relkind = 'S', c.relname
\gexec
SQL
  local left; left=$(scratch_relations)
  (( left == 0 )) || fail "the scratch still holds $left relations after dropping what pg_restore created"
}

printf 'db.restore-drill (smokegate) vs pg_dump | pg_restore by hand, %d cores; seconds; peak RSS in MB: %s\n' \
  "$(nproc)" "$( [[ -x /usr/bin/time ]] && echo "/usr/bin/time -v, smokegate and its tools" \
    || echo "the JVM's VmHWM, polled")"
format='%10s %8s %8s %8s %8s %9s %8s | %13s | %8s %10s %9s\n'
printf "$format" rows dump restore migrate verify recovery "sg wall" "dump|restore" "peak RSS" "dump size" "db size"
for rows in "${sizes[@]}"; do
  note "filling the source to $rows rows"
  fill "$rows"
  db_size=$(source_psql -c 'SELECT pg_size_pretty(pg_database_size(current_database()))')
  (( $(scratch_relations) == 0 )) || fail "the scratch database is not empty before the drill"
  note "db.restore-drill through smokegate ($rows rows)"
  smokegate_drill
  note "pg_dump | pg_restore by hand ($rows rows)"
  plain_drill
  note "  by hand: $(seconds "$plain_wall") s, $plain_rows messages restored"
  printf "$format" "$rows" "$(seconds "$drill_dump")" "$(seconds "$drill_restore")" "$(seconds "$drill_migrate")" \
    "$(seconds "$drill_verify")" "$(seconds "$drill_recovery")" "$(seconds "$drill_wall")" "$(seconds "$plain_wall")" \
    "$(( drill_rss_kb / 1024 ))" "$drill_size" "$db_size"
done
