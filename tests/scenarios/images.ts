import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { ValidationError } from "@rax/core";
import { type Image, Images, NoSuchImage } from "@rax/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface ImageScenarioOptions {
  /** A project id to share images with (another account's). */
  memberProject: string;
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
      await imgs.members.remove(img, o.memberProject);
      expect(await imgs.members.list(img)).toEqual([]);
    });
  });
}
