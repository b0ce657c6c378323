#!/usr/bin/env bash
# Rollcall's benchmark: builds the WAR, starts it on MariaDB/MySQL exactly as scripts/serve.sh does
# (the database comes the way scripts/test.sh gets one), drives it with the Java load generator in
# src/bench/java (java.net.http, a fixed pool of C workers), prints a table and writes it as JSON
# under target/bench/ (bench-<timestamp>.json, latest.json, latest.txt).
#
#   scripts/bench.sh [--users N] [--concurrency C] [--group-size G] [--runs R] [--quick] [--jfr]
#                    [--scenario standard|hardening|flood,storm,heap|feed|deep|all] [--phase-seconds S]
#   env: BENCH_USERS (20000), BENCH_CONCURRENCY (16), BENCH_GROUP_SIZE (100000), BENCH_RUNS (1),
#        BENCH_FLOOR_SECONDS (10), BENCH_PORT (18480), BENCH_DB_NAME (rollcall_bench),
#        BENCH_SCENARIO (standard), BENCH_PHASE_SECONDS (20),
#        ROLLCALL_JAVA_OPTS (the server's JVM options, default -Xmx1g as serve.sh)
# Each run gets a fresh database and a fresh server. --quick is a smoke run (N=500, G=5000, 3 s
# floors, 10 s phases). --jfr records a Java Flight Recording of the server per run (target/bench/server-<run>.jfr).
# --scenario hardening runs issue 15's scenarios instead of the standard ones (tenant flood, login storm,
# heap while 4 clients list big groups; about 5 minutes a run with G=100000, plus the boot): see docs/benchmark.md.
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
    --quick) users=500; group_size=5000; floor_seconds=3; phase_seconds=10; shift ;;
    --jfr) jfr=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see scripts/bench.sh --help)" ;;
  esac
done
[[ "$scenario" =~ ^(standard|hardening|flood|storm|heap|feed|deep|all)(,(standard|hardening|flood|storm|heap|feed|deep|all))*$ ]] \
  || die "--scenario takes standard, hardening, flood, storm, heap, feed, deep or all (comma-separated; got '$scenario')"
for n in "$users" "$concurrency" "$group_size" "$runs" "$port" "$phase_seconds"; do
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
trap stop_server EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port is in use: pass --port or BENCH_PORT"
fi

run_files=()
given_db_url="${ROLLCALL_TEST_DB_URL:-}"
for run in $(seq 1 "$runs"); do
  # a fresh database per run: ensure_test_database exports the URL it made, and would reuse it from run 2 on
  if [ -z "$given_db_url" ]; then
    unset ROLLCALL_TEST_DB_URL ROLLCALL_TEST_DB_USER ROLLCALL_TEST_DB_PASSWORD
  fi
  ensure_test_database
  opts="${ROLLCALL_JAVA_OPTS:--Xmx1g}"
  if [ -n "$jfr" ]; then
    opts="$opts -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$out/server-$stamp-$run.jfr,settings=profile,dumponexit=true"
  fi
  say "run $run/$runs: starting Rollcall on port $port (log: target/bench/server-$stamp-$run.log)"
  # an operator token per run, as scripts/run.sh makes one: the hardening scenarios onboard their enterprises
  # through the operator API with it (given to the load generator in the environment, never on a command line)
  operator_token="rco_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  ROLLCALL_OPERATOR_TOKEN="$operator_token" ROLLCALL_DB_URL="$ROLLCALL_TEST_DB_URL" ROLLCALL_DB_USER="$ROLLCALL_TEST_DB_USER" \
  ROLLCALL_DB_PASSWORD="$ROLLCALL_TEST_DB_PASSWORD" ROLLCALL_PORT="$port" ROLLCALL_DATA="$out/data" \
  ROLLCALL_JAVA_OPTS="$opts" ROLLCALL_DEMO=false ROLLCALL_WEBHOOKS_ALLOWEDPRIVATEHOSTS=127.0.0.1 \
    "$ROLLCALL_HOME/scripts/serve.sh" >"$out/server-$stamp-$run.log" 2>&1 &
  server_pid=$!
  ready=""
  for _ in $(seq 1 "${BENCH_BOOT_SECONDS:-240}"); do
    kill -0 "$server_pid" 2>/dev/null || die "the server stopped while booting; see target/bench/server-$stamp-$run.log"
    if [ "$(http_status "$port" /health/ready 2>/dev/null || true)" = "200" ]; then ready=1; break; fi
    sleep 1
  done
  [ -n "$ready" ] || die "the server was not ready within ${BENCH_BOOT_SECONDS:-240} s; see target/bench/server-$stamp-$run.log"
  file="$out/run-$stamp-$run.json"
  BENCH_OPERATOR_TOKEN="$operator_token" java -Xmx2g -cp "$classpath" com.rollcall.bench.Bench --base "http://127.0.0.1:$port/" \
    --jdbc-url "$ROLLCALL_TEST_DB_URL" --db-user "$ROLLCALL_TEST_DB_USER" --db-password "$ROLLCALL_TEST_DB_PASSWORD" \
    --users "$users" --concurrency "$concurrency" --group-size "$group_size" --floor-seconds "$floor_seconds" \
    --scenario "$scenario" --phase-seconds "$phase_seconds" \
    --pid "$server_pid" --out "$file" || die "the load generator failed (run $run)"
  run_files+=("$file")
  stop_server
done
java -cp "$classpath" com.rollcall.bench.Summary "$out/bench-$stamp.json" "${run_files[@]}"
say "written: target/bench/bench-$stamp.json, target/bench/latest.json, target/bench/latest.txt"
