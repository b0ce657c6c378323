#!/usr/bin/env bash
# Runs Rollcall's whole suite: unit tests, integration tests against the real WAR on Payara Micro
# over HTTP on MariaDB, and browser tests in headless Chromium. Installs (apt-get, when root) or
# starts what the tests need, idempotently. Extra arguments go to Maven (e.g. -Dit.test=UsersIT).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROLLCALL_HOME/scripts/lib/ensure-mariadb.sh"
source "$ROLLCALL_HOME/scripts/lib/ensure-chromium.sh"

command -v java >/dev/null 2>&1 || die "a JDK 17 is needed (java not found)."
command -v mvn >/dev/null 2>&1 || die "Maven is needed (mvn not found): apt-get install maven."
ensure_test_database
ensure_chromium

cd "$ROLLCALL_HOME"
exec mvn -B -ntp verify "$@"
