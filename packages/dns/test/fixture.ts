import { type Canned, cannedServer } from "@rax/test-support";
import { type CloudDNSOptions, PyraxCloudDNS } from "../src/index";

export { type Seen, TOKEN } from "@rax/test-support";
/** A canned answer; the status defaults to 200. */
export type Fixture = Omit<Canned, "status"> & { status?: number };
export const TENANT = "/v1.0/123456";

const dns = (endpointPath: string, backend: CloudDNSOptions["backend"]) =>
  cannedServer({ as: "dns", endpointPath, makeClient: (s) => new PyraxCloudDNS(s, { backend, jobDelay: 1, jobTimeout: 2000 }) });
const ok = (fixtures: Fixture[]): Canned[] => fixtures.map((f) => ({ status: 200, ...f }));
const rackspace = dns(TENANT, "rackspace");
/** Paths in fixtures and `seen` are below the tenant (`/domains/…`). */
export const serve = (...f: Fixture[]) => rackspace.serve(...ok(f));
export const serveWithRetries = (...f: Fixture[]) => rackspace.serveWithRetries(...ok(f));
/** `serve` for a Designate endpoint (`http://127.0.0.1:<port>`, paths under `/v2`). */
export const serveDesignate = (...f: Fixture[]) => dns("", "designate").serve(...ok(f));

/** A job as Cloud DNS's 202 / status answers show it (dns.md "Async job protocol"). */
export function job(status: string, extra: Record<string, unknown> = {}, id = "job-1"): Record<string, unknown> {
  return {
    status,
    verb: "POST",
    jobId: id,
    callbackUrl: `https://dns.api.rackspacecloud.com/v1.0/123456/status/${id}`,
    requestUrl: "https://dns.api.rackspacecloud.com/v1.0/123456/domains",
    ...extra,
  };
}

export const wireDomain = (over: Record<string, unknown> = {}) => ({
  name: "example.edu",
  id: 3534921,
  accountId: 123456,
  ttl: 3600,
  emailAddress: "sample@example.edu",
  nameservers: [{ name: "dns1.stabletransit.com" }, { name: "dns2.stabletransit.com" }],
  created: "2012-12-06T20:45:10.000+0000",
  updated: "2012-12-06T20:45:10.000+0000",
  ...over,
});
