# shellcheck shell=bash
# Shared helpers for install.sh / start.sh / stop.sh / smoke.sh (sourced, not run).
#
# A "part" is scripts/openstack/parts/NAME.sh. It defines shell functions named
# NAME_<hook>; every hook is optional:
#   NAME_packages   echo the Debian packages it needs            (install.sh)
#   NAME_requires   echo the parts it needs (started before it)   (both)
#   NAME_ports      echo the 127.0.0.1 TCP ports it listens on    (start.sh: must be free)
#   NAME_prepare    write configs under $D/etc, init data/db      (start.sh; runs in the background,
#                   in parallel with the other parts' prepare)
#   NAME_start      launch its processes with start_bg            (start.sh)
#   NAME_wait       block until it answers                         (start.sh)
#   NAME_check      quick "answers right now?" probe              (start.sh fast path)
#   NAME_catalog    echo keystone catalog lines (see ks_setup.py)  (start.sh -> keystone)
#   NAME_ready      after keystone has users/catalog (seeding)     (start.sh)
#   NAME_env        echo a JSON object merged into $D/env.json     (start.sh)
# Only parts with a NAME_start hook are "services"; the others only install packages.

# Debian's python and tools only: a pyenv/venv python3 earlier in PATH lacks the Debian libs.
export PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV || true
export DEBIAN_FRONTEND=noninteractive
export LC_ALL=C.UTF-8
# eventlet's green DNS imports dnspython + requests (~25% of a swift process's start-up CPU);
# every address we use is an IP, so plain getaddrinfo is fine
export EVENTLET_NO_GREENDNS=yes

OS_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OS_REPO="$(cd "$OS_HERE/../.." && pwd)"
PY=/usr/bin/python3
H=127.0.0.1                               # everything binds here, nothing else
ADMIN_PW="${OS_ADMIN_PASSWORD:-secret}"   # admin, demo, alt_demo
SVC_PW="${OS_SERVICE_PASSWORD:-servicepass}"
REGION=RegionOne
AUTH_URL="http://$H:5000/v3"
MEMCACHE="$H:11211"
TIMEOUT="${OS_START_TIMEOUT:-90}"         # seconds per service
OS_PARTS="${OS_PARTS_DIR:-$OS_HERE/parts}" # another folder of parts: tests/scripts uses one
# what install.sh and start.sh do without arguments: what the integration tier runs against
OS_DEFAULT_PARTS="keystone swift"

# shellcheck source=service-conf.sh
. "$OS_HERE/service-conf.sh"

for f in "$OS_PARTS"/*.sh; do
  # shellcheck source=/dev/null
  . "$f"
done

all_parts() { local f; # shellcheck source=service-conf.sh
. "$OS_HERE/service-conf.sh"

for f in "$OS_PARTS"/*.sh; do f=${f##*/}; echo "${f%.sh}"; done; }
has_hook() { declare -F "$1_$2" >/dev/null; }
hook() { local p=$1 h=$2; shift 2; if has_hook "$p" "$h"; then "${p}_$h" "$@"; fi; }
is_service() { has_hook "$1" start; }

# resolve_parts PART... -> prints the parts plus everything they require, dependencies first
resolve_parts() {
  local seen=" " out=()
  _visit() {
    local p=$1 r
    [[ "$seen" == *" $p "* ]] && return 0
    [ -f "$OS_PARTS/$p.sh" ] || { echo "unknown part: $p (have: $(all_parts | tr '\n' ' '))" >&2; return 2; }
    seen+="$p "
    for r in $(hook "$p" requires); do _visit "$r" || return; done
    out+=("$p")
  }
  local p
  for p in "$@"; do _visit "$p" || return; done
  printf '%s\n' "${out[@]}"
}

# pids file lines: PID STARTTIME NAME   (each PID leads its own session/process group via setsid)
# /proc/PID/stat parsed with builtins only (these run in polling loops): after "(comm) " come
# field 3 (state) ... field 22 (start time in clock ticks since boot)
_proc_stat() {  # sets _STATE and _START for pid $1; false if gone
  local line f
  { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
  read -r -a f <<<"${line##*) }"
  _STATE=${f[0]} _START=${f[19]}
}
proc_starttime() { _proc_stat "$1" && echo "$_START"; }
# recorded_alive PID STARTTIME: same process as recorded (pid not reused) and not a zombie
recorded_alive() { _proc_stat "$1" && [ "$_START" = "$2" ] && [ "$_STATE" != Z ]; }

# lock_dir: serialize start.sh/stop.sh on one DIR (fd 9; start.sh's own stop.sh call inherits it)
lock_dir() {
  [ -n "${OS_LOCK_HELD:-}" ] && return 0
  mkdir -p "$D"
  exec 9>>"$D/.lock"
  flock -w 600 9 || { echo "$0: $D is locked by another start/stop" >&2; exit 1; }
  export OS_LOCK_HELD=1
}

_usec() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
T0=${T0:-$(_usec)}
log() { local d=$(( ($(_usec) - T0) / 100000 )); printf '[%s %3d.%ds] %s\n' "${OS_SCRIPT:-openstack}" $((d / 10)) $((d % 10)) "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
