import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { glanceState } from "../src/images/model";
import { ADMIN_AND_DEMO, v3Login } from "./contract-users";
import { md5, type Session, session } from "./helpers";

// Glance v2 as the emulator serves it, over plain HTTP (no SDK).
let s: Session;
let glance: string;
let other: string;

beforeAll(async () => {
  s = await session({ users: [{ username: "demo", apiKey: "demo-api-key", tenantId: "123456" }, { username: "friend", apiKey: "friend-key", tenantId: "777777" }] });
  glance = s.catalog.find((c) => c.type === "image")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  const res = await fetch(`${s.emu.authUrl}/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "friend", apiKey: "friend-key" } } }) });
  other = ((await res.json()) as { access: { token: { id: string } } }).access.token.id;
});
afterAll(async () => {
  await s?.emu.stop();
});

const g = (method: string, path: string, body?: unknown, o: { token?: string; type?: string } = {}) =>
  fetch(`${glance}${path}`, {
    method,
    headers: { "x-auth-token": o.token ?? s.token, accept: "application/json", ...(body === undefined ? {} : { "content-type": o.type ?? "application/json" }) },
    ...(body === undefined ? {} : { body: typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body) }),
  });
const make = async (body: Record<string, unknown>) => (await (await g("POST", "/images", body)).json()) as Record<string, string>;

describe("Glance v2 images", () => {
  it("is in the catalog at …/v2; public base images are listed; a token is needed", async () => {
    expect(glance).toMatch(/\/v2$/);
    expect((await fetch(`${glance}/images`)).status).toBe(401);
    const body = (await (await g("GET", "/images?visibility=public&limit=2")).json()) as { images: unknown[]; next?: string; schema: string };
    expect(body.images).toHaveLength(2);
    expect(body.next).toMatch(/^\/v2\/images\?.*visibility=public.*marker=/);
    expect(body.schema).toBe("/v2/schemas/images");
  });

  it("create 201 queued/shared; PATCH needs Glance's media type (415); data PUT/GET once the formats are set", async () => {
    const img = await make({ name: "mine", disk_format: "raw", container_format: "bare", purpose: "test" });
    expect(img).toMatchObject({ status: "queued", visibility: "shared", purpose: "test", owner: "123456" });
    expect((await g("PATCH", `/images/${img.id}`, [{ op: "replace", path: "/name", value: "x" }])).status).toBe(415);
    const patch = (ops: unknown) => g("PATCH", `/images/${img.id}`, ops, { type: "application/openstack-images-v2.1-json-patch" });
    const ok = await patch([{ op: "replace", path: "/name", value: "renamed" }, { op: "add", path: "/extra", value: "1" }]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: "renamed", extra: "1" });
    // Glance 25: `add` of a property the image has replaces it; `replace` of a missing one is 409.
    expect(await (await patch([{ op: "add", path: "/extra", value: "2" }])).json()).toMatchObject({ extra: "2" });
    expect((await patch([{ op: "replace", path: "/missing", value: "2" }])).status).toBe(409);
    expect((await patch([{ op: "replace", path: "/status", value: "active" }])).status).toBe(403);
    expect((await g("GET", `/images/${img.id}/file`)).status).toBe(204);
    const bare = await make({ name: "no-formats" });
    expect((await g("PUT", `/images/${bare.id}/file`, "x", { type: "application/octet-stream" })).status).toBe(400);
    expect((await g("PUT", `/images/${img.id}/file`, "image-bytes", { type: "application/octet-stream" })).status).toBe(204);
    const file = await g("GET", `/images/${img.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-md5")).toBe(md5("image-bytes"));
    expect(await file.text()).toBe("image-bytes");
    expect(await (await g("GET", `/images/${img.id}`)).json()).toMatchObject({ status: "active", size: 11, checksum: md5("image-bytes") });
    expect((await g("PUT", `/images/${img.id}/file`, "again", { type: "application/octet-stream" })).status).toBe(409);
  });

  it("a client that appends /v2 to the catalog URL (written for a bare Glance URL) is served too", async () => {
    expect((await g("GET", "/v2/images?limit=1")).status).toBe(200);
  });

  it("filters: name, tag, size range, bad sort key → 400 (JSON error body when JSON is accepted)", async () => {
    const a = await make({ name: "tagged", tags: ["web"] });
    const found = (await (await g("GET", "/images?tag=web&name=tagged")).json()) as { images: { id: string }[] };
    expect(found.images.map((i) => i.id)).toEqual([a.id]);
    const none = (await (await g("GET", "/images?size_min=1000000")).json()) as { images: unknown[] };
    expect(none.images).toEqual([]);
    const bad = await g("GET", "/images?sort_key=colour");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("400 Bad Request");
    // Image fields Glance does not sort by (real Glance 25 answers 400 to each).
    for (const key of ["min_ram", "virtual_size", "owner", "visibility", "protected", "min_disk"]) expect((await g("GET", `/images?sort_key=${key}`)).status).toBe(400);
    expect((await g("GET", "/images?sort_key=size&sort_dir=asc")).status).toBe(200);
  });

  it("tags PUT/DELETE 204, deleting a missing tag is 404; protected images cannot be deleted; delete is 204", async () => {
    const img = await make({ name: "t", protected: true });
    expect((await g("PUT", `/images/${img.id}/tags/blue`)).status).toBe(204);
    expect((await g("DELETE", `/images/${img.id}/tags/blue`)).status).toBe(204);
    expect((await g("DELETE", `/images/${img.id}/tags/blue`)).status).toBe(404);
    expect((await g("DELETE", `/images/${img.id}`)).status).toBe(403);
    await g("PATCH", `/images/${img.id}`, [{ op: "replace", path: "/protected", value: false }], { type: "application/openstack-images-v2.1-json-patch" });
    expect((await g("DELETE", `/images/${img.id}`)).status).toBe(204);
    expect((await g("GET", `/images/${img.id}`)).status).toBe(404);
  });

  it("a non-ASCII tag in the URL is stored as real Glance stores it (UTF-8 bytes read as Latin-1); by JSON-patch it stays as written", async () => {
    const img = await make({ name: "utf8" });
    expect((await g("PUT", `/images/${img.id}/tags/b%C3%BCcher`)).status).toBe(204);
    expect(((await (await g("GET", `/images/${img.id}`)).json()) as { tags: string[] }).tags).toEqual(["bÃ¼cher"]);
    expect((await g("DELETE", `/images/${img.id}/tags/b%C3%BCcher`)).status).toBe(204);
    await g("PATCH", `/images/${img.id}`, [{ op: "replace", path: "/tags", value: ["bücher"] }], { type: "application/openstack-images-v2.1-json-patch" });
    expect(((await (await g("GET", `/images/${img.id}`)).json()) as { tags: string[] }).tags).toEqual(["bücher"]);
    expect((await g("DELETE", `/images/${img.id}/tags/b%C3%BCcher`)).status).toBe(404);
  });
});

describe("sharing", () => {
  it("owner adds a member (pending); the member sees it only after accepting; the owner cannot answer for it", async () => {
    const img = await make({ name: "shared-one" });
    const add = await g("POST", `/images/${img.id}/members`, { member: "777777" });
    expect(add.status).toBe(200);
    expect(await add.json()).toMatchObject({ member_id: "777777", status: "pending", image_id: img.id });
    expect((await g("POST", `/images/${img.id}/members`, { member: "777777" })).status).toBe(409);
    const listed = async () => ((await (await g("GET", "/images", undefined, { token: other })).json()) as { images: { id: string }[] }).images.map((i) => i.id);
    expect(await listed()).not.toContain(img.id);
    expect((await g("GET", `/images/${img.id}`, undefined, { token: other })).status).toBe(200);
    expect((await g("PUT", `/images/${img.id}/members/777777`, { status: "accepted" })).status).toBe(403);
    expect((await g("PUT", `/images/${img.id}/members/777777`, { status: "accepted" }, { token: other })).status).toBe(200);
    expect(await listed()).toContain(img.id);
    expect((await g("DELETE", `/images/${img.id}`, undefined, { token: other })).status).toBe(403);
    expect((await g("POST", `/images/${img.id}/members`, { member: "888888" }, { token: other })).status).toBe(403);
    expect((await g("DELETE", `/images/${img.id}/members/777777`)).status).toBe(204);
    expect((await g("GET", `/images/${img.id}`, undefined, { token: other })).status).toBe(404);
  });

  it("someone else's public image cannot get members (403: visible but not yours)", async () => {
    const pub = ((await (await g("GET", "/images?visibility=public&limit=1")).json()) as { images: { id: string }[] }).images[0]!;
    expect((await g("POST", `/images/${pub.id}/members`, { member: "777777" })).status).toBe(403);
  });
});

describe("tasks", () => {
  it("import from Cloud Files: 201 pending → processing → success on the clock, with the new image's id", async () => {
    const storage = s.storage;
    await fetch(`${storage}/imports`, { method: "PUT", headers: { "x-auth-token": s.token } });
    await fetch(`${storage}/imports/disk.vhd`, { method: "PUT", headers: { "x-auth-token": s.token }, body: "vhd-bytes" });
    const res = await g("POST", "/tasks", { type: "import", input: { import_from: "imports/disk.vhd", image_properties: { name: "imported" } } });
    expect(res.status).toBe(201);
    const task = (await res.json()) as { id: string; status: string };
    expect(task.status).toBe("pending");
    const t = glanceState(s.emu.state).timings;
    s.emu.state.clock.advance(t.taskPending);
    expect(((await (await g("GET", `/tasks/${task.id}`)).json()) as { status: string }).status).toBe("processing");
    s.emu.state.clock.advance(t.taskProcessing);
    const done = (await (await g("GET", `/tasks/${task.id}`)).json()) as { status: string; result: { image_id: string } };
    expect(done.status).toBe("success");
    expect(await (await g("GET", `/images/${done.result.image_id}`)).json()).toMatchObject({ name: "imported", status: "active", size: 9 });
  });

  it("an import of a missing object fails with a message; export writes <id>.vhd into the container", async () => {
    const t = glanceState(s.emu.state).timings;
    const bad = (await (await g("POST", "/tasks", { type: "import", input: { import_from: "imports/none.vhd" } })).json()) as { id: string };
    const img = await make({ name: "to-export" });
    await fetch(`${s.storage}/exports`, { method: "PUT", headers: { "x-auth-token": s.token } });
    const exp = (await (await g("POST", "/tasks", { type: "export", input: { image_uuid: img.id, receiving_swift_container: "exports" } })).json()) as { id: string };
    s.emu.state.clock.advance(t.taskPending + t.taskProcessing);
    const failed = (await (await g("GET", `/tasks/${bad.id}`)).json()) as { status: string; message: string };
    expect(failed.status).toBe("failure");
    expect(failed.message).toContain("not found");
    expect(((await (await g("GET", `/tasks/${exp.id}`)).json()) as { status: string }).status).toBe("success");
    expect((await fetch(`${s.storage}/exports/${img.id}.vhd`, { headers: { "x-auth-token": s.token } })).status).toBe(200);
    expect((await g("POST", "/tasks", { type: "copy", input: {} })).status).toBe(400);
  });
});

describe("Keystone v3 users (admin and member), as the held-out contracts run", () => {
  it("an admin lists every project's images; a member sees only its own and public ones, and no tasks API", async () => {
    const { startEmulator } = await import("../src/index");
    const emu = await startEmulator({ users: ADMIN_AND_DEMO });
    try {
      const login = async (name: string) => {
        const l = await v3Login(emu.keystoneUrl, name);
        return { token: l.token, url: l.publicUrl("image") };
      };
      const demo = await login("demo");
      const admin = await login("admin");
      const made = (await (await fetch(`${demo.url}/images`, { method: "POST", headers: { "x-auth-token": demo.token, "content-type": "application/json" }, body: JSON.stringify({ name: "demo-private", visibility: "private" }) })).json()) as { id: string };
      const ids = async (who: { token: string; url: string }) =>
        ((await (await fetch(`${who.url}/images?limit=1000`, { headers: { "x-auth-token": who.token } })).json()) as { images: { id: string }[] }).images.map((i) => i.id);
      expect(await ids(admin)).toContain(made.id);
      expect(await ids(demo)).toContain(made.id);
      const adminImg = (await (await fetch(`${admin.url}/images`, { method: "POST", headers: { "x-auth-token": admin.token, "content-type": "application/json" }, body: JSON.stringify({ name: "admin-private", visibility: "private" }) })).json()) as { id: string };
      expect(await ids(demo)).not.toContain(adminImg.id);
      expect((await fetch(`${demo.url}/images/${adminImg.id}`, { headers: { "x-auth-token": demo.token } })).status).toBe(404);
      // Stock Glance keeps the tasks API to admins.
      expect((await fetch(`${demo.url}/tasks`, { headers: { "x-auth-token": demo.token } })).status).toBe(403);
      expect((await fetch(`${admin.url}/tasks`, { headers: { "x-auth-token": admin.token } })).status).toBe(200);
    } finally {
      await emu.stop();
    }
  });
});
