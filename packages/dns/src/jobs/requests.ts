import { type CallOptions, encodeSegment, InvalidResponse, type Job, type JobContext, jsonFor, type NotFound, notFoundAs, offsetPager, type Paginated, parseSchema, pollingJob, sendFor, type ServiceCall, startJob, validate, WaitTimeout } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";
import type { DnsApi } from "../backend";
import { DNSCallTimedOut, DNSJobFailed, type JobFailure, NoSuchJob, NotSupportedByBackend } from "../errors";
import { isFinished, type JobCallOptions, jobCallOptions, type JobData, jobsBody, type ListJobsInput, listJobsInput, toJob, wireJob } from "./models";

// The async job protocol, done once (dns.md "Async job protocol"): a call answers 202 with a job;
// GET /status/{jobId}?showDetails=true answers 202 while it runs and 200 once COMPLETED or ERROR.
// Polls are GETs, so core's transport retries a reset or a 5xx on them; the POST/PUT/DELETE that
// started the job is sent once and never again, whatever happens to the polls.

/** GET /status/{jobId}?showDetails=true → 200 (finished) or 202 (running). */
export async function getJob(client: DnsApi, jobId: string, o: CallOptions = {}): Promise<JobData> {
  const id = validate(idSegment(), jobId, "jobId");
  await cloudDnsOnly(client, "jobs.get", o.signal);
  const call: ServiceCall = { method: "GET", path: `status/${encodeSegment(id, { field: "jobId" })}`, query: { showDetails: true }, ...o };
  return toJob(await notFoundAs(jsonFor(client, call, [200, 202], wireJob()), (e: NotFound) => new NoSuchJob(id, e)));
}

/** Jobs are Cloud DNS's: Designate's zones and recordsets carry their own status. */
async function cloudDnsOnly(client: DnsApi, call: string, signal?: AbortSignal): Promise<void> {
  if ((await client.ready(signal)) !== "rackspace") throw new NotSupportedByBackend(call, client.backend);
}

/** GET /status: the account's jobs (docs; not in pyrax), `limit` + `offset` paging. */
export function listJobs(client: DnsApi, input?: ListJobsInput, o: CallOptions = {}): Paginated<JobData> {
  const i = validate(listJobsInput(), input, "filters") ?? {};
  const show = { showErrors: i.showErrors, showRunning: i.showRunning, showCompleted: i.showCompleted, showDetails: true };
  return offsetPager(
    async (offset, limit) => {
      await cloudDnsOnly(client, "jobs.list", o.signal);
      const body = await client.json({ method: "GET", path: "status", query: { ...show, limit, offset }, ...o }, jobsBody());
      return { items: (body.asyncResponses ?? []).map(toJob), ...(body.totalEntries !== undefined ? { total: body.totalEntries } : {}) };
    },
    { pageSize: i.pageSize ?? 100, ...(i.limit !== undefined ? { limit: i.limit } : {}) },
  );
}

/** What an operation makes of its finished job, and the error class its ERROR becomes. */
export interface JobPlan<T> {
  result: (job: JobData) => T;
  failure: JobFailure;
}

/** Per-call options split into those of each request and those of the wait. */
export interface WaitSettings {
  perRequest: CallOptions;
  signal?: AbortSignal | undefined;
  jobTimeout: number;
  jobDelay: number;
}

/** Splits per-call options into those of each request and those of the wait (ValidationError for bad ones). */
function split(o: JobCallOptions | undefined) {
  const v = validate(jobCallOptions(), o, "options") ?? {};
  const perRequest: CallOptions = { ...(v.timeout !== undefined ? { timeout: v.timeout } : {}), ...(v.headers ? { headers: v.headers as Record<string, string | undefined> } : {}) };
  return { perRequest, signal: v.signal, jobTimeout: v.jobTimeout, jobDelay: v.jobDelay };
}

/**
 * Every DNS call that changes something is a `Job`: awaitable, with the server's job id (Cloud
 * DNS) or zone / task id (Designate) as `id`, each polled state as progress, `abort()`. Bad
 * options and inputs reject the job before any request.
 */
export function dnsJob<T>(client: DnsApi, o: JobCallOptions | undefined, run: (w: WaitSettings, ctx: JobContext<JobData>) => Promise<T>, id?: string): Job<T, JobData> {
  let asked: ReturnType<typeof split>;
  try {
    asked = split(o);
  } catch (e) {
    return startJob<T, JobData>(() => Promise.reject(e));
  }
  return startJob<T, JobData>(
    async (ctx) => {
      // The client's defaults depend on the backend, known once the catalog is read.
      await client.ready(ctx.signal);
      const w: WaitSettings = { perRequest: asked.perRequest, signal: asked.signal, jobTimeout: asked.jobTimeout ?? client.jobTimeout, jobDelay: asked.jobDelay ?? client.jobDelay };
      return run(w, ctx);
    },
    { ...(asked.signal ? { signal: asked.signal } : {}), ...(id ? { id } : {}) },
  );
}

/** Polls job `id` until it finishes: COMPLETED → `plan.result`, ERROR → `plan.failure`, too long → `DNSCallTimedOut`. */
export async function follow<T>(client: DnsApi, id: string, plan: JobPlan<T>, w: WaitSettings, ctx: JobContext<JobData>): Promise<T> {
  const inner = pollingJob<JobData, JobData, JobData>({
    id,
    poll: (jobId, s) => getJob(client, jobId!, { ...w.perRequest, signal: s }),
    done: isFinished,
    failed: (j) => (j.status === "ERROR" ? new plan.failure(j) : undefined),
    interval: w.jobDelay,
    ...(w.jobTimeout > 0 ? { timeout: w.jobTimeout } : {}),
    signal: ctx.signal,
  });
  inner.on("progress", (j) => ctx.progress(j));
  try {
    return plan.result(await inner);
  } catch (e) {
    if (e instanceof WaitTimeout && !(e instanceof DNSCallTimedOut)) throw new DNSCallTimedOut(id, e.last as JobData | undefined, e.attempts, w.jobTimeout);
    throw e;
  }
}

/**
 * Sends `call`, which must answer 202 with a job (`syncOk` lists statuses that carry the result
 * itself, as the docs show for POST /rdns), then follows the job to its end.
 */
export async function startAndFollow<T>(client: DnsApi, call: ServiceCall, plan: JobPlan<T>, w: WaitSettings, ctx: JobContext<JobData>, syncOk: readonly number[] = []): Promise<T> {
  const res = await sendFor(client, { ...call, ...w.perRequest, signal: ctx.signal } as ServiceCall, [202, ...syncOk]);
  const body = await res.json<unknown>();
  if (res.status !== 202) return plan.result({ id: "", status: "COMPLETED", response: body, raw: {} });
  const parsed = parseSchema(wireJob(), body);
  if (!parsed.success) throw new InvalidResponse({ status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId }, "Cloud DNS answered 202 without a job (jobId, status)");
  const first = toJob(parsed.data);
  ctx.setId(first.id);
  ctx.progress(first);
  return follow(client, first.id, plan, w, ctx);
}

/** `dnsJob` + `startAndFollow`: one Cloud DNS call and its job. */
export function runJob<T>(client: DnsApi, call: ServiceCall, plan: JobPlan<T>, o?: JobCallOptions, syncOk: readonly number[] = []): Job<T, JobData> {
  return dnsJob(client, o, (w, ctx) => startAndFollow(client, call, plan, w, ctx, syncOk));
}

/** Picks up a Cloud DNS job by id (after `DNSCallTimedOut`, or from another process): resolves with the finished job. */
export function resumeJob(client: DnsApi, jobId: string, o?: JobCallOptions): Job<JobData, JobData> {
  return dnsJob(
    client,
    o,
    (w, ctx) => {
      const id = validate(idSegment(), jobId, "jobId");
      return follow(client, id, { result: (j) => j, failure: DNSJobFailed }, w, ctx);
    },
    typeof jobId === "string" && jobId ? jobId : undefined,
  );
}

/** A finished job's `response`, checked against what the operation returns (`InvalidResponse` if it does not fit). */
export function responseOf<S extends z.ZodMiniType>(schema: S, job: JobData): z.output<S> {
  const r = parseSchema(schema, job.response);
  if (r.success) return r.data;
  const path = r.error.issues[0]?.path.join(".") ?? "";
  throw new InvalidResponse({ status: 200, method: "GET", url: job.callbackUrl ?? `status/${job.id}`, snippet: "", path }, `DNS job ${job.id} finished without the expected response${path ? ` (at response.${path})` : ""}`);
}
