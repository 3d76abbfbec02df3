import { AbortError, ServerError, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { DNSCallTimedOut, DomainCreationFailed, DomainRecordDeletionFailed, NoSuchJob } from "../src/index";
import { job, serve, serveWithRetries, wireDomain } from "./fixture";

const created = { domains: [wireDomain()] };

describe("the async job protocol", () => {
  it("202 + job → polls /status/{id}?showDetails=true while RUNNING (and INITIALIZED) → the COMPLETED response", async () => {
    const { dns, seen, left } = await serve(
      { method: "POST", path: "/domains", status: 202, body: job("INITIALIZED") },
      { method: "GET", path: "/status/job-1", status: 202, body: job("INITIALIZED") },
      { method: "GET", path: "/status/job-1", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", status: 200, body: job("COMPLETED", { response: created }) },
    );
    const j = dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" });
    const states: string[] = [];
    j.on("progress", (p) => states.push(p.status));
    const dom = await j;
    expect(dom).toMatchObject({ id: "3534921", name: "example.edu", ttl: 3600, nameservers: ["dns1.stabletransit.com", "dns2.stabletransit.com"] });
    expect(j.id).toBe("job-1");
    expect(j.status).toBe("succeeded");
    expect(states).toEqual(["INITIALIZED", "INITIALIZED", "RUNNING", "COMPLETED"]);
    expect(seen.filter((s) => s.path.startsWith("/status")).every((s) => s.query.get("showDetails") === "true")).toBe(true);
    expect(seen[0]!.body).toEqual({ domains: [{ name: "example.edu", emailAddress: "sample@example.edu", ttl: 3600 }] });
    expect(left()).toBe(0);
  });

  it("an ERROR job rejects with the operation's class, carrying the job's code and details", async () => {
    const { dns } = await serve(
      { method: "POST", path: "/domains", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", status: 200, body: job("ERROR", { error: { message: "The object already exists.", code: 409, details: "Domain already exists" } }) },
    );
    const err = await dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainCreationFailed);
    expect(err).toMatchObject({ jobId: "job-1", code: 409, details: "Domain already exists" });
    expect((err as Error).message).toContain("Domain already exists (409)");
  });

  it("a bulk delete's failedItems become one fault each", async () => {
    const error = { failedItems: { faults: [{ message: "x", code: 404, details: "Record A-1 not found" }, { code: 400, details: "Cannot delete the last NS record" }] }, code: 500, message: "One or more items could not be deleted." };
    const { dns } = await serve(
      { method: "DELETE", path: "/domains/5/records", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", status: 200, body: job("ERROR", { error }) },
    );
    const err = await dns.records.delete(5, ["A-1", "NS-2"]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainRecordDeletionFailed);
    expect((err as DomainRecordDeletionFailed).faults).toHaveLength(2);
    expect((err as Error).message).toContain("Record A-1 not found (404); Cannot delete the last NS record (400)");
  });

  it("too slow → DNSCallTimedOut with the job id, and the call was sent once", async () => {
    const running = { method: "GET", path: "/status/job-7", status: 202, body: job("RUNNING", {}, "job-7") };
    const { dns, seen } = await serve(
      { method: "POST", path: "/domains/5/records", status: 202, body: job("RUNNING", {}, "job-7") },
      ...Array.from({ length: 400 }, () => running),
    );
    const err = await dns.records.add(5, { type: "A", name: "www.example.edu", data: "192.0.2.1" }, { jobTimeout: 30, jobDelay: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DNSCallTimedOut);
    expect((err as DNSCallTimedOut).jobId).toBe("job-7");
    expect(seen.filter((s) => s.method === "POST")).toHaveLength(1);
  });

  it("jobs.resume(id) polls an existing job to its end", async () => {
    const { dns, seen } = await serve(
      { method: "GET", path: "/status/job-9", status: 202, body: job("RUNNING", {}, "job-9") },
      { method: "GET", path: "/status/job-9", status: 200, body: job("COMPLETED", { response: { records: [] } }, "job-9") },
    );
    const j = dns.jobs.resume("job-9");
    expect(j.id).toBe("job-9");
    expect(await j).toMatchObject({ id: "job-9", status: "COMPLETED", response: { records: [] } });
    expect(seen.every((s) => s.method === "GET")).toBe(true);
    await expect(dns.jobs.resume("")).rejects.toBeInstanceOf(ValidationError);
  });

  it("an unknown job id → NoSuchJob", async () => {
    const { dns } = await serve({ method: "GET", path: "/status/nope", status: 404, body: { message: "Not found", code: 404 } });
    await expect(dns.jobs.get("nope")).rejects.toBeInstanceOf(NoSuchJob);
  });

  it("a reset and a 503 on status polls are retried; the POST is sent once", async () => {
    const { dns, seen } = await serveWithRetries(
      { method: "POST", path: "/domains", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", reset: true },
      { method: "GET", path: "/status/job-1", status: 503, body: { message: "Service Unavailable", code: 503 } },
      { method: "GET", path: "/status/job-1", status: 200, body: job("COMPLETED", { response: created }) },
    );
    expect((await dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" })).name).toBe("example.edu");
    expect(seen.map((s) => s.method)).toEqual(["POST", "GET", "GET", "GET"]);
  });

  it("a 503 on the POST itself is not re-sent (the server may have acted)", async () => {
    const { dns, seen } = await serveWithRetries({ method: "POST", path: "/domains", status: 503, body: { message: "Service Unavailable", code: 503 } });
    await expect(dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" })).rejects.toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(1);
  });

  it("jobTimeout 0 waits as long as it takes; abort() stops polling with AbortError", async () => {
    const running = { method: "GET", path: "/status/job-1", status: 202, body: job("RUNNING") };
    const { dns } = await serve({ method: "POST", path: "/domains", status: 202, body: job("RUNNING") }, ...Array.from({ length: 400 }, () => running));
    const j = dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" }, { jobTimeout: 0, jobDelay: 5 });
    await new Promise((r) => setTimeout(r, 60));
    expect(j.status).toBe("running");
    j.abort();
    await expect(j).rejects.toBeInstanceOf(AbortError);
    expect(j.status).toBe("aborted");
  });

  it("bad job options fail before any request", async () => {
    const { dns, seen } = await serve();
    await expect(dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" }, { jobTimeout: -1 })).rejects.toMatchObject({ field: "options.jobTimeout" });
    expect(() => (dns.jobTimeout = -5)).toThrow(ValidationError);
    dns.setTimeout(0);
    expect(dns.jobTimeout).toBe(0);
    dns.setDelay(2.2);
    expect(dns.jobDelay).toBe(2200);
    expect(seen).toHaveLength(0);
  });

  it("a 202 without a job is an InvalidResponse, not a crash", async () => {
    const { dns } = await serve({ method: "POST", path: "/domains", status: 202, body: { hello: 1 } });
    await expect(dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" })).rejects.toMatchObject({ name: "InvalidResponse" });
  });
});

describe("what a DNS client and its errors show", () => {
  it("the token appears in neither the client's printed form nor an error", async () => {
    const { inspect } = await import("node:util");
    const { TOKEN } = await import("./fixture");
    const { dns } = await serve(
      { method: "POST", path: "/domains", status: 202, body: job("RUNNING") },
      { method: "GET", path: "/status/job-1", status: 200, body: job("ERROR", { error: { message: `bad token ${TOKEN}`, code: 400 } }) },
      { method: "GET", path: "/domains/1", status: 401, body: { message: "Unauthorized", code: 401, details: TOKEN } },
    );
    expect(inspect(dns)).not.toContain(TOKEN);
    expect(JSON.stringify(dns)).not.toContain(TOKEN);
    const failed = await dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" }).catch((e: unknown) => e);
    expect(String((failed as Error).message)).not.toContain(TOKEN);
    const unauthorized = await dns.domains.get(1).catch((e: unknown) => e);
    expect(inspect(unauthorized)).not.toContain(TOKEN);
  });

  it("a 3xx is an error, never a success (a job call insists on 202)", async () => {
    const { dns } = await serve(
      { method: "POST", path: "/domains", status: 302, headers: { location: "http://elsewhere.test/" } },
      { method: "DELETE", path: "/domains/5", status: 200, body: {} },
    );
    await expect(dns.domains.create({ name: "example.edu", emailAddress: "sample@example.edu" })).rejects.toMatchObject({ name: "Redirected" });
    await expect(dns.domains.delete(5)).rejects.toMatchObject({ name: "InvalidResponse" });
  });
});
