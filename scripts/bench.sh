#!/usr/bin/env bash
# Rollcall's benchmark: builds the WAR, starts it on MariaDB exactly as scripts/serve.sh does, drives it with the
# Java load generator in src/bench/java (java.net.http, a fixed pool of C workers), prints a table and writes it as
# JSON under target/bench/ (bench-<timestamp>.json, latest.json, latest.txt).
#
#   scripts/bench.sh [--users N] [--concurrency C] [--group-size G] [--runs R] [--quick] [--jfr]
#                    [--durability durable|relaxed|both] [--scenario standard|hardening|flood,storm,heap|feed|deep|all]
#                    [--phase-seconds S] [--floor-seconds S] [--port P]
#   env: BENCH_USERS (20000), BENCH_CONCURRENCY (16), BENCH_GROUP_SIZE (100000), BENCH_RUNS (1),
#        BENCH_FLOOR_SECONDS (10), BENCH_PORT (18480), BENCH_DB_NAME (rollcall_bench),
#        BENCH_SCENARIO (standard), BENCH_PHASE_SECONDS (20), BENCH_DURABILITY (durable),
#        BENCH_MARIADB_PORT (3316), BENCH_MARIADB_DIR (/tmp/rollcall-bench-mariadb-<port>), BENCH_BOOT_SECONDS (240),
#        ROLLCALL_JAVA_OPTS (the server's JVM options, default -Xmx1g as serve.sh),
#        BENCH_JDBC_PROPERTIES (Connector/J properties added to the private database's URL, e.g.
#        useServerPrepStmts=true, for trying one against the pool's own)
# The database is a private mariadbd the bench starts itself (Debian's, installed if missing; its own datadir, port
# and socket; stopped at the end): durable = innodb_flush_log_at_trx_commit=1 (MySQL's default, every commit on
# disk), relaxed = 2 (what scripts/test.sh's shared server runs, for speed); both = each, one after the other,
# reported side by side. With ROLLCALL_TEST_DB_URL (+ _USER, _PASSWORD) that server is used as it is and its
# setting is read and printed. Each run gets a fresh database and a fresh server. The report gives, per scenario,
# the CPU-ms per operation of the server's JVM, the database and the load generator (/proc/<pid>/stat). The
# standard scenarios run with the server's request budgets off (ROLLCALL_BUDGET_API_*=0 unless set).
# --quick is a smoke run (N=500, G=5000, 3 s floors, 10 s phases). --jfr records a Java Flight Recording of the
# server per run (target/bench/server-<time>-<durability>-<run>.jfr). --scenario hardening runs issue 15's scenarios instead of the
# standard ones (tenant flood, login storm, heap while 4 clients list big groups; about 5 minutes a run with
# G=100000, plus the boot): see docs/benchmark.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

users="${BENCH_USERS:-20000}"
concurrency="${BENCH_CONCURRENCY:-16}"
group_size="${BENCH_GROUP_SIZE:-100000}"
runs="${BENCH_RUNS:-1}"
floor_seconds="${BENCH_FLOOR_SECONDS:-10}"
port="${BENCH_PORT:-18480}"
scenario="${BENCH_SCENARIO:-standard}"
phase_seconds="${BENCH_PHASE_SECONDS:-20}"
durability="${BENCH_DURABILITY:-durable}"
mariadb_port="${BENCH_MARIADB_PORT:-3316}"
jfr=""
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --group-size) group_size="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --floor-seconds) floor_seconds="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --phase-seconds) phase_seconds="$2"; shift 2 ;;
    --durability) durability="$2"; shift 2 ;;
    --quick) users=500; group_size=5000; floor_seconds=3; phase_seconds=10; shift ;;
    --jfr) jfr=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown option $1 (see scripts/bench.sh --help)" ;;
  esac
done
[[ "$scenario" =~ ^(standard|hardening|flood|storm|heap|feed|deep|all)(,(standard|hardening|flood|storm|heap|feed|deep|all))*$ ]] \
  || die "--scenario takes standard, hardening, flood, storm, heap, feed, deep or all (comma-separated; got '$scenario')"
case "$durability" in
  durable) settings=(1) ;;
  relaxed) settings=(2) ;;
  both) settings=(1 2) ;;
  *) die "--durability takes durable, relaxed or both (got '$durability')" ;;
esac
for n in "$users" "$concurrency" "$group_size" "$runs" "$port" "$phase_seconds" "$mariadb_port"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "numbers must be positive integers (got '$n')"
done

export ROLLCALL_TEST_DB_NAME="${BENCH_DB_NAME:-rollcall_bench}"
source "$ROLLCALL_HOME/scripts/lib/ensure-mariadb.sh"
command -v java >/dev/null 2>&1 || die "a JDK 17 is needed (java not found)."
command -v jcmd >/dev/null 2>&1 || die "a full JDK is needed (jcmd not found)."

ensure_build
cd "$ROLLCALL_HOME"
if [ ! -f target/bench-classes/com/rollcall/bench/Bench.class ] \
   || [ -n "$(find src/bench -newer target/bench-classes/com/rollcall/bench/Bench.class -type f -print -quit)" ]; then
  say "compiling the load generator (mvn -Pbench compile) ..."
  mvn -q -B -Pbench -DskipTests compile || die "the load generator did not compile"
fi

out="$ROLLCALL_HOME/target/bench"
mkdir -p "$out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
classpath="target/bench-classes:target/classes:target/runtime/mysql-connector-j.jar"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# The bench's own MariaDB: Debian's mariadbd with its own datadir, port and socket, never the shared server on :3306
# that scripts/test.sh and everyone else's tests use (its settings are left alone). No config files are read
# (--no-defaults); the settings that matter are on the command line, as the shared server has them, except
# innodb_flush_log_at_trx_commit.
bench_db_dir="${BENCH_MARIADB_DIR:-/tmp/rollcall-bench-mariadb-$mariadb_port}"
bench_db_sock="$bench_db_dir/mysqld.sock"
bench_db_pid=""
bench_db_os_user="$(id -un)"
if is_root; then bench_db_os_user="mysql"; fi
bench_db_admin() { mariadb --protocol=socket -S "$bench_db_sock" -u"$(id -un)" "$@"; }
stop_bench_db() {
  if [ -n "$bench_db_pid" ] && kill -0 "$bench_db_pid" 2>/dev/null; then
    say "stopping the bench's mariadbd (pid $bench_db_pid)"
    kill "$bench_db_pid" 2>/dev/null || true
    wait "$bench_db_pid" 2>/dev/null || true
  fi
  bench_db_pid=""
}
start_bench_db() { # $1 = innodb_flush_log_at_trx_commit
  stop_bench_db
  local mariadbd
  mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  if [ ! -x "$mariadbd" ]; then
    apt_install mariadb-server mariadb-client \
      || die "no mariadbd: install mariadb-server (needs root and apt-get), or set ROLLCALL_TEST_DB_URL, ROLLCALL_TEST_DB_USER and ROLLCALL_TEST_DB_PASSWORD."
    mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$mariadb_port") 2>/dev/null; then
    die "port $mariadb_port is in use: pass BENCH_MARIADB_PORT (and BENCH_MARIADB_DIR if it is another bench's)"
  fi
  mkdir -p "$bench_db_dir"
  if is_root; then chown "$bench_db_os_user" "$bench_db_dir"; fi
  if [ ! -d "$bench_db_dir/data/mysql" ]; then
    say "initialising the bench's MariaDB data directory $bench_db_dir/data"
    mariadb-install-db --no-defaults --user="$bench_db_os_user" --datadir="$bench_db_dir/data" \
      --auth-root-authentication-method=socket >"$bench_db_dir/install.log" 2>&1 \
      || die "mariadb-install-db failed; see $bench_db_dir/install.log"
  fi
  say "starting the bench's mariadbd on 127.0.0.1:$mariadb_port with innodb_flush_log_at_trx_commit=$1 (log: $bench_db_dir/error.log)"
  nohup "$mariadbd" --no-defaults --user="$bench_db_os_user" --datadir="$bench_db_dir/data" --socket="$bench_db_sock" \
    --pid-file="$bench_db_dir/mysqld.pid" --bind-address=127.0.0.1 --port="$mariadb_port" --max-connections=400 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --innodb-flush-log-at-trx-commit="$1" \
    --log-error="$bench_db_dir/error.log" >"$bench_db_dir/stdout.log" 2>&1 &
  bench_db_pid=$!
  local i
  for i in $(seq 1 120); do
    kill -0 "$bench_db_pid" 2>/dev/null || die "the bench's mariadbd stopped while starting; see $bench_db_dir/error.log"
    if bench_db_admin -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "the bench's mariadbd did not start within 60 s; see $bench_db_dir/error.log"
}
fresh_bench_database() { # a fresh database and the test user on the bench's server, exported as ensure_test_database does
  local password="rollcall-test-pw"
  bench_db_admin <<SQL || die "could not create the bench database and user"
DROP DATABASE IF EXISTS \`$ROLLCALL_TEST_DB_NAME\`;
CREATE DATABASE \`$ROLLCALL_TEST_DB_NAME\` CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'rollcall_test'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS 'rollcall_test'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`rollcall\\_%\`.* TO 'rollcall_test'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`rollcall\\_%\`.* TO 'rollcall_test'@'localhost';
SQL
  export ROLLCALL_TEST_DB_URL="jdbc:mysql://127.0.0.1:$mariadb_port/$ROLLCALL_TEST_DB_NAME?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true${BENCH_JDBC_PROPERTIES:+&$BENCH_JDBC_PROPERTIES}"
  export ROLLCALL_TEST_DB_USER="rollcall_test"
  export ROLLCALL_TEST_DB_PASSWORD="$password"
}
trap 'stop_server; stop_bench_db' EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port is in use: pass --port or BENCH_PORT"
fi

# The request budgets (docs/api.md) would refuse the standard scenarios' own load (a 429 is cheap and skews every
# number): off unless the hardening scenarios, which measure them, run too, or they are set in the environment.
budget_env=()
if [[ ! "$scenario" =~ (hardening|flood|storm|heap|all) ]]; then
  budget_env=(ROLLCALL_BUDGET_API_PERSECOND="${ROLLCALL_BUDGET_API_PERSECOND:-0}"
              ROLLCALL_BUDGET_API_CONCURRENT="${ROLLCALL_BUDGET_API_CONCURRENT:-0}")
fi

run_files=()
given_db_url="${ROLLCALL_TEST_DB_URL:-}"
if [ -n "$given_db_url" ]; then
  say "using the server ROLLCALL_TEST_DB_URL names, as it is: --durability does not apply; its innodb_flush_log_at_trx_commit is read and reported"
  settings=(given)
fi
for setting in "${settings[@]}"; do
  label="given"
  if [ "$setting" != "given" ]; then
    label=$([ "$setting" = "1" ] && echo durable || echo relaxed)
    start_bench_db "$setting"
  fi
  for run in $(seq 1 "$runs"); do
    if [ "$setting" = "given" ]; then ensure_test_database; else fresh_bench_database; fi
    opts="${ROLLCALL_JAVA_OPTS:--Xmx1g}"
    if [ -n "$jfr" ]; then
      opts="$opts -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$out/server-$stamp-$label-$run.jfr,settings=profile,dumponexit=true"
    fi
    say "$label run $run/$runs: starting Rollcall on port $port (log: target/bench/server-$stamp-$label-$run.log); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    # an operator token per run, as scripts/run.sh makes one: the hardening scenarios onboard their enterprises
    # through the operator API with it (given to the load generator in the environment, never on a command line)
    operator_token="rco_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    # env and serve.sh exec, so $! is the server's JVM (the load generator checks, and finds a java child otherwise)
    ROLLCALL_OPERATOR_TOKEN="$operator_token" ROLLCALL_DB_URL="$ROLLCALL_TEST_DB_URL" ROLLCALL_DB_USER="$ROLLCALL_TEST_DB_USER" \
    ROLLCALL_DB_PASSWORD="$ROLLCALL_TEST_DB_PASSWORD" ROLLCALL_PORT="$port" ROLLCALL_DATA="$out/data" \
    ROLLCALL_JAVA_OPTS="$opts" ROLLCALL_DEMO=false ROLLCALL_WEBHOOKS_ALLOWEDPRIVATEHOSTS=127.0.0.1 env ${budget_env[@]+"${budget_env[@]}"} \
      "$ROLLCALL_HOME/scripts/serve.sh" >"$out/server-$stamp-$label-$run.log" 2>&1 &
    server_pid=$!
    ready=""
    for _ in $(seq 1 "${BENCH_BOOT_SECONDS:-240}"); do
      kill -0 "$server_pid" 2>/dev/null || die "the server stopped while booting; see target/bench/server-$stamp-$label-$run.log"
      if [ "$(http_status "$port" /health/ready 2>/dev/null || true)" = "200" ]; then ready=1; break; fi
      sleep 1
    done
    [ -n "$ready" ] || die "the server was not ready within ${BENCH_BOOT_SECONDS:-240} s; see target/bench/server-$stamp-$label-$run.log"
    file="$out/run-$stamp-$label-$run.json"
    BENCH_OPERATOR_TOKEN="$operator_token" java -Xmx2g -Dbench.clk_tck="$(getconf CLK_TCK 2>/dev/null || echo 100)" \
      -cp "$classpath" com.rollcall.bench.Bench --base "http://127.0.0.1:$port/" \
      --jdbc-url "$ROLLCALL_TEST_DB_URL" --db-user "$ROLLCALL_TEST_DB_USER" --db-password "$ROLLCALL_TEST_DB_PASSWORD" \
      --users "$users" --concurrency "$concurrency" --group-size "$group_size" --floor-seconds "$floor_seconds" \
      --scenario "$scenario" --phase-seconds "$phase_seconds" \
      --pid "$server_pid" --db-pid "${bench_db_pid:-0}" --out "$file" || die "the load generator failed ($label run $run)"
    run_files+=("$file")
    stop_server
    say "$label run $run/$runs done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  stop_bench_db
done
java -cp "$classpath" com.rollcall.bench.Summary "$out/bench-$stamp.json" "${run_files[@]}"
say "written: target/bench/bench-$stamp.json, target/bench/latest.json, target/bench/latest.txt"
