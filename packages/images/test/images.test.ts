import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { AbortError, type EndpointQuery, Forbidden, InvalidResponse, NotAuthenticated, ResourceFailed, StaticSession, ValidationError, WaitTimeout } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImageHasNoData, ImageNameNotUnique, Images, JSON_PATCH, NoSuchImage, NoSuchImageMember, TaskFailed, UnsharableImage } from "../src/index";
import { type Fixture, startFixture } from "./fixture-server";

// Glance v2 calls against bodies from its API reference (and Rackspace Cloud Images' docs).

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.requests.length = 0;
});

const ID = "5efb77d0-738c-43a0-9e6e-0c4229e443f2";
const wire = (over: Record<string, unknown> = {}) => ({
  id: ID,
  name: "Ubuntu 24.04",
  status: "active",
  visibility: "private",
  owner: "me-project",
  size: 509451746,
  min_disk: 20,
  min_ram: 512,
  disk_format: "vhd",
  container_format: "ovf",
  checksum: "4bc3581e26af4c05813d4dcf75e6de77",
  tags: [],
  protected: false,
  created_at: "2014-02-25T22:03:09Z",
  updated_at: "2014-03-05T23:18:08Z",
  os_type: "linux",
  self: `/v2/images/${ID}`,
  file: `/v2/images/${ID}/file`,
  schema: "/v2/schemas/image",
  ...over,
});

describe("listing", () => {
  it("sends the seed's filters with Glance's names (dates as op:value)", async () => {
    fx.script = () => ({ status: 200, body: { images: [wire()], schema: "/v2/schemas/images", first: "/v2/images" } });
    const imgs = fx.client();
    const page = await imgs.images.list({
      visibility: "private",
      name: "Ubuntu 24.04",
      status: "active",
      owner: "me-project",
      tag: ["a", "b"],
      memberStatus: "accepted",
      sizeMin: 1,
      sizeMax: 10_000_000_000,
      createdAt: { gte: new Date("2024-01-01T00:00:00Z") },
      sortKey: "name",
      sortDir: "asc",
    });
    const q = fx.requests[0]!.query;
    expect(fx.requests[0]!.path).toBe("/images");
    expect(Object.fromEntries(q)).toMatchObject({
      visibility: "private",
      name: "Ubuntu 24.04",
      status: "active",
      owner: "me-project",
      member_status: "accepted",
      size_min: "1",
      size_max: "10000000000",
      created_at: "gte:2024-01-01T00:00:00.000Z",
      sort_key: "name",
      sort_dir: "asc",
    });
    expect(q.getAll("tag")).toEqual(["a", "b"]);
    expect(page.items[0]).toMatchObject({ id: ID, name: "Ubuntu 24.04", minDisk: 20, minRam: 512, diskFormat: "vhd", properties: { os_type: "linux" } });
  });

  it("walks every page by following `next` (the filters ride along in it)", async () => {
    const all = Array.from({ length: 5 }, (_, i) => wire({ id: `img-${i}`, name: `i${i}` }));
    fx.script = (r) => {
      const limit = Number(r.query.get("limit") ?? 25);
      const marker = r.query.get("marker");
      const start = marker ? all.findIndex((x) => x.id === marker) + 1 : 0;
      const page = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return { status: 200, body: { images: page, ...(more ? { next: `/v2/images?visibility=private&limit=${limit}&marker=${page.at(-1)!.id}` } : {}) } };
    };
    const names = (await fx.client().images.list({ visibility: "private", pageSize: 2 }).toArray()).map((i) => i.name);
    expect(names).toEqual(["i0", "i1", "i2", "i3", "i4"]);
    expect(fx.requests).toHaveLength(3);
    expect(fx.requests.map((r) => r.query.get("visibility"))).toEqual(["private", "private", "private"]);
    expect(fx.requests[2]!.query.get("marker")).toBe("img-3");
  });

  it.each([
    [{ visibility: "secret" }, "filters.visibility"],
    [{ sortKey: "colour" }, "filters.sortKey"],
    // An image attribute, but real Glance answers 400 "Invalid sort key" to it.
    [{ sortKey: "owner" }, "filters.sortKey"],
    [{ sortDir: "up" }, "filters.sortDir"],
    [{ status: "ACTIVE!" }, "filters.status"],
    [{ sizeMin: 10, sizeMax: 1 }, "filters.sizeMax"],
    [{ createdAt: { gte: "yesterday" } }, "filters.createdAt.gte"],
  ])("bad filter %j is a ValidationError naming %s, before any request", async (filters, field) => {
    // list() validates as it is called (a sync throw); any other failure would come on await.
    const e = await Promise.resolve()
      .then(() => fx.client().images.list(filters as never))
      .then(
        () => undefined,
        (x: unknown) => x,
      );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(fx.requests).toHaveLength(0);
  });
});

describe("validation messages", () => {
  // zod/mini loads no locale: what a caller reads must stay zod's English, field first.
  it.each([
    [{ pageSize: 2.5 }, "filters.pageSize: Invalid input: expected int, received number"],
    [{ pageSize: "10" }, "filters.pageSize: Invalid input: expected number, received string"],
    [{ limit: 0 }, "filters.limit: Too small: expected number to be >=1"],
    [{ name: "" }, "filters.name: Too small: expected string to have >=1 characters"],
    [{ sizeMin: 10, sizeMax: 1 }, "filters.sizeMax: must not be below sizeMin"],
    [{ colour: "red" }, 'filters.colour: Unrecognized key: "colour"'],
  ])("list(%j) → %s", (filters, message) => {
    expect(() => fx.client().images.list(filters as never)).toThrow(message);
    expect(fx.requests).toHaveLength(0);
  });
});

describe("one image", () => {
  it("get → bare object; 404 → NoSuchImage", async () => {
    fx.script = () => ({ status: 200, body: wire() });
    expect((await fx.client().images.get(ID)).checksum).toBe("4bc3581e26af4c05813d4dcf75e6de77");
    fx.script = () => ({ status: 404, body: "<html><body><h1>404 Not Found</h1>No image found with ID x</body></html>", headers: { "content-type": "text/html" } });
    await expect(fx.client().images.get("x")).rejects.toBeInstanceOf(NoSuchImage);
  });

  it("find by exact name: one, none, several", async () => {
    fx.script = () => ({ status: 200, body: { images: [wire()] } });
    expect((await fx.client().images.find("Ubuntu 24.04")).id).toBe(ID);
    expect(fx.requests[0]!.query.get("name")).toBe("Ubuntu 24.04");
    fx.script = () => ({ status: 200, body: { images: [] } });
    await expect(fx.client().images.find("nope")).rejects.toBeInstanceOf(NoSuchImage);
    fx.script = () => ({ status: 200, body: { images: [wire(), wire({ id: "other" })] } });
    await expect(fx.client().images.find("Ubuntu 24.04")).rejects.toBeInstanceOf(ImageNameNotUnique);
  });

  it("update reads first, then PATCHes replace/add/remove with Glance's JSON-patch media type", async () => {
    fx.script = (r) => (r.method === "GET" ? { status: 200, body: wire({ gone: "x" }) } : { status: 200, body: wire({ name: "renamed", my_prop: "v" }) });
    const img = await fx.client().images.update(ID, { name: "renamed", my_prop: "v", minRam: 1024, gone: null });
    const patch = fx.requests[1]!;
    expect(patch.method).toBe("PATCH");
    expect(patch.headers["content-type"]).toBe(JSON_PATCH);
    expect(JSON.parse(patch.body.toString())).toEqual([
      { op: "replace", path: "/name", value: "renamed" },
      { op: "add", path: "/my_prop", value: "v" },
      { op: "replace", path: "/min_ram", value: 1024 },
      { op: "remove", path: "/gone" },
    ]);
    expect(img.name).toBe("renamed");
  });

  it("update of a property Glance owns, or a bad visibility, is refused before any request", async () => {
    await expect(fx.client().images.update(ID, { checksum: "x" })).rejects.toBeInstanceOf(ValidationError);
    await expect(fx.client().images.update(ID, { visibility: "everyone" })).rejects.toBeInstanceOf(ValidationError);
    expect(fx.requests).toHaveLength(0);
  });

  it("delete 204; tags PUT/DELETE 204; a 200 where 204 is defined is not success", async () => {
    const imgs = fx.client();
    fx.script = () => ({ status: 204 });
    await imgs.images.delete(ID);
    await imgs.images.addTag(ID, "web server");
    await imgs.images.removeTag({ id: ID }, "web server");
    expect(fx.requests.map((r) => [r.method, r.path])).toEqual([
      ["DELETE", `/images/${ID}`],
      ["PUT", `/images/${ID}/tags/web%20server`],
      ["DELETE", `/images/${ID}/tags/web%20server`],
    ]);
    fx.script = () => ({ status: 200, body: {} });
    await expect(imgs.images.delete(ID)).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("reads succeed on Glance's 200 only: another 2xx is an InvalidResponse, not an image", async () => {
    const imgs = fx.client();
    fx.script = () => ({ status: 203, body: wire() });
    await expect(imgs.images.get(ID)).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 202, body: { images: [wire()] } });
    await expect(imgs.images.list().toArray()).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 201, body: { members: [] } });
    await expect(imgs.members.list(ID)).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 206, body: { tasks: [] } });
    await expect(imgs.tasks.list().toArray()).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("removing a tag the image lacks says so; a missing image says that (Glance 404s both)", async () => {
    const imgs = fx.client();
    // Glance 25: a missing tag is a bare 404 ("The resource could not be found."); the image is still there.
    fx.script = (r) => (r.method === "DELETE" ? { status: 404, headers: { "content-type": "text/plain" }, body: "404 Not Found\n\nThe resource could not be found.\n\n   " } : { status: 200, body: wire() });
    const lacks = await imgs.images.removeTag(ID, "nope").catch((e: unknown) => e);
    expect(lacks).toBeInstanceOf(NoSuchImage);
    expect((lacks as Error).message).toBe(`No image with tag "nope" and id "${ID}" in image`);
    fx.script = () => ({ status: 404, headers: { "content-type": "text/plain" }, body: `404 Not Found\n\nImage ${ID} not found.\n\n   ` });
    const gone = await imgs.images.removeTag(ID, "nope").catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NoSuchImage);
    expect((gone as Error).message).toMatch(new RegExp(`^No such image: ${ID}`));
  });

  it("a non-ASCII tag goes by JSON-patch of the tag list (Glance stores a URL path's 'ü' as 'Ã¼')", async () => {
    const imgs = fx.client();
    let tags: string[] = ["web"];
    fx.script = (r) => {
      if (r.method === "GET") return { status: 200, body: wire({ tags }) };
      if (r.method === "PATCH") {
        tags = (r.json as { value: string[] }[])[0]!.value;
        return { status: 200, body: wire({ tags }) };
      }
      return { status: 500 };
    };
    await imgs.images.addTag(ID, "bücher 服");
    expect(tags).toEqual(["web", "bücher 服"]);
    const patch = fx.requests[1]!;
    expect(patch).toMatchObject({ method: "PATCH", path: `/images/${ID}` });
    expect(patch.headers["content-type"]).toBe(JSON_PATCH);
    expect(patch.json).toEqual([{ op: "replace", path: "/tags", value: ["web", "bücher 服"] }]);
    await imgs.images.addTag(ID, "bücher 服"); // already there: read, no change
    expect(fx.requests.map((r) => r.method)).toEqual(["GET", "PATCH", "GET"]);
    await imgs.images.removeTag(ID, "bücher 服");
    expect(tags).toEqual(["web"]);
    await expect(imgs.images.removeTag(ID, "bücher 服")).rejects.toBeInstanceOf(NoSuchImage);
    expect(fx.requests.filter((r) => r.path.includes("/tags"))).toHaveLength(0);
  });

  it("a tag holding '/' goes by JSON-patch too (Glance decodes /tags/a%2Fb before routing: 404)", async () => {
    const imgs = fx.client();
    let tags: string[] = [];
    fx.script = (r) => {
      if (r.method === "GET") return { status: 200, body: wire({ tags }) };
      if (r.method === "PATCH") {
        tags = (r.json as { value: string[] }[])[0]!.value;
        return { status: 200, body: wire({ tags }) };
      }
      return { status: 404 };
    };
    await imgs.images.addTag(ID, "env/prod");
    expect(tags).toEqual(["env/prod"]);
    await imgs.images.removeTag(ID, "env/prod");
    expect(tags).toEqual([]);
    expect(fx.requests.map((r) => r.method)).toEqual(["GET", "PATCH", "GET", "PATCH"]);
    expect(fx.requests.filter((r) => r.path.includes("/tags"))).toHaveLength(0);
  });
});

describe("data (OpenStack)", () => {
  it("create 201, then upload streams the bytes as octet-stream (204)", async () => {
    fx.script = (r) => (r.method === "POST" ? { status: 201, body: wire({ status: "queued", size: null, checksum: null }) } : { status: 204 });
    const imgs = fx.client();
    const img = await imgs.images.create({ name: "tiny", diskFormat: "raw", containerFormat: "bare", properties: { purpose: "test" } });
    expect(fx.requests[0]!.json).toEqual({ purpose: "test", name: "tiny", disk_format: "raw", container_format: "bare" });
    expect(img.status).toBe("queued");
    await img.upload(Readable.from([Buffer.from("abc"), Buffer.from("def")]));
    expect(fx.requests[1]).toMatchObject({ method: "PUT", path: `/images/${ID}/file` });
    expect(fx.requests[1]!.headers["content-type"]).toBe("application/octet-stream");
    expect(fx.requests[1]!.body.toString()).toBe("abcdef");
  });

  it("a bad disk format is a ValidationError", async () => {
    await expect(fx.client().images.create({ name: "x", diskFormat: "floppy" as "raw" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("download streams the bytes with Glance's checksum; 204 (no data) is ImageHasNoData", async () => {
    const bytes = Buffer.from("image bytes");
    const md5 = createHash("md5").update(bytes).digest("hex");
    fx.script = () => ({ status: 200, body: bytes, headers: { "content-type": "application/octet-stream", "content-md5": md5 } });
    const d = await fx.client().images.download(ID);
    const chunks: Buffer[] = [];
    for await (const c of d.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("image bytes");
    expect(d).toMatchObject({ size: bytes.length, checksum: md5 });
    fx.script = () => ({ status: 204 });
    await expect(fx.client().images.download(ID)).rejects.toBeInstanceOf(ImageHasNoData);
  });
});

describe("sharing", () => {
  const member = (status: string) => ({ member_id: "12345abc", image_id: ID, status, created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", schema: "/v2/schemas/member" });

  it("add / list / remove as the owner", async () => {
    const imgs = fx.client();
    fx.script = () => ({ status: 200, body: member("pending") });
    const m = await imgs.members.add(ID, "12345abc");
    expect(fx.requests[0]).toMatchObject({ method: "POST", path: `/images/${ID}/members`, json: { member: "12345abc" } });
    expect(m).toMatchObject({ memberId: "12345abc", status: "pending", imageId: ID });
    fx.script = () => ({ status: 200, body: { members: [member("pending")], schema: "/v2/schemas/members" } });
    expect((await imgs.members.list(ID)).map((x) => x.memberId)).toEqual(["12345abc"]);
    fx.script = () => ({ status: 204 });
    await m.delete();
    expect(fx.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/images/${ID}/members/12345abc` });
  });

  it("an Image shares itself (pyrax img.add_member / img.delete_member)", async () => {
    fx.script = (r) => (r.method === "GET" ? { status: 200, body: wire() } : r.method === "POST" ? { status: 200, body: member("pending") } : { status: 204 });
    const img = await fx.client().images.get(ID);
    expect((await img.addMember("12345abc")).status).toBe("pending");
    await img.deleteMember("12345abc");
    expect(fx.requests.slice(1).map((r) => [r.method, r.path])).toEqual([
      ["POST", `/images/${ID}/members`],
      ["DELETE", `/images/${ID}/members/12345abc`],
    ]);
  });

  it("a 403 to adding a member is UnsharableImage (pyrax's name) carrying Glance's reason, still a Forbidden", async () => {
    // Glance 25's answer (through Keystone) for a private or public image, or one you do not own.
    fx.script = () => ({ status: 403, headers: { "content-type": "text/html; charset=UTF-8" }, body: `<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  Not allowed to create members for image ${ID}.<br /><br />\n\n\n\n </body>\n</html>` });
    const e = await fx.client().members.add(ID, "12345abc").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnsharableImage);
    expect(e).toBeInstanceOf(Forbidden);
    expect(e).toMatchObject({ status: 403, image: ID, member: "12345abc" });
    expect((e as Error).message).toContain(`Image ${ID} cannot be shared with 12345abc: `);
    expect((e as Error).message).toContain(`Not allowed to create members for image ${ID}.`);
  });

  it("the member accepts for its own project (the session's tenant) by default", async () => {
    fx.script = () => ({ status: 200, body: { ...member("accepted"), member_id: "me-project" } });
    await fx.client().members.update(ID, "accepted");
    expect(fx.requests[0]).toMatchObject({ method: "PUT", path: `/images/${ID}/members/me-project`, json: { status: "accepted" } });
  });

  it("a bad status is a ValidationError; 404 is NoSuchImageMember", async () => {
    await expect(fx.client().members.update(ID, "maybe" as "accepted")).rejects.toBeInstanceOf(ValidationError);
    expect(fx.requests).toHaveLength(0);
    fx.script = () => ({ status: 404, body: "404 Not Found" });
    await expect(fx.client().members.get(ID, "nobody")).rejects.toBeInstanceOf(NoSuchImageMember);
  });
});

describe("tasks", () => {
  const task = (status: string, over: Record<string, unknown> = {}) => ({
    id: "t1",
    type: "import",
    status,
    input: {},
    result: status === "success" ? { image_id: ID } : null,
    message: status === "failure" ? "Image import failed: not a VHD" : "",
    owner: "me-project",
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    schema: "/v2/schemas/task",
    ...over,
  });

  it("import sends pyrax's body (container/object, format, name) and answers 201", async () => {
    fx.script = () => ({ status: 201, body: task("pending") });
    const t = await fx.client().tasks.import({ container: { name: "imports" }, object: "my.vhd", format: "vhd", name: "My image" });
    expect(fx.requests[0]).toMatchObject({
      method: "POST",
      path: "/tasks",
      json: { type: "import", input: { import_from: "imports/my.vhd", import_from_format: "vhd", image_properties: { name: "My image" } } },
    });
    expect(t.status).toBe("pending");
  });

  it("import without a format sends pyrax's default (vhd) and names the image after the object", async () => {
    fx.script = () => ({ status: 201, body: task("pending") });
    await fx.client().tasks.import({ container: "imports", object: "dir/disk.vhd" });
    expect(fx.requests[0]!.json).toEqual({ type: "import", input: { import_from: "imports/dir/disk.vhd", import_from_format: "vhd", image_properties: { name: "dir/disk.vhd" } } });
  });

  it("a container name with a slash (or over 256 bytes) is refused before any request, naming the field", async () => {
    const imgs = fx.client();
    for (const [call, field] of [
      [() => imgs.tasks.import({ container: "a/b", object: "disk.vhd" }), "input.container"],
      [() => imgs.tasks.import({ container: { name: "x".repeat(257) }, object: "disk.vhd" }), "input.container"],
      [() => imgs.tasks.export(ID, "a/b"), "container"],
    ] as const) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe(field);
    }
    expect(fx.requests).toHaveLength(0);
  });

  it("export sends image_uuid + receiving_swift_container", async () => {
    fx.script = () => ({ status: 201, body: task("pending", { type: "export" }) });
    await fx.client().tasks.export({ id: ID }, "exports");
    expect(fx.requests[0]!.json).toEqual({ type: "export", input: { image_uuid: ID, receiving_swift_container: "exports" } });
  });

  it("waitFor polls pending → processing → success and resolves with the result", async () => {
    const states = ["pending", "processing", "success"];
    fx.script = () => ({ status: 200, body: task(states.shift() ?? "success") });
    const seen: unknown[] = [];
    const t = await fx.client().tasks.waitFor("t1", { interval: 1, onProgress: (p) => seen.push(p.value) });
    expect(seen).toEqual(["pending", "processing", "success"]);
    expect(t.result).toEqual({ image_id: ID });
  });

  it("a failed task rejects with TaskFailed carrying Glance's message; attempts bound the wait", async () => {
    fx.script = () => ({ status: 200, body: task("failure") });
    const e = await fx.client().tasks.waitFor("t1", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TaskFailed);
    expect((e as TaskFailed).message).toContain("not a VHD");
    fx.script = () => ({ status: 200, body: task("processing") });
    await expect(fx.client().tasks.waitFor("t1", { interval: 1, attempts: 3 })).rejects.toBeInstanceOf(WaitTimeout);
    expect(fx.requests.filter((r) => r.path === "/tasks/t1").length).toBe(4);
  });

  it("task.waitFor refreshes the task itself: to success with its result, or to failure with Glance's message", async () => {
    fx.script = () => ({ status: 200, body: task("pending") });
    const t = await fx.client().tasks.get("t1");
    const states = ["processing", "success"];
    fx.script = () => ({ status: 200, body: task(states.shift() ?? "success") });
    expect(await t.waitFor({ interval: 1 })).toBe(t);
    expect(t.status).toBe("success");
    expect(t.result).toEqual({ image_id: ID });
    const u = await fx.client().tasks.get("t1");
    fx.script = () => ({ status: 200, body: task("failure") });
    await expect(u.waitFor({ interval: 1 })).rejects.toBeInstanceOf(TaskFailed);
    expect(u.status).toBe("failure");
    expect(u.message).toContain("not a VHD");
  });

  it("track() is core's Job: progress per poll, resolves with the task, keeps the task id, rejects with TaskFailed (a ResourceFailed)", async () => {
    const states = ["pending", "processing", "success"];
    fx.script = () => ({ status: 200, body: task(states.shift() ?? "success") });
    const job = fx.client().tasks.track("t1", { interval: 1 });
    const seen: string[] = [];
    job.on("progress", (t) => seen.push(t.status));
    const done = await job;
    expect(job.id).toBe("t1");
    expect(job.status).toBe("succeeded");
    expect(seen).toEqual(["pending", "processing", "success"]);
    expect(done.result).toEqual({ image_id: ID });
    fx.script = () => ({ status: 200, body: task("failure") });
    const e = await fx.client().tasks.track("t1", { interval: 1 }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(TaskFailed);
    expect(e).toBeInstanceOf(ResourceFailed);
  });

  it("a tracked task's job stops polling on abort()", async () => {
    fx.script = () => ({ status: 200, body: task("processing") });
    const job = fx.client().tasks.track("t1", { interval: 50 });
    setTimeout(() => job.abort(), 20);
    await expect(job).rejects.toBeInstanceOf(AbortError);
    expect(job.status).toBe("aborted");
  });
});

// `ctx.client(Images)` works before authentication (the catalog, and so the endpoint, comes with
// the first token): every call's first request must authenticate first, as any client's does.
/** A session shaped like an identity before `authenticate()`: no token held, no catalog to read. */
class NotYetAuthenticated extends StaticSession {
  authentications = 0;
  #token?: string;
  override currentToken(): string | undefined {
    return this.#token;
  }
  override async getToken(): Promise<string> {
    if (this.#token === undefined) {
      this.authentications++;
      this.#token = await super.getToken();
    }
    return this.#token;
  }
  override endpoint(q: EndpointQuery): string {
    if (this.#token === undefined) throw new NotAuthenticated(`not authenticated: call authenticate() before asking for the "${q.type}" endpoint`);
    return super.endpoint(q);
  }
}

const fresh = () => {
  const session = new NotYetAuthenticated({ token: "lazy-token", tenantId: "me-project", endpoints: { image: fx.url } });
  return { session, imgs: new Images(session) };
};

describe("a client built before authentication", () => {
  it("lists, gets, shares and lists tasks as its first call, authenticating once", async () => {
    const calls: [string, (imgs: Images) => Promise<unknown>, unknown][] = [
      ["list", (imgs) => imgs.images.list().toArray(), { images: [] }],
      ["get", (imgs) => imgs.images.get("img-1"), { id: "img-1", name: "x", status: "queued" }],
      ["members.add", (imgs) => imgs.members.add("img-1", "p2"), { member_id: "p2", image_id: "img-1", status: "pending" }],
      ["tasks.list", (imgs) => imgs.tasks.list().toArray(), { tasks: [] }],
    ];
    for (const [name, call, body] of calls) {
      const { session, imgs } = fresh();
      fx.script = () => ({ status: 200, body });
      await expect(call(imgs), name).resolves.toBeDefined();
      expect(session.authentications, name).toBe(1);
      expect(fx.requests.at(-1)!.headers["x-auth-token"], name).toBe("lazy-token");
    }
  });

  it("bad input is still refused before authenticating", async () => {
    const { session, imgs } = fresh();
    await expect(imgs.images.get("")).rejects.toMatchObject({ name: "ValidationError", field: "image" });
    await expect(imgs.images.addTag("img-1", "")).rejects.toMatchObject({ name: "ValidationError", field: "tag" });
    expect(session.authentications).toBe(0);
    expect(fx.requests).toHaveLength(0);
  });
});
