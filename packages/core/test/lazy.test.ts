import { describe, expect, it } from "vitest";
import { lazy } from "../src/index";

describe("lazy()", () => {
  it("builds nothing until first use, then builds once and returns the same value", () => {
    let builds = 0;
    const get = lazy(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const a = get();
    expect(get()).toBe(a);
    expect(builds).toBe(1);
  });

  it("keeps a built undefined without rebuilding", () => {
    let builds = 0;
    const get = lazy(() => {
      builds++;
      return undefined;
    });
    get();
    get();
    expect(builds).toBe(1);
  });

  it("a build that throws is tried again on the next use", () => {
    let builds = 0;
    const get = lazy(() => {
      if (++builds === 1) throw new Error("first");
      return builds;
    });
    expect(() => get()).toThrow("first");
    expect(get()).toBe(2);
  });
});
