#!/usr/bin/env bash
# usage: scripts/openstack/install.sh [part ...]      (default: keystone swift; `all` = every part)
# Installs the Debian 12 packages the named parts (and the parts they require) need.
# Idempotent: when dpkg already has every package it exits without touching apt.
# Non-interactive (CI=true, no stdin). Package postinst scripts are kept from starting
# daemons (policy-rc.d); units the packages enabled on a systemd host are disabled,
# because start.sh runs every service itself on 127.0.0.1.
# Overrides (tests/scripts runs the whole fresh-machine path with them, installing nothing):
#   APT_GET=CMD            what is run instead of apt-get (no root needed then)
#   OS_APT_LISTS=DIR       apt's list directory, to decide whether an `update` is due
#   OS_POLICY_RC_D=PATH    where the temporary "start no daemons" policy goes
#   OS_BASE_PACKAGES="…"   the packages every part needs (default below)
#   OS_PARTS_DIR=DIR       where the parts are read from (lib.sh)
set -euo pipefail
OS_SCRIPT=install.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BASE_PACKAGES="${OS_BASE_PACKAGES-python3 curl ca-certificates procps iproute2}"
APT_GET="${APT_GET:-apt-get}"
APT_LISTS="${OS_APT_LISTS:-/var/lib/apt/lists}"
POLICY_RC_D="${OS_POLICY_RC_D:-/usr/sbin/policy-rc.d}"
# shellcheck disable=SC2206   # APT_GET may be a command with arguments
APT=($APT_GET -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

# shellcheck disable=SC2046
[ "$*" != all ] || set -- $(all_parts)
# shellcheck disable=SC2086
resolved=$(if [ $# -gt 0 ]; then resolve_parts "$@"; else resolve_parts $OS_DEFAULT_PARTS; fi) || exit 2
read -r -a PARTS <<<"$(echo $resolved)"
pkgs=($BASE_PACKAGES)
for p in "${PARTS[@]}"; do pkgs+=($(hook "$p" packages)); done

# one dpkg-query for all: "ii" = installed. dpkg-query exits 1 when it does not know a package
# (every package, on a fresh machine), which under pipefail would end the script right here.
have=" $( { dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${pkgs[@]}" 2>/dev/null || true; } | awk '$2 == "ii" {printf "%s ", $1}') "
missing=()
for p in "${pkgs[@]}"; do [[ "$have" == *" $p "* ]] || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  log "all packages already installed (parts: ${PARTS[*]})"
  exit 0
fi
[ "$APT_GET" != apt-get ] || [ "$(id -u)" = 0 ] || die "needs root to install: ${missing[*]}"

# keep postinst scripts from starting daemons (containers usually have this already)
if [ ! -e "$POLICY_RC_D" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$POLICY_RC_D"
  chmod 755 "$POLICY_RC_D"
  trap 'rm -f "$POLICY_RC_D"' EXIT
fi

# refresh package lists when missing or older than 6 h; retry once after an update on failure
# (apt gives a list file the archive's Last-Modified time, so an unchanged suite looks old:
# partial/, which every `apt-get update` writes into, tells when the last one ran)
if [ -z "$(find "$APT_LISTS" -maxdepth 1 \( -name '*_Packages*' -o -name partial \) -mmin -360 2>/dev/null | head -n 1)" ]; then
  log "apt-get update"
  "${APT[@]}" update
fi
log "installing ${missing[*]} (parts: ${PARTS[*]})"
if ! "${APT[@]}" install -y --no-install-recommends "${missing[@]}"; then
  log "install failed; apt-get update and retry"
  "${APT[@]}" update
  "${APT[@]}" install -y --no-install-recommends "${missing[@]}"
fi

# On a systemd host the packages enabled their units (memcached.service, swift-*.service, ...):
# disable them (and stop any that run) so they never hold our ports. Only units of the
# packages we just installed are touched.
if [ "$APT_GET" = apt-get ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
  units=()
  for p in "${missing[@]}"; do
    while read -r f; do
      u=${f##*/}; [[ "$u" == *@* ]] && continue
      units+=("$u")
    done < <(dpkg -L "$p" 2>/dev/null | grep -E '^/(usr/)?lib/systemd/system/[^/]+\.(service|socket)$' || true)
  done
  for u in "${units[@]+"${units[@]}"}"; do
    if systemctl is-enabled --quiet "$u" 2>/dev/null || systemctl is-active --quiet "$u" 2>/dev/null; then
      log "disabling system unit $u (start.sh runs its own)"
      systemctl disable --now "$u" >/dev/null 2>&1 || true
    fi
  done
fi
log "done"
