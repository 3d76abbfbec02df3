# shellcheck shell=bash
# Peer clients (reference behaviour for benchmarks/tests): `swift` and `openstack` CLIs.
# No service: install.sh only.
clients_packages() { echo python3-swiftclient python3-openstackclient; }
