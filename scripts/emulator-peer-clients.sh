#!/usr/bin/env bash
# Runs a realistic session of real peer clients — python-swiftclient (`swift`), python-openstackclient
# (`openstack`: server, image, volume, network, zone/recordset) and python-keystoneclient — against
# @rax/emulator, started the way its README tells a user. Every step checks what the client printed;
# the first failure stops the run (exit 1). Loopback only.
#
#   scripts/emulator-peer-clients.sh                 # start rax-emulator through the workspace (needs its dist)
#   scripts/emulator-peer-clients.sh --from-source   # start packages/emulator/src/cli.ts through tsx (no build)
#   EMU_PORT=5123 scripts/emulator-peer-clients.sh   # pick the identity port (default 5099)
#
# Needs: /usr/bin/swift and /usr/bin/openstack (Debian: python3-swiftclient python3-openstackclient
# python3-designateclient python3-keystoneclient). Not part of .ci/run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${EMU_PORT:-5099}"
FROM_SOURCE=0
[[ "${1:-}" == "--from-source" ]] && FROM_SOURCE=1

for tool in swift openstack; do
  if ! command -v "$tool" >/dev/null; then
    echo "skip: $tool is not installed (apt-get install python3-swiftclient python3-openstackclient)" >&2
    exit 0
  fi
done
# The Debian clients are modules of the system Python, not of a pyenv one that may shadow it.
PY=/usr/bin/python3

WORK="$(mktemp -d)"
LOG="$WORK/emulator.log"
EMU_PID=""
cleanup() {
  # The emulator runs in a session of its own: end that group only.
  [[ -n "$EMU_PID" ]] && kill -TERM -- "-$EMU_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
ARGS=(--port "$PORT" --host 127.0.0.1 --region RegionOne --user demo:secret:demo:member)
if [[ $FROM_SOURCE == 1 ]]; then
  setsid npx tsx packages/emulator/src/cli.ts "${ARGS[@]}" >"$LOG" 2>&1 &
else
  setsid npx -y pnpm@12.4.2 --filter @rax/examples exec rax-emulator "${ARGS[@]}" >"$LOG" 2>&1 &
fi
EMU_PID=$!
for _ in $(seq 1 120); do
  grep -q "listening on" "$LOG" 2>/dev/null && break
  kill -0 "$EMU_PID" 2>/dev/null || { cat "$LOG" >&2; echo "the emulator exited" >&2; exit 1; }
  sleep 0.5
done
grep -q "listening on" "$LOG" || { cat "$LOG" >&2; echo "the emulator did not start" >&2; exit 1; }

# What the README's "Using it with the swift/openstack CLIs" section sets.
export OS_AUTH_URL="http://127.0.0.1:$PORT/v3" OS_IDENTITY_API_VERSION=3 OS_USERNAME=demo OS_PASSWORD=secret
export OS_PROJECT_NAME=demo OS_USER_DOMAIN_ID=default OS_PROJECT_DOMAIN_ID=default OS_REGION_NAME=RegionOne
export HOME="$WORK" # no stray clouds.yaml / swiftclient config of the caller's

STEP=""
ok() { echo "ok   $STEP"; }
fail() {
  echo "FAIL $STEP: $*" >&2
  exit 1
}
step() { STEP="$*"; }
# expect <regex> <text>: the text must match (extended regex, multi-line).
expect() { grep -Eq -- "$1" <<<"$2" || fail "expected /$1/ in: $(head -c 1500 <<<"$2")"; }
# wait_for <regex> <command...>: poll (the emulator's clock runs in real time; transitions take ~1-3 s).
wait_for() {
  local pattern="$1" out=""
  shift
  for _ in $(seq 1 40); do
    out="$("$@" 2>&1 || true)"
    grep -Eq -- "$pattern" <<<"$out" && return 0
    sleep 0.5
  done
  fail "waited for /$pattern/; last: $(head -c 800 <<<"$out")"
}

# ---------------------------------------------------------------- identity
step "openstack token issue"
out="$(openstack token issue -f value -c project_id -c user_id)"
expect '^[0-9]+$' "$out" && ok
step "openstack catalog list has the OpenStack types"
out="$(openstack catalog list -f value -c Type)"
for t in identity object-store compute image network volumev3 dns; do expect "^$t\$" "$out"; done
ok
step "python-keystoneclient: v3 session (projects, token validate, endpoint) and v2.0 (tenants)"
out="$("$PY" - "$PORT" <<'PY'
import sys
from keystoneauth1 import session
from keystoneauth1.identity import v2, v3
from keystoneclient.v2_0 import client as ks2
from keystoneclient.v3 import client as ks3
port = sys.argv[1]
s = session.Session(auth=v3.Password(auth_url=f"http://127.0.0.1:{port}/v3", username="demo", password="secret",
                                     project_name="demo", user_domain_id="default", project_domain_id="default"))
ks = ks3.Client(session=s, interface="public")
print("projects", [p.name for p in ks.projects.list(user=s.get_user_id())])
print("validated", ks.tokens.validate(s.get_token()).user_id == s.get_user_id())
print("swift", s.get_endpoint(service_type="object-store", interface="public"))
s2 = session.Session(auth=v2.Password(auth_url=f"http://127.0.0.1:{port}/v2.0", username="demo", password="secret", tenant_name="demo"))
print("tenants", [t.name for t in ks2.Client(session=s2).tenants.list()])
PY
)"
expect "projects \['demo'\]" "$out"
expect "validated True" "$out"
expect "swift http://127\.0\.0\.1:[0-9]+/v1/MossoCloudFS_" "$out"
expect "tenants \['demo'\]" "$out"
ok

# ---------------------------------------------------------------- swift
cd "$WORK"
mkdir -p up/sub down
echo "hello" >up/a.txt
echo "nested" >up/sub/b.txt
head -c 300000 /dev/urandom >up/big.bin

step "swift upload --use-slo -S (a folder, one object in 3 segments)"
out="$(swift upload --use-slo -S 100000 photos up 2>&1)"
expect "up/big.bin segment 2" "$out" && ok
step "swift list (containers, objects, segments)"
expect "^photos_segments$" "$(swift list)"
expect "^up/sub/b.txt$" "$(swift list photos)"
[[ "$(swift list photos_segments | wc -l)" -eq 3 ]] || fail "3 segments expected"
ok
step "swift stat of the SLO manifest"
out="$(swift stat photos up/big.bin)"
expect "Content Length: 300000" "$out"
expect "X-Static-Large-Object: True" "$out" && ok
step "swift download (the container) gives the same bytes"
(cd down && swift download photos >/dev/null)
cmp up/big.bin down/up/big.bin && cmp up/sub/b.txt down/up/sub/b.txt || fail "downloaded bytes differ"
ok
step "swift download --skip-identical skips all three"
out="$(cd down && swift download --skip-identical photos 2>&1)"
[[ "$(grep -c "Skipped identical" <<<"$out")" -eq 3 ]] || fail "$out"
ok
step "swift upload --skip-identical / --changed upload nothing again"
out="$("$PY" - <<'PY'
from swiftclient.service import SwiftService, SwiftUploadObject
paths = ["up/a.txt", "up/sub/b.txt", "up/big.bin"]
with SwiftService(options={"segment_size": 100000, "use_slo": True, "skip_identical": True}) as s:
    print([r.get("status") for r in s.upload("photos", [SwiftUploadObject(p, object_name=p) for p in paths]) if r["action"] == "upload_object"])
with SwiftService(options={"changed": True}) as s:
    print([r.get("status") for r in s.upload("photos", [SwiftUploadObject(p, object_name=p) for p in paths[:2]]) if r["action"] == "upload_object"])
PY
)"
expect "\['skipped-identical', 'skipped-identical', 'skipped-identical'\]" "$out"
expect "\['skipped-changed', 'skipped-changed'\]" "$out" && ok
step "swift post metadata (container and object) and read it back"
swift post -m color:blue photos
swift post -m owner:ann -H "Content-Type: text/x-note" photos up/a.txt
expect "Meta Color: blue" "$(swift stat photos)"
out="$(swift stat photos up/a.txt)"
expect "Meta Owner: ann" "$out"
expect "Content Type: text/x-note" "$out" && ok
step "swift copy"
swift copy -d /archive/a.txt photos up/a.txt >/dev/null
expect "^a.txt$" "$(swift list archive)" && ok
step "swift tempurl (GET and PUT; a wrong key is refused)"
swift post -m Temp-URL-Key:sekrit
STORAGE="$(swift auth | sed -n 's/^export OS_STORAGE_URL=//p')"
ORIGIN="${STORAGE%%/v1/*}"
PATH_ONLY="/v1/${STORAGE#*/v1/}"
signed="$(swift tempurl GET 600 "$PATH_ONLY/photos/up/big.bin" sekrit)"
[[ "$(curl -s -o down/via-tempurl -w '%{http_code}' "$ORIGIN$signed")" == 200 ]] || fail "temp URL GET not 200"
cmp up/big.bin down/via-tempurl || fail "temp URL GET bytes differ"
wrong="$(swift tempurl GET 600 "$PATH_ONLY/photos/up/big.bin" other)"
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$ORIGIN$wrong")" == 401 ]] || fail "wrong key not 401"
put="$(swift tempurl --digest sha256 PUT 600 "$PATH_ONLY/photos/dropped.txt" sekrit)"
[[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data-binary dropped "$ORIGIN$put")" == 201 ]] || fail "temp URL PUT not 201"
[[ "$(swift download photos dropped.txt -o -)" == dropped ]] || fail "temp URL PUT body"
ok
step "swift delete of the SLO removes its segments; delete --all empties the account"
swift delete photos up/big.bin >/dev/null
[[ -z "$(swift list photos_segments)" ]] || fail "segments left behind"
swift delete --all >/dev/null
[[ -z "$(swift list)" ]] || fail "containers left"
ok
step "swift with its default v1.0 auth (-A …/auth/v1.0 -U -K)"
out="$(env -u OS_AUTH_URL -u OS_USERNAME -u OS_PASSWORD -u OS_PROJECT_NAME -u OS_IDENTITY_API_VERSION \
  swift -A "http://127.0.0.1:$PORT/auth/v1.0" -U demo -K secret stat)"
expect "Account: MossoCloudFS_" "$out" && ok
step "swift capabilities"
out="$(swift capabilities)"
expect "Additional middleware: slo" "$out"
expect "Additional middleware: tempurl" "$out" && ok

# ---------------------------------------------------------------- images
step "openstack image list / show"
expect "Ubuntu 14.04 LTS \(Trusty Tahr\)" "$(openstack image list -f value -c Name)"
expect "^active$" "$(openstack image show 'Ubuntu 14.04 LTS (Trusty Tahr)' -f value -c status)" && ok
step "openstack image create --file / save / delete"
head -c 4096 /dev/urandom >disk.raw
openstack image create --disk-format raw --container-format bare --file disk.raw my-disk >/dev/null
wait_for "^active$" openstack image show my-disk -f value -c status
openstack image save --file saved.raw my-disk
cmp disk.raw saved.raw || fail "saved image differs"
openstack image delete my-disk
ok

# ---------------------------------------------------------------- servers and volumes
IMAGE="Ubuntu 14.04 LTS (Trusty Tahr)"
step "openstack server create --wait (emulator flavor and image), list, show"
expect "^general1-1$" "$(openstack flavor list -f value -c ID)"
expect "^ACTIVE$" "$(openstack server create --flavor general1-1 --image "$IMAGE" --wait vm1 -f value -c status)"
expect "^vm1 ACTIVE$" "$(openstack server list -f value -c Name -c Status)"
out="$(openstack server show vm1 -f value -c flavor -c image -c addresses)"
expect "general1-1" "$out"
expect "'public': \['198\.51\." "$out" && ok
step "openstack volume create / list; server add volume shows in volumes_attached; remove; delete"
openstack volume create --size 10 data1 >/dev/null
wait_for "^data1 available$" openstack volume list -f value -c Name -c Status
VOL="$(openstack volume show data1 -f value -c id)"
openstack server add volume vm1 data1 >/dev/null
wait_for "^data1 in-use$" openstack volume list -f value -c Name -c Status
expect "$VOL" "$(openstack server show vm1 -f value -c volumes_attached)"
openstack server remove volume vm1 data1
wait_for "^data1 available$" openstack volume list -f value -c Name -c Status
openstack volume delete data1
wait_for "^$" openstack volume list -f value -c Name
ok

# ---------------------------------------------------------------- networks
step "openstack network / subnet / port create; a server on the network gets its port's address"
openstack network create net1 >/dev/null
openstack subnet create --network net1 --subnet-range 192.168.10.0/24 sub1 >/dev/null
expect "192\.168\.10\.0/24" "$(openstack subnet list -f value -c Subnet)"
expect "192\.168\.10\." "$(openstack port create --network net1 port1 -f value -c fixed_ips)"
openstack port delete port1
openstack server create --flavor general1-1 --image "$IMAGE" --network net1 --wait vm2 >/dev/null
PORT_IP="$(openstack port list --server vm2 -f json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["Fixed IP Addresses"][0]["ip_address"])')"
expect "^192\.168\.10\." "$PORT_IP"
expect "'net1': \['$PORT_IP'\]" "$(openstack server list -f value -c Networks --name vm2)"
ok
step "openstack server delete --wait; subnet and network delete"
openstack server delete --wait vm1 vm2 >/dev/null
[[ -z "$(openstack server list -f value -c ID)" ]] || fail "servers left"
openstack subnet delete sub1
openstack network delete net1
out="$(openstack network list -f value -c Name)"
if grep -q net1 <<<"$out"; then fail "net1 left"; fi
ok

# ---------------------------------------------------------------- DNS (Designate)
step "openstack zone create / recordset create / list / set / delete"
openstack zone create --email admin@example.com example.com. >/dev/null
wait_for "^example.com. ACTIVE$" openstack zone list -f value -c name -c status
openstack recordset create --type A --record 192.0.2.10 --record 192.0.2.11 example.com. www >/dev/null
out="$(openstack recordset list example.com. -f value -c name -c type)"
expect "^example.com. SOA$" "$out"
expect "^example.com. NS$" "$out"
expect "^www.example.com. A$" "$out"
expect "192.0.2.99" "$(openstack recordset set --record 192.0.2.99 example.com. www.example.com. -f value -c records)"
out="$(openstack zone create --email admin@example.com example.com. 2>&1 || true)"
expect "Duplicate Zone" "$out"
openstack recordset delete example.com. www.example.com. >/dev/null
wait_for "ACTIVE" openstack zone show example.com. -f value -c status
openstack zone delete example.com. >/dev/null
wait_for "^$" openstack zone list -f value -c name
ok

echo "all peer-client steps passed"
