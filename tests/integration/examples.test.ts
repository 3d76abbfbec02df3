import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ExampleTarget } from "../../examples/lib/target";
import * as cdn from "../../examples/object-store/cdn";
import * as copyMove from "../../examples/object-store/copy-move";
import * as deleteObjects from "../../examples/object-store/delete-objects";
import * as fetchObjects from "../../examples/object-store/fetch-objects";
import * as listObjects from "../../examples/object-store/list-objects";
import * as metadata from "../../examples/object-store/metadata";
import * as storeObjects from "../../examples/object-store/store-objects";
import * as syncFolder from "../../examples/object-store/sync-folder";
import * as tempUrls from "../../examples/object-store/temp-urls";
import * as uploadFolder from "../../examples/object-store/upload-folder";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

// The user-facing examples, run against real Swift: what the docs show must work on a real cloud.
describe("examples against real Swift (Keystone v3)", () => {
  let os: OpenStackTarget;
  let target: ExampleTarget;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    os = await startOpenStackTarget();
    target = { ctx: os.ctx, region: os.region, kind: "cloud", stop: async () => undefined };
  });
  afterAll(async () => {
    await os?.close();
    vi.restoreAllMocks();
  });

  it("store-objects: etags match, a wrong etag is refused", async () => {
    const r = await storeObjects.main(target);
    expect(r.textEtag).toBe(r.checksum);
    expect(r.rejected).toBe(true);
    expect(r.listed).toEqual(["another.txt", "new_object.txt", "report.csv"]);
  });
  it("fetch-objects: whole, chunked and partial reads agree", async () => {
    const r = await fetchObjects.main(target);
    expect(r.chunked).toBe(r.whole);
    expect(r.partial).toBe("Unicode text:");
  });
  it("upload-folder: the tree lands without ignored files", async () => {
    const r = await uploadFolder.main(target);
    expect(r.listed).toEqual(["README.md", "lib/main.py", "lib/sub/util.py"]);
  });
  it("sync-folder: only changes go up; delete prunes", async () => {
    const r = await syncFolder.main(target);
    expect([...r.second.uploaded].sort()).toEqual(["ideas.txt", "notes.txt"]);
    expect(r.listed).toEqual(["ideas.txt", "notes.txt"]);
  });
  it("list-objects: pages, prefixes, folders", async () => {
    const r = await listObjects.main(target);
    expect(r.walked).toEqual(r.all);
    expect(r.folders).toEqual(["photos/", "videos/"]);
  });
  it("delete-objects: single, scheduled, bulk", async () => {
    const r = await deleteObjects.main(target);
    expect(r.bulk).toMatchObject({ deleted: 3, notFound: 1 });
    expect(r.afterBulk).toEqual(["later.txt"]);
  });
  it("copy-move and metadata", async () => {
    const c = await copyMove.main(target);
    expect(c.sourceAfterMove).toEqual([]);
    expect(c.newContentType).toBe("text/markdown");
    const m = await metadata.main(target);
    expect(m.objectMerged).toEqual({ owner: "ann", reviewed: "yes" });
    expect(m.contentTypeKept).toBe("application/json");
  });
  it("temp-urls: GET and PUT without a token", async () => {
    const r = await tempUrls.main(target);
    expect([r.getStatus, r.putStatus]).toEqual([200, 201]);
    expect(r.uploaded).toBe("sent without credentials");
  });
  it("cdn: says this cloud has no CDN instead of failing", async () => {
    const r = await cdn.main(target);
    expect(r.skipped).toMatch(/object-cdn/);
  });
});
