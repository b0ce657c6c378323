#!/usr/bin/env bash
# Configures an EXISTING Payara Server 6 domain for Rollcall and deploys the WAR:
#   1. adds the MySQL JDBC driver to the domain (Payara 6 loads it without a restart),
#   2. validates the database settings first: a candidate pool (rollcall-pool-candidate, its password in the alias
#      rollcall-db-password-candidate) must answer ping-connection-pool; otherwise the script stops (exit 1) and the
#      running service, its pool and its password alias are untouched,
#   3. only then replaces the password alias rollcall-db-password (never in domain.xml), the connection pool
#      rollcall-pool and the JNDI resource jdbc/rollcall the WAR expects, and pings the pool again,
#   4. with an operator token given, stores it as the password alias rollcall.operator.token, which Payara's
#      MicroProfile Config serves to Rollcall as rollcall.operator.token (never written to a file in clear),
#   5. deploys the WAR at the context root / (SCIM at /scim/v2, console at /console/, operator API at
#      /api/operator/v1).
# Idempotent: every run replaces pool, resource and aliases (after validating) and redeploys. Run it where asadmin
# can reach the DAS. The candidate pool and alias are removed whatever happens.
#
# Usage:     payara-server-setup.sh [--operator-token-stdin]
#            --operator-token-stdin  read the operator token from stdin (not echoed on a terminal)
# Required:  ROLLCALL_DB_URL (jdbc:mysql://host:3306/db?sslMode=...), ROLLCALL_DB_USER, ROLLCALL_DB_PASSWORD
# Optional:  ROLLCALL_OPERATOR_TOKEN (the operator token, when --operator-token-stdin is not given: 32 to 200 URL-safe
#            characters, e.g. openssl rand -base64 32 | tr '+/' '-_' | tr -d '='); without either, an operator token
#            stored by an earlier run is kept,
#            ASADMIN (default: asadmin on PATH), ASADMIN_OPTS (e.g. "--port 4848 --user admin --passwordfile /path"),
#            ROLLCALL_WAR (default target/rollcall.war), ROLLCALL_DRIVER_JAR (default
#            target/runtime/mysql-connector-j.jar), ROLLCALL_TARGET (default server),
#            ROLLCALL_RESTART (default no; yes restarts the local domain ROLLCALL_DOMAIN after adding the driver).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf 'rollcall: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

token_from_stdin=no
for arg in "$@"; do
  case "$arg" in
    --operator-token-stdin) token_from_stdin=yes ;;
    *) die "unknown argument '$arg' (usage: payara-server-setup.sh [--operator-token-stdin]; the rest comes from the environment)" ;;
  esac
done

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
if [ "${ROLLCALL_RESTART:-no}" = "yes" ] && [ -z "${ROLLCALL_DOMAIN:-}" ]; then
  die "ROLLCALL_RESTART=yes needs ROLLCALL_DOMAIN, the name of the local domain to restart (restart-domain ignores --host and --port)"
fi

# The operator token: from stdin or ROLLCALL_OPERATOR_TOKEN, checked here as the server checks it, never echoed.
operator_token=""
if [ "$token_from_stdin" = "yes" ]; then
  if [ -t 0 ]; then
    printf 'Operator token (not shown): ' >&2
    IFS= read -r -s operator_token || true
    printf '\n' >&2
  else
    IFS= read -r operator_token || true
  fi
  [ -n "$operator_token" ] || die "--operator-token-stdin: no token on stdin"
else
  operator_token="${ROLLCALL_OPERATOR_TOKEN:-}"
fi
if [ -n "$operator_token" ]; then
  if [ "${#operator_token}" -lt 32 ] || [ "${#operator_token}" -gt 200 ] || [[ "$operator_token" =~ [^A-Za-z0-9._~+/=-] ]]; then
    die "the operator token must be 32 to 200 URL-safe characters (e.g. openssl rand -base64 32 | tr '+/' '-_' | tr -d '='); nothing was changed"
  fi
fi

# shellcheck disable=SC2086
as() { "$asadmin_bin" ${ASADMIN_OPTS:-} "$@"; }
# asadmin property values escape '\', ':' and '='
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

# Password aliases: create-password-alias reads the secret from a --passwordfile, and asadmin allows only one
# --passwordfile: the admin one from ASADMIN_OPTS (or AS_ADMIN_PASSWORDFILE) is read into the one given to that call
# and left out of its options. The file is a pipe (bash process substitution, printf is a builtin): no secret is
# written to disk or shown in the process list.
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
if [ -n "$admin_pwfile" ]; then
  [ -r "$admin_pwfile" ] || die "cannot read the admin password file $admin_pwfile"
fi
# a properties value loses '\' and leading blanks and reads bytes as ISO-8859-1: write every
# UTF-16 unit of the secret as \uXXXX instead (needs iconv and od)
propesc() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -v -tx1 | tr -d ' \n' | sed -e 's/..../\\u&/g'; }
alias_passwordfile() {
  if [ -n "$admin_pwfile" ]; then
    grep -v '^[[:space:]]*AS_ADMIN_ALIASPASSWORD[[:space:]]*[=:]' "$admin_pwfile" || true
  fi
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$1"
}
# set_alias NAME SECRET: creates the alias, or changes its secret in place (it never disappears on the way)
set_alias() {
  local encoded aliases verb=create-password-alias
  encoded="$(propesc "$2")" || die "cannot encode the secret of $1 (is it UTF-8? are iconv and od installed?)"
  aliases="$(as list-password-aliases 2>/dev/null)" || true
  if printf '%s\n' "$aliases" | sed -e 's/[[:space:]]*$//' | grep -xF "$1" >/dev/null; then verb=update-password-alias; fi
  "$asadmin_bin" ${alias_opts[@]+"${alias_opts[@]}"} --passwordfile <(alias_passwordfile "$encoded") "$verb" "$1" >/dev/null
}
# create_pool NAME PASSWORD_ALIAS (fail fast without the database: 1 s for a pooled connection, 1 s to connect; see
# server-config/micro-mysql.asadmin)
create_pool() {
  as create-jdbc-connection-pool \
    --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource --restype javax.sql.DataSource \
    --steadypoolsize 8 --maxpoolsize 64 --isconnectvalidatereq=true --validationmethod meta-data --validateatmostonceperiod 5 \
    --maxwait 1000 --isolationlevel read-committed \
    --property "URL=$(esc "$ROLLCALL_DB_URL"):user=$(esc "$ROLLCALL_DB_USER"):password=\${ALIAS\=$2}:connectionTimeZone=UTC:forceConnectionTimeZoneToSession=true:characterEncoding=UTF-8:cachePrepStmts=true:prepStmtCacheSize=250:prepStmtCacheSqlLimit=8192:useLocalSessionState=true:elideSetAutoCommits=true:dontTrackOpenResources=true:rewriteBatchedStatements=true:openTelemetry=DISABLED:connectTimeout=1000" \
    "$1" >/dev/null
}
# ping_pool POOL: asadmin's answer on failure (the database's reason; never the password) goes to stderr
ping_pool() {
  local out
  if out="$(as ping-connection-pool "$1" 2>&1)"; then return 0; fi
  printf '%s\n' "$out" | grep -v -e '^[[:space:]]*$' -e '^Command ping-connection-pool failed' | sed -e 's/^/  asadmin: /' >&2
  return 1
}

say "adding the JDBC driver to the domain"
# add-library happily overwrites an existing jar (and never fails), so look first. Payara 6 loads a common library
# at once: the candidate pool's ping below proves the driver is there.
libs="$(as list-libraries --type common)" || die "asadmin cannot reach the DAS (check ASADMIN_OPTS: --host, --port, --user, --passwordfile)"
if printf '%s\n' "$libs" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -xF "$(basename "$driver")" >/dev/null; then
  say "(driver already present)"
else
  as add-library --type common "$driver" >/dev/null
  if [ "${ROLLCALL_RESTART:-no}" = "yes" ]; then
    say "restarting the domain $ROLLCALL_DOMAIN"
    as restart-domain "$ROLLCALL_DOMAIN" >/dev/null
  fi
fi

say "validating the database settings with a candidate pool (the running service is not touched)"
candidate_pool=rollcall-pool-candidate
candidate_alias=rollcall-db-password-candidate
cleanup() {
  as delete-jdbc-connection-pool "$candidate_pool" >/dev/null 2>&1 || true
  as delete-password-alias "$candidate_alias" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup # a candidate left by an interrupted run
set_alias "$candidate_alias" "$ROLLCALL_DB_PASSWORD"
create_pool "$candidate_pool" "$candidate_alias"
if ! ping_pool "$candidate_pool"; then
  die "the database refused the new settings (ROLLCALL_DB_URL, ROLLCALL_DB_USER or ROLLCALL_DB_PASSWORD; asadmin's reason above); nothing was changed: the running service, its pool and its password alias are as they were"
fi
cleanup
trap - EXIT

say "replacing the password alias rollcall-db-password, the pool rollcall-pool and the resource jdbc/rollcall"
set_alias rollcall-db-password "$ROLLCALL_DB_PASSWORD"
as delete-jdbc-resource --target "$target" jdbc/rollcall >/dev/null 2>&1 || true
as delete-jdbc-connection-pool rollcall-pool >/dev/null 2>&1 || true
create_pool rollcall-pool rollcall-db-password
as create-jdbc-resource --connectionpoolid rollcall-pool --target "$target" jdbc/rollcall >/dev/null
ping_pool rollcall-pool || die "the pool rollcall-pool, validated a moment ago, does not answer its ping now; check the database and rerun"

if [ -n "$operator_token" ]; then
  say "storing the operator token as the password alias rollcall.operator.token"
  set_alias rollcall.operator.token "$operator_token"
fi

# The HTTP listeners as Rollcall wants them (as micro-http.asadmin does for Payara Micro): 64 KiB of request line and
# headers for long SCIM filters, payloads on DELETE (some SCIM clients send one), TRACE passed to the application,
# which refuses it with the API's error body and never echoes it.
listener_config="${ROLLCALL_LISTENER_CONFIG:-$target-config}"
[ "$target" = server ] && listener_config=server-config
for listener in http-listener-1 http-listener-2; do
  base="configs.config.$listener_config.network-config.protocols.protocol.$listener.http"
  as set "$base.header-buffer-length-bytes=65536" "$base.allow-payload-for-undefined-http-methods=true" \
    "$base.trace-enabled=true" >/dev/null 2>&1 || say "note: could not configure the listener $listener (skipped)"
done

# Each failed request is logged once, by Rollcall with its request id; the EJB container's two WARNINGs about the
# same exception, and the pool's warnings and traces during a database outage, are turned off (set-log-levels is
# domain-wide: it also quietens them for other applications; see docs/operations.md).
as set-log-levels jakarta.enterprise.ejb.container=SEVERE:javax.enterprise.resource.resourceadapter=OFF >/dev/null 2>&1 || say "note: could not set the EJB container's log level (skipped)"

say "deploying $war at /"
as deploy --force=true --name rollcall --contextroot / --target "$target" "$war" >/dev/null
say "done: SCIM at http://<host>:<port>/scim/v2, console at http://<host>:<port>/console/, operator API at /api/operator/v1, readiness at /health/ready"
