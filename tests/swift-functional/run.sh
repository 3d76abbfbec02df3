#!/usr/bin/env bash
# Runs Swift's own functional test suite (test/functional of Debian's swift source, s3api aside)
# against a Swift reached through Keystone v3, and prints pass / fail / error / skip counts.
#
#   tests/swift-functional/run.sh real       # Keystone :5000 + Swift :8080 of scripts/openstack (start.sh keystone swift)
#   tests/swift-functional/run.sh emulator   # starts rax-emulator on 127.0.0.1 for the run; then checks the floor
#   tests/swift-functional/run.sh <target> [pytest args…]   e.g. -k test_slo, or -x
#
# Env: SWIFT_FUNC_AUTH_URI (real only; default http://127.0.0.1:5000/v3/), SWIFT_FUNC_PASSWORD
# (default secret), SWIFT_FUNC_PYTHON (default /usr/bin/python3, which has Debian's python3-pytest,
# python3-mock, python3-swift and python3-swiftclient). Exit status: pytest's for `real`; for `emulator`, non-zero
# only if fewer tests pass than emulator-floor.txt records (failures are expected: the count is the check).
set -euo pipefail
# One brace group: bash reads it whole before running it, so editing this file mid-run is safe.
{
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
target=${1:-}
case "$target" in real | emulator) shift ;; *) echo "usage: $0 real|emulator [pytest args…]" >&2; exit 2 ;; esac
python=${SWIFT_FUNC_PYTHON:-/usr/bin/python3}
"$python" -c 'import pytest, mock, swift, swiftclient, keystoneclient' 2>/dev/null || {
  echo "needs Debian's python3-pytest python3-mock python3-swift python3-swiftclient python3-keystoneclient (apt-get install -y …)" >&2
  exit 2
}

src=$(bash "$here/fetch.sh")
out="$here/.cache/$target"
mkdir -p "$out"

emulator_pid=
cleanup() { [ -n "$emulator_pid" ] && kill -- "-$emulator_pid" 2>/dev/null || true; }
trap cleanup EXIT

if [ "$target" = emulator ]; then
  # rax-emulator from source (tsx), with the users and region of scripts/openstack's Keystone:
  # admin/secret owning project admin, demo/secret a member of project demo, and tester3/secret
  # with only the reader role in project admin (the suite's "user without admin access").
  # setsid: its own process group, which cleanup ends (tsx runs node as a child).
  setsid "$repo/node_modules/.bin/tsx" "$repo/packages/emulator/src/cli.ts" --region RegionOne \
    --user admin:secret:admin:admin --user demo:secret:demo:member --user tester3:secret:admin:reader >"$out/emulator.out" 2>"$out/emulator.err" &
  emulator_pid=$!
  auth_uri=
  for _ in $(seq 1 150); do
    base=$(sed -n 's/^rax-emulator listening on //p' "$out/emulator.out" 2>/dev/null || true)
    [ -n "$base" ] && { auth_uri="$base/v3/"; break; }
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$out/emulator.err" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$auth_uri" ] || { echo "rax-emulator did not start" >&2; exit 1; }
else
  auth_uri=${SWIFT_FUNC_AUTH_URI:-http://127.0.0.1:5000/v3/}
  # The suite's third user: in project admin with only the reader role (no Swift operator role).
  # scripts/openstack has no such user; add it once, idempotently, with the admin credentials.
  openrc=${SWIFT_FUNC_OPENRC:-$repo/.openstack/openrc}
  if [ -f "$openrc" ] && command -v openstack >/dev/null; then
    (
      . "$openrc"
      openstack user show tester3 >/dev/null 2>&1 ||
        openstack user create --domain default --password "${SWIFT_FUNC_PASSWORD:-secret}" tester3 >/dev/null
      openstack role add --project admin --user tester3 reader >/dev/null
    ) || echo "could not create tester3 in Keystone: the suite's third-user tests will skip" >&2
  fi
fi
password=${SWIFT_FUNC_PASSWORD:-secret}

cat >"$out/test.conf" <<CONF
[func_test]
auth_version = 3
auth_uri = ${auth_uri%/}/
account = admin
username = admin
password = $password
domain = Default
account2 = demo
username2 = demo
password2 = $password
domain2 = Default
username3 = tester3
password3 = $password
collate = C
insecure = no
CONF

start=$(date +%s)
set +e
# Test paths given (test/functional/test_slo.py, …) replace the whole suite. Swift runs the suite
# with stestr, whose discovery takes test*.py: python_files says the same, so tests.py (the largest
# file) is collected too.
paths=(test/functional)
case "${1:-}" in test/*) paths=() ;; esac
(cd "$src" && SWIFT_TEST_CONFIG_FILE="$out/test.conf" "$python" -m pytest "${paths[@]}" \
  --ignore=test/functional/s3api -p no:cacheprovider -q -o "python_files=test*.py" -o junit_family=xunit2 \
  --junitxml="$out/junit.xml" "$@" >"$out/pytest.log" 2>&1)
status=$?
set -e
seconds=$(($(date +%s) - start))
tail -n 3 "$out/pytest.log"
counts=$("$python" - "$out/junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
c = {"passed": 0, "failed": 0, "errors": 0, "skipped": 0}
for case in ET.parse(sys.argv[1]).iter("testcase"):
    kinds = {child.tag for child in case}
    c["errors" if "error" in kinds else "failed" if "failure" in kinds else "skipped" if "skipped" in kinds else "passed"] += 1
print(" ".join(f"{k}={v}" for k, v in c.items()))
PY
)
echo "swift-functional $target: $counts seconds=$seconds (log: $out/pytest.log)"

if [ "$target" = emulator ] && [ $# -eq 0 ]; then
  passed=${counts#passed=}
  passed=${passed%% *}
  floor=$(tr -dc 0-9 <"$here/emulator-floor.txt")
  if [ "$passed" -lt "$floor" ]; then
    echo "FAIL: the emulator passes $passed tests, below the recorded floor of $floor (emulator-floor.txt)" >&2
    exit 1
  fi
  [ "$passed" -gt "$floor" ] && echo "the emulator passes $passed > floor $floor: raise emulator-floor.txt to $passed"
  exit 0
fi
exit "$status"
}
