import { describe, expect, it } from "vitest";
import { packageConfig } from "../../../tsup.shared";

// The build itself is checked by hand (`pnpm --filter @rax/core build`); this pins the setting
// that keeps class names in dist, so `ObjectStore.name` is never `_ObjectStore` again.
describe("the shared package build", () => {
  it("keeps class and function names (esbuild keepNames)", () => {
    const cfg = packageConfig() as { keepNames?: boolean; format?: string[] };
    expect(cfg.keepNames).toBe(true);
    expect(cfg.format).toEqual(["esm", "cjs"]);
  });
});
