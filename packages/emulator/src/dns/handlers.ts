import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { DnsFault, dnsError, DnsValidation, validationError } from "./dns-errors";
import type { DnsRequest } from "./dns-request";
import { createDomains, deleteDomain, exportDomain, importDomain, listDomains, listSubdomains, searchDomains, showDomain, updateDomain } from "./domain-routes";
import { listJobs, showJob } from "./jobs";
import { dnsState } from "./model";
import { addPtr, deletePtr, listPtr, updatePtr } from "./rdns-routes";
import { addRecords, deleteRecord, deleteRecords, listRecords, showRecord, updateRecord, updateRecords } from "./record-routes";

/**
 * Rackspace Cloud DNS v1.0 at `/v1.0/<tenant>/…` of its one, global endpoint (dns.md "Endpoint":
 * no region): domains, subdomains, records, BIND import/export, reverse DNS, and the async job
 * protocol — every change answers 202 with a job that goes INITIALIZED → RUNNING → COMPLETED or
 * ERROR on the emulator's clock (`dnsState(emu.state).timings.job`). Flat error bodies. Rate
 * limits (413 + `Reply-After`) come from the emulator's faults, on demand.
 */
export function cloudDnsHandlers(ctx: EmulatorContext) {
  return [http.all("/v1.0/:tenantId/*", handled(ctx, (request) => route(ctx, request))), http.all("/v1.0/:tenantId", handled(ctx, (request) => route(ctx, request)))];
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, , tenantId = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  const check = presentedToken(ctx, request);
  // errors-and-conventions.md §4: Cloud DNS's 401 is flat too.
  if (!check.ok) return dnsError(401, "Unauthorized", "Authentication required");
  if (tenantId !== check.token.tenantId) return dnsError(401, "Unauthorized", `The token is not valid for account ${tenantId}`);
  // The service root as the client reached it, plus the account path: links and callback URLs start here.
  const base = `${endpointOf(request).base.replace(/\/+$/, "")}/v1.0/${encodeURIComponent(tenantId)}`;
  const r: DnsRequest = { ctx, request, url, account: dnsState(ctx.state).account(tenantId), base };
  try {
    // A trailing slash addresses the same resource.
    if (parts.at(-1) === "") parts.pop();
    return await dispatch(r, parts);
  } catch (e) {
    if (e instanceof DnsValidation) return validationError(e.messages);
    if (e instanceof DnsFault) return dnsError(e.status, e.message, e.details);
    throw e;
  }
}

const notAllowed = () => new DnsFault(405, "Method Not Allowed", "The method is not allowed for this resource.");

async function dispatch(r: DnsRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [top, id, sub, rid, ...extra] = parts;
  if (extra.length) throw new DnsFault(404, "Not Found", "The resource could not be found.");
  if (top === "domains") {
    if (id === undefined) {
      if (m === "GET") return listDomains(r);
      if (m === "POST") return createDomains(r);
      throw notAllowed();
    }
    if (id === "search" && sub === undefined) return m === "GET" ? searchDomains(r) : Promise.reject(notAllowed());
    if (id === "import" && sub === undefined) return m === "POST" ? importDomain(r) : Promise.reject(notAllowed());
    if (sub === undefined) {
      if (m === "GET") return showDomain(r, id);
      if (m === "PUT") return updateDomain(r, id);
      if (m === "DELETE") return deleteDomain(r, id);
      throw notAllowed();
    }
    if (sub === "export" && rid === undefined) return m === "GET" ? exportDomain(r, id) : Promise.reject(notAllowed());
    if (sub === "subdomains" && rid === undefined) return m === "GET" ? listSubdomains(r, id) : Promise.reject(notAllowed());
    if (sub === "records") {
      if (rid === undefined) {
        if (m === "GET") return listRecords(r, id);
        if (m === "POST") return addRecords(r, id);
        if (m === "PUT") return updateRecords(r, id);
        if (m === "DELETE") return deleteRecords(r, id);
        throw notAllowed();
      }
      if (m === "GET") return showRecord(r, id, rid);
      if (m === "PUT") return updateRecord(r, id, rid);
      if (m === "DELETE") return deleteRecord(r, id, rid);
      throw notAllowed();
    }
  }
  if (top === "status") {
    if (m !== "GET") throw notAllowed();
    if (id === undefined) return listJobs(r);
    if (sub === undefined) return showJob(r, id);
  }
  if (top === "rdns") {
    if (id === undefined) {
      if (m === "POST") return addPtr(r);
      if (m === "PUT") return updatePtr(r);
      throw notAllowed();
    }
    if (sub === undefined && m === "DELETE") return deletePtr(r, id);
    if (m === "GET" && rid === undefined) return listPtr(r, id, sub);
    throw notAllowed();
  }
  if (top === "limits" && id === undefined && m === "GET") return limits();
  throw new DnsFault(404, "Not Found", "The resource could not be found.");
}

/** GET /limits as the docs show it (dns.md: `{"rates": {"rate": […]}, "absolute": {"limit": […]}}`; pyrax reads a `limits` wrapper, sources disagree). */
function limits(): Response {
  const rate = (uri: string, regex: string, limit: Array<[string, number, string]>) => ({ uri, regex, limit: limit.map(([verb, value, unit]) => ({ verb, value, unit })) });
  return jsonResponse(200, {
    rates: {
      rate: [
        rate("*/status/*", ".*/v\\d+\\.\\d+/(\\d+/status).*", [["GET", 5, "SECOND"]]),
        rate("*/domains*", ".*/v\\d+\\.\\d+/(\\d+/domains).*", [
          ["GET", 100, "MINUTE"],
          ["POST", 25, "MINUTE"],
          ["PUT", 50, "MINUTE"],
          ["DELETE", 50, "MINUTE"],
        ]),
      ],
    },
    absolute: { limit: [{ name: "domains", value: 500 }, { name: "records per domain", value: 500 }] },
  });
}
