#!/usr/bin/env bash
# usage: scripts/openstack/stop.sh [--dir DIR]        (default DIR: $REPO/.openstack)
# Stops exactly the processes start.sh recorded in DIR/run/pids ("PID STARTTIME NAME").
# Each one leads its own session/process group (setsid), so the group is signalled
# (service + forked workers). A pid whose /proc start time differs from the recorded
# one (pid reused by something else) is never touched. SIGTERM, then SIGKILL after
# OS_STOP_GRACE seconds (default 5). Idempotent. Removes DIR/env.json; keeps data, except what
# lives on the tmpfs mounts listed in DIR/run/mounts (swift's objects), which it unmounts.
set -uo pipefail
OS_SCRIPT=stop.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

D="$OS_REPO/.openstack"
while [ $# -gt 0 ]; do
  case $1 in
    --dir) D=${2:?--dir needs a value}; shift 2 ;;
    --dir=*) D=${1#--dir=}; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--dir DIR]" >&2; exit 2 ;;
  esac
done
[ -d "$D" ] || { log "nothing running from $D"; exit 0; }
lock_dir
PIDS="$D/run/pids"
rm -f "$D/env.json" "$D/run/parts"
# parts mount throw-away filesystems (swift's tmpfs device) and list them in run/mounts: unmount
# them once their processes are gone, so `rm -rf DIR` works and no memory stays held
unmount_recorded() {
  [ -s "$D/run/mounts" ] || return 0
  local m
  while read -r m; do
    [ -n "$m" ] && mountpoint -q "$m" || continue
    umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
  done <"$D/run/mounts"
  rm -f "$D/run/mounts"
}
[ -s "$PIDS" ] || { log "nothing running from $D"; rm -f "$PIDS"; unmount_recorded; exit 0; }

live=()     # "pid:starttime:name" of recorded processes that are still ours
while read -r pid st name; do
  [ -n "${pid:-}" ] || continue
  if recorded_alive "$pid" "$st"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    live+=("$pid:$st:$name")
  fi
done <"$PIDS"
leaders=("${live[@]+"${live[@]}"}")

# live (non-zombie) members of a session. Zombies are skipped: whoever inherited them (init)
# reaps them, in some sandboxes seconds later.
members() { ps -o pid=,stat= --sid "$1" 2>/dev/null | awk '$2 !~ /^Z/ {print $1}'; }
grace_end=$(( $(_usec) + ${OS_STOP_GRACE:-5} * 1000000 ))
while :; do   # leaders first (builtins only: no fork per poll)
  left=()
  for e in "${live[@]+"${live[@]}"}"; do
    IFS=: read -r pid st _ <<<"$e"
    recorded_alive "$pid" "$st" && left+=("$e")
  done
  live=("${left[@]+"${left[@]}"}")
  [ ${#live[@]} -eq 0 ] || [ "$(_usec)" -ge $grace_end ] && break
  sleep 0.1
done
for e in "${live[@]+"${live[@]}"}"; do
  IFS=: read -r pid st name <<<"$e"
  log "$name ($pid) ignored SIGTERM for ${OS_STOP_GRACE:-5} s, sending SIGKILL"
  recorded_alive "$pid" "$st" && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; }
done
# forked workers that outlived their leader: a short grace, then SIGKILL
for e in "${leaders[@]+"${leaders[@]}"}"; do
  IFS=: read -r pid _ name <<<"$e"
  m=$(members "$pid")
  [ -z "$m" ] && continue
  for _ in 1 2 3 4 5 6 7 8 9 10; do sleep 0.1; m=$(members "$pid"); [ -z "$m" ] && break; done
  for x in $m; do log "$name: worker $x still alive, SIGKILL"; kill -KILL "$x" 2>/dev/null || true; done
done
rm -f "$PIDS"
unmount_recorded
log "stopped ${#leaders[@]} recorded process groups from $D"
