#!/usr/bin/env bash
# Configures an EXISTING Payara Server 6 domain for Rollcall and deploys the WAR:
#   1. adds the MySQL JDBC driver to the domain (then restarts it, once),
#   2. stores the database password as a password alias (never in domain.xml),
#   3. creates the connection pool and the JNDI resource jdbc/rollcall the WAR expects,
#   4. deploys the WAR at the context root / (SCIM at /scim/v2, console at /console/).
# Idempotent: existing pool/resource/alias are replaced. Run it where asadmin can reach the DAS.
#
# Required:  ROLLCALL_DB_URL (jdbc:mysql://host:3306/db?sslMode=...), ROLLCALL_DB_USER, ROLLCALL_DB_PASSWORD
# Optional:  ASADMIN (default: asadmin on PATH), ASADMIN_OPTS (e.g. "--user admin --passwordfile /path"),
#            ROLLCALL_WAR (default target/rollcall.war), ROLLCALL_DRIVER_JAR (default
#            target/runtime/mysql-connector-j.jar), ROLLCALL_TARGET (default server),
#            ROLLCALL_RESTART (default yes: restart the domain after adding the driver).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf 'rollcall: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

: "${ROLLCALL_DB_URL:?set ROLLCALL_DB_URL (jdbc:mysql://host:3306/rollcall)}"
: "${ROLLCALL_DB_USER:?set ROLLCALL_DB_USER}"
: "${ROLLCALL_DB_PASSWORD:?set ROLLCALL_DB_PASSWORD}"
asadmin_bin="${ASADMIN:-asadmin}"
command -v "$asadmin_bin" >/dev/null 2>&1 || die "asadmin not found; set ASADMIN=/path/to/payara6/bin/asadmin"
war="${ROLLCALL_WAR:-$here/target/rollcall.war}"
driver="${ROLLCALL_DRIVER_JAR:-$here/target/runtime/mysql-connector-j.jar}"
target="${ROLLCALL_TARGET:-server}"
[ -f "$war" ] || die "no WAR at $war (build it with: mvn -DskipTests package)"
[ -f "$driver" ] || die "no JDBC driver at $driver (mvn -DskipTests package copies it there)"

# shellcheck disable=SC2086
as() { "$asadmin_bin" ${ASADMIN_OPTS:-} "$@"; }
# asadmin property values escape '\', ':' and '='
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

say "adding the JDBC driver to the domain"
# add-library happily overwrites an existing jar (and never fails), so look first: the restart
# happens only when the driver was really added. To upgrade the jar: remove-library, then rerun.
libs="$(as list-libraries --type common)" || die "asadmin cannot reach the DAS (check ASADMIN_OPTS: --host, --port, --user, --passwordfile)"
if printf '%s\n' "$libs" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -qxF "$(basename "$driver")"; then
  say "(driver already present)"
else
  as add-library --type common "$driver" >/dev/null
  if [ "${ROLLCALL_RESTART:-yes}" = "yes" ]; then
    say "restarting the domain so the driver is loaded"
    as restart-domain >/dev/null
  fi
fi

say "storing the database password as the alias rollcall-db-password"
# create-password-alias reads the alias password from a --passwordfile, and asadmin allows only one
# --passwordfile: the admin one from ASADMIN_OPTS (or AS_ADMIN_PASSWORDFILE) is copied into the temp
# file and left out of the options for that call.
pwfile="$(mktemp)"; trap 'rm -f "$pwfile"' EXIT
read -r -a words <<< "${ASADMIN_OPTS:-}"
alias_opts=(); admin_pwfile="${AS_ADMIN_PASSWORDFILE:-}"; i=0
while [ "$i" -lt "${#words[@]}" ]; do
  case "${words[$i]}" in
    --passwordfile|-W) admin_pwfile="${words[$((i + 1))]:-}"; i=$((i + 1)) ;;
    --passwordfile=*) admin_pwfile="${words[$i]#*=}" ;;
    *) alias_opts+=("${words[$i]}") ;;
  esac
  i=$((i + 1))
done
# a properties value loses '\' and leading blanks and reads bytes as ISO-8859-1: write every
# UTF-16 unit of the password as \uXXXX instead (needs iconv and od)
propesc() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -v -tx1 | tr -d ' \n' | sed -e 's/..../\\u&/g'; }
alias_pw="$(propesc "$ROLLCALL_DB_PASSWORD")" || die "cannot encode ROLLCALL_DB_PASSWORD (is it UTF-8? are iconv and od installed?)"
{
  if [ -n "$admin_pwfile" ]; then
    [ -r "$admin_pwfile" ] || die "cannot read the admin password file $admin_pwfile"
    grep -v '^[[:space:]]*AS_ADMIN_ALIASPASSWORD[[:space:]]*[=:]' "$admin_pwfile" || true
  fi
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$alias_pw"
} > "$pwfile"
as delete-password-alias rollcall-db-password >/dev/null 2>&1 || true
"$asadmin_bin" ${alias_opts[@]+"${alias_opts[@]}"} --passwordfile "$pwfile" create-password-alias rollcall-db-password >/dev/null

say "creating the connection pool rollcall-pool and the resource jdbc/rollcall"
as delete-jdbc-resource --target "$target" jdbc/rollcall >/dev/null 2>&1 || true
as delete-jdbc-connection-pool rollcall-pool >/dev/null 2>&1 || true
as create-jdbc-connection-pool \
  --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource --restype javax.sql.DataSource \
  --steadypoolsize 8 --maxpoolsize 64 --isconnectvalidatereq=true --validationmethod meta-data --validateatmostonceperiod 60 \
  --isolationlevel read-committed \
  --property "URL=$(esc "$ROLLCALL_DB_URL"):user=$(esc "$ROLLCALL_DB_USER"):password=\${ALIAS\=rollcall-db-password}:connectionTimeZone=UTC:forceConnectionTimeZoneToSession=true:characterEncoding=UTF-8:cachePrepStmts=true:prepStmtCacheSize=250:prepStmtCacheSqlLimit=8192:useLocalSessionState=true:elideSetAutoCommits=true:dontTrackOpenResources=true:rewriteBatchedStatements=true:openTelemetry=DISABLED" \
  rollcall-pool >/dev/null
as create-jdbc-resource --connectionpoolid rollcall-pool --target "$target" jdbc/rollcall >/dev/null
as ping-connection-pool rollcall-pool >/dev/null || die "the pool cannot reach the database; check ROLLCALL_DB_URL, user and password"

say "deploying $war at /"
as deploy --force=true --name rollcall --contextroot / --target "$target" "$war" >/dev/null
say "done: SCIM at http://<host>:<port>/scim/v2, console at http://<host>:<port>/console/, readiness at /health/ready"
