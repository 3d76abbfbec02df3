import type { CallOptions, Job, Paginated } from "@rax/core";
import type { DnsApi } from "../backend";
import type { JobCallOptions, JobData, ListJobsInput } from "./models";
import * as api from "./requests";

/**
 * `dns.jobs`: Cloud DNS's async jobs. Every call that changes something already waits for its
 * job; these are for a job left running (`DNSCallTimedOut.jobId`) or started elsewhere.
 */
export class Jobs {
  constructor(readonly client: DnsApi) {}

  /** The job's state now (GET /status/{id}?showDetails=true). `NoSuchJob` if unknown (kept 24 h). */
  get(jobId: string, o?: CallOptions): Promise<JobData> {
    return api.getJob(this.client, jobId, o);
  }

  /** Polls the job until it finishes (the client's `jobTimeout` / `jobDelay`, or per call); resolves with the finished job. */
  resume(jobId: string, o?: JobCallOptions): Job<JobData, JobData> {
    return api.resumeJob(this.client, jobId, o);
  }

  /** The account's jobs (GET /status; in the API docs, not in pyrax). */
  list(filters?: ListJobsInput, o?: CallOptions): Paginated<JobData> {
    return api.listJobs(this.client, filters, o);
  }
}
