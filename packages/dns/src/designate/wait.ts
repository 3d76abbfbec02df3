import { HttpError, ResourceFailed, waitUntil, waitUntilGone, WaitTimeout } from "@rax/core";
import { DNSCallTimedOut, type JobFailure } from "../errors";
import type { JobData } from "../jobs/models";
import type { WaitSettings } from "../jobs/requests";

// Designate has no job resource: a zone or recordset itself goes PENDING → ACTIVE (or ERROR), and
// a deleted one PENDING → gone. These waits give the same outcomes as Cloud DNS jobs: the call's
// `DNSJobFailed` subclass on ERROR, `DNSCallTimedOut` (with the zone or recordset id) when too slow.

/** A resource in ERROR, worded as a failed job so both backends raise the same classes. */
export function failedJob(id: string, what: string, status: string, raw: Record<string, unknown>): JobData {
  const why = typeof raw.message === "string" && raw.message ? `: ${raw.message}` : "";
  return { id, status: "ERROR", error: { message: `Designate ${what} ${id} went to ${status}${why}` }, raw };
}

/**
 * A write Designate refuses at once with one of `statuses` (409 "Duplicate Zone") where Cloud DNS
 * accepts the call and fails its job: the same `DNSJobFailed` subclass, with the status as `code`,
 * Designate's message as `details`, and the HTTP error as `cause`, so one `catch` serves both.
 */
export async function refusedAs<T>(p: Promise<T>, failure: JobFailure, id: string, statuses: readonly number[]): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (!(e instanceof HttpError) || !statuses.includes(e.status)) throw e;
    const job: JobData = { id, status: "ERROR", error: { message: e.serverMessage, code: e.status, details: e.serverMessage }, raw: {} };
    const err = new failure(job);
    Object.defineProperty(err, "cause", { value: e, enumerable: false, configurable: true, writable: true });
    throw err;
  }
}

function limits(w: WaitSettings, signal: AbortSignal) {
  return { interval: w.jobDelay, ...(w.jobTimeout > 0 ? { timeout: w.jobTimeout } : {}), signal };
}

/** Polls `load` until its status is ACTIVE (or `done` says so); ERROR → `failure`. */
export async function untilActive<R extends { id: string; status?: string; raw: Record<string, unknown> }>(
  w: WaitSettings,
  signal: AbortSignal,
  what: string,
  load: () => Promise<R>,
  failure: JobFailure,
  done: readonly string[] = ["ACTIVE"],
): Promise<R> {
  try {
    return await waitUntil(load, (r) => r.status, done, { ...limits(w, signal), failOn: ["ERROR"] });
  } catch (e) {
    if (e instanceof ResourceFailed && !(e instanceof failure)) {
      const r = e.resource as R;
      throw new failure(failedJob(r.id, what, String(e.value), r.raw));
    }
    if (e instanceof WaitTimeout && !(e instanceof DNSCallTimedOut)) {
      const last = e.last as R | undefined;
      throw new DNSCallTimedOut(last?.id ?? what, undefined, e.attempts, w.jobTimeout);
    }
    throw e;
  }
}

/** Polls `load` until it 404s (`NotFound`): a deleted zone or recordset. */
export async function untilGone<R extends { id: string; status?: string; raw: Record<string, unknown> }>(
  w: WaitSettings,
  signal: AbortSignal,
  id: string,
  what: string,
  load: () => Promise<R>,
  failure: JobFailure,
): Promise<void> {
  try {
    await waitUntilGone(load, { ...limits(w, signal), attr: (r) => r.status, failOn: ["ERROR"] });
  } catch (e) {
    if (e instanceof ResourceFailed && !(e instanceof failure)) {
      const r = e.resource as R;
      throw new failure(failedJob(id, what, String(e.value), r.raw));
    }
    if (e instanceof WaitTimeout && !(e instanceof DNSCallTimedOut)) throw new DNSCallTimedOut(id, undefined, e.attempts, w.jobTimeout);
    throw e;
  }
}
