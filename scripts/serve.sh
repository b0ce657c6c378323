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

# shellcheck disable=SC2086
exec java ${ROLLCALL_JAVA_OPTS:--Xmx1g} -jar "$micro" \
  --nohazelcast --disablephonehome --contextroot / \
  --port "${ROLLCALL_PORT:-8080}" \
  --addlibs "$driver" \
  --prebootcommandfile "$ROLLCALL_HOME/server-config/micro-http.asadmin" \
  --postbootcommandfile "$commands" \
  --postdeploycommandfile "$ROLLCALL_HOME/server-config/micro-ready.asadmin" \
  --deploy "$war"
