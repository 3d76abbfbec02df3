# shellcheck shell=bash
# Swift: object/container/account servers (one process each, workers = 0, 1 replica,
# one device, on tmpfs: see _swift_device), a container-updater (account-level counts),
# and two proxies on the same storage:
#   :8080  authtoken + keystoneauth (catalog object-store endpoint; accounts AUTH_<project_id>)
#   :8081  tempauth, /auth/v1.0 (accounts AUTH_test, AUTH_test2, AUTH_admin)
# python3-swiftclient: the `swift` CLI, a peer client for tests/benchmarks
swift_packages() { echo swift swift-proxy swift-account swift-container swift-object python3-keystonemiddleware python3-swiftclient libeatmydata1; }
swift_requires() { echo memcached keystone; }
swift_ports() { echo 6200 6201 6202 8080 8081; }
swift_catalog() {
  echo "user swift"
  # public and internal differ (127.0.0.1 vs localhost) so tests can tell which one a client picked
  echo "endpoint swift object-store public http://$H:8080/v1/AUTH_%(project_id)s"
  echo "endpoint swift object-store internal http://localhost:8080/v1/AUTH_%(project_id)s"
}

# Swift keeps an object's metadata in xattrs of its file. ext4 holds about 4 KiB of xattrs per
# inode, so an object near the metadata limits (90 items, 4096 bytes) got 507 from the object
# server (503 from the proxy), and the proxy then error-limited the only device for 60 s: every
# object call failed for a minute. tmpfs keeps user xattrs of any size (kernel >= 6.6), and the
# objects are throw-away anyway. Mounting needs root; without it (or without xattrs on tmpfs) the
# device stays a plain directory and start.sh says so. stop.sh unmounts what run/mounts lists.
_swift_device() {
  local dev=$1
  mkdir -p "$dev"
  mountpoint -q "$dev" && return 0
  if [ "$(id -u)" != 0 ]; then
    log "WARNING: not root, so swift's device $dev is on $(stat -f -c %T "$dev"): objects with large metadata will fail (503)"
    return 0
  fi
  mount -t tmpfs -o "size=${OS_SWIFT_TMPFS_SIZE:-8g},mode=0755" rax-swift "$dev"
  echo "$dev" >>"$D/run/mounts"
  if ! $PY -c 'import os, sys; f = os.path.join(sys.argv[1], ".xattr-probe"); open(f, "w").close()
os.setxattr(f, "user.swift.metadata", b"x" * 16384); os.remove(f)' "$dev"; then
    umount "$dev"
    log "WARNING: tmpfs here lacks user xattrs: swift's device $dev is a plain directory (large metadata will fail)"
  fi
}

swift_prepare() {
  local S="$D/etc/swift" DEV="$D/data/swift" me; me=$(id -un)
  mkdir -p "$S" "$D/data/swift-recon"
  _swift_device "$DEV/d1"
  # swift hard-codes /etc/swift/swift.conf (hash path prefix/suffix, storage policies); the
  # Debian "swift" package ships a usable one. Write it only if it is missing.
  if ! grep -qs '^swift_hash_path_suffix' /etc/swift/swift.conf; then
    mkdir -p /etc/swift
    printf '[swift-hash]\nswift_hash_path_suffix = changeme\nswift_hash_path_prefix = changeme\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' >/etc/swift/swift.conf
  fi
  local common="[DEFAULT]
bind_ip = $H
swift_dir = $S
devices = $DEV
mount_check = false
user = $me
workers = 0
log_address = $D/run/swift-log.sock
log_level = INFO
recon_cache_path = $D/data/swift-recon"
  printf '%s\nbind_port = 6200\n[pipeline:main]\npipeline = healthcheck object-server\n[app:object-server]\nuse = egg:swift#object\n[filter:healthcheck]\nuse = egg:swift#healthcheck\n[object-replicator]\n[object-updater]\n[object-auditor]\n' \
    "$common" >"$S/object-server.conf"
  # [container-updater]: see swift_ready
  printf '%s\nbind_port = 6201\n[pipeline:main]\npipeline = healthcheck container-server\n[app:container-server]\nuse = egg:swift#container\nallow_versions = true\n[filter:healthcheck]\nuse = egg:swift#healthcheck\n[container-replicator]\n[container-updater]\ninterval = 5\ncontainers_per_second = 0\nlog_level = WARNING\n[container-auditor]\n[container-sync]\n' \
    "$common" >"$S/container-server.conf"
  printf '%s\nbind_port = 6202\n[pipeline:main]\npipeline = healthcheck account-server\n[app:account-server]\nuse = egg:swift#account\n[filter:healthcheck]\nuse = egg:swift#healthcheck\n[account-replicator]\n[account-auditor]\n[account-reaper]\n' \
    "$common" >"$S/account-server.conf"

  # _proxy_conf PORT AUTH-FILTERS EXTRA-SECTIONS
  _proxy_conf() {
    cat <<CONF
[DEFAULT]
bind_ip = $H
bind_port = $1
swift_dir = $S
user = $me
workers = 0
log_address = $D/run/swift-log.sock
log_name = proxy-$1
expose_info = true

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl ratelimit formpost $2 staticweb copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = $MEMCACHE
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:ratelimit]
use = egg:swift#ratelimit
[filter:formpost]
use = egg:swift#formpost
[filter:staticweb]
use = egg:swift#staticweb
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
# segment size minimum is gone in swift 2.30 (/info reports min_segment_size 1); what remains
# is GET rate limiting of small segments (< 1 MiB after the 10th at 1/s): off for tests
rate_limit_segments_per_sec = 0
[filter:dlo]
use = egg:swift#dlo
rate_limit_segments_per_sec = 0
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true
[filter:symlink]
use = egg:swift#symlink
$3
CONF
  }
  _proxy_conf 8080 "authtoken keystoneauth" "[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
# anonymous requests (temp URL, formpost, public containers) reach swift's own checks
delay_auth_decision = true
www_authenticate_uri = http://$H:5000
auth_url = http://$H:5000
memcached_servers = $MEMCACHE
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = swift
password = $SVC_PW
service_token_roles_required = true
[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member
reseller_admin_role = ResellerAdmin" >"$S/proxy-server.conf"
  _proxy_conf 8081 "tempauth" "[filter:tempauth]
use = egg:swift#tempauth
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
user_test_tester2 = testing2
user_test2_tester2 = testing2 .admin" >"$S/proxy-server-tempauth.conf"

  # rings: 1 replica, part power 8, one device; one python run instead of 9 swift-ring-builder calls
  [ -f "$S/object.ring.gz" ] || $PY - "$S" "$H" <<'PYEOF'
import sys
from swift.common.ring import RingBuilder
swift_dir, ip = sys.argv[1:3]
for kind, port in (("object", 6200), ("container", 6201), ("account", 6202)):
    b = RingBuilder(8, 1, 1)
    b.add_dev({"region": 1, "zone": 1, "ip": ip, "port": port, "device": "d1", "weight": 100})
    b.rebalance()
    b.save("%s/%s.builder" % (swift_dir, kind))
    b.get_ring().save("%s/%s.ring.gz" % (swift_dir, kind))
PYEOF
}

swift_start() {
  local S="$D/etc/swift" START_NICE=10   # swift imports must not slow down keystone's start
  # swift logs only to syslog: a tiny unix datagram sink appends everything to log/swift.log
  rm -f "$D/run/swift-log.sock"
  start_bg swift-log $PY -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1])
with open(sys.argv[2], "ab", buffering=0) as f:
    while True:
        f.write(s.recv(65536).split(b">", 1)[-1].rstrip(b"\0\n") + b"\n")' "$D/run/swift-log.sock" "$D/log/swift.log"
  local i; for i in $(seq 1 50); do [ -S "$D/run/swift-log.sock" ] && break; sleep 0.05; done
  # storage servers fsync every object file and sqlite commit (~8 ms each here); the data is
  # throw-away, so libeatmydata turns fsync & co. into no-ops
  local nosync=(env LD_PRELOAD=libeatmydata.so)
  start_bg swift-object "${nosync[@]}" swift-object-server "$S/object-server.conf"
  start_bg swift-container "${nosync[@]}" swift-container-server "$S/container-server.conf"
  start_bg swift-account "${nosync[@]}" swift-account-server "$S/account-server.conf"
  start_bg swift-proxy swift-proxy-server "$S/proxy-server.conf"
  start_bg swift-proxy-tempauth swift-proxy-server "$S/proxy-server-tempauth.conf"
}
_swift_health() { [ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://$H:$1/healthcheck")" = 200 ]; }
swift_check() { local p; for p in 6200 6201 6202 8080 8081; do _swift_health $p || return 1; done; }
swift_wait() {
  wait_until swift-object _swift_health 6200
  wait_until swift-container _swift_health 6201
  wait_until swift-account _swift_health 6202
  wait_until swift-proxy _swift_health 8080
  wait_until swift-proxy-tempauth _swift_health 8081
}
# The container-updater pushes container stats (object count, bytes) to the account. The
# daemon (swift-container-updater) forks one child per partition directory per sweep, and each
# child re-runs eventlet's monkey patching: ~0.9 CPU-s per child here, so a DIR with 160 used
# partitions burned a full core non-stop. Instead: swift's own single-process sweep (what
# `swift-container-updater CONF once` runs) in a loop, every 5 s (~1 ms per container DB).
# Started once swift answers: one python import less competing for the CPU during start.
swift_ready() {
  start_bg swift-container-updater env LD_PRELOAD=libeatmydata.so $PY -c 'import sys, time
from swift.common.utils import readconf
from swift.container.updater import ContainerUpdater
conf = readconf(sys.argv[1], "container-updater")
updater, interval = ContainerUpdater(conf), float(conf.get("interval", 5))
while True:
    began = time.time()
    updater.run_once()
    time.sleep(max(0.5, interval - (time.time() - began)))' "$D/etc/swift/container-server.conf"
}
swift_env() {
  cat <<JSON
{"swift": {
  "keystoneProxy": "http://$H:8080",
  "endpoints": {"public": "http://$H:8080/v1/AUTH_%(project_id)s",
                "internal": "http://localhost:8080/v1/AUTH_%(project_id)s"},
  "info": "http://$H:8080/info",
  "tempauth": {"authUrl": "http://$H:8081/auth/v1.0", "user": "test:tester", "key": "testing",
               "users": [{"user": "test:tester", "key": "testing", "account": "AUTH_test", "roles": [".admin"]},
                         {"user": "test:tester2", "key": "testing2", "account": "AUTH_test", "roles": []},
                         {"user": "test2:tester2", "key": "testing2", "account": "AUTH_test2", "roles": [".admin"]},
                         {"user": "admin:admin", "key": "admin", "account": "AUTH_admin", "roles": [".admin", ".reseller_admin"]}]}
}}
JSON
}
