# shellcheck shell=bash
# Designate (DNS v2) on 127.0.0.1:9001: api, central, worker, producer and mdns (DNS on 127.0.0.1:5354
# tcp+udp). The pool's backend is "fake" and its nameserver is designate-mdns itself, so the worker's
# SOA-serial poll succeeds and zones/recordsets go ACTIVE in about a second. MariaDB, RabbitMQ.
designate_packages() { echo designate-api designate-central designate-worker designate-producer designate-mdns; }
designate_requires() { echo mariadb rabbitmq keystone; }
designate_ports() { echo 9001 5354; }
designate_catalog() {
  echo "user designate"
  echo "endpoint designate dns public http://$H:9001"
  echo "endpoint designate dns internal http://$H:9001"
}
designate_prepare() {
  local DS="$D/etc/designate"; mkdir -p "$DS" "$D/data/designate/lock"
  cat >"$DS/designate.conf" <<CONF
[DEFAULT]
host = rax-stack
transport_url = $TRANSPORT_URL
state_path = $D/data/designate
# Designate's default is 10 zones a project; the dns tiers create and delete zones faster than its worker
# purges them, and once hit "Quota exceeded during zone import" on a busy stack.
quota_zones = 100
[service:api]
listen = $H:9001
api_base_uri = http://$H:9001/
auth_strategy = keystone
api_paste_config = /etc/designate/api-paste.ini
enable_api_v2 = true
enable_api_admin = true
enabled_extensions_admin = quotas
workers = 1
[service:central]
workers = 1
[service:worker]
workers = 1
poll_delay = 1
poll_retry_interval = 1
poll_max_retries = 10
[service:producer]
workers = 1
[service:mdns]
listen = $H:5354
workers = 1
[storage:sqlalchemy]
connection = $(db_url designate)
[coordination]
backend_url = file://$D/data/designate/lock
[oslo_concurrency]
lock_path = $D/data/designate/lock
$(authtoken designate)
CONF
  # options.host/port: where the worker sends NOTIFY; without them every zone goes to ERROR (int(None))
  cat >"$DS/pools.yaml" <<CONF
- name: default
  description: default pool (fake backend; designate-mdns answers the SOA queries)
  attributes: {}
  ns_records:
    - hostname: ns1.rax-test.example.
      priority: 1
  nameservers:
    - host: $H
      port: 5354
  targets:
    - type: fake
      description: fake target
      masters:
        - host: $H
          port: 5354
      options:
        host: $H
        port: 5354
CONF
  synced designate designate-common && return 0
  mariadb_wait && mariadb_db designate
  logged designate-manage designate-manage --config-file "$DS/designate.conf" database sync
  mark_synced designate designate-common
}
designate_start() {
  local s
  for s in central worker producer mdns api; do
    start_bg "designate-$s" "designate-$s" --config-file "$D/etc/designate/designate.conf" --log-file "$D/log/designate-$s.log"
  done
}
designate_check() { json_ok "http://$H:9001/v2/pools" "len(d['pools']) > 0"; }
designate_wait() {
  wait_until designate-api eval '[[ "$(http_code "http://$H:9001/")" =~ ^[1-4] ]]'
  # "pool update" is an RPC call to designate-central. The API answering does not mean central is
  # consuming yet: central backs off up to 11 s between AMQP connects while RabbitMQ starts, and a call
  # sent before its queue exists is dropped (seen: one 60 s timeout, start failed). So short calls, retried;
  # the update is idempotent.
  printf '[DEFAULT]\nrpc_response_timeout = 15\n' >"$D/etc/designate/manage-rpc.conf"
  local attempt
  for attempt in 1 2 3 4 5 6; do
    designate-manage --config-file "$D/etc/designate/designate.conf" \
      --config-file "$D/etc/designate/manage-rpc.conf" pool update \
      --file "$D/etc/designate/pools.yaml" >>"$D/log/designate-manage.out" 2>&1 && break
    [ "$attempt" = 6 ] && { log "ERROR: designate-manage pool update failed 6 times"; tail -n 25 "$D/log/designate-manage.out"; return 1; }
    log "designate-central did not take the pool update yet (attempt $attempt); retrying"
  done
  wait_until designate-api designate_check
}
designate_env() { printf '{"designate": {"url": "http://%s:9001", "mdns": "%s:5354"}}\n' "$H" "$H"; }
