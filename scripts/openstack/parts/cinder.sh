# shellcheck shell=bash
# Cinder (block-storage v3) on 127.0.0.1:8776: api (uwsgi), scheduler, and a volume service whose
# driver never touches a disk (pylib/sdk_fake_cinder.py: cinder's test-tree FakeLoggingVolumeDriver
# with extend/retype that succeed). There is no no-op driver outside the test tree, and the
# cinder-volume package would bring lvm2/tgt. MariaDB, RabbitMQ.
cinder_packages() { echo cinder-api cinder-scheduler; }
cinder_requires() { echo mariadb rabbitmq keystone; }
cinder_ports() { echo 8776; }
cinder_catalog() {
  echo "user cinder"
  local t; for t in "cinder block-storage" "cinderv3 volumev3"; do
    echo "endpoint ${t% *} ${t#* } public http://$H:8776/v3/%(project_id)s"
    echo "endpoint ${t% *} ${t#* } internal http://$H:8776/v3/%(project_id)s"
  done
}
cinder_prepare() {
  local C="$D/etc/cinder"; mkdir -p "$C" "$D/data/cinder/lock"
  cat >"$C/cinder.conf" <<CONF
[DEFAULT]
host = rax-stack
my_ip = $H
auth_strategy = keystone
transport_url = $TRANSPORT_URL
state_path = $D/data/cinder
api_paste_config = /etc/cinder/api-paste.ini
enabled_backends = fake
glance_api_servers = http://$H:9292
rootwrap_config = /etc/cinder/rootwrap.conf
report_interval = 5
periodic_interval = 5
periodic_fuzzy_delay = 0
scheduler_driver_init_wait_time = 20
[database]
connection = $(db_url cinder)
[fake]
volume_driver = sdk_fake_cinder.FakeDriver
volume_backend_name = fake
[oslo_concurrency]
lock_path = $D/data/cinder/lock
[oslo_messaging_rabbit]
heartbeat_timeout_threshold = 0
[coordination]
backend_url = file://$D/data/cinder/lock
$(authtoken cinder)
CONF
  uwsgi_ini cinder-api 8776 /usr/bin/cinder-wsgi "pyargv = --config-file $C/cinder.conf --log-file $D/log/cinder-api.log"
  synced cinder cinder-common && return 0
  mariadb_wait && mariadb_db cinder
  logged cinder-manage cinder-manage --config-file "$C/cinder.conf" db sync
  mark_synced cinder cinder-common
}
cinder_start() {
  local C="$D/etc/cinder/cinder.conf"
  grep -c 'Starting cinder-scheduler node' "$D/log/cinder-scheduler.log" 2>/dev/null >"$D/run/cinder-scheduler-starts" || true
  start_bg cinder-api uwsgi --ini "$D/etc/cinder-api-uwsgi.ini"
  start_bg cinder-scheduler cinder-scheduler --config-file "$C" --log-file "$D/log/cinder-scheduler.log"
}
_cinder_scheduler_up() {
  local now before
  now=$(grep -c 'Starting cinder-scheduler node' "$D/log/cinder-scheduler.log" 2>/dev/null || true)
  before=$(cat "$D/run/cinder-scheduler-starts" 2>/dev/null || true)
  [ "${now:-0}" -gt "${before:-0}" ]
}
cinder_check() { admin_token && json_ok "http://$H:8776/v3/$ADMIN_PID/scheduler-stats/get_pools" "len(d['pools']) > 0"; }
# the volume service announces its pools once at start, then every 60 s (read at import time, no
# config shortens it): started only once the scheduler listens, or creates sit a minute in "creating"
cinder_wait() {
  wait_until cinder-scheduler _cinder_scheduler_up
  start_bg cinder-volume env PYTHONPATH="$PYLIB" $PY -c 'import sys; from cinder.cmd.volume import main; sys.exit(main())' \
    --config-file "$D/etc/cinder/cinder.conf" --log-file "$D/log/cinder-volume.log"
  wait_until cinder-api eval '[ "$(http_code "http://$H:8776/healthcheck")" = 200 ]'
  wait_until cinder-volume cinder_check
}
cinder_env() { printf '{"cinder": {"url": "http://%s:8776/v3/%%(project_id)s"}}\n' "$H"; }
