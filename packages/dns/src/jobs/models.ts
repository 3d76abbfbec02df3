import { lazy } from "@rax/core";
import * as z from "zod";

// dns.md "Async job protocol": 202 {status, verb, jobId, callbackUrl, requestUrl}; with
// showDetails=true also `request`, `response` (COMPLETED) or `error` (ERROR).
const wireFault = lazy(() => z.looseObject({
  message: z.string().optional(),
  code: z.coerce.number().optional(),
  details: z.string().optional(),
}));

export const wireJob = lazy(() => z.looseObject({
  jobId: z.string(),
  status: z.string(),
  verb: z.string().optional(),
  callbackUrl: z.string().optional(),
  requestUrl: z.string().optional(),
  request: z.unknown().optional(),
  response: z.unknown().optional(),
  error: wireFault().extend({ failedItems: z.looseObject({ faults: z.array(wireFault()).optional() }).optional() }).optional(),
}));
export type WireJob = z.output<ReturnType<typeof wireJob>>;

export const jobsBody = lazy(() => z.looseObject({ asyncResponses: z.array(wireJob()).optional(), totalEntries: z.number().optional() }));

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

export const jobCallOptions = lazy(() => z
  .strictObject({
    signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal).optional(),
    timeout: z.number().positive().optional(),
    headers: z.record(z.string(), z.string().optional()).optional(),
    jobTimeout: z.number().min(0, "must be ≥ 0 ms (0 = wait forever)").optional(),
    jobDelay: z.number().min(0, "must be ≥ 0 ms").optional(),
  })
  .optional());

export interface ListJobsInput {
  showErrors?: boolean;
  showRunning?: boolean;
  showCompleted?: boolean;
  /** Items per request, 1–100 (default 100). */
  pageSize?: number;
  /** Stop after this many jobs. */
  limit?: number;
}
export const listJobsInput = lazy(() => z
  .strictObject({
    showErrors: z.boolean().optional(),
    showRunning: z.boolean().optional(),
    showCompleted: z.boolean().optional(),
    pageSize: z.number().int().min(1).max(100).optional(),
    limit: z.number().int().min(1).optional(),
  })
  .optional());
