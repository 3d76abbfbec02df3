import { Images } from "@rax/images";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as exportImage from "./export-image";
import * as filterImages from "./filter-images";
import * as imageData from "./image-data";
import * as importImage from "./import-image";
import * as listImages from "./list-images";
import * as shareImage from "./share-image";

// Every "Images" example, run against one emulator, checked for what it promises.
describe("images examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("list-images: a first page, and every image through the pages", async () => {
    const r = await listImages.main(target);
    expect(r.firstPage).toBeGreaterThan(0);
    expect(r.all).toBeGreaterThanOrEqual(r.firstPage);
  });

  it("filter-images: visibility + sort, name, tag + status + date, and a refused sort direction", async () => {
    const r = await filterImages.main(target);
    expect(r).toMatchObject({ byName: 1, byTag: 1, sortedAsc: true, refused: "filters.sortDir" });
    expect(r.publicCount).toBeGreaterThan(0);
  });

  it("share-image: the member is pending, listed, then removed", async () => {
    expect(await shareImage.main(target)).toEqual({ status: "pending", members: ["12345abc"], after: [] });
  });

  it("export-image: pending → processing → success, and the VHD is in the container", async () => {
    const r = await exportImage.main(target);
    expect(r.statuses).toEqual(["pending", "processing", "success"]);
    expect(r.exported).toBe(true);
  });

  it("import-image: the task succeeds and the image is active under the given name", async () => {
    expect(await importImage.main(target)).toEqual({ status: "success", imageName: "Imported server", imageStatus: "active" });
  });

  it("image-data: upload, patch, tag and download round-trip", async () => {
    const r = await imageData.main(target);
    expect(r).toMatchObject({ status: "active", checksumMatches: true, roundTrip: true, tags: ["example"] });
    expect(r.renamed).toMatch(/-renamed$/);
  });

  it("every example cleaned up its images", async () => {
    const own = (await target.ctx.client(Images, { region: target.region }).images.list({ visibility: "shared" }).toArray()).concat(
      await target.ctx.client(Images, { region: target.region }).images.list({ visibility: "private" }).toArray(),
    );
    expect(own.map((i) => i.name)).toEqual([]);
  });
});
