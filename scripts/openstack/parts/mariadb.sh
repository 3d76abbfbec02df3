# shellcheck shell=bash
# MariaDB on 127.0.0.1:3306 for the services that run several processes on one schema (placement,
# neutron, nova, cinder, designate): sqlite locks under them even in WAL mode. Its own datadir under
# $D/data/mysql, no binlog, no fsync per commit (throw-away data). Root logs in over the socket;
# the services use user openstack/$DB_PW.
mariadb_packages() { echo mariadb-server mariadb-client python3-pymysql; }
mariadb_ports() { echo 3306; }
_mysql() { mariadb --no-defaults -S "$D/run/mysqld.sock" -uroot "$@"; }
mariadb_prepare() {
  [ -d "$D/data/mysql/mysql" ] && return 0
  logged mariadb-install mariadb-install-db --no-defaults --datadir="$D/data/mysql" --user=root \
    --auth-root-authentication-method=socket --skip-test-db
}
mariadb_start() {
  start_bg mariadb /usr/sbin/mariadbd --no-defaults --datadir="$D/data/mysql" --socket="$D/run/mysqld.sock" \
    --port=3306 --bind-address="$H" --user=root --pid-file="$D/run/mariadb.pid" --log-error="$D/log/mariadb.err" \
    --skip-log-bin --skip-name-resolve --innodb-buffer-pool-size=64M --performance-schema=OFF \
    --max-connections=1000 --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-flush-log-at-trx-commit=0 --sync-binlog=0 --innodb-doublewrite=0
}
mariadb_check() { _mysql -e 'select 1' >/dev/null 2>&1; }
mariadb_wait() { wait_until mariadb mariadb_check; }
# mariadb_db NAME...: create the databases (if missing) for user openstack; called from a service
# part's prepare after mariadb_wait
mariadb_db() {
  local q="" db
  for db in "$@"; do q+="CREATE DATABASE IF NOT EXISTS \`$db\`; "; done
  _mysql -e "$q CREATE USER IF NOT EXISTS 'openstack'@'127.0.0.1' IDENTIFIED BY '$DB_PW';
    CREATE USER IF NOT EXISTS 'openstack'@'localhost' IDENTIFIED BY '$DB_PW';
    GRANT ALL PRIVILEGES ON *.* TO 'openstack'@'127.0.0.1'; GRANT ALL PRIVILEGES ON *.* TO 'openstack'@'localhost';"
}
