#!/usr/bin/env bash
# Starts the built Rollcall WAR on Payara Micro in the foreground. Used by scripts/run.sh and by the
# integration tests, so both run the server exactly the same way.
#   ROLLCALL_PORT       HTTP port (default 8080)
#   ROLLCALL_DATA       data directory (default ./data); the embedded H2 database lives in it
#   ROLLCALL_DB_URL, ROLLCALL_DB_USER, ROLLCALL_DB_PASSWORD   use MySQL/MariaDB instead of H2
#   ROLLCALL_JAVA_OPTS  JVM options (default -Xmx1g)
#   ROLLCALL_DRAIN_SECONDS  on SIGTERM, seconds of draining before the stop (default 10)
# The HTTP port opens only once the WAR is deployed (micro-http.asadmin closes the listener, micro-ready.asadmin
# opens it after the deployment).
#   ROLLCALL_CLUSTER_MEMBERS  data grid members as host:port,host:port (e.g. 10.0.0.5:6900,10.0.0.6:6900): joins the
#                       other instances (Hazelcast, static TCP/IP discovery) so console sessions are replicated; unset =
#                       no data grid (one instance)
#   ROLLCALL_CLUSTER_PORT     this instance's data grid port (default 6900); ROLLCALL_CLUSTER_INTERFACE the address it
#                       binds (default 127.0.0.1); ROLLCALL_CLUSTER_NAME (default rollcall); ROLLCALL_INSTANCE_NAME
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

war="$ROLLCALL_HOME/target/rollcall.war"
micro="$ROLLCALL_HOME/target/runtime/payara-micro.jar"
driver="$ROLLCALL_HOME/target/runtime/mysql-connector-j.jar"
[ -f "$war" ] && [ -f "$micro" ] && [ -f "$driver" ] || die "build first: mvn -DskipTests package (or scripts/run.sh)"

export ROLLCALL_DATA="${ROLLCALL_DATA:-$ROLLCALL_HOME/data}"
mkdir -p "$ROLLCALL_DATA/db"
export ROLLCALL_DATA="$(cd "$ROLLCALL_DATA" && pwd)"

if [ -n "${ROLLCALL_DB_URL:-}" ]; then
  [ -n "${ROLLCALL_DB_USER:-}" ] || die "ROLLCALL_DB_URL is set: set ROLLCALL_DB_USER and ROLLCALL_DB_PASSWORD too."
  export ROLLCALL_DB_PASSWORD="${ROLLCALL_DB_PASSWORD:-}"
  commands="$ROLLCALL_HOME/server-config/micro-mysql.asadmin"
else
  commands="$ROLLCALL_HOME/server-config/micro-h2.asadmin"
  export ROLLCALL_H2_OPTIONS="${ROLLCALL_H2_OPTIONS:-}"
fi

# Without ROLLCALL_CLUSTER_MEMBERS: no data grid. With it: Hazelcast joins exactly the listed members (no multicast);
# --nohostaware so the backup copy of a session may live on another instance of the same address (otherwise instances
# sharing one host keep no backups, and the loss of one loses its sessions).
# One instance: session replication off too (the WAR is distributable), else every unknown session id makes Payara
# look in the absent data grid and log a stack trace.
grid=(--nohazelcast)
preboot="$ROLLCALL_DATA/preboot.asadmin"
{ cat "$ROLLCALL_HOME/server-config/micro-http.asadmin"
  echo "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false"
} >"$preboot"
if [ -n "${ROLLCALL_CLUSTER_MEMBERS:-}" ]; then
  preboot="$ROLLCALL_HOME/server-config/micro-http.asadmin"
  grid=(--clustermode "tcpip:$ROLLCALL_CLUSTER_MEMBERS" --clustername "${ROLLCALL_CLUSTER_NAME:-rollcall}"
        --startport "${ROLLCALL_CLUSTER_PORT:-6900}" --interfaces "${ROLLCALL_CLUSTER_INTERFACE:-127.0.0.1}"
        --nohostaware --name "${ROLLCALL_INSTANCE_NAME:-rollcall-${ROLLCALL_PORT:-8080}}")
fi

# shellcheck disable=SC2086
exec java ${ROLLCALL_JAVA_OPTS:--Xmx1g} -jar "$micro" \
  "${grid[@]}" --disablephonehome --contextroot / \
  --port "${ROLLCALL_PORT:-8080}" \
  --addlibs "$driver" \
  --prebootcommandfile "$preboot" \
  --postbootcommandfile "$commands" \
  --postdeploycommandfile "$ROLLCALL_HOME/server-config/micro-ready.asadmin" \
  --deploy "$war"
