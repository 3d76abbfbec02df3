import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, NotFound, ResourceFailed, ValidationError, WaitTimeout, pollingJob, startJob, type Job } from "../src/index";

afterEach(() => {
  vi.useRealTimers();
});

describe("startJob", () => {
  it("is awaitable, reports progress to listeners and settles with a status event", async () => {
    const job = startJob<string, number>(async (ctx) => {
      ctx.setId("job-1");
      for (let i = 1; i <= 3; i++) ctx.progress(i);
      return "done";
    });
    const seen: number[] = [];
    const statuses: string[] = [];
    const off = job.on("progress", (p) => seen.push(p));
    job.on("status", (s) => statuses.push(s));
    expect(job.status).toBe("running");
    expect(await job).toBe("done");
    expect(job.status).toBe("succeeded");
    expect(job.result).toBe("done");
    expect(job.id).toBe("job-1");
    expect(job.progress).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(statuses).toEqual(["succeeded"]);
    off();
  });

  it("off() and the returned unsubscribe stop a listener", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = startJob<void, number>(async (ctx) => {
      ctx.progress(1);
      await gate;
      ctx.progress(2);
    });
    const a: number[] = [];
    const b: number[] = [];
    const la = (p: number) => a.push(p);
    job.on("progress", la);
    const offB = job.on("progress", (p) => b.push(p));
    await new Promise((r) => setTimeout(r, 0));
    job.off("progress", la);
    offB();
    release();
    await job;
    expect(a).toEqual([1]);
    expect(b).toEqual([1]);
  });

  it("a failing job rejects, keeps its error and reads failed; not awaiting it does not crash", async () => {
    const boom = new Error("boom");
    const job = startJob(async () => {
      throw boom;
    });
    await expect(job).rejects.toBe(boom);
    expect(job.status).toBe("failed");
    expect(job.error).toBe(boom);
    const unwatched = startJob(async () => {
      throw new Error("nobody awaits");
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(unwatched.status).toBe("failed");
  });

  it("abort() aborts the work's signal; the job rejects with AbortError and reads aborted", async () => {
    let workSignal: AbortSignal | undefined;
    const job: Job<number> = startJob(
      (ctx) =>
        new Promise<number>((_resolve, reject) => {
          workSignal = ctx.signal;
          ctx.signal.addEventListener("abort", () => reject(new Error("socket closed")));
        }),
    );
    await new Promise((r) => setTimeout(r, 0));
    job.abort("user");
    const err = await job.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toEqual(new Error("socket closed"));
    expect(workSignal?.aborted).toBe(true);
    expect(job.status).toBe("aborted");
  });

  it("a work that returns a partial result after abort resolves with it, status aborted", async () => {
    const job = startJob<number>(
      (ctx) => new Promise((resolve) => ctx.signal.addEventListener("abort", () => resolve(7))),
    );
    await new Promise((r) => setTimeout(r, 0));
    job.abort();
    expect(await job).toBe(7);
    expect(job.status).toBe("aborted");
  });

  it("an already aborted signal never starts the work", async () => {
    const ac = new AbortController();
    ac.abort();
    let ran = false;
    const job = startJob(async () => {
      ran = true;
    }, { signal: ac.signal });
    await expect(job).rejects.toBeInstanceOf(AbortError);
    expect(ran).toBe(false);
  });

  it("prints only its id and status", () => {
    const job = startJob(async () => 1, { id: "abc" });
    expect(JSON.parse(JSON.stringify(job))).toEqual({ id: "abc", status: "running" });
  });
});

describe("pollingJob", () => {
  it("starts, polls every interval until done, emits each state and resolves with result()", async () => {
    vi.useFakeTimers();
    const states = [{ status: "RUNNING", pct: 10 }, { status: "RUNNING", pct: 60 }, { status: "COMPLETED", pct: 100, response: { id: "dom-1" } }];
    const polled: (string | undefined)[] = [];
    const job = pollingJob({
      start: async () => "job-42",
      poll: async (id) => {
        polled.push(id);
        return states[polled.length - 1]!;
      },
      done: (s) => s.status === "COMPLETED",
      failed: (s) => s.status === "ERROR",
      result: (s) => s.response,
      progressOf: (s) => s.pct,
      interval: 1000,
    });
    const pcts: number[] = [];
    job.on("progress", (p) => pcts.push(p));
    await vi.advanceTimersByTimeAsync(2000);
    await expect(job).resolves.toEqual({ id: "dom-1" });
    expect(job.id).toBe("job-42");
    expect(polled).toEqual(["job-42", "job-42", "job-42"]);
    expect(pcts).toEqual([10, 60, 100]);
  });

  it("failed() returning a fault rejects with ResourceFailed; returning an Error rejects with it", async () => {
    const fault = { message: "Domain already exists", code: 409 };
    const job = pollingJob({ id: "j", poll: async () => ({ status: "ERROR", error: fault }), done: () => false, failed: (s) => s.status === "ERROR" && s.error });
    const err = await job.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailed);
    expect((err as ResourceFailed).fault).toEqual(fault);
    expect((err as Error).message).toContain("Domain already exists");
    expect(job.status).toBe("failed");
    const own = new NotFound({ status: 404, message: "task gone", method: "GET", url: "http://127.0.0.1/t" });
    await expect(pollingJob({ poll: async () => 1, done: () => false, failed: () => own })).rejects.toBe(own);
  });

  it("a job resumed from its id polls that id; timeout gives WaitTimeout with the last state", async () => {
    vi.useFakeTimers();
    const job = pollingJob({ id: "resume-me", poll: async (id) => ({ id, status: "RUNNING" }), done: () => false, interval: 1000, timeout: 3000 });
    const settled = job.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3000);
    const err = await settled;
    expect(err).toBeInstanceOf(WaitTimeout);
    expect((err as WaitTimeout).last).toEqual({ id: "resume-me", status: "RUNNING" });
    expect((err as Error).message).toContain("resume-me");
  });

  it("abort() stops polling at once, even mid-sleep", async () => {
    vi.useFakeTimers();
    let polls = 0;
    const job = pollingJob({ poll: async () => ++polls, done: () => false, interval: 60_000 });
    const settled = job.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1);
    job.abort();
    expect(await settled).toBeInstanceOf(AbortError);
    expect(polls).toBe(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(polls).toBe(1);
  });

  it("bad options are a ValidationError before anything runs", () => {
    let polled = false;
    expect(() => pollingJob({ poll: async () => (polled = true), done: () => true, interval: -1 })).toThrow(ValidationError);
    expect(polled).toBe(false);
  });
});
