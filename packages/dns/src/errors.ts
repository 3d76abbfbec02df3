import { type HttpError, type LookupMiss, namedError, type NotFound, notFoundError, RaxError, redact, ResourceFailed, ValidationError, WaitTimeout } from "@rax/core";
import type { Backend } from "./backend";
import type { JobData, JobFault } from "./jobs/models";

/**
 * One meaning for DNS's not-found errors on both backends: `status` and `code` are 404. That is Cloud
 * DNS's own fault (`{"code":404,…}`) and what `DNSJobFailed.code` holds for a job that failed on a
 * missing item; Designate names its fault instead (`zone_not_found`, `recordset_not_found`, and 400
 * `invalid_uuid` for an id that is no UUID, i.e. no such domain or record either), so a caller
 * branching on `code` saw a different value per backend. The server's own answer stays the `cause`
 * (its status and code there), and the message still names the request as it was answered.
 * A lookup that matched nothing (`find`) has no answer of its own and gets the same 404.
 */
function missingOnEitherBackend(e: NotFound): void {
  // Own data properties HttpError's constructor set: redefined in place, attributes kept.
  Object.defineProperties(e, { status: { value: 404 }, code: { value: 404 } });
}

/** The domain does not exist (404, or `find` matched nothing). `status` and `code` are 404 on both backends. */
export class NoSuchDomain extends /* @__PURE__ */ notFoundError("NoSuchDomain", "domain", "domain") {
  static override readonly errorName: string = "NoSuchDomain";
  constructor(domain: string, from: HttpError | LookupMiss) {
    super(domain, from);
    missingOnEitherBackend(this);
  }
}

/**
 * The record does not exist (404, or `find` matched nothing; pyrax's DomainRecordNotFound).
 * `status` and `code` are 404 on both backends.
 */
export class DomainRecordNotFound extends /* @__PURE__ */ notFoundError("DomainRecordNotFound", "record", "record") {
  static override readonly errorName: string = "DomainRecordNotFound";
  constructor(record: string, from: HttpError | LookupMiss) {
    super(record, from);
    missingOnEitherBackend(this);
  }
}

/** The async job does not exist (404 on `/status/{id}`; results are kept 24 h). `status` and `code` are 404. */
export class NoSuchJob extends /* @__PURE__ */ notFoundError("NoSuchJob", "DNS job", "jobId") {
  static override readonly errorName: string = "NoSuchJob";
  constructor(jobId: string, from: HttpError | LookupMiss) {
    super(jobId, from);
    missingOnEitherBackend(this);
  }
}

/** `records.find` matched more than one record (pyrax's DomainRecordNotUnique). */
export class DomainRecordNotUnique extends RaxError {
  static override readonly errorName: string = "DomainRecordNotUnique";
  /**
   * `ids`: one per matching record. On Designate the values of one recordset share its id, so
   * `values` (the data of each match, same order) tells them apart.
   */
  constructor(
    readonly ids: string[],
    readonly values?: string[],
  ) {
    const each = ids.map((id, i) => (values?.[i] === undefined ? id : `${id} ${values[i]}`));
    super(`${ids.length} records match; narrow the search (by data) or pass an id (${each.join(", ")})`);
  }
}

/** pyrax's `*_next_page()` / `*_previous_page()` with no such page. */
export class NoMoreResults extends /* @__PURE__ */ namedError(RaxError, "NoMoreResults") {}

/** The call exists on one backend only (PTR records are Rackspace's; Designate has no equivalent here). */
export class NotSupportedByBackend extends RaxError {
  static override readonly errorName: string = "NotSupportedByBackend";
  constructor(
    readonly call: string,
    readonly backend: Backend,
  ) {
    super(`${call} is not available on the ${backend === "designate" ? "OpenStack Designate" : "Rackspace Cloud DNS"} backend`);
  }
}

/** A PTR device that is neither a server nor a load balancer (pyrax's InvalidDeviceType). */
export class InvalidDeviceType extends /* @__PURE__ */ namedError(ValidationError, "InvalidDeviceType") {}

/**
 * The job did not finish within `jobTimeout` (pyrax's DNSCallTimedOut). The work goes on on the
 * server: `dns.jobs.resume(err.jobId)` picks the polling up again.
 */
export class DNSCallTimedOut<R = JobData | undefined> extends WaitTimeout<R> {
  static override readonly errorName: string = "DNSCallTimedOut";
  constructor(
    readonly jobId: string,
    last: R,
    attempts: number,
    timeoutMs: number,
  ) {
    super(last, attempts, `DNS job ${jobId} not finished after ${timeoutMs} ms; it goes on on the server (Cloud DNS: dns.jobs.resume("${jobId}"))`);
  }
}

/** "<details or message> (<code>)" per fault, as pyrax words a job's failure. */
function faultWords(f: JobFault): string {
  const text = f.details || f.message || "unknown error";
  return f.code === undefined ? text : `${text} (${f.code})`;
}

/**
 * A DNS job ended in ERROR. `code`, `details` and `faults` are the job's `error` (one entry per
 * failed item for bulk calls); `job` is the job as last polled. Each operation has its subclass.
 */
export class DNSJobFailed extends ResourceFailed<JobData> {
  static override readonly errorName: string = "DNSJobFailed";
  readonly jobId: string;
  /** The HTTP-like status the job's error carries (409 for "already exists", 400, 404…). */
  readonly code?: number;
  readonly details?: string;
  /** Every fault: the error itself, or each of `error.failedItems.faults`. */
  readonly faults: JobFault[];
  constructor(job: JobData) {
    const e = job.error ?? {};
    const faults = e.failedItems?.length ? e.failedItems : [e];
    const words = redact(faults.map(faultWords).join("; "));
    super({ resource: job, value: job.status, fault: e, attribute: "job" }, `DNS job ${job.id} failed: ${words}`);
    this.jobId = job.id;
    if (e.code !== undefined) this.code = e.code;
    if (e.details !== undefined) this.details = e.details;
    this.faults = faults;
  }
  get job(): JobData {
    return this.resource;
  }
}

export class DomainCreationFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainCreationFailed") {}
export class DomainUpdateFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainUpdateFailed") {}
export class DomainDeletionFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainDeletionFailed") {}
export class DomainExportFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainExportFailed") {}
export class DomainRecordAdditionFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainRecordAdditionFailed") {}
export class DomainRecordUpdateFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainRecordUpdateFailed") {}
export class DomainRecordDeletionFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "DomainRecordDeletionFailed") {}
export class PTRRecordCreationFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "PTRRecordCreationFailed") {}
export class PTRRecordUpdateFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "PTRRecordUpdateFailed") {}
export class PTRRecordDeletionFailed extends /* @__PURE__ */ namedError(DNSJobFailed, "PTRRecordDeletionFailed") {}

/** Which `DNSJobFailed` subclass an operation's ERROR job becomes. */
export type JobFailure = new (job: JobData) => DNSJobFailed;
