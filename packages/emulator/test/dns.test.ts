import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dnsState } from "../src/dns/model";
import { call, type Session, session } from "./helpers";

// Cloud DNS v1.0 over plain HTTP, each assertion on a wire detail of dns.md.
/** A JSON body, loosely typed: these tests read the wire as it is. */
const read = (res: Response): Promise<any> => res.json();

let s: Session;
let dns: string;
beforeAll(async () => {
  s = await session();
  const entry = s.catalog.find((x) => x.type === "rax:dns")!;
  // dns.md "Endpoint": no region.
  expect(entry.endpoints).toHaveLength(1);
  expect(entry.endpoints[0]!.region).toBeUndefined();
  dns = entry.endpoints[0]!.publicURL!;
});
afterAll(async () => {
  await s?.emu.stop();
});

const json = (init: RequestInit = {}, body?: unknown) => ({ ...init, headers: { "content-type": "application/json", accept: "application/json" }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

/** Polls a job's callbackUrl until it leaves INITIALIZED/RUNNING; returns every status seen and the last body. */
async function finish(callbackUrl: string): Promise<{ seen: string[]; codes: number[]; job: any }> {
  const seen: string[] = [];
  const codes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await call(s, `${callbackUrl}?showDetails=true`);
    const job = await read(res);
    seen.push(job.status);
    codes.push(res.status);
    if (job.status === "COMPLETED" || job.status === "ERROR") return { seen, codes, job };
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`job at ${callbackUrl} never finished: ${seen.join(" → ")}`);
}

describe("Cloud DNS v1.0 on the emulator (wire)", () => {
  it("POST /domains → 202 job; /status answers 202 while INITIALIZED/RUNNING, 200 COMPLETED with the request and response", async () => {
    const res = await call(s, `${dns}/domains`, json({ method: "POST" }, { domains: [{ name: "wire.example", emailAddress: "a@wire.example", ttl: 600 }] }));
    expect(res.status).toBe(202);
    const accepted = await read(res);
    expect(accepted).toMatchObject({ status: "INITIALIZED", verb: "POST", jobId: expect.any(String), requestUrl: `${dns}/domains` });
    expect(accepted.callbackUrl).toBe(`${dns}/status/${accepted.jobId}`);
    const brief = await read(await call(s, accepted.callbackUrl));
    expect(Object.keys(brief).sort()).toEqual(["callbackUrl", "jobId", "status"]);
    const { seen, codes, job } = await finish(accepted.callbackUrl);
    expect(seen.at(-1)).toBe("COMPLETED");
    expect(codes.at(-1)).toBe(200);
    expect(codes.slice(0, -1).every((c) => c === 202)).toBe(true);
    expect(JSON.parse(job.request)).toMatchObject({ domains: [{ name: "wire.example" }] });
    const d = job.response.domains[0];
    expect(d).toMatchObject({ name: "wire.example", ttl: 600, emailAddress: "a@wire.example", nameservers: [{ name: "dns1.stabletransit.com" }, { name: "dns2.stabletransit.com" }] });
    expect(d.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const recs = await read(await call(s, `${dns}/domains/${d.id}/records`));
    expect(recs.records.map((r: { type: string }) => r.type)).toEqual(["NS", "NS"]);
  });

  it("the same name again: the job ends in ERROR with {message, code: 409, details}", async () => {
    const res = await call(s, `${dns}/domains`, json({ method: "POST" }, { domains: [{ name: "wire.example", emailAddress: "a@wire.example" }] }));
    const { job } = await finish((await read(res)).callbackUrl);
    expect(job.status).toBe("ERROR");
    expect(job.error).toEqual({ message: "The object already exists.", code: 409, details: "Domain already exists" });
  });

  it("bad input: 400 with validationErrors.messages, before any job", async () => {
    const res = await call(s, `${dns}/domains`, json({ method: "POST" }, { domains: [{ name: "x.example", emailAddress: "nope", ttl: 10, recordsList: { records: [{ type: "A", name: "x.example", data: "::1" }, { type: "MX", name: "x.example", data: "mail.x.example" }] } }] }));
    expect(res.status).toBe(400);
    const body = await read(res);
    expect(body.code).toBe(400);
    expect(body.validationErrors.messages).toEqual(
      expect.arrayContaining([expect.stringContaining("emailAddress"), expect.stringContaining("ttl"), expect.stringContaining("IPv4"), expect.stringContaining("priority")]),
    );
  });

  it("paging: limit ≤ 100, offset a multiple of limit (else 400); totalEntries and next/previous links", async () => {
    for (const n of ["p1", "p2", "p3"]) {
      const res = await call(s, `${dns}/domains`, json({ method: "POST" }, { domains: [{ name: `${n}.paging.example`, emailAddress: "a@paging.example" }] }));
      await finish((await read(res)).callbackUrl);
    }
    const first = await read(await call(s, `${dns}/domains?limit=2`));
    expect(first.domains).toHaveLength(2);
    expect(first.totalEntries).toBe(4);
    expect(first.links).toEqual([{ content: "", href: `${dns}/domains?limit=2&offset=2`, rel: "next" }]);
    const second = await read(await call(s, first.links[0].href));
    expect(second.links).toEqual([{ content: "", href: `${dns}/domains?limit=2&offset=0`, rel: "previous" }]);
    expect((await call(s, `${dns}/domains?limit=2&offset=1`)).status).toBe(400);
    expect((await call(s, `${dns}/domains?limit=101`)).status).toBe(400);
    expect((await read(await call(s, `${dns}/domains?name=p2.paging.example`))).domains.map((d: { name: string }) => d.name)).toEqual(["p2.paging.example"]);
  });

  it("a missing domain: 404 {message, code, details}; no token: 401", async () => {
    const res = await call(s, `${dns}/domains/1`);
    expect(res.status).toBe(404);
    expect(await read(res)).toMatchObject({ code: 404, details: "Domain ID 1 not found" });
    expect((await fetch(`${dns}/domains`)).status).toBe(401);
  });

  it("export is a job whose response holds BIND_9 contents; import reads them back", async () => {
    const list = await read(await call(s, `${dns}/domains?name=wire.example`));
    const id = list.domains[0].id;
    await finish((await read(await call(s, `${dns}/domains/${id}/records`, json({ method: "POST" }, { records: [{ type: "MX", name: "wire.example", data: "mail.wire.example", priority: 5 }, { type: "TXT", name: "wire.example", data: 'say "hi"' }] })))).callbackUrl);
    const exp = await read(await call(s, `${dns}/domains/${id}/export`));
    const { job } = await finish(exp.callbackUrl);
    expect(job.response).toMatchObject({ id, contentType: "BIND_9" });
    const text: string = job.response.contents;
    expect(text.split("\n")[0]).toMatch(/^wire\.example\.\t600\tIN\tSOA\t/);
    expect(text).toContain("wire.example.\t600\tIN\tMX\t5 mail.wire.example.");
    expect(text).toContain('wire.example.\t600\tIN\tTXT\t"say \\"hi\\""');
    const imported = text.replace(/wire\.example/g, "copy.example");
    const imp = await read(await call(s, `${dns}/domains/import`, json({ method: "POST" }, { domains: [{ contentType: "BIND_9", contents: imported }] })));
    const done = await finish(imp.callbackUrl);
    expect(done.job.response.domains[0]).toMatchObject({ name: "copy.example", emailAddress: "a@copy.example" });
    const recs = await read(await call(s, `${dns}/domains/${done.job.response.domains[0].id}/records?type=TXT`));
    expect(recs.records[0].data).toBe('say "hi"');
  });

  it("deleting every NS record fails the job with the deleteFault shape", async () => {
    const list = await read(await call(s, `${dns}/domains?name=wire.example`));
    const id = list.domains[0].id;
    const ns = (await read(await call(s, `${dns}/domains/${id}/records?type=NS`))).records.map((r: { id: string }) => r.id);
    const res = await call(s, `${dns}/domains/${id}/records?${ns.map((x: string) => `id=${x}`).join("&")}&id=A-0`, { method: "DELETE" });
    const { job } = await finish((await read(res)).callbackUrl);
    expect(job.error).toMatchObject({ code: 500, message: "One or more items could not be deleted." });
    expect(job.error.failedItems.faults.map((f: { code: number }) => f.code).sort()).toEqual([400, 404]);
  });

  it("jobs finish on the emulator's clock: a long job stays RUNNING until the clock moves", async () => {
    const st = dnsState(s.emu.state);
    st.timings.job = 60_000;
    try {
      const res = await call(s, `${dns}/domains`, json({ method: "POST" }, { domains: [{ name: "clock.example", emailAddress: "a@clock.example" }] }));
      const cb = (await read(res)).callbackUrl;
      s.emu.state.clock.advance(30_000);
      expect((await read(await call(s, cb))).status).toBe("RUNNING");
      s.emu.state.clock.advance(30_000);
      const r2 = await call(s, cb);
      expect(r2.status).toBe(200);
      expect((await read(r2)).status).toBe("COMPLETED");
    } finally {
      st.timings.job = 300;
    }
  });

  it("PTR: records bound to a device link; a device of another account → 401; none → 404", async () => {
    const href = `${dns.replace(/\/v1\.0\/.*$/, "")}/v2/${s.emu.users[0]!.tenantId}/servers/abc`;
    const link = { content: "", href, rel: "cloudServersOpenStack" };
    const add = await call(s, `${dns}/rdns`, json({ method: "POST" }, { recordsList: { records: [{ name: "host.wire.example", type: "PTR", data: "192.0.2.9", ttl: 900 }] }, link }));
    expect(add.status).toBe(202);
    const { job } = await finish((await read(add)).callbackUrl);
    expect(job.response.recordsList.records[0]).toMatchObject({ id: expect.stringMatching(/^PTR-/), type: "PTR", data: "192.0.2.9", ttl: 900 });
    const list = await read(await call(s, `${dns}/rdns/cloudServersOpenStack?href=${encodeURIComponent(href)}`));
    expect(list).toMatchObject({ recordsList: { records: [{ data: "192.0.2.9" }] }, link: { href, rel: "cloudServersOpenStack" } });
    const other = href.replace(`/v2/${s.emu.users[0]!.tenantId}/`, "/v2/999/");
    expect((await call(s, `${dns}/rdns/cloudServersOpenStack?href=${encodeURIComponent(other)}`)).status).toBe(401);
    expect((await call(s, `${dns}/rdns/cloudServersOpenStack?href=${encodeURIComponent(href.replace("abc", "zzz"))}`)).status).toBe(404);
    expect((await call(s, `${dns}/rdns/cloudServersOpenStack?href=${encodeURIComponent(href.replace("/servers/", "/volumes/"))}`)).status).toBe(400);
  });
});

describe("a CNAME stands alone at its name (RFC 1034 §3.6.2, as Designate and DNS servers enforce)", () => {
  let id: string;
  const add = async (records: unknown[]) => (await finish((await read(await call(s, `${dns}/domains/${id}/records`, json({ method: "POST" }, { records })))).callbackUrl)).job;
  const names = async () => (await read(await call(s, `${dns}/domains/${id}/records`))).records.map((r: { type: string; name: string }) => `${r.type} ${r.name}`).sort();
  beforeAll(async () => {
    const res = await call(s, `${dns}/domains`, json({ method: "POST" }, { domains: [{ name: "alias.example", emailAddress: "a@alias.example" }] }));
    id = (await finish((await read(res)).callbackUrl)).job.response.domains[0].id;
    expect((await add([{ type: "A", name: "www.alias.example", data: "192.0.2.1" }, { type: "CNAME", name: "ftp.alias.example", data: "www.alias.example" }])).status).toBe("COMPLETED");
  });

  it("a CNAME where another record is, another record where a CNAME is, a second CNAME, a CNAME at the apex (NS): each job ends in ERROR 400 and adds nothing", async () => {
    const refused = [
      [{ type: "CNAME", name: "www.alias.example", data: "elsewhere.example" }],
      [{ type: "TXT", name: "ftp.alias.example", data: "hello" }],
      [{ type: "CNAME", name: "ftp.alias.example", data: "other.example" }],
      [{ type: "CNAME", name: "alias.example", data: "elsewhere.example" }],
      // Within one call, too; the good record before it is not added either.
      [{ type: "A", name: "mail.alias.example", data: "192.0.2.9" }, { type: "CNAME", name: "mail.alias.example", data: "www.alias.example" }],
    ];
    const before = await names();
    for (const records of refused) {
      const job = await add(records);
      expect([records, job.status, job.error?.code, job.error?.message]).toEqual([records, "ERROR", 400, "Bad Request"]);
      expect(job.error.details).toMatch(/CNAME may not share a name with any other record/);
    }
    expect(await names()).toEqual(before);
  });

  it("records at other names, and a CNAME at a fresh name, are still added", async () => {
    const job = await add([{ type: "CNAME", name: "blog.alias.example", data: "www.alias.example" }, { type: "A", name: "api.alias.example", data: "192.0.2.2" }]);
    expect(job.status).toBe("COMPLETED");
    expect(await names()).toEqual(expect.arrayContaining(["CNAME blog.alias.example", "A api.alias.example"]));
  });
});
