import type { ServiceClient } from "@rax/core";

/**
 * Which API a `CloudDNS` client speaks: Rackspace Cloud DNS v1.0 (catalog type `rax:dns`, what
 * pyrax uses) or OpenStack Designate v2 (catalog type `dns`, any OpenStack cloud).
 */
export type Backend = "rackspace" | "designate";

/** How the async job protocol waits (pyrax `set_timeout` / `set_delay`, here in ms). */
export interface JobSettings {
  /** ms to wait for a job before `DNSCallTimedOut`; 0 = wait forever. pyrax's default: 5 s. */
  jobTimeout: number;
  /** ms between status polls. pyrax's default: 0.5 s. */
  jobDelay: number;
}

/** What the request functions need from the client: transport calls, the backend it picked, job settings. */
export interface DnsApi extends ServiceClient, JobSettings {
  /** Valid only after `ready()`: the catalog is read after authentication. */
  readonly backend: Backend;
  /** Authenticates if needed and resolves the backend from the catalog. */
  ready(signal?: AbortSignal): Promise<Backend>;
  /** A Designate path (`zones`, `zones/{id}/recordsets`) relative to the endpoint, with `v2/` when the catalog URL lacks it. */
  designatePath(rest: string): string;
  /** Another service's endpoint from the same catalog (PTR device URLs: compute, load balancers). */
  deviceEndpoint(type: string, name: string, region?: string): string;
}
