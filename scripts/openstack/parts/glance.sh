# shellcheck shell=bash
# Glance (image v2) on 127.0.0.1:9292: eventlet glance-api, workers = 0, sqlite (WAL), file store,
# glance-direct / web-download / copy-image import, the legacy tasks API (open to project members,
# as Rackspace's is: policy.yaml). Seeds a public 1 MiB raw image "sdk-test-image".
glance_packages() { echo glance-api glance-common; }
glance_requires() { echo keystone; }
glance_ports() { echo 9292; }
glance_catalog() {
  echo "user glance"
  echo "endpoint glance image public http://$H:9292"
  echo "endpoint glance image internal http://$H:9292"
}
glance_prepare() {
  local G="$D/etc/glance" V="$D/data/glance"
  mkdir -p "$G" "$V/images" "$V/staging" "$V/tasks" "$V/lock"
  cat >"$G/glance-api.conf" <<CONF
[DEFAULT]
bind_host = $H
bind_port = 9292
workers = 0
log_file = $D/log/glance-api.log
node_staging_uri = file://$V/staging
enabled_import_methods = [glance-direct,web-download,copy-image]
image_size_cap = 1099511627776
[database]
connection = sqlite:///$V/glance.db
[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $V/images
[import_filtering_opts]
# list options need the brackets: without them they are ignored silently and every import fails
# "does not pass filtering"; loopback only (it also keeps glance from fetching anything off-box)
allowed_ports = [80,443,8080,8081]
allowed_hosts = [127.0.0.1]
[task]
task_executor = taskflow
work_dir = $V/tasks
[taskflow_executor]
conversion_format = raw
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[oslo_concurrency]
lock_path = $V/lock
[oslo_policy]
policy_file = $G/policy.yaml
$(authtoken glance)
CONF
  # Glance 25's default keeps the (deprecated) tasks API to admins (tasks_api_access: role:admin);
  # Rackspace Cloud Images gives every account its import/export tasks, so project members get them
  # here too and the images tests can run tasks against real Glance. Every other rule stays default.
  cat >"$G/policy.yaml" <<'POLICY'
"tasks_api_access": "role:admin or role:member"
POLICY
  synced glance glance-common && return 0
  logged glance-manage glance-manage --config-file "$G/glance-api.conf" db_sync
  wal "$V/glance.db"
  mark_synced glance glance-common
}
glance_start() { start_bg glance-api glance-api --config-file "$D/etc/glance/glance-api.conf"; }
glance_check() { [ "$(http_code "http://$H:9292/healthcheck")" = 200 ]; }
glance_wait() { wait_until glance-api glance_check; }
GLANCE_TEST_IMAGE=sdk-test-image
glance_ready() {
  admin_token
  local id
  id=$(curl -s -H "X-Auth-Token: $ADMIN_TOKEN" "http://$H:9292/v2/images?name=$GLANCE_TEST_IMAGE" |
    $PY -c 'import json, sys; i = json.load(sys.stdin)["images"]; print(i[0]["id"] if i else "")')
  if [ -z "$id" ]; then
    id=$(curl -s -H "X-Auth-Token: $ADMIN_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"$GLANCE_TEST_IMAGE\",\"disk_format\":\"raw\",\"container_format\":\"bare\",\"visibility\":\"public\"}" \
      "http://$H:9292/v2/images" | $PY -c 'import json, sys; print(json.load(sys.stdin)["id"])')
    head -c 1048576 /dev/zero | curl -s -f -X PUT -H "X-Auth-Token: $ADMIN_TOKEN" \
      -H 'Content-Type: application/octet-stream' --data-binary @- "http://$H:9292/v2/images/$id/file" ||
      { log "ERROR: glance: uploading $GLANCE_TEST_IMAGE failed"; return 1; }
    log "glance: seeded public image $GLANCE_TEST_IMAGE ($id, 1 MiB raw zeros)"
  fi
  echo "$id" >"$D/run/glance-test-image"
}
glance_env() {
  printf '{"glance": {"url": "http://%s:9292", "image": {"name": "%s", "id": "%s"}}}\n' \
    "$H" "$GLANCE_TEST_IMAGE" "$(cat "$D/run/glance-test-image")"
}
