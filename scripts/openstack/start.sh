#!/usr/bin/env bash
# usage: scripts/openstack/start.sh [--dir DIR] [part ...]
#   parts: service parts from parts/ (default: keystone swift; `all`: every one; any subset works);
#          required parts are added (swift -> keystone -> memcached).
#   DIR:   default $REPO/.openstack (gitignored). Configs DIR/etc, data DIR/data, logs DIR/log,
#          pids DIR/run/pids; writes DIR/env.json (for the test tier) and DIR/openrc.
# Idempotent: if the requested parts already run from DIR and answer, returns at once.
# Otherwise stops whatever DIR/run/pids records and starts again, keeping DIR/data
# (warm start: no schema migrations, rings kept). rm -rf DIR for a clean slate.
# Everything binds to 127.0.0.1. Needs the packages of install.sh.
# Env: OS_ADMIN_PASSWORD (secret), OS_SERVICE_PASSWORD (servicepass),
#      OS_START_TIMEOUT (seconds per service, 90), OS_KEEP_ON_FAILURE=1 (don't stop on failure).
set -euo pipefail
OS_SCRIPT=start.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

D="$OS_REPO/.openstack"
ARGS=()
while [ $# -gt 0 ]; do
  case $1 in
    --dir) D=${2:?--dir needs a value}; shift 2 ;;
    --dir=*) D=${1#--dir=}; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[ ${#ARGS[@]} -gt 0 ] || read -r -a ARGS <<<"$OS_DEFAULT_PARTS"
if [ "${ARGS[*]}" = all ]; then ARGS=(); for p in $(all_parts); do is_service "$p" && ARGS+=("$p"); done; fi
resolved=$(resolve_parts "${ARGS[@]}") || exit 2
PARTS=()
for p in $resolved; do is_service "$p" && PARTS+=("$p"); done
[ ${#PARTS[@]} -gt 0 ] || { echo "start.sh: no service part among: $*" >&2; exit 2; }
mkdir -p "$D"
D="$(cd "$D" && pwd)"
lock_dir

# ------------------------------------------------------------------ helpers for the parts
# start_bg NAME CMD...: run CMD in a new session (setsid), output to log/NAME.out,
# record "PID STARTTIME NAME" in run/pids (the pid is the session/process-group leader).
# START_NICE=N (e.g. `local START_NICE=10` in a start hook): start at lower CPU priority so
# the critical path (keystone) wins the CPU while everything imports; reset to 0 once all answer.
start_bg() {
  local name=$1 pidf="$D/run/.pid.$1" pid="" st="" i; shift
  rm -f "$pidf"
  local pre=(); [ -z "${START_NICE:-}" ] || pre=(nice -n "$START_NICE")
  setsid "${pre[@]}" sh -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" >>"$D/log/$name.out" 2>&1 </dev/null 9>&- &
  for i in {1..250}; do
    if [ -s "$pidf" ] && read -r pid <"$pidf" && _proc_stat "$pid"; then st=$_START; break; fi
    sleep 0.02
  done
  rm -f "$pidf"
  [ -n "$st" ] || die "$name did not start (see $D/log/$name.out)"
  echo "$pid $st $name" >>"$D/run/pids"
}
# dead NAME: the process recorded under NAME has exited
dead() {
  local pid st name p="" s=""
  while read -r pid st name; do [ "$name" = "$1" ] && p=$pid s=$st; done <"$D/run/pids"
  [ -n "$p" ] && ! recorded_alive "$p" "$s"
}
# wait_until NAME CMD...: poll CMD until it succeeds; fail on timeout or when NAME died
wait_until() {
  local name=$1 end=$(( $(date +%s) + TIMEOUT )); shift
  until "$@"; do
    if dead "$name" || [ "$(date +%s)" -ge "$end" ]; then
      log "ERROR: $name does not answer ($*); last lines of $D/log/$name.*:"
      tail -n 30 "$D/log/$name".* 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
  log "$name answers"
}
port_free() {
  local who
  who=$(ss -Hltnp "sport = :$1" 2>/dev/null || true)
  [ -z "$who" ] || die "port $1 is in use: $who
  (another stack? run scripts/openstack/stop.sh --dir ITS_DIR; a system daemon? systemctl disable --now it)"
}

# ------------------------------------------------------------------ fast path
running_ok() {
  [ -s "$D/run/pids" ] && [ -s "$D/run/parts" ] && [ -s "$D/env.json" ] || return 1
  local p pid st name
  for p in "${PARTS[@]}"; do grep -qx "$p" "$D/run/parts" || return 1; done
  while read -r pid st name; do recorded_alive "$pid" "$st" || return 1; done <"$D/run/pids"
  for p in "${PARTS[@]}"; do if has_hook "$p" check; then "${p}_check" || return 1; fi; done
}
if running_ok; then
  log "already running from $D ($(tr '\n' ' ' <"$D/run/parts")); env: $D/env.json"
  exit 0
fi

# ------------------------------------------------------------------ (re)start
[ -f "$D/run/pids" ] && "$OS_HERE/stop.sh" --dir "$D" >/dev/null
mkdir -p "$D"/{etc,log,run/env.d,data}
rm -f "$D/env.json" "$D/run/parts" "$D"/run/env.d/*.json
: >"$D/run/pids"
on_fail() {
  local rc=$?
  [ $rc -eq 0 ] && return
  log "start failed (exit $rc); logs in $D/log"
  if [ "${OS_KEEP_ON_FAILURE:-}" != 1 ]; then "$OS_HERE/stop.sh" --dir "$D" >/dev/null 2>&1 || true; fi
}
trap on_fail EXIT
log "starting ${PARTS[*]} in $D"
for p in "${PARTS[@]}"; do for port in $(hook "$p" ports); do port_free "$port"; done; done

# every part in parallel: prepare (configs, schema, rings) then start its processes.
# (a part whose processes need another part answering first calls <dep>_wait in its start hook)
jobs_=()
for p in "${PARTS[@]}"; do
  (
    if has_hook "$p" prepare; then "${p}_prepare" >>"$D/log/prepare-$p.out" 2>&1; fi
    "${p}_start"
  ) &
  jobs_+=("$!:$p")
done
for j in "${jobs_[@]}"; do
  wait "${j%%:*}" || { tail -n 20 "$D/log/prepare-${j#*:}.out" 2>/dev/null; die "${j#*:}: prepare/start failed (see $D/log/)"; }
done
log "configs written, processes started"

for p in "${PARTS[@]}"; do
  hook "$p" wait
  hook "$p" ready
done
log "all parts answer"

# back to normal priority (lowering a nice value needs root; otherwise they stay niced)
if [ "$(id -u)" = 0 ]; then
  while read -r pid st name; do
    recorded_alive "$pid" "$st" && renice -n 0 -g "$pid" >/dev/null 2>&1 || true
  done <"$D/run/pids"
fi

# ------------------------------------------------------------------ env.json + openrc
for p in "${PARTS[@]}"; do
  if has_hook "$p" env; then "${p}_env" >"$D/run/env.d/$p.json"; fi
done
$PY - "$D" "${PARTS[@]}" <<'PYEOF'
import json, os, sys, time
d, parts = sys.argv[1], sys.argv[2:]
env = {}
for p in parts:
    f = os.path.join(d, "run", "env.d", p + ".json")
    if os.path.exists(f):
        env.update(json.load(open(f)))
env.update({"parts": parts, "dir": d, "logs": os.path.join(d, "log"),
            "startedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
tmp = os.path.join(d, "env.json.tmp")
with open(tmp, "w") as f:
    json.dump(env, f, indent=2)
    f.write("\n")
os.replace(tmp, os.path.join(d, "env.json"))
PYEOF
cat >"$D/openrc" <<RC
# source $D/openrc   (admin; for demo: OS_USERNAME=demo OS_PROJECT_NAME=demo, same password)
export OS_AUTH_URL=$AUTH_URL
export OS_IDENTITY_API_VERSION=3
export OS_AUTH_TYPE=password
export OS_USERNAME=admin
export OS_PASSWORD=$ADMIN_PW
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=$REGION
export OS_INTERFACE=public
# swift tempauth (v1.0; -V 1 needed because of OS_IDENTITY_API_VERSION above):
#   swift -V 1 -A http://$H:8081/auth/v1.0 -U test:tester -K testing stat
RC
printf '%s\n' "${PARTS[@]}" >"$D/run/parts"
trap - EXIT
log "ready: ${PARTS[*]}; env: $D/env.json; source $D/openrc; stop: scripts/openstack/stop.sh --dir $D"
