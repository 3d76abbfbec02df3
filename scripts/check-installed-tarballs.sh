#!/usr/bin/env bash
# The packages as a user installs them from npm, with the network: packs every published package,
# installs the tarballs with npm into a project outside the workspace (third-party packages from the
# registry, @rax/emulator included), starts the installed `rax-emulator` command and runs the README
# quick starts, CommonJS and ESM scripts, the keychain-without-keytar error and tsc (node16, bundler)
# against it. `pnpm test` runs the same file offline (third-party packages from pnpm's store, emulator
# from the workspace). Needs built dists (`pnpm build`) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
RAX_INSTALLED_ONLINE=1 exec npx vitest run tests/packaging/installed-tarballs.test.ts "$@"
