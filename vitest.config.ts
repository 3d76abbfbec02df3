import { defineConfig } from "vitest/config";
import { workspaceAliases } from "./vitest.shared.ts";

// Unit and emulator-scenario tiers. Workspace packages resolve to their
// sources so a test never runs against a stale build.
export default defineConfig({
  resolve: { alias: workspaceAliases() },
  test: {
    include: ["packages/*/test/**/*.test.ts", "tests/emulator/**/*.test.ts", "tests/reliability/**/*.test.ts", "tests/packaging/**/*.test.ts", "tests/scripts/**/*.test.ts", "tests/readme/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
