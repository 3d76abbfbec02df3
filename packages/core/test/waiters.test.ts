import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, NotFound, RaxError, ResourceFailed, ValidationError, WaitTimeout, registerSecret, unregisterSecret, waitForBuild, waitUntil, waitUntilGone } from "../src/index";

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

describe("failure states", () => {
  it("a value in failOn rejects with ResourceFailed carrying the resource and its fault", async () => {
    const { load, calls } = sequence([{ status: "BUILD" }, { status: "error", fault: { code: 500, message: "No valid host was found." } }, { status: "ACTIVE" }]);
    const err = await waitUntil(load, "status", "ACTIVE", { interval: 1, failOn: ["ERROR"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailed);
    expect(err).toBeInstanceOf(RaxError);
    const f = err as ResourceFailed<{ status: string; fault: { message: string } }>;
    expect(f.resource.status).toBe("error");
    expect(f.value).toBe("error");
    expect(f.fault).toEqual({ code: 500, message: "No valid host was found." });
    expect(f.message).toBe("status became error: No valid host was found. (code 500)");
    expect(calls.n).toBe(2);
  });

  it("a fault text is redacted like any error message", async () => {
    const secret = "s3cr3t-token-value-123";
    registerSecret(secret);
    const err = await waitUntil(async () => ({ status: "FAILED", message: `token ${secret} refused` }), "status", "ok", { failOn: ["failed"] }).catch((e: unknown) => e);
    expect((err as Error).message).not.toContain(secret);
    unregisterSecret(secret);
  });

  it("waitForBuild rejects on ERROR by default (and failOn: [] restores pyrax's resolve)", async () => {
    const errored = sequence([{ status: "BUILD" }, { status: "ERROR", fault: { message: "boom" } }]);
    vi.useFakeTimers();
    const p = waitForBuild(errored.load).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(20_000);
    const err = await p;
    expect(err).toBeInstanceOf(ResourceFailed);
    expect((err as ResourceFailed).faultMessage).toBe("boom");
    vi.useRealTimers();
    await expect(waitForBuild(async () => ({ status: "ERROR" }), { failOn: [] })).resolves.toEqual({ status: "ERROR" });
  });
});

describe("bounds", () => {
  it("timeout gives up with WaitTimeout at the deadline, sleeping no longer than what is left", async () => {
    vi.useFakeTimers();
    const { load, calls } = sequence([{ status: "BUILD" }]);
    const p = waitUntil(load, "status", "ACTIVE", { interval: 4000, timeout: 10_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(8000);
    expect(calls.n).toBe(3);
    await vi.advanceTimersByTimeAsync(2000);
    const err = await p;
    expect(err).toBeInstanceOf(WaitTimeout);
    expect(calls.n).toBe(4);
    expect((err as WaitTimeout).message).toContain("after 10000 ms");
  });

  it("a bad timeout is a ValidationError", async () => {
    await expect(waitUntil(async () => ({ status: "BUILD" }), "status", "x", { timeout: -1 })).rejects.toMatchObject({ field: "timeout" });
  });

  it("abort during the sleep rejects at once with AbortError", async () => {
    vi.useFakeTimers();
    const ac = new AbortController();
    const { load, calls } = sequence([{ status: "BUILD" }]);
    const p = waitUntil(load, "status", "ACTIVE", { interval: 60_000, signal: ac.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    ac.abort();
    expect(await p).toBeInstanceOf(AbortError);
    expect(calls.n).toBe(1);
  });
});

describe("waitUntilGone", () => {
  function notFound(): NotFound {
    return new NotFound({ status: 404, message: "gone", method: "GET", url: "http://127.0.0.1/x" });
  }
  class NoSuchThing extends NotFound {
    static override readonly errorName = "NoSuchThing";
  }

  it("resolves when the loader answers NotFound (or a service's subclass of it)", async () => {
    let n = 0;
    const progress: unknown[] = [];
    await expect(
      waitUntilGone(async () => {
        if (++n < 3) return { status: "DELETING" };
        throw new NoSuchThing({ status: 404, message: "no", method: "GET", url: "http://127.0.0.1/x" });
      }, { interval: 1, onProgress: (p) => progress.push(p.value) }),
    ).resolves.toBeUndefined();
    expect(n).toBe(3);
    expect(progress).toEqual(["DELETING", "DELETING"]);
    await expect(waitUntilGone(async () => { throw notFound(); })).resolves.toBeUndefined();
  });

  it("other errors propagate; failOn rejects; attempts bound it", async () => {
    await expect(waitUntilGone(async () => { throw new Error("500"); })).rejects.toThrow("500");
    await expect(waitUntilGone(async () => ({ status: "error_deleting" }), { failOn: ["ERROR_DELETING"] })).rejects.toBeInstanceOf(ResourceFailed);
    const err = await waitUntilGone(async () => ({ status: "ACTIVE" }), { interval: 1, attempts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeout);
    expect((err as WaitTimeout<{ status: string }>).last).toEqual({ status: "ACTIVE" });
  });
});
