# Shared helpers for Rollcall's scripts. Source it; do not run it.
ROLLCALL_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

say()  { printf 'rollcall: %s\n' "$*" >&2; }
die()  { printf 'rollcall: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = "0" ]; }

# apt_install PKG... : installs Debian packages when root, once per script run refreshes the index.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  is_root || return 1
  if [ -z "${ROLLCALL_APT_UPDATED:-}" ]; then
    say "apt-get update (to install: $*)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    ROLLCALL_APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# http_status PORT PATH : the HTTP status of GET http://127.0.0.1:PORT/PATH, using only bash.
http_status() {
  local line
  exec 3<>"/dev/tcp/127.0.0.1/$1" 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
  IFS= read -r line <&3 || true
  exec 3>&- 3<&-
  set -- $line
  printf '%s' "${2:-}"
}

# The WAR and runtime jars (Payara Micro, JDBC driver), built by Maven when missing or stale.
ensure_build() {
  local war="$ROLLCALL_HOME/target/rollcall.war"
  local micro="$ROLLCALL_HOME/target/runtime/payara-micro.jar"
  local stale=""
  if [ -f "$war" ] && [ -f "$micro" ]; then
    stale=$(find "$ROLLCALL_HOME/src/main" "$ROLLCALL_HOME/pom.xml" -newer "$war" -type f -print -quit 2>/dev/null)
  fi
  if [ ! -f "$war" ] || [ ! -f "$micro" ] || [ -n "$stale" ]; then
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not installed; install it (apt-get install maven) and retry."
    say "building the WAR (mvn -DskipTests package) ..."
    (cd "$ROLLCALL_HOME" && mvn -q -B -DskipTests package) || die "the build failed; run 'mvn -DskipTests package' to see why."
  fi
}
