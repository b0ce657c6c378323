#!/usr/bin/env bash
# Starts Rollcall in the foreground on its embedded default database (H2 under ROLLCALL_DATA), with a
# demo enterprise, and prints the console URL, the admin login, the SCIM base URL and the SCIM token.
# Ctrl-C stops it cleanly; starting again keeps the data (and prints the same credentials).
# Environment (all optional): ROLLCALL_PORT, ROLLCALL_DATA, ROLLCALL_DB_URL/_USER/_PASSWORD,
# ROLLCALL_BOOTSTRAP_TOKEN, ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD, ROLLCALL_BOOTSTRAP_LICENSES,
# ROLLCALL_OPERATOR_TOKEN — see README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

command -v java >/dev/null 2>&1 || die "a JDK 17 is needed (java not found)."
port="${ROLLCALL_PORT:-8080}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  die "port $port is already in use; stop what runs there or set ROLLCALL_PORT."
fi
ensure_build

export ROLLCALL_DATA="${ROLLCALL_DATA:-$ROLLCALL_HOME/data}"
mkdir -p "$ROLLCALL_DATA"
credentials="$ROLLCALL_DATA/demo-credentials"
if [ ! -f "$credentials" ]; then
  umask 077
  token="rc_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  password="$(head -c 12 /dev/urandom | base64 | tr '+/' 'xy' | tr -d '=\n')"
  printf 'DEMO_TOKEN=%s\nDEMO_ADMIN_PASSWORD=%s\n' "$token" "$password" > "$credentials"
fi
# shellcheck disable=SC1090
source "$credentials"
export ROLLCALL_DEMO=true
export ROLLCALL_BOOTSTRAP_TOKEN="${ROLLCALL_BOOTSTRAP_TOKEN:-$DEMO_TOKEN}"
export ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD="${ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD:-$DEMO_ADMIN_PASSWORD}"
# ROLLCALL_BOOTSTRAP_LICENSES, when set, is the demo enterprise's license limit (applied at every start).
# The operator token is never written to disk in clear: unless ROLLCALL_OPERATOR_TOKEN is given, every start makes a
# new one (the server stores only its hash and revokes the one configured before).
export ROLLCALL_OPERATOR_TOKEN="${ROLLCALL_OPERATOR_TOKEN:-rco_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')}"
export ROLLCALL_PORT="$port"
# One instance on a desk has no balancer to drain to: Ctrl-C (which reaches the server as SIGTERM) stops it at once.
export ROLLCALL_DRAIN_SECONDS="${ROLLCALL_DRAIN_SECONDS:-0}"

"$ROLLCALL_HOME/scripts/serve.sh" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 180); do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server" || true
    die "Rollcall stopped during start-up; see the output above."
  fi
  if [ "$(http_status "$port" /health/ready 2>/dev/null || true)" = "200" ]; then
    cat <<BANNER

  ┌─ Rollcall is running ────────────────────────────────────────────────
  │ Console        http://localhost:$port/console/dashboard.xhtml
  │ Admin login    admin / $ROLLCALL_BOOTSTRAP_ADMIN_PASSWORD
  │ SCIM base URL  http://localhost:$port/scim/v2
  │ SCIM token     $ROLLCALL_BOOTSTRAP_TOKEN
  │ Operator API   http://localhost:$port/api/operator/v1
  │ Operator token $ROLLCALL_OPERATOR_TOKEN   (new at every start)
  │ Data           $ROLLCALL_DATA   (Ctrl-C stops; data is kept)
  └──────────────────────────────────────────────────────────────────────

BANNER
    break
  fi
  sleep 1
done
wait "$server"
