# shellcheck shell=bash
# RabbitMQ on 127.0.0.1:5672 (RPC of nova, neutron, cinder, trove, designate) with its own epmd on
# 127.0.0.1:4369: rabbitmq-server would otherwise spawn a daemonized epmd on every address.
# Erlang distribution on 127.0.0.1:25672. guest/guest, loopback only.
rabbitmq_packages() { echo rabbitmq-server; }
rabbitmq_ports() { echo 4369 5672 25672; }
rabbitmq_prepare() {
  local R="$D/etc/rabbitmq"; mkdir -p "$R" "$D/data/rabbitmq" "$D/log/rabbitmq"
  cat >"$R/rabbitmq.conf" <<CONF
listeners.tcp.default = $H:5672
loopback_users.guest = true
disk_free_limit.absolute = 50MB
vm_memory_high_watermark.absolute = 512MB
log.console = true
log.console.level = warning
log.file = false
CONF
  echo '[].' >"$R/enabled_plugins"
}
_tcp_open() { (exec 3<>"/dev/tcp/$H/$1") 2>/dev/null; }
rabbitmq_start() {
  local R="$D/etc/rabbitmq"
  start_bg epmd /usr/bin/epmd -address "$H" -port 4369
  local i; for i in $(seq 1 100); do _tcp_open 4369 && break; sleep 0.05; done
  start_bg rabbitmq env HOME="$D/data/rabbitmq" ERL_EPMD_ADDRESS="$H" ERL_EPMD_PORT=4369 \
    RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS="$H" RABBITMQ_NODE_PORT=5672 \
    RABBITMQ_DIST_PORT=25672 RABBITMQ_CONFIG_FILE="$R/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$R/enabled_plugins" RABBITMQ_MNESIA_BASE="$D/data/rabbitmq/mnesia" \
    RABBITMQ_LOG_BASE="$D/log/rabbitmq" RABBITMQ_PID_FILE="$D/run/rabbitmq.pid" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
}
rabbitmq_check() { _tcp_open 5672; }
rabbitmq_wait() { wait_until rabbitmq rabbitmq_check; }
