#!/usr/bin/env bash
# Starts Rollcall as several instances on one MariaDB behind nginx, all on this machine, and prints the URL, the
# admin login and the SCIM token. The instances form one data grid (static member list, no multicast), so a console
# session works on any of them and survives the loss of one. Ctrl-C stops nginx and the instances; the database and
# the demo credentials are kept for the next start.
#
#   scripts/cluster.sh [--instances N] [--port P] [--fresh]
#     --instances N  instances to start (default 2, at most 9)
#     --port P       nginx's port (default 8080); instance i listens on P+i, its data grid on P+10+i
#     --fresh        start from an empty database (and new demo credentials)
#   env: ROLLCALL_CLUSTER_DB_NAME (default rollcall_cluster), ROLLCALL_JAVA_OPTS (each instance, default -Xmx512m),
#        ROLLCALL_TEST_DB_URL/_USER/_PASSWORD to use another database server; MariaDB and nginx are installed with
#        apt-get when missing (as root), the way scripts/test.sh gets MariaDB.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROLLCALL_HOME/scripts/lib/cluster.sh"

CLUSTER_N=2
CLUSTER_PORT=8080
fresh=""
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) CLUSTER_N="$2"; shift 2 ;;
    --port) CLUSTER_PORT="$2"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see scripts/cluster.sh --help)" ;;
  esac
done
[[ "$CLUSTER_N" =~ ^[1-9]$ ]] || die "--instances must be 1 to 9 (got '$CLUSTER_N')"
[[ "$CLUSTER_PORT" =~ ^[1-9][0-9]*$ ]] && [ "$CLUSTER_PORT" -le 65500 ] || die "--port must be a port number"
for p in "$CLUSTER_PORT" $(for i in $(seq 1 "$CLUSTER_N"); do instance_port "$i"; grid_port "$i"; done); do
  port_free "$p" || die "port $p is in use; stop what runs there or choose another --port."
done

command -v java >/dev/null 2>&1 || die "a JDK 17 is needed (java not found)."
export ROLLCALL_TEST_DB_NAME="${ROLLCALL_CLUSTER_DB_NAME:-rollcall_cluster}"
[ -n "$fresh" ] || export ROLLCALL_TEST_DB_KEEP=1
source "$ROLLCALL_HOME/scripts/lib/ensure-mariadb.sh"
ensure_build
ensure_nginx
ensure_test_database
CLUSTER_DB_URL="$ROLLCALL_TEST_DB_URL" CLUSTER_DB_USER="$ROLLCALL_TEST_DB_USER" CLUSTER_DB_PASSWORD="$ROLLCALL_TEST_DB_PASSWORD"
CLUSTER_DIR="$ROLLCALL_HOME/target/cluster"
mkdir -p "$CLUSTER_DIR"

# The demo enterprise's credentials live beside the database they belong to.
credentials="$CLUSTER_DIR/demo-credentials-$ROLLCALL_TEST_DB_NAME"
[ -z "$fresh" ] || rm -f "$credentials"
if [ ! -f "$credentials" ]; then
  (umask 077
   printf 'DEMO_TOKEN=%s\nDEMO_ADMIN_PASSWORD=%s\n' "rc_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" \
     "$(head -c 12 /dev/urandom | base64 | tr '+/' 'xy' | tr -d '=\n')" >"$credentials")
fi
# shellcheck disable=SC1090
source "$credentials"
export ROLLCALL_DEMO=true ROLLCALL_BOOTSTRAP_TOKEN="$DEMO_TOKEN" ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD"
export ROLLCALL_OPERATOR_TOKEN="${ROLLCALL_OPERATOR_TOKEN:-rco_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')}"

trap 'say "stopping nginx and the instances ..."; stop_cluster; exit 0' INT TERM
say "starting $CLUSTER_N instances together (logs: $CLUSTER_DIR/instance-*.log); on 2 busy cores this takes minutes"
for i in $(seq 1 "$CLUSTER_N"); do start_instance "$i"; done
write_nginx_conf
start_nginx
for i in $(seq 1 "$CLUSTER_N"); do
  wait_ready "$i" 600 || { stop_cluster; die "instance $i did not start"; }
  say "instance $i ready on port $(instance_port "$i")"
done

cat <<BANNER

  ┌─ Rollcall is running: $CLUSTER_N instances behind nginx ──────────────────────
  │ Console        http://localhost:$CLUSTER_PORT/console/dashboard.xhtml
  │ Admin login    admin / $ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD
  │ SCIM base URL  http://localhost:$CLUSTER_PORT/scim/v2
  │ SCIM token     $ROLLCALL_BOOTSTRAP_TOKEN
  │ Operator token $ROLLCALL_OPERATOR_TOKEN   (new at every start)
  │ Instances      $(for i in $(seq 1 "$CLUSTER_N"); do printf 'localhost:%s ' "$(instance_port "$i")"; done)(logs and nginx config: $CLUSTER_DIR)
  │ Database       $ROLLCALL_TEST_DB_NAME on 127.0.0.1:3306 (kept; --fresh starts empty)
  │ Stop           Ctrl-C (or kill -TERM $$): nginx, then every instance
  └──────────────────────────────────────────────────────────────────────────────

BANNER
while true; do
  for i in $(seq 1 "$CLUSTER_N"); do
    pid=$(instance_pid "$i")
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      say "instance $i (pid $pid) has stopped; nginx sends its traffic to the others. Its log: $CLUSTER_DIR/instance-$i.log"
      rm -f "$CLUSTER_DIR/instance-$i.pid"
    fi
  done
  sleep 2 & wait $! || true
done
