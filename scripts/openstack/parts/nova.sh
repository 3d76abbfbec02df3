# shellcheck shell=bash
# Nova (compute v2.1) on 127.0.0.1:8774: api (uwsgi, 2 processes: it is eventlet inside), conductor,
# scheduler, and nova-compute with compute_driver = fake.FakeDriver (from python3-nova; the
# nova-compute package would bring libvirt/qemu). Boots go ACTIVE with a real neutron port. Seeds
# flavors m1.nano (42), m1.tiny (1), m1.small (2), m1.medium (3). MariaDB, RabbitMQ.
nova_packages() { echo nova-api nova-conductor nova-scheduler; }
nova_requires() { echo mariadb rabbitmq keystone glance neutron placement; }
nova_ports() { echo 8774; }
nova_catalog() {
  echo "user nova"
  echo "endpoint nova compute public http://$H:8774/v2.1"
  echo "endpoint nova compute internal http://$H:8774/v2.1"
}
nova_prepare() {
  local NV="$D/etc/nova"; mkdir -p "$NV" "$D/data/nova/instances" "$D/data/nova/lock"
  cp /etc/nova/api-paste.ini "$NV/api-paste.ini"
  cat >"$NV/nova.conf" <<CONF
[DEFAULT]
host = rax-stack
my_ip = $H
transport_url = $TRANSPORT_URL
compute_driver = fake.FakeDriver
state_path = $D/data/nova
instances_path = $D/data/nova/instances
enabled_apis = osapi_compute
osapi_compute_listen = $H
osapi_compute_workers = 1
allow_resize_to_same_host = true
# else the scheduler's host discovery waits up to 60 s
periodic_fuzzy_delay = 0
use_rootwrap_daemon = false
rootwrap_config = /etc/nova/rootwrap.conf
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $NV/api-paste.ini
[api_database]
connection = $(db_url nova_api)
[database]
connection = $(db_url nova)
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 2
[filter_scheduler]
enabled_filters = ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter,ServerGroupAffinityFilter
[glance]
api_servers = http://$H:9292
[neutron]
$(svc_auth neutron)
[placement]
$(svc_auth placement)
[cinder]
os_region_name = $REGION
[service_user]
# cinder refuses detach without a nova service token (the OSSA-2023-003 fix)
send_service_user_token = true
$(svc_auth nova)
[oslo_concurrency]
lock_path = $D/data/nova/lock
[oslo_messaging_rabbit]
heartbeat_timeout_threshold = 0
[vnc]
enabled = false
[spice]
enabled = false
[os_vif_ovs]
ovsdb_connection = unix:$D/run/nonexistent-ovsdb.sock
$(authtoken nova)
CONF
  uwsgi_ini nova-api 8774 /usr/bin/nova-api-wsgi "env = OS_NOVA_CONFIG_DIR=$NV" \
    "env = OS_NOVA_CONFIG_FILES=api-paste.ini;nova.conf" "processes = 2" "threads = 1"
  synced nova nova-common && return 0
  mariadb_wait && mariadb_db nova_api nova nova_cell0
  local nm=(nova-manage --config-file "$NV/nova.conf")
  logged nova-manage "${nm[@]}" api_db sync
  "${nm[@]}" cell_v2 list_cells 2>/dev/null | grep -q ' cell0 ' ||
    logged nova-manage "${nm[@]}" cell_v2 map_cell0 --database_connection "$(db_url nova_cell0)"
  "${nm[@]}" cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' ||
    logged nova-manage "${nm[@]}" cell_v2 create_cell --name cell1 --verbose
  logged nova-manage "${nm[@]}" db sync
  mark_synced nova nova-common
}
nova_start() {
  local C="$D/etc/nova/nova.conf"
  start_bg nova-api uwsgi --ini "$D/etc/nova-api-uwsgi.ini"
  start_bg nova-conductor nova-conductor --config-file "$C" --log-file "$D/log/nova-conductor.log"
}
nova_check() {
  ! dead nova-scheduler && ! dead nova-compute &&
    json_ok "http://$H:8774/v2.1/os-hypervisors" "len(d['hypervisors']) > 0" &&
    json_ok "http://$H:8778/resource_providers" "len(d['resource_providers']) > 0"
}
# nova-scheduler and nova-compute look placement up in the catalog once, at start, and exit when
# it is missing; nova-compute also registers itself in placement as user nova. So both start only
# after every start hook, keystone's init included, has returned (a start with fewer parts — the
# bench's keystone + swift — takes placement out of the catalog until the next full init puts it
# back; starting them with the other hooks lost that race: "endpoint for placement service in
# RegionOne region not found"), and the check fails while either has exited: the hypervisor and
# resource provider rows it reads survive from an earlier run.
# A token's catalog lists placement's public endpoint: what nova-scheduler and nova-compute read once at start.
nova_placement_listed() {
  curl -s -m 5 -H 'Content-Type: application/json' \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"nova\",\"domain\":{\"id\":\"default\"},\"password\":\"$SVC_PW\"}}},\"scope\":{\"project\":{\"name\":\"service\",\"domain\":{\"id\":\"default\"}}}}}" \
    "$AUTH_URL/auth/tokens" |
    $PY -c 'import json, sys; d = json.load(sys.stdin); sys.exit(0 if any(s["type"] == "placement" and any(e["interface"] == "public" for e in s["endpoints"]) for s in d["token"]["catalog"]) else 1)' 2>/dev/null
}
nova_wait() {
  wait_until keystone nova_placement_listed
  start_bg nova-scheduler nova-scheduler --config-file "$D/etc/nova/nova.conf" --log-file "$D/log/nova-scheduler.log"
  start_bg nova-compute $PY -c 'import sys; from nova.cmd.compute import main; sys.exit(main())' \
    --config-file "$D/etc/nova/nova.conf" --log-file "$D/log/nova-compute.log"
  wait_until nova-api eval '[ "$(http_code "http://$H:8774/")" = 200 ]'
  wait_until nova-compute nova_check
}
nova_ready() {
  admin_token || return 1
  local f
  for f in "1 m1.tiny 512 1 1" "2 m1.small 2048 1 20" "3 m1.medium 4096 2 40" "42 m1.nano 128 1 0"; do
    set -- $f
    [ "$(api GET "http://$H:8774/v2.1/flavors/$1")" = 200 ] ||
      api POST "http://$H:8774/v2.1/flavors" "{\"flavor\":{\"id\":\"$1\",\"name\":\"$2\",\"ram\":$3,\"vcpus\":$4,\"disk\":$5}}" >/dev/null
  done
}
nova_env() {
  printf '{"nova": {"url": "http://%s:8774/v2.1", "flavors": {"m1.nano": "42", "m1.tiny": "1", "m1.small": "2", "m1.medium": "3"}}}\n' "$H"
}
