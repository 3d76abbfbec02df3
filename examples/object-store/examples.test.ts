import { sep } from "node:path";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as accountInfo from "./account-info";
import * as accountMetadata from "./account-metadata";
import * as cdn from "./cdn";
import * as copyMove from "./copy-move";
import * as createContainer from "./create-container";
import * as deleteObjects from "./delete-objects";
import * as fetchObjects from "./fetch-objects";
import * as getContainer from "./get-container";
import * as listContainers from "./list-containers";
import * as listObjects from "./list-objects";
import * as metadata from "./metadata";
import * as namespaces from "./namespaces";
import * as nestedFolders from "./nested-folders";
import * as storeObjects from "./store-objects";
import * as syncFolder from "./sync-folder";
import * as tempUrls from "./temp-urls";
import * as uploadFolder from "./upload-folder";

// Every "Working with Cloud Files" example, run against one emulator, checked for what it promises.
describe("object-store examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  async function containersLeft(): Promise<string[]> {
    return (await target.ctx.client(ObjectStore, { region: target.region }).listContainers({ prefix: "rax-example-" }));
  }

  it("namespaces: containers / objects through the canonical surface", async () => {
    expect(await namespaces.main(target)).toEqual({ names: ["notes/today.txt"], text: "written through cf.objects", city: "Zürich" });
    expect(await containersLeft()).toEqual([]);
  });

  it("account-info reports counts from the account", async () => {
    const info = await accountInfo.main(target);
    expect(info.containerCount).toBe(0);
    expect(info.bytesUsed).toBe(0);
  });

  it("account-metadata sets keys and removes them again", async () => {
    const r = await accountMetadata.main(target);
    expect(r.afterSet).toMatchObject({ "example-owner": "quickstart", "example-team": "docs" });
    expect(r.afterRemove["example-owner"]).toBeUndefined();
    expect(r.afterRemove["example-team"]).toBeUndefined();
  });

  it("create-container is idempotent", async () => {
    const r = await createContainer.main(target);
    expect(r.second).toBe(r.first);
    expect(r.objectCountAfter).toBe(1);
  });

  it("list-containers lists names, info and pages", async () => {
    const r = await listContainers.main(target);
    expect(r.names).toHaveLength(3);
    expect(r.paged).toEqual(r.names);
    expect(r.info.map((c) => c.name)).toEqual(r.names);
  });

  it("get-container finds the container and reports a missing one as NoSuchContainer", async () => {
    const r = await getContainer.main(target);
    expect(r.objectCount).toBe(1);
    expect(r.missingError).toBe("NoSuchContainer");
  });

  it("store-objects stores text and a file with matching etags and refuses a wrong etag", async () => {
    const r = await storeObjects.main(target);
    expect(r.textEtag).toBe(r.checksum);
    expect(r.fileObject).toBe("report.csv");
    expect(r.fileBytes).toBe(12);
    expect(r.fileContentType).toBe("text/csv");
    expect(r.rejected).toBe(true);
    expect(r.listed).toEqual(["another.txt", "new_object.txt", "report.csv"]);
  });

  it("fetch-objects gets identical text whole, chunked and via the object; a partial read is the prefix", async () => {
    const r = await fetchObjects.main(target);
    expect(r.whole).toContain("日本語");
    expect(r.viaObject).toBe(r.whole);
    expect(r.chunked).toBe(r.whole);
    expect(r.chunkCount).toBe(Math.ceil(Buffer.byteLength(r.whole) / 16));
    expect(r.partial).toBe("Unicode text:");
    expect(r.contentType).toBe("text/plain; charset=utf-8");
  });

  it("nested-folders recreates the folders, or not with structure: false", async () => {
    const r = await nestedFolders.main(target);
    expect(r.withStructure).toBe(["photos", "vacations", "2012", "cancun", "beach.jpg"].join(sep));
    expect(r.flat).toBe("beach.jpg");
    expect(r.content).toBe("not really a jpeg");
  });

  it("upload-folder lands the tree minus ignored files", async () => {
    const r = await uploadFolder.main(target);
    expect(r.listed).toEqual(["README.md", "lib/main.py", "lib/sub/util.py"]);
    expect([...r.uploaded].sort()).toEqual(r.listed);
    expect(r.uploadedBytes).toBe(r.totalBytes);
    expect(r.totalBytes).toBe(15 + 12 + 6);
    expect(r.progressEvents).toBeGreaterThan(0);
  });

  it("sync-folder uploads new and changed files only, and deletes with delete: true", async () => {
    const r = await syncFolder.main(target);
    expect([...r.first.uploaded].sort()).toEqual(["notes.txt", "todo.txt"]);
    expect([...r.second.uploaded].sort()).toEqual(["ideas.txt", "notes.txt"]);
    expect(r.second.skipped).toEqual(["todo.txt"]);
    expect(r.third.deleted).toEqual(["todo.txt"]);
    expect(r.third.uploaded).toEqual([]);
    expect(r.listed).toEqual(["ideas.txt", "notes.txt"]);
  });

  it("list-objects pages, filters by prefix and rolls up folders", async () => {
    const r = await listObjects.main(target);
    expect(r.all).toEqual(["notes.txt", "photos/2012/c.jpg", "photos/a.jpg", "photos/b.jpg", "videos/d.mp4"]);
    expect(r.firstPage).toEqual(r.all.slice(0, 2));
    expect(r.hasMore).toBe(true);
    expect(r.walked).toEqual(r.all);
    expect(r.underPhotos).toEqual(["photos/2012/c.jpg", "photos/a.jpg", "photos/b.jpg"]);
    expect(r.folders).toEqual(["photos/", "videos/"]);
    expect(r.topLevel).toEqual(["notes.txt", "photos/", "videos/"]);
  });

  it("delete-objects deletes one, schedules one and bulk-deletes the rest", async () => {
    const r = await deleteObjects.main(target);
    expect(r.afterSingle).not.toContain("a.txt");
    expect(r.deleteAt).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(r.bulk).toMatchObject({ deleted: 3, notFound: 1 });
    expect(r.afterBulk).toEqual(["later.txt"]);
  });

  it("copy-move copies, moves and changes the content type", async () => {
    const r = await copyMove.main(target);
    expect(r.copied).toMatch(/\/report-copy\.txt$/);
    expect(r.copiedContent).toBe("quarterly numbers");
    expect(r.moved).toMatch(/\/report-final\.txt$/);
    expect(r.sourceAfterMove).toEqual([]);
    expect(r.newContentType).toBe("text/markdown");
  });

  it("metadata merges, removes and clears, keeping the content type", async () => {
    const r = await metadata.main(target);
    expect(r.container).toEqual({ project: "apollo", stage: "draft" });
    expect(r.objectMerged).toEqual({ owner: "ann", reviewed: "yes" });
    expect(r.objectAfterRemove).toEqual({ reviewed: "yes" });
    expect(r.objectCleared).toEqual({ archived: "2024" });
    expect(r.contentTypeKept).toBe("application/json");
  });

  it("cdn publishes, serves without a token, and unpublishes", async () => {
    const r = await cdn.main(target);
    expect(r.skipped).toBeUndefined();
    expect(r.published).toMatchObject({ cdnEnabled: true, cdnTtl: 900 });
    expect(r.publicContent).toBe("pretend this is a logo");
    expect(r.listedAsPublic).toBe(true);
    expect(r.logRetention).toBe(true);
    expect(r.afterPrivate?.cdnEnabled).toBe(false);
  });

  it("temp-urls GET and PUT work without a token", async () => {
    const r = await tempUrls.main(target);
    expect(r.getStatus).toBe(200);
    expect(r.downloaded).toBe("pretend this is a photo");
    expect(r.putStatus).toBe(201);
    expect(r.uploaded).toBe("sent without credentials");
  });

  it("every example cleaned up its containers", async () => {
    expect(await containersLeft()).toEqual([]);
  });
});
