import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { BadRequest, Forbidden, ValidationError } from "@rax/core";
import { type Image, Images, NoSuchImage, NoSuchImageMember, NoSuchTask, UnsharableImage } from "@rax/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface ImageScenarioOptions {
  /** A project id to share images with (another account's). */
  memberProject: string;
  /** That project's own Images client, to answer a share as the member; without it those tests are skipped. */
  memberImages?: () => Images;
  /** Stock Glance's tasks API (open to members by the stack's policy): it imports from a URL only and has no export. */
  glanceTasks?: boolean;
}

/**
 * Glance v2 behaviour users rely on — the seed's "Images" (listing, filtering, sharing) plus
 * OpenStack's data upload/download — against the emulator and real Glance: the same assertions.
 */
export function imageScenarios(getTarget: () => Target, o: ImageScenarioOptions): void {
  let imgs: Images;
  const made: Image[] = [];

  async function image(label: string, extra: Record<string, unknown> = {}): Promise<Image> {
    const img = await imgs.images.create({ name: uniqueName(label), diskFormat: "raw", containerFormat: "bare", ...extra });
    made.push(img);
    return img;
  }

  beforeAll(() => {
    const t = getTarget();
    imgs = t.ctx.client(Images, { region: t.region });
  });
  afterAll(async () => {
    for (const i of made) await i.delete().catch(() => undefined);
  });

  describe("Listing and filtering images", () => {
    it("a first page, and every page by following next links", async () => {
      const a = await image("list-a");
      const b = await image("list-b");
      const all = await imgs.images.list({ pageSize: 1 }).toArray();
      const ids = all.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(new Set(ids).size).toBe(ids.length);
      const first = await imgs.images.list({ pageSize: 1 });
      expect(first.items).toHaveLength(1);
    });

    it("filters by name, tag, status and sort, as Glance does", async () => {
      const tag = uniqueName("tag");
      const img = await image("filtered", { tags: [tag] });
      expect((await imgs.images.list({ name: img.name }).toArray()).map((i) => i.id)).toEqual([img.id]);
      expect((await imgs.images.list({ tag }).toArray()).map((i) => i.id)).toEqual([img.id]);
      expect((await imgs.images.list({ status: "queued", tag }).toArray()).map((i) => i.id)).toEqual([img.id]);
      expect(await imgs.images.list({ status: "active", tag }).toArray()).toEqual([]);
      const sorted = (await imgs.images.list({ sortKey: "name", sortDir: "asc", limit: 50 }).toArray()).map((i) => i.name);
      expect(sorted).toEqual([...sorted].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    });

    it("filters by visibility, owner, size range and creation date, as Glance does", async () => {
      const tag = uniqueName("tag");
      const img = await image("sized", { tags: [tag], visibility: "shared" });
      await img.upload(new Uint8Array(15_000));
      await img.reload();
      const ids = async (f: Parameters<Images["images"]["list"]>[0]) => (await imgs.images.list({ tag, ...f }).toArray()).map((i) => i.id);
      expect(await ids({ visibility: "shared" })).toEqual([img.id]);
      expect(await ids({ visibility: "private" })).toEqual([]);
      expect(await ids({ owner: img.owner! })).toEqual([img.id]);
      expect(await ids({ owner: "no-such-owner" })).toEqual([]);
      expect(await ids({ sizeMin: 15_000, sizeMax: 15_000 })).toEqual([img.id]);
      expect(await ids({ sizeMin: 15_001 })).toEqual([]);
      expect(await ids({ createdAt: { gte: new Date(Date.parse(img.createdAt!) - 60_000) } })).toEqual([img.id]);
      expect(await ids({ createdAt: { lt: new Date(Date.parse(img.createdAt!) - 60_000) } })).toEqual([]);
    });

    it("a marker that names no image is Glance's 400", async () => {
      const unknown = "5a5a5a5a-0000-4000-8000-000000000000";
      const e = await imgs.images.list({ marker: unknown }).then(() => undefined, (x: unknown) => x);
      expect(e).toBeInstanceOf(BadRequest);
      expect((e as Error).message).toContain(`No image found with ID ${unknown}`);
    });

    it("bad filter values are refused before any request", () => {
      expect(() => imgs.images.list({ visibility: "everyone" as "public" })).toThrow(ValidationError);
      expect(() => imgs.images.list({ sortDir: "sideways" as "asc" })).toThrow(ValidationError);
    });
  });

  describe("One image: get, find, update, tags, data, delete", () => {
    it("update renames, adds and removes properties through a JSON patch; find and get see it", async () => {
      const img = await image("upd");
      const name = uniqueName("renamed");
      await img.update({ name, rax_purpose: "scenario" });
      expect(img).toMatchObject({ name, properties: expect.objectContaining({ rax_purpose: "scenario" }) });
      await img.update({ rax_purpose: null, minRam: 256 });
      const fresh = await imgs.images.find(name);
      expect(fresh.id).toBe(img.id);
      expect(fresh.minRam).toBe(256);
      expect(fresh.properties).not.toHaveProperty("rax_purpose");
    });

    it("tags are added and removed", async () => {
      const img = await image("tags");
      await img.addTag("blue");
      expect((await img.reload()).tags).toContain("blue");
      await img.removeTag("blue");
      expect((await img.reload()).tags).not.toContain("blue");
      // Removing it again: the image is there, the tag is not — and the error says which.
      const again = await img.removeTag("blue").catch((e: unknown) => e);
      expect(again).toBeInstanceOf(NoSuchImage);
      expect((again as Error).message).toBe(`No image with tag "blue" and id "${img.id}" in image (${getTarget().region})`);
    });

    it("a non-ASCII tag is stored as written, found by a tag filter, and removed", async () => {
      const img = await image("utf8-tags");
      await img.addTag("blue");
      await img.addTag("bücher 服");
      expect((await img.reload()).tags.sort()).toEqual(["blue", "bücher 服"]);
      expect((await imgs.images.list({ tag: "bücher 服" }).toArray()).map((i) => i.id)).toEqual([img.id]);
      await img.removeTag("bücher 服");
      expect((await img.reload()).tags).toEqual(["blue"]);
      await expect(img.removeTag("bücher 服")).rejects.toBeInstanceOf(NoSuchImage);
    });

    it("data streams up and back down byte for byte; the image goes active with Glance's checksum", async () => {
      const img = await image("data");
      const bytes = Buffer.from("rax image data ".repeat(1000));
      await img.upload(Readable.from([bytes.subarray(0, 7000), bytes.subarray(7000)]));
      const md5 = createHash("md5").update(bytes).digest("hex");
      expect(await img.reload()).toMatchObject({ status: "active", size: bytes.length, checksum: md5 });
      const down = await img.download();
      const chunks: Buffer[] = [];
      for await (const c of down.body) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    });

    it("get of an unknown id and find of an unknown name are NoSuchImage; find names the catalog entry it searched", async () => {
      const t = getTarget();
      await expect(imgs.images.get("00000000-1111-2222-3333-444444444444")).rejects.toMatchObject({ name: "NoSuchImage", status: 404, image: "00000000-1111-2222-3333-444444444444" });
      const name = uniqueName("nobody");
      const miss = await imgs.images.find(name).catch((e: unknown) => e);
      expect(miss).toBeInstanceOf(NoSuchImage);
      expect((miss as Error).message).toBe(`No image named "${name}" in image (${t.region})`);
    });

    it("a protected image cannot be deleted (403) until it is unprotected", async () => {
      const img = await image("protected", { protected: true });
      await expect(img.delete()).rejects.toBeInstanceOf(Forbidden);
      await img.update({ protected: false });
      await img.delete();
      await expect(imgs.images.get(img.id)).rejects.toBeInstanceOf(NoSuchImage);
    });

    it("delete removes the image; get is then NoSuchImage", async () => {
      const img = await imgs.images.create({ name: uniqueName("del") });
      await img.delete();
      await expect(imgs.images.get(img.id)).rejects.toBeInstanceOf(NoSuchImage);
    });
  });

  describe("Sharing an image", () => {
    it("adds a member (pending), lists it, removes it", async () => {
      const img = await image("share", { visibility: "shared" });
      const m = await imgs.members.add(img, o.memberProject);
      expect(m).toMatchObject({ memberId: o.memberProject, imageId: img.id, status: "pending" });
      expect((await imgs.members.list(img)).map((x) => x.memberId)).toEqual([o.memberProject]);
      expect(await imgs.members.get(img, o.memberProject)).toMatchObject({ memberId: o.memberProject, status: "pending" });
      await imgs.members.remove(img, o.memberProject);
      expect(await imgs.members.list(img)).toEqual([]);
      await expect(imgs.members.get(img, o.memberProject)).rejects.toBeInstanceOf(NoSuchImageMember);
    });

    it("an image that is not `shared` cannot take members: UnsharableImage with Glance's words", async () => {
      const img = await image("private", { visibility: "private" });
      const e = await imgs.members.add(img, o.memberProject).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UnsharableImage);
      expect(e).toMatchObject({ status: 403, image: img.id, member: o.memberProject });
      // Glance 25 wraps its reason ("Only shared images have members.") in the call's own words.
      expect((e as Error).message).toContain(`Not allowed to create members for image ${img.id}.`);
    });

    it("only the member answers a share: the owner answering (even for itself) is Forbidden", async () => {
      const img = await image("own-share", { visibility: "shared" });
      await imgs.members.add(img, o.memberProject);
      await expect(imgs.members.update(img, "accepted")).rejects.toBeInstanceOf(Forbidden);
      await expect(imgs.members.update(img, "accepted", { member: o.memberProject })).rejects.toBeInstanceOf(Forbidden);
      expect((await imgs.members.get(img, o.memberProject)).status).toBe("pending");
    });

    it.skipIf(!o.memberImages)("the member accepts (the image is listed for it), then rejects (it is not)", async () => {
      const theirs = o.memberImages!();
      const img = await image("answered", { visibility: "shared" });
      await imgs.members.add(img, o.memberProject);
      const listed = async () => (await theirs.images.list({ name: img.name }).toArray()).map((i) => i.id);
      expect(await listed()).toEqual([]);
      expect(await theirs.members.update(img.id, "accepted")).toMatchObject({ memberId: o.memberProject, imageId: img.id, status: "accepted" });
      expect(await listed()).toEqual([img.id]);
      expect((await theirs.images.get(img.id)).id).toBe(img.id);
      expect((await imgs.members.get(img, o.memberProject)).status).toBe("accepted");
      expect(await theirs.members.update(img.id, "rejected")).toMatchObject({ status: "rejected" });
      expect(await listed()).toEqual([]);
      expect((await theirs.images.list({ name: img.name, memberStatus: "rejected" }).toArray()).map((i) => i.id)).toEqual([img.id]);
      // A member may not share further or change the image.
      await expect(theirs.images.update(img.id, { name: uniqueName("hijack") })).rejects.toBeInstanceOf(Forbidden);
    });
  });

  describe.skipIf(!o.glanceTasks)("Tasks on stock Glance", () => {
    it("lists tasks; an unknown task is NoSuchTask", async () => {
      expect(Array.isArray(await imgs.tasks.list({ limit: 5 }).toArray())).toBe(true);
      await expect(imgs.tasks.get("00000000-1111-2222-3333-444444444444")).rejects.toBeInstanceOf(NoSuchTask);
    });

    it("an import from Cloud Files (container/object) is refused at once: stock Glance imports from a URL only", async () => {
      const e = await imgs.tasks.import({ container: "images", object: "disk.vhd" }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BadRequest);
      expect((e as Error).message).toContain("valid uri");
    });

    it("an export is refused at once: stock Glance's tasks have no export type", async () => {
      const img = await image("export");
      const e = await imgs.tasks.export(img, "exports").catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BadRequest);
      expect((e as Error).message).toContain("'export' is not one of");
    });
  });
}
