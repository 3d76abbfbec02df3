import { lazy } from "@rax/core";
import * as z from "zod/mini";

// dns.md "Async job protocol": 202 {status, verb, jobId, callbackUrl, requestUrl}; with
// showDetails=true also `request`, `response` (COMPLETED) or `error` (ERROR).
const wireFault = lazy(() => z.looseObject({
  message: z.optional(z.string()),
  code: z.optional(z.coerce.number()),
  details: z.optional(z.string()),
}));

export const wireJob = lazy(() => z.looseObject({
  jobId: z.string(),
  status: z.string(),
  verb: z.optional(z.string()),
  callbackUrl: z.optional(z.string()),
  requestUrl: z.optional(z.string()),
  request: z.optional(z.unknown()),
  response: z.optional(z.unknown()),
  error: z.optional(z.extend(wireFault(), { failedItems: z.optional(z.looseObject({ faults: z.optional(z.array(wireFault())) })) })),
}));
export type WireJob = z.output<ReturnType<typeof wireJob>>;

export const jobsBody = lazy(() => z.looseObject({ asyncResponses: z.optional(z.array(wireJob())), totalEntries: z.optional(z.number()) }));

/** One fault of a failed job. */
export interface JobFault {
  message?: string;
  code?: number;
  details?: string;
}

/** A job's `error`: the fault, and for bulk calls each failed item's. */
export interface JobError extends JobFault {
  failedItems?: JobFault[];
}

/** Job states: INITIALIZED (accepted), RUNNING, COMPLETED, ERROR. */
export type JobStatus = "INITIALIZED" | "RUNNING" | "COMPLETED" | "ERROR" | (string & {});

export interface JobData {
  id: string;
  status: JobStatus;
  verb?: string;
  requestUrl?: string;
  callbackUrl?: string;
  /** The finished call's result (COMPLETED jobs, with details). */
  response?: unknown;
  error?: JobError;
  /** Every field the server sent. */
  raw: Record<string, unknown>;
}

export function toJob(w: WireJob): JobData {
  const f = w.error;
  const error: JobError | undefined = f
    ? {
        ...(f.message !== undefined ? { message: f.message } : {}),
        ...(f.code !== undefined ? { code: f.code } : {}),
        ...(f.details !== undefined ? { details: f.details } : {}),
        ...(f.failedItems?.faults?.length ? { failedItems: f.failedItems.faults.map((x) => ({ ...x })) } : {}),
      }
    : undefined;
  return {
    id: w.jobId,
    status: w.status,
    ...(w.verb !== undefined ? { verb: w.verb } : {}),
    ...(w.requestUrl !== undefined ? { requestUrl: w.requestUrl } : {}),
    ...(w.callbackUrl !== undefined ? { callbackUrl: w.callbackUrl } : {}),
    ...(w.response !== undefined ? { response: w.response } : {}),
    ...(error ? { error } : {}),
    raw: w,
  };
}

/** pyrax polls only while RUNNING (an INITIALIZED job ends its loop: dns.md calls that a bug); rax polls until COMPLETED or ERROR. */
export const isFinished = (j: JobData): boolean => j.status === "COMPLETED" || j.status === "ERROR";

/** Per-call options of every call that starts a job: core's `CallOptions` (each request) plus the wait. */
export interface JobCallOptions {
  signal?: AbortSignal;
  /** Deadline in ms for each HTTP request (the start and every poll). */
  timeout?: number;
  headers?: Record<string, string | undefined>;
  /** ms to wait for the job (0 = forever); default the client's `jobTimeout`. */
  jobTimeout?: number;
  /** ms between polls; default the client's `jobDelay`. */
  jobDelay?: number;
}

export const jobCallOptions = lazy(() => z.optional(z.strictObject({
  signal: z.optional(z.custom<AbortSignal>((v) => v instanceof AbortSignal)),
  timeout: z.optional(z.number().check(z.positive())),
  headers: z.optional(z.record(z.string(), z.optional(z.string()))),
  jobTimeout: z.optional(z.number().check(z.gte(0, "must be ≥ 0 ms (0 = wait forever)"))),
  jobDelay: z.optional(z.number().check(z.gte(0, "must be ≥ 0 ms"))),
})));

export interface ListJobsInput {
  showErrors?: boolean;
  showRunning?: boolean;
  showCompleted?: boolean;
  /** Items per request, 1–100 (default 100). */
  pageSize?: number;
  /** Stop after this many jobs. */
  limit?: number;
}
export const listJobsInput = lazy(() => z.optional(z.strictObject({
  showErrors: z.optional(z.boolean()),
  showRunning: z.optional(z.boolean()),
  showCompleted: z.optional(z.boolean()),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(100))),
  limit: z.optional(z.int().check(z.gte(1))),
})));
