import { describe, expect, it } from "vitest";
import { packageConfig } from "../../../tsup.shared";

// The built names themselves are checked on the build (tests/packaging/export-names.test.ts); this
// pins the settings that test relies on.
describe("the shared package build", () => {
  it("builds ESM and CJS without esbuild keepNames (its __name calls keep unused code in users' bundles)", () => {
    const cfg = packageConfig() as { keepNames?: boolean; format?: string[] };
    expect(cfg.keepNames ?? false).toBe(false);
    expect(cfg.format).toEqual(["esm", "cjs"]);
  });
});
