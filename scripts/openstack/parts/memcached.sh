# shellcheck shell=bash
# memcached on 127.0.0.1:11211: keystone's token/cache backend, keystonemiddleware's
# token cache, swift's proxy cache and tempauth's token store.
memcached_packages() { echo memcached; }
memcached_ports() { echo 11211; }
memcached_start() {
  local user=(); [ "$(id -u)" = 0 ] && user=(-u root)   # memcached refuses to run as root without -u
  start_bg memcached /usr/bin/memcached -l "$H" -p 11211 -U 0 -m 64 -c 1024 "${user[@]}"
}
memcached_check() {
  # bash /dev/tcp: send "version", expect "VERSION x.y.z"
  local line=""
  { exec 3<>"/dev/tcp/$H/11211"; } 2>/dev/null || return 1
  printf 'version\r\n' >&3
  read -r -t 2 line <&3 || true
  exec 3>&- 3<&-
  [[ "$line" == VERSION* ]]
}
memcached_wait() { wait_until memcached memcached_check; }
memcached_env() { printf '{"memcached": "%s"}\n' "$MEMCACHE"; }
