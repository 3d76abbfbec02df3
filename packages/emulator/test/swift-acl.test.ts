// Container ACLs and cross-account copies, as Swift's keystoneauth enforces them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";

let emu: RunningEmulator;
const who = {} as Record<"admin" | "reader" | "demo", { token: string; storage: string }>;

async function login(username: string, project: string) {
  const res = await fetch(`${emu.url}/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: username, domain: { id: "default" }, password: "secret" } } },
        scope: { project: { name: project, domain: { id: "default" } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { token: { catalog: Array<{ type: string; endpoints: Array<{ interface: string; url: string }> }> } };
  const storage = body.token.catalog.find((s) => s.type === "object-store")!.endpoints.find((e) => e.interface === "public")!.url;
  return { token: res.headers.get("x-subject-token")!, storage };
}

const as = (name: keyof typeof who, url: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(url, { ...init, headers: { "x-auth-token": who[name].token, ...init.headers } });

beforeAll(async () => {
  emu = await startEmulator({
    regions: ["RegionOne"],
    users: [
      { username: "admin", password: "secret", project: "admin", roles: ["admin"], domainId: "default" },
      { username: "reader", password: "secret", project: "admin", roles: ["reader"], domainId: "default" },
      { username: "demo", password: "secret", project: "demo", roles: ["member"], domainId: "default" },
    ],
  });
  who.admin = await login("admin", "admin");
  who.reader = await login("reader", "admin");
  who.demo = await login("demo", "demo");
  await as("admin", `${who.admin.storage}/shared`, { method: "PUT" });
  await as("admin", `${who.admin.storage}/shared/doc`, { method: "PUT", body: "hello" });
  await as("demo", `${who.demo.storage}/inbox`, { method: "PUT" });
});
afterAll(() => emu.stop());

describe("container ACLs", () => {
  it("without an ACL: another project's user gets 403, a reader of the project 403, no token 401", async () => {
    expect((await as("demo", `${who.admin.storage}/shared/doc`)).status).toBe(403);
    expect((await as("reader", `${who.admin.storage}/shared/doc`)).status).toBe(403);
    expect((await fetch(`${who.admin.storage}/shared/doc`)).status).toBe(401);
  });

  it("X-Container-Read project:user lets that user read and list, not write", async () => {
    await as("admin", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Container-Read": "demo:demo" } });
    expect(await (await as("demo", `${who.admin.storage}/shared/doc`)).text()).toBe("hello");
    expect((await as("demo", `${who.admin.storage}/shared`)).status).toBe(200);
    expect((await as("demo", `${who.admin.storage}/shared/new`, { method: "PUT", body: "x" })).status).toBe(403);
    expect((await as("demo", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Container-Meta-X": "y" } })).status).toBe(403);
    expect((await as("demo", who.admin.storage)).status).toBe(403);
  });

  it("X-Container-Write lets that user write objects", async () => {
    await as("admin", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Container-Write": "demo:*" } });
    expect((await as("demo", `${who.admin.storage}/shared/from-demo`, { method: "PUT", body: "d" })).status).toBe(201);
    expect((await as("demo", `${who.admin.storage}/shared/from-demo`, { method: "DELETE" })).status).toBe(204);
  });

  it(".r:* makes objects public; listing the container needs .rlistings too", async () => {
    await as("admin", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Container-Read": ".r:*" } });
    expect(await (await fetch(`${who.admin.storage}/shared/doc`)).text()).toBe("hello");
    expect((await fetch(`${who.admin.storage}/shared`)).status).toBe(401);
    await as("admin", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Container-Read": ".r:*,.rlistings" } });
    expect((await fetch(`${who.admin.storage}/shared?format=json`)).status).toBe(200);
    await as("admin", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Remove-Container-Read": "x" } });
    expect((await fetch(`${who.admin.storage}/shared/doc`)).status).toBe(401);
  });
});

describe("cross-account copy", () => {
  it("needs read on the source and write on the destination; then copies between accounts", async () => {
    const admin = who.admin.storage.slice(who.admin.storage.lastIndexOf("/") + 1);
    const demo = who.demo.storage.slice(who.demo.storage.lastIndexOf("/") + 1);
    const pull = () => as("demo", `${who.demo.storage}/inbox/doc`, { method: "PUT", body: "", headers: { "X-Copy-From": "shared/doc", "X-Copy-From-Account": admin } });
    expect((await pull()).status).toBe(403);
    await as("admin", `${who.admin.storage}/shared`, { method: "POST", headers: { "X-Container-Read": "demo:demo" } });
    const pulled = await pull();
    expect(pulled.status).toBe(201);
    expect(pulled.headers.get("x-copied-from-account")).toBe(admin);
    expect(await (await as("demo", `${who.demo.storage}/inbox/doc`)).text()).toBe("hello");
    // admin pushes into demo's inbox: refused until demo grants write
    const push = () => as("admin", `${who.admin.storage}/shared/doc`, { method: "COPY", headers: { Destination: "inbox/pushed", "Destination-Account": demo } });
    expect((await push()).status).toBe(403);
    await as("demo", `${who.demo.storage}/inbox`, { method: "POST", headers: { "X-Container-Write": "admin:admin" } });
    expect((await push()).status).toBe(201);
    expect(await (await as("demo", `${who.demo.storage}/inbox/pushed`)).text()).toBe("hello");
  });
});

describe("object details", () => {
  it("a COPY with Range copies those bytes", async () => {
    expect((await as("admin", `${who.admin.storage}/shared/doc`, { method: "COPY", headers: { Destination: "shared/part", Range: "bytes=1-2" } })).status).toBe(201);
    expect(await (await as("admin", `${who.admin.storage}/shared/part`)).text()).toBe("el");
  });

  it("X-Delete-At beyond Swift's range is clamped to 9999999999", async () => {
    await as("admin", `${who.admin.storage}/shared/far`, { method: "PUT", body: "", headers: { "X-Delete-At": "1".repeat(100) } });
    expect((await as("admin", `${who.admin.storage}/shared/far`, { method: "HEAD" })).headers.get("x-delete-at")).toBe("9999999999");
  });

  it("X-If-Delete-At: a bad value is 400 even for a missing object, a mismatch 412", async () => {
    expect((await as("admin", `${who.admin.storage}/shared/nothing`, { method: "DELETE", headers: { "X-If-Delete-At": "bad" } })).status).toBe(400);
    const mismatch = await as("admin", `${who.admin.storage}/shared/far`, { method: "DELETE", headers: { "X-If-Delete-At": "12345" } });
    expect(mismatch.status).toBe(412);
    expect((await as("admin", `${who.admin.storage}/shared/far`, { method: "DELETE", headers: { "X-If-Delete-At": "9999999999" } })).status).toBe(204);
  });
});

describe("copy order", () => {
  it("a missing source is 404 even when the destination would be refused", async () => {
    const demo = who.demo.storage.slice(who.demo.storage.lastIndexOf("/") + 1);
    const res = await as("admin", `${who.admin.storage}/shared/no-such-object`, { method: "COPY", headers: { Destination: "private/x", "Destination-Account": demo } });
    expect(res.status).toBe(404);
  });
});

describe("copy into a missing container", () => {
  it("from another account's container the user cannot read: 403 (the source is checked first), not 404", async () => {
    const demo = who.demo.storage.slice(who.demo.storage.lastIndexOf("/") + 1);
    await as("demo", `${who.demo.storage}/locked`, { method: "PUT" });
    await as("demo", `${who.demo.storage}/locked/o`, { method: "PUT", body: "secret" });
    const res = await as("admin", `${who.admin.storage}/no-such-container/x`, { method: "PUT", body: "", headers: { "X-Copy-From": "locked/o", "X-Copy-From-Account": demo } });
    expect(res.status).toBe(403);
  });
});

describe("large objects read through ACLs", () => {
  it("an SLO whose segments sit in a container the reader cannot read is 409; a DLO's is refused; granting the segment container opens both", async () => {
    await as("admin", `${who.admin.storage}/pieces`, { method: "PUT" });
    await as("admin", `${who.admin.storage}/pieces/p1`, { method: "PUT", body: "12" });
    await as("admin", `${who.admin.storage}/front`, { method: "PUT", headers: { "X-Container-Read": ".r:*.example.com,.rlistings" } });
    await as("admin", `${who.admin.storage}/front/slo?multipart-manifest=put`, { method: "PUT", body: JSON.stringify([{ path: "/pieces/p1" }]) });
    await as("admin", `${who.admin.storage}/front/dlo`, { method: "PUT", body: "", headers: { "X-Object-Manifest": "pieces/p" } });
    const referer = { referer: "http://www.example.com/page" };
    expect((await as("reader", `${who.admin.storage}/front/slo`, { headers: referer })).status).toBe(409);
    expect((await as("reader", `${who.admin.storage}/front/dlo`, { headers: referer })).status).toBe(403);
    await as("admin", `${who.admin.storage}/pieces`, { method: "POST", headers: { "X-Container-Read": ".r:*.example.com,.rlistings" } });
    expect(await (await as("reader", `${who.admin.storage}/front/slo`, { headers: referer })).text()).toBe("12");
    expect(await (await as("reader", `${who.admin.storage}/front/dlo`, { headers: referer })).text()).toBe("12");
  });
});
