# shellcheck shell=bash
# Placement on 127.0.0.1:8778 under uwsgi, MariaDB. nova-compute registers its resource provider here.
placement_packages() { echo placement-api; }
placement_requires() { echo mariadb keystone; }
placement_ports() { echo 8778; }
placement_catalog() {
  echo "user placement"
  echo "endpoint placement placement public http://$H:8778"
  echo "endpoint placement placement internal http://$H:8778"
}
placement_prepare() {
  local P="$D/etc/placement"; mkdir -p "$P"
  cat >"$P/placement.conf" <<CONF
[DEFAULT]
log_file = $D/log/placement-api.log
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement)
$(authtoken placement)
CONF
  uwsgi_ini placement 8778 /usr/bin/placement-api "env = OS_PLACEMENT_CONFIG_DIR=$P"
  synced placement placement-common && return 0
  mariadb_wait && mariadb_db placement
  logged placement-manage placement-manage --config-file "$P/placement.conf" db sync
  mark_synced placement placement-common
}
placement_start() { start_bg placement uwsgi --ini "$D/etc/placement-uwsgi.ini"; }
placement_check() { [ "$(http_code "http://$H:8778/")" = 200 ]; }
placement_wait() { wait_until placement placement_check; }
placement_env() { printf '{"placement": {"url": "http://%s:8778"}}\n' "$H"; }
