# shellcheck shell=bash
# Redis on 127.0.0.1:6379: zaqar's management store (queues' catalogue). No persistence.
redis_packages() { echo redis-server redis-tools python3-redis; }
redis_ports() { echo 6379; }
redis_start() {
  mkdir -p "$D/data/redis"
  start_bg redis /usr/bin/redis-server --bind "$H" --port 6379 --save '' --appendonly no \
    --daemonize no --dir "$D/data/redis" --protected-mode yes
}
redis_check() { [ "$(redis-cli -h "$H" -p 6379 ping 2>/dev/null)" = PONG ]; }
redis_wait() { wait_until redis redis_check; }
