import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, ValidationError, WaitTimeout, waitForBuild, waitUntil } from "../src/index";

afterEach(() => {
  vi.useRealTimers();
});

function sequence<T>(values: T[]) {
  let i = 0;
  const calls = { n: 0 };
  const load = async () => {
    calls.n++;
    return values[Math.min(i++, values.length - 1)]!;
  };
  return { load, calls };
}

describe("waitUntil", () => {
  it("reloads until the attribute reaches a desired value (case-insensitive) and resolves with it", async () => {
    const { load, calls } = sequence([{ status: "BUILD" }, { status: "BUILD" }, { status: "active", id: 1 }]);
    const progress: unknown[] = [];
    const r = await waitUntil(load, "status", ["ACTIVE", "ERROR"], { interval: 1, onProgress: (p) => progress.push([p.attempt, p.value]) });
    expect(r).toEqual({ status: "active", id: 1 });
    expect(calls.n).toBe(3);
    expect(progress).toEqual([[1, "BUILD"], [2, "BUILD"], [3, "active"]]);
  });

  it("rejects with WaitTimeout carrying the last resource after `attempts` loads", async () => {
    const { load, calls } = sequence([{ status: "BUILD", progress: 10 }, { status: "BUILD", progress: 40 }]);
    const err = await waitUntil(load, "status", "ACTIVE", { interval: 1, attempts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeout);
    expect((err as WaitTimeout<{ progress: number }>).last.progress).toBe(40);
    expect(calls.n).toBe(2);
  });

  it("waits `interval` ms between loads", async () => {
    vi.useFakeTimers();
    const { load, calls } = sequence([{ s: 0 }, { s: 0 }, { s: 1 }]);
    const p = waitUntil(load, (r) => r.s, [1], { interval: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.n).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls.n).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.n).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(p).resolves.toEqual({ s: 1 });
    expect(calls.n).toBe(3);
  });

  it("attempts = 0 waits forever until aborted", async () => {
    vi.useFakeTimers();
    const { load, calls } = sequence([{ status: "BUILD" }]);
    const ac = new AbortController();
    const p = waitUntil(load, "status", "ACTIVE", { interval: 5000, signal: ac.signal });
    const settled = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000 * 50);
    expect(calls.n).toBe(51);
    ac.abort();
    expect(await settled).toBeInstanceOf(AbortError);
  });

  it("accepts a resource with reload() or get()", async () => {
    const res = { n: 0, async reload() { this.n++; return this; }, get status() { return this.n >= 2 ? "ACTIVE" : "BUILD"; } };
    await expect(waitUntil<typeof res>(res, "status", "ACTIVE", { interval: 1 })).resolves.toBe(res);
    const viaGet = { async get() { return { status: "ERROR" }; } };
    await expect(waitUntil(viaGet, "status", ["active", "error"], { interval: 1 })).resolves.toEqual({ status: "ERROR" });
  });

  it("load errors propagate and bad options are ValidationErrors", async () => {
    await expect(waitUntil(async () => { throw new Error("404"); }, "status", "x")).rejects.toThrow("404");
    await expect(waitUntil(async () => ({ status: "BUILD" }), "status", "x", { attempts: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(waitUntil(42 as never, "status", "x")).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("waitForBuild", () => {
  it("polls status every 20 s for ACTIVE/ERROR/available/COMPLETED", async () => {
    vi.useFakeTimers();
    const { load, calls } = sequence([{ status: "BUILD" }, { status: "available" }]);
    const p = waitForBuild(load);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(calls.n).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(p).resolves.toEqual({ status: "available" });
    const done = sequence([{ status: "COMPLETED" }]);
    await expect(waitForBuild(done.load)).resolves.toEqual({ status: "COMPLETED" });
  });
});
