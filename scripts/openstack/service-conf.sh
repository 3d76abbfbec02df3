# shellcheck shell=bash
# Config-writing helpers shared by the service parts (sourced by lib.sh): the keystone_authtoken
# and service-user blocks, uwsgi ini files, MariaDB URLs, "schema already migrated" stamps, and
# polling an authenticated API until it reports ready.
PYLIB="$OS_HERE/pylib"                    # small shims put on single services' PYTHONPATH (pylib/README)
DB_PW="${OS_DB_PASSWORD:-dbpass}"
TRANSPORT_URL="rabbit://guest:guest@$H:5672/"

# [keystone_authtoken] for service user $1
authtoken() {
  cat <<CONF
[keystone_authtoken]
www_authenticate_uri = http://$H:5000
auth_url = http://$H:5000
memcached_servers = $MEMCACHE
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SVC_PW
service_token_roles_required = true
CONF
}
# password auth lines for a [neutron]/[placement]/[nova]/[service_user] section, user $1
svc_auth() {
  cat <<CONF
auth_url = http://$H:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SVC_PW
region_name = $REGION
valid_interfaces = public
CONF
}
# uwsgi_ini NAME PORT WSGI_FILE [extra ini lines...] -> $D/etc/NAME-uwsgi.ini (1 process, 4 threads)
uwsgi_ini() {
  local name=$1 port=$2 file=$3; shift 3
  {
    printf '%s\n' "[uwsgi]" "plugins = python3" "http-socket = $H:$port" "wsgi-file = $file" "master = true"
    printf '%s\n' "enable-threads = true" "lazy-apps = true" "die-on-term = true" "need-app = true"
    printf '%s\n' "buffer-size = 65535" "http-keepalive = false" "add-header = Connection: close" "chdir = $D/data"
    local l has_proc=""
    for l in "$@"; do [[ "$l" == processes* ]] && has_proc=1; echo "$l"; done
    [ -n "$has_proc" ] || printf '%s\n' "processes = 1" "threads = 4"
  } >"$D/etc/$name-uwsgi.ini"
}
db_url() { echo "mysql+pymysql://openstack:$DB_PW@$H:3306/$1?charset=utf8"; }

# synced NAME PKG / mark_synced NAME PKG: a schema migration is skipped on warm starts while the
# installed package version is unchanged
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
synced() { [ -f "$D/data/.synced-$1" ] && [ "$(cat "$D/data/.synced-$1")" = "$(pkgver "$2")" ]; }
mark_synced() { pkgver "$2" >"$D/data/.synced-$1"; }
# sqlite in WAL mode: readers no longer block a writer's commit under threads
wal() { $PY -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA journal_mode=WAL"); c.close()' "$1"; }

# run CMD with its output in log/NAME.out, showing the tail when it fails
logged() {
  local name=$1; shift
  "$@" >>"$D/log/$name.out" 2>&1 || { log "ERROR: $name failed: $*"; tail -n 25 "$D/log/$name.out"; return 1; }
}

# http_code URL [curl args]: the status, 000 when nothing answers
http_code() { local u=$1; shift; curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" "$u" || true; }

# admin_token: a project-scoped admin token (cached for this start.sh run), in ADMIN_TOKEN/ADMIN_PID
admin_token() {
  [ -n "${ADMIN_TOKEN:-}" ] && return 0
  local body="$D/run/.admin-token.json"
  ADMIN_TOKEN=$(curl -s -D - -o "$body" -H 'Content-Type: application/json' \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"},\"password\":\"$ADMIN_PW\"}}},\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}" \
    "$AUTH_URL/auth/tokens" | awk 'tolower($1)=="x-subject-token:"{print $2}' | tr -d '\r')
  ADMIN_PID=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"]["project"]["id"])' "$body")
  rm -f "$body"
  [ -n "$ADMIN_TOKEN" ]
}
# json_ok URL PY-EXPR: an authenticated GET whose JSON body `d` makes PY-EXPR true
json_ok() {
  admin_token || return 1
  curl -s -m 5 -H "X-Auth-Token: $ADMIN_TOKEN" "$1" |
    $PY -c "import json, sys; d = json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>/dev/null
}
# api METHOD URL [json]: an admin call, prints the status
api() {
  admin_token || return 1
  local m=$1 u=$2; shift 2
  curl -s -o /dev/null -w '%{http_code}' -X "$m" -H "X-Auth-Token: $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    ${1:+-d "$1"} "$u"
}
