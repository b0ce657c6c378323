# Makes a MySQL-compatible server available for the tests and exports
# ROLLCALL_TEST_DB_URL / ROLLCALL_TEST_DB_USER / ROLLCALL_TEST_DB_PASSWORD for a throwaway database.
# Order: the ROLLCALL_TEST_DB_* variables if given; else a local server on 127.0.0.1:3306 that
# root can administer through its socket; else Debian's MariaDB, installed (when root) and started.
# Source it after common.sh.

ROLLCALL_TEST_DB_NAME="${ROLLCALL_TEST_DB_NAME:-rollcall_it}"
MARIADB_DATADIR="${MARIADB_DATADIR:-/var/lib/mysql}"
MARIADB_SOCKET="/run/mysqld/mysqld.sock"

db_admin() { mariadb --protocol=socket -S "$MARIADB_SOCKET" -uroot "$@" 2>/dev/null || mysql -S "$MARIADB_SOCKET" -uroot "$@"; }

db_port_open() { (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; }

start_mariadb() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    apt_install mariadb-server mariadb-client \
      || die "no MySQL-compatible server: install mariadb-server (needs root and apt-get), or set ROLLCALL_TEST_DB_URL, ROLLCALL_TEST_DB_USER and ROLLCALL_TEST_DB_PASSWORD."
  fi
  local mariadbd; mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  if [ ! -d "$MARIADB_DATADIR/mysql" ]; then
    say "initialising MariaDB data directory $MARIADB_DATADIR"
    mariadb-install-db --user=mysql --datadir="$MARIADB_DATADIR" >/dev/null 2>&1 || die "mariadb-install-db failed"
  fi
  say "starting MariaDB on 127.0.0.1:3306"
  nohup "$mariadbd" --user=mysql --datadir="$MARIADB_DATADIR" --socket="$MARIADB_SOCKET" \
    --bind-address=127.0.0.1 --port=3306 --max-connections=400 --innodb-flush-log-at-trx-commit=2 \
    >/tmp/rollcall-mariadb.log 2>&1 &
  local i
  for i in $(seq 1 60); do
    if db_admin -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  die "MariaDB did not start within 60 s; see /tmp/rollcall-mariadb.log"
}

ensure_test_database() {
  if [ -n "${ROLLCALL_TEST_DB_URL:-}" ]; then
    [ -n "${ROLLCALL_TEST_DB_USER:-}" ] || die "ROLLCALL_TEST_DB_URL is set but ROLLCALL_TEST_DB_USER is not."
    say "using the test database given by ROLLCALL_TEST_DB_URL"
    export ROLLCALL_TEST_DB_URL ROLLCALL_TEST_DB_USER ROLLCALL_TEST_DB_PASSWORD="${ROLLCALL_TEST_DB_PASSWORD:-}"
    return 0
  fi
  if ! db_admin -e 'SELECT 1' >/dev/null 2>&1; then
    if db_port_open; then
      die "a database server listens on 127.0.0.1:3306 but root cannot administer it through $MARIADB_SOCKET; set ROLLCALL_TEST_DB_URL, ROLLCALL_TEST_DB_USER and ROLLCALL_TEST_DB_PASSWORD."
    fi
    start_mariadb
  fi
  local password="rollcall-test-pw"
  # ROLLCALL_TEST_DB_KEEP=1 (scripts/cluster.sh) keeps an existing database; by default it starts fresh.
  local drop="DROP DATABASE IF EXISTS \`$ROLLCALL_TEST_DB_NAME\`;"
  local state="fresh"
  if [ "${ROLLCALL_TEST_DB_KEEP:-}" = "1" ]; then drop=""; state="kept if it existed"; fi
  db_admin <<SQL || die "could not create the test database and user"
$drop
CREATE DATABASE IF NOT EXISTS \`$ROLLCALL_TEST_DB_NAME\` CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'rollcall_test'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS 'rollcall_test'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`rollcall\\_%\`.* TO 'rollcall_test'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`rollcall\\_%\`.* TO 'rollcall_test'@'localhost';
FLUSH PRIVILEGES;
SQL
  export ROLLCALL_TEST_DB_URL="jdbc:mysql://127.0.0.1:3306/$ROLLCALL_TEST_DB_NAME?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
  export ROLLCALL_TEST_DB_USER="rollcall_test"
  export ROLLCALL_TEST_DB_PASSWORD="$password"
  say "database: $ROLLCALL_TEST_DB_NAME on 127.0.0.1:3306 ($state)"
}
