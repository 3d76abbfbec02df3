# shellcheck shell=bash
# Trove (database v1.0) on 127.0.0.1:8779 in fake mode: API + in-process taskmanager with the fake
# nova / guest agent / cinder / swift / neutron clients of python3-trove's test tree; instances go
# BUILD -> ACTIVE in ~10 s. pylib/sdk_trove_fakemode.py fixes fake mode for trove 18 on Python 3.11.
# Datastore mysql 5.7, whose image must exist in the real glance (seeded with a fixed id). sqlite,
# RabbitMQ (the fake:/ transport loses the request context's notification). Plain members' fake
# instances go to ERROR (the fake nova reads context.tenant, which trove 18 lacks): use admin.
trove_packages() { echo trove-api trove-conductor trove-taskmanager python3-proboscis; }
trove_requires() { echo rabbitmq keystone glance; }
trove_ports() { echo 8779; }
TROVE_IMAGE=7f0e0000-0000-4000-8000-00000000d0b1
trove_catalog() {
  echo "user trove"
  echo "endpoint trove database public http://$H:8779/v1.0/%(project_id)s"
  echo "endpoint trove database internal http://$H:8779/v1.0/%(project_id)s"
}
# trove 18 still calls inspect.getargspec (gone in Python 3.11): run its commands with a shim
_trove_py() {
  local m=$1; shift
  $PY -c "import inspect, sys; inspect.getargspec = inspect.getfullargspec
from $m import main; sys.argv[0] = '$m'; sys.exit(main())" "$@"
}
trove_prepare() {
  local TR="$D/etc/trove"; mkdir -p "$TR" "$D/data/trove"
  cp /etc/trove/api-paste.ini "$TR/api-paste.ini"
  cat >"$TR/trove.conf" <<CONF
[DEFAULT]
bind_host = $H
bind_port = 8779
trove_api_workers = 1
api_paste_config = $TR/api-paste.ini
log_file = $D/log/trove.log
transport_url = $TRANSPORT_URL
control_exchange = trove
enable_secure_rpc_messaging = false
remote_nova_client = trove.tests.fakes.nova.fake_create_nova_client
remote_guest_client = trove.tests.fakes.guestagent.fake_create_guest_client
remote_swift_client = trove.tests.fakes.swift.fake_create_swift_client
remote_cinder_client = trove.tests.fakes.nova.fake_create_cinder_client
remote_neutron_client = trove.tests.fakes.neutron.fake_create_neutron_client
trove_volume_support = true
max_accepted_volume_size = 25
default_datastore = mysql
agent_call_low_timeout = 5
agent_call_high_timeout = 150
server_delete_time_out = 10
resize_time_out = 120
revert_time_out = 120
[database]
connection = sqlite:///$D/data/trove/trove.db
[service_credentials]
$(svc_auth trove | grep -v '^valid_interfaces')
$(authtoken trove)
CONF
  synced trove trove-common && return 0
  local m=(_trove_py trove.cmd.manage --config-file "$TR/trove.conf")
  logged trove-manage "${m[@]}" db_sync
  wal "$D/data/trove/trove.db"
  logged trove-manage "${m[@]}" datastore_update mysql ''
  logged trove-manage "${m[@]}" datastore_version_update mysql 5.7 mysql "$TROVE_IMAGE" '' 1
  logged trove-manage "${m[@]}" datastore_update mysql 5.7
  mark_synced trove trove-common
}
trove_start() {
  start_bg trove env PYTHONPATH="$PYLIB" $PY -m sdk_trove_fakemode --config-file "$D/etc/trove/trove.conf"
}
trove_check() { [[ "$(http_code "http://$H:8779/")" =~ ^[1-4][0-9][0-9]$ ]]; }
trove_wait() { wait_until trove trove_check; }
trove_ready() {
  admin_token || return 1
  [ "$(api GET "http://$H:9292/v2/images/$TROVE_IMAGE")" = 200 ] && return 0
  api POST "http://$H:9292/v2/images" "{\"id\":\"$TROVE_IMAGE\",\"name\":\"trove-mysql-5.7-fake\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\",\"visibility\":\"public\",\"tags\":[\"trove\",\"mysql\"]}" >/dev/null
  head -c 65536 /dev/zero | curl -s -f -X PUT -H "X-Auth-Token: $ADMIN_TOKEN" -H 'Content-Type: application/octet-stream' \
    --data-binary @- "http://$H:9292/v2/images/$TROVE_IMAGE/file" || { log "ERROR: trove: seeding its glance image failed"; return 1; }
  log "glance: seeded trove's datastore image $TROVE_IMAGE"
}
trove_env() {
  printf '{"trove": {"url": "http://%s:8779/v1.0/%%(project_id)s", "datastore": "mysql", "version": "5.7", "image": "%s"}}\n' "$H" "$TROVE_IMAGE"
}
