#!/usr/bin/env bash
# Fetches Swift's own functional test suite (test/ of Debian's swift source package, the
# version dpkg has installed, else the suite's newest) into $CACHE, from Debian's apt only.
# Apt runs with a private sources list and private lists: the system's apt setup is untouched.
set -euo pipefail
CACHE=${CACHE:-"$(cd "$(dirname "$0")" && pwd)/.cache"}
SRC="$CACHE/swift-src"
[ -f "$SRC/test/functional/__init__.py" ] && { echo "$SRC"; exit 0; }

. /etc/os-release
suite=${SWIFT_SRC_SUITE:-$VERSION_CODENAME}
# The configured Debian mirror (deb822 or one-line form), else the default one.
uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null |
  grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -n1 || true)
uri=${uri:-http://deb.debian.org/debian}
apt_dir="$CACHE/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$CACHE/dl"
uri=${uri%/}
key=/usr/share/keyrings/debian-archive-keyring.gpg
# The installed build may come from the point-release or security suite.
{
  echo "deb-src [signed-by=$key] $uri $suite main"
  echo "deb-src [signed-by=$key] $uri $suite-updates main"
  echo "deb-src [signed-by=$key] $uri-security $suite-security main"
} >"$apt_dir/sources.list"
opts=(-q -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::Archives=$apt_dir/archives"
  -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o Debug::NoLocking=1)
apt-get "${opts[@]}" update >&2
version=$(dpkg-query -W -f='${Version}' swift 2>/dev/null || true)
(cd "$CACHE/dl" && { apt-get "${opts[@]}" source --download-only "swift${version:+=$version}" >&2 ||
  apt-get "${opts[@]}" source --download-only "swift/$suite" >&2; })
dsc=$(ls -t "$CACHE"/dl/swift_*.dsc | head -n1)
rm -rf "$SRC.tmp"
dpkg-source --no-check -x "$dsc" "$SRC.tmp" >&2
mv "$SRC.tmp" "$SRC"
echo "$SRC"
