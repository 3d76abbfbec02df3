import { randomUUID } from "node:crypto";
import { jsonResponse } from "../respond";
import { DnsFault } from "./dns-errors";
import { type DnsRequest, page } from "./dns-request";
import type { JobOutcome, JobRec } from "./model";

// dns.md "Async job protocol": POST/PUT/DELETE (and GET /export) answer 202 with
// {status, verb, jobId, callbackUrl, requestUrl}; GET /status/{id} answers 202 while the job runs and
// 200 once it is COMPLETED or ERROR; `showDetails=true` adds `request` and `response` / `error`.

function statusOf(r: DnsRequest, j: JobRec): string {
  if (j.outcome) return "error" in j.outcome ? "ERROR" : "COMPLETED";
  // The first third of a job reads INITIALIZED ("first, = accepted"), then RUNNING.
  return r.account.now < j.created + (j.doneAt - j.created) / 3 ? "INITIALIZED" : "RUNNING";
}

function jobView(r: DnsRequest, j: JobRec, details: boolean): Record<string, unknown> {
  const status = statusOf(r, j);
  const callbackUrl = `${r.base}/status/${j.id}`;
  // dns.md: without showDetails=true only jobId, callbackUrl and status.
  if (!details) return { jobId: j.id, callbackUrl, status };
  const o = j.outcome;
  return {
    status,
    verb: j.verb,
    jobId: j.id,
    callbackUrl,
    requestUrl: j.requestUrl,
    ...(j.request ? { request: j.request } : {}),
    ...(o && "error" in o ? { error: o.error } : {}),
    ...(o && !("error" in o) && o.response !== undefined ? { response: o.response } : {}),
  };
}

/** Accepts the call as a job that finishes after the emulator's job time; `work` runs then. */
export function startJob(r: DnsRequest, request: string, work: () => JobOutcome): Response {
  const now = r.account.now;
  const j: JobRec = {
    id: randomUUID(),
    verb: r.request.method,
    requestUrl: `${r.base}${r.url.pathname.replace(/^\/v1\.0\/[^/]+/, "")}${r.url.search}`,
    request,
    created: now,
    doneAt: now + r.account.dns.timings.job,
    work,
  };
  r.account.jobs.set(j.id, j);
  if (r.account.dns.timings.job <= 0) r.account.settle();
  return jsonResponse(202, jobView(r, j, true));
}

/** GET /status/{jobId}: 202 while running, 200 when done. Unknown → 404. */
export function showJob(r: DnsRequest, id: string): Response {
  const j = r.account.jobs.get(id);
  if (!j) throw new DnsFault(404, "Not Found", `Job ${id} not found`);
  const details = r.url.searchParams.get("showDetails") === "true";
  return jsonResponse(j.outcome ? 200 : 202, jobView(r, j, details));
}

/** GET /status?showErrors&showRunning&showCompleted&showDetails&limit&offset (dns.md, docs only). */
export function listJobs(r: DnsRequest): Response {
  const q = r.url.searchParams;
  const want = (name: string) => q.get(name) !== "false";
  const rows = [...r.account.jobs.values()]
    .sort((a, b) => a.created - b.created)
    .filter((j) => {
      const s = statusOf(r, j);
      if (s === "ERROR") return want("showErrors");
      if (s === "COMPLETED") return want("showCompleted");
      return want("showRunning");
    });
  const p = page(r, rows, "status");
  const details = q.get("showDetails") === "true";
  return jsonResponse(200, { asyncResponses: p.rows.map((j) => jobView(r, j, details)), totalEntries: p.totalEntries, ...(p.links ? { links: p.links } : {}) });
}

/** A job's failure: the `error` of a finished job. */
export function failure(code: number, message: string, details?: string): JobOutcome {
  return { error: { message, code, ...(details !== undefined ? { details } : {}) } };
}
