# shellcheck shell=bash
# Keystone (identity v3) on 127.0.0.1:5000: uwsgi (1 process, 4 threads), sqlite in WAL
# mode, fernet tokens, memcache-backed cache. Schema, keys, users/projects/roles and the
# catalog (every started part's NAME_catalog lines) come from keystone_init.py.
# python3-openstackclient: the `openstack` CLI, a peer client for tests/benchmarks
keystone_packages() { echo python3-keystone uwsgi-core uwsgi-plugin-python3 python3-openstackclient; }
keystone_requires() { echo memcached; }
keystone_ports() { echo 5000; }

keystone_prepare() {
  local K="$D/etc/keystone" V="$D/data/keystone"
  mkdir -p "$K" "$V"
  cat >"$K/keystone.conf" <<CONF
[DEFAULT]
log_file = $D/log/keystone.log
[database]
# check_same_thread=false: under uwsgi threads sqlalchemy sometimes finalizes a connection from
# another thread; the sqlite3 module's check then logs "SQLite objects created in a thread..."
connection = sqlite:///$V/keystone.db?check_same_thread=false
# no fsync per commit (throw-away test data)
sqlite_synchronous = false
[token]
provider = fernet
expiration = 86400
[fernet_tokens]
key_repository = $V/fernet-keys
[fernet_receipts]
key_repository = $V/fernet-keys
[credential]
key_repository = $V/credential-keys
[cache]
# without a cache every authenticated call costs ~300 ms on a 2-core box, with it ~10 ms
enabled = true
backend = oslo_cache.memcache_pool
memcache_servers = $MEMCACHE
[identity]
# bcrypt cost 4 instead of 12: password auth ~250 ms faster; fine for tests
password_hash_rounds = 4
CONF
  cat >"$K/uwsgi.ini" <<CONF
[uwsgi]
plugins = python3
http-socket = $H:5000
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_FILES=$K/keystone.conf
master = true
processes = 1
threads = 4
enable-threads = true
lazy-apps = true
die-on-term = true
need-app = true
buffer-size = 65535
http-keepalive = false
add-header = Connection: close
chdir = $V
CONF
}

# keys, schema, bootstrap, users/projects/roles and the catalog of every started part, all
# in-process (keystone_init.py, ~5 s cold). Skipped when nothing changed (warm start): the stamp
# covers the keystone version, the catalog lines and the passwords.
_keystone_init() {
  local K="$D/etc/keystone" V="$D/data/keystone" lines stamp want
  lines=$(for p in "${PARTS[@]}"; do hook "$p" catalog; done)
  want=$(printf '%s\n' "$(dpkg-query -W -f='${Version}' python3-keystone)" "$lines" "$ADMIN_PW" "$SVC_PW" "$AUTH_URL" | sha256sum | cut -c1-16)
  stamp="$V/.init-stamp"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -s "$V/ids.json" ] && return 0
  printf '%s\n' "$lines" | $PY "$OS_HERE/keystone_init.py" "$K/keystone.conf" "$V" "$ADMIN_PW" "$SVC_PW" \
    "$REGION" "$AUTH_URL" "$V/ids.json" >>"$D/log/keystone-init.out" 2>&1 ||
    { tail -n 30 "$D/log/keystone-init.out"; return 1; }
  echo "$want" >"$stamp"
  : >"$D/run/.keystone-catalog-rewritten"
}

# keystone_init.py writes the catalog into the database behind the running keystone's back, so a
# catalog keystone cached in memcached before that (a token asked for while init ran) outlives it:
# nova-scheduler and nova-compute then found no placement endpoint and exited (2026-12-03 10:05,
# after a keystone + swift start had left the catalog without it). Dropping the cache once keystone
# answers makes every later token carry the catalog init wrote.
_keystone_cache_flush() {
  local line=""
  [ -f "$D/run/.keystone-catalog-rewritten" ] || return 0
  { exec 3<>"/dev/tcp/$H/11211"; } 2>/dev/null || return 0
  printf 'flush_all\r\n' >&3
  read -r -t 2 line <&3 || true
  exec 3>&- 3<&-
  rm -f "$D/run/.keystone-catalog-rewritten"
}

# uwsgi imports keystone (~3 s) while keystone_init.py fills the database: loading the app
# touches no table, and nothing asks keystone anything before start.sh's wait phase, which
# begins only after every part's start hook has returned.
keystone_start() {
  start_bg keystone uwsgi --ini "$D/etc/keystone/uwsgi.ini"
  _keystone_init
}
keystone_check() { [ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$AUTH_URL")" = 200 ]; }
keystone_wait() { wait_until keystone keystone_check && _keystone_cache_flush; }

keystone_env() {
  $PY - "$D/data/keystone/ids.json" "$AUTH_URL" "$REGION" "$ADMIN_PW" <<'PYEOF'
import json, sys
ids = json.load(open(sys.argv[1]))
auth_url, region, pw = sys.argv[2:5]
def user(name, project):
    return {"username": name, "password": pw, "projectName": project,
            "projectId": ids["projects"][project], "userId": ids["users"][name],
            "domain": "Default", "domainId": "default"}
print(json.dumps({
    "authUrl": auth_url,
    "region": region,
    "users": {"admin": user("admin", "admin"),
              "demo": user("demo", "demo"),
              "alt_demo": user("alt_demo", "alt_demo")},
}))
PYEOF
}
