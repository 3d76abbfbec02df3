# shellcheck shell=bash
# Zaqar (messaging v2) on 127.0.0.1:8888 under uwsgi (zaqar-server is wsgiref: one thread, HTTP/1.0),
# messages in our Swift, queue catalogue in Redis. Debian's redis *message* store is broken
# (python3-zaqar lacks zaqar/storage/redis/scripts/*.lua: 503 on post and claim), and MongoDB is not
# in Debian 12.
zaqar_packages() { echo zaqar-server python3-swiftclient; }
zaqar_requires() { echo redis swift keystone; }
zaqar_ports() { echo 8888; }
zaqar_catalog() {
  echo "user zaqar"
  echo "endpoint zaqar messaging public http://$H:8888"
  echo "endpoint zaqar messaging internal http://$H:8888"
}
zaqar_prepare() {
  local Z="$D/etc/zaqar"; mkdir -p "$Z"
  cat >"$Z/zaqar.conf" <<CONF
[DEFAULT]
log_file = $D/log/zaqar.log
auth_strategy = keystone
[drivers]
transport = wsgi
message_store = swift
management_store = redis
[drivers:transport:wsgi]
bind = $H
port = 8888
[drivers:message_store:swift]
auth_url = http://$H:5000/v3/
uri = swift://zaqar:$SVC_PW@/service
project_domain_id = default
user_domain_id = default
region_name = $REGION
interface = public
[drivers:management_store:redis]
uri = redis://$H:6379
[signed_url]
secret_key = rax-test-signed-url-secret
$(authtoken zaqar)
CONF
  # Debian's 15.0.0-1 app.py reads only /etc/zaqar/zaqar.conf: our own WSGI entry takes the file
  uwsgi_ini zaqar 8888 "$PYLIB/sdk_zaqar_wsgi.py" "env = SDK_ZAQAR_CONF=$Z/zaqar.conf"
}
zaqar_start() { start_bg zaqar uwsgi --ini "$D/etc/zaqar-uwsgi.ini"; }
# / answers 204 once the app is loaded
zaqar_check() { [[ "$(http_code "http://$H:8888/")" =~ ^[1-4][0-9][0-9]$ ]]; }
zaqar_wait() { wait_until zaqar zaqar_check; }
zaqar_env() { printf '{"zaqar": {"url": "http://%s:8888"}}\n' "$H"; }
