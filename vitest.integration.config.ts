import { defineConfig } from "vitest/config";
import { workspaceAliases } from "./vitest.shared.ts";

// Real-server tier: needs scripts/openstack/start.sh to have run.
export default defineConfig({
  resolve: { alias: workspaceAliases() },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
