# shellcheck shell=bash
# Neutron (network v2.0) on 127.0.0.1:9696: neutron-server alone (api_workers = rpc_workers = 0), ML2
# with no agent: pylib's "sdk_fake" mechanism driver binds every port (ML2 loads drivers by entry
# point only, hence pylib/sdk_fakes-0.1.dist-info). Networks, subnets, ports, security groups,
# routers, floating IPs, quotas. MariaDB, RabbitMQ.
neutron_packages() { echo neutron-server; }
neutron_requires() { echo mariadb rabbitmq keystone; }
neutron_ports() { echo 9696; }
neutron_catalog() {
  echo "user neutron"
  echo "endpoint neutron network public http://$H:9696"
  echo "endpoint neutron network internal http://$H:9696"
}
_has_part() { [[ " ${PARTS[*]} " == *" $1 "* ]]; }
neutron_prepare() {
  local N="$D/etc/neutron" nova=false; mkdir -p "$N" "$D/data/neutron/lock"
  _has_part nova && nova=true
  cat >"$N/neutron.conf" <<CONF
[DEFAULT]
host = rax-stack
bind_host = $H
bind_port = 9696
core_plugin = ml2
# trunk refuses to load without an ovs/linuxbridge/ovn mechanism driver
service_plugins = router,segments,qos
auth_strategy = keystone
transport_url = $TRANSPORT_URL
state_path = $D/data/neutron
api_paste_config = /etc/neutron/api-paste.ini
api_workers = 0
rpc_workers = 0
rpc_state_report_workers = 0
allow_overlapping_ips = true
dhcp_agent_notification = false
notify_nova_on_port_status_changes = $nova
notify_nova_on_port_data_changes = $nova
log_file = $D/log/neutron-server.log
[database]
connection = $(db_url neutron)
[oslo_concurrency]
lock_path = $D/data/neutron/lock
[nova]
$(svc_auth nova)
[placement]
$(svc_auth placement)
[agent]
root_helper = true
$(authtoken neutron)
CONF
  cat >"$N/ml2_conf.ini" <<CONF
[ml2]
type_drivers = flat,vlan,vxlan,local
tenant_network_types = vxlan
mechanism_drivers = sdk_fake
extension_drivers = port_security,qos
[ml2_type_flat]
flat_networks = *
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:199
[ml2_type_vxlan]
vni_ranges = 1000:1999
[securitygroup]
enable_security_group = true
CONF
  synced neutron neutron-common && return 0
  mariadb_wait && mariadb_db neutron
  logged neutron-db-manage neutron-db-manage --config-file "$N/neutron.conf" --config-file "$N/ml2_conf.ini" upgrade heads
  mark_synced neutron neutron-common
}
neutron_start() {
  start_bg neutron-server env PYTHONPATH="$PYLIB" neutron-server \
    --config-file "$D/etc/neutron/neutron.conf" --config-file "$D/etc/neutron/ml2_conf.ini"
}
neutron_check() { json_ok "http://$H:9696/v2.0/networks" "'networks' in d"; }
neutron_wait() { wait_until neutron-server neutron_check; }
neutron_env() { printf '{"neutron": {"url": "http://%s:9696"}}\n' "$H"; }
