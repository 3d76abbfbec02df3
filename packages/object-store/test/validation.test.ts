import { type EndpointQuery, StaticSession, ValidationError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ObjectStore } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";

let swift: EmulatedSwift;
let cf: ObjectStore;
beforeAll(async () => {
  swift = await startEmulatedSwift();
});
afterAll(() => swift.close());
beforeEach(() => {
  cf = swift.client();
});

type Call = [string, string, () => unknown];
const bad = 42 as unknown as string;
const long = "x".repeat(1025);

const calls = (): Call[] => [
  ["setAccountMetadata", "metadata", () => cf.setAccountMetadata(null as unknown as Record<string, string>)],
  ["setAccountMetadata (value)", "metadata.k", () => cf.setAccountMetadata({ k: "a\nb" })],
  ["setAccountMetadata (key)", "metadata.bad key", () => cf.setAccountMetadata({ "bad key": "v" })],
  ["setAccountMetadata (clear)", "options.clear", () => cf.setAccountMetadata({ a: "b" }, { clear: "yes" as unknown as boolean })],
  ["removeAccountMetadataKey", "key", () => cf.removeAccountMetadataKey(bad)],
  ["setTempUrlKey", "key", () => cf.setTempUrlKey("")],
  ["createContainer", "name", () => cf.createContainer("a/b")],
  ["createContainer (metadata)", "options.metadata", () => cf.createContainer("ok", { metadata: [] as unknown as Record<string, string> })],
  ["getContainer", "container", () => cf.getContainer("")],
  ["getContainer (long)", "container", () => cf.getContainer("c".repeat(257))],
  ["listContainers", "options.limit", () => cf.listContainers({ limit: 0 })],
  ["listContainersInfo", "options.marker", () => cf.listContainersInfo({ marker: bad })],
  ["getAllContainers", "options.bogus", () => cf.getAllContainers({ bogus: 1 } as never)],
  ["iterContainers", "options.limit", () => cf.iterContainers({ limit: -1 })],
  ["deleteContainer", "options.deleteObjects", () => cf.deleteContainer("c", { deleteObjects: 1 as unknown as boolean })],
  ["getContainerMetadata", "container", () => cf.getContainerMetadata(bad)],
  ["setContainerMetadata", "metadata", () => cf.setContainerMetadata("c", "x" as never)],
  ["removeContainerMetadataKey", "key", () => cf.removeContainerMetadataKey("c", bad)],
  ["setContainerWebIndexPage", "page", () => cf.setContainerWebIndexPage("c", "")],
  ["setContainerWebErrorPage", "page", () => cf.setContainerWebErrorPage("c", bad)],
  ["storeObject (name)", "name", () => cf.storeObject("c", "", "x")],
  ["storeObject (long name)", "name", () => cf.storeObject("c", long, "x")],
  ["storeObject (dot segment)", "name", () => cf.storeObject("c", "a/../b", "x")],
  ["getContainer (dot)", "container", () => cf.getContainer("..")],
  ["storeObject (data)", "data", () => cf.storeObject("c", "o", 5 as never)],
  ["storeObject (etag)", "options.etag", () => cf.storeObject("c", "o", "x", { etag: "nothex" })],
  ["storeObject (ttl)", "options.ttl", () => cf.storeObject("c", "o", "x", { ttl: -1 })],
  ["storeObject (deleteAt)", "options.deleteAt", () => cf.storeObject("c", "o", "x", { deleteAt: new Date("nope") })],
  ["storeObject (manifest)", "options.manifest", () => cf.storeObject("c", "o", "x", { manifest: "xlo" as "slo" })],
  ["storeObject (resume)", "options.uploadId", () => cf.storeObject("c", "o", "x", { resume: true })],
  ["storeObject (ttl and deleteAt)", "options.deleteAt", () => cf.storeObject("c", "o", "x", { ttl: 60, deleteAt: 4102444800 })],
  ["uploadFile (ttl and deleteAt)", "options.deleteAt", () => cf.uploadFile("c", "/etc/hostname", { ttl: 60, deleteAt: new Date("2100-01-01") })],
  ["storeObject (headers)", "options.headers.X-Bad", () => cf.storeObject("c", "o", "x", { headers: { "X-Bad": "a\r\nb" } })],
  ["storeObject (unknown)", "options.ttlSeconds", () => cf.storeObject("c", "o", "x", { ttlSeconds: 5 } as never)],
  ["uploadFile (path)", "path", () => cf.uploadFile("c", "")],
  ["uploadFile (missing file)", "path", () => cf.uploadFile("c", "/definitely/not/here.txt")],
  ["uploadFile (objName)", "options.objName", () => cf.uploadFile("c", "/etc/hostname", { objName: "" })],
  ["getObject", "name", () => cf.getObject("c", bad)],
  ["fetchObject (range)", "options.range.end", () => cf.fetchObject("c", "o", { range: { start: 5, end: 2 } })],
  ["fetchObject (chunkSize)", "options.chunkSize", () => cf.fetchObject("c", "o", { chunkSize: 0 })],
  ["fetchObject (offset)", "options.offset", () => cf.fetchObject("c", "o", { offset: -1 })],
  ["fetchObjectStream", "options.size", () => cf.fetchObjectStream("c", "o", { size: 0 })],
  ["iterObjectChunks", "options.chunkSize", () => cf.iterObjectChunks("c", "o", {} as never)],
  ["fetchPartial", "size", () => cf.fetchPartial("c", "o", 0)],
  ["downloadObject (directory)", "directory", () => cf.downloadObject("c", "o", "")],
  ["downloadObject (structure)", "options.structure", () => cf.downloadObject("c", "o", "/tmp", { structure: "no" as never })],
  ["deleteObject", "container", () => cf.deleteObject("", "o")],
  ["deleteAllObjects", "container", () => cf.deleteAllObjects(bad)],
  ["copyObject", "newContainer", () => cf.copyObject("c", "o", "")],
  ["copyObject (newObjName)", "options.newObjName", () => cf.copyObject("c", "o", "d", { newObjName: "" })],
  ["moveObject", "newContainer", () => cf.moveObject("c", "o", "a/b")],
  ["changeObjectContentType", "contentType", () => cf.changeObjectContentType("c", "o", "")],
  ["getObjectMetadata", "name", () => cf.getObjectMetadata("c", "")],
  ["setObjectMetadata", "metadata.a", () => cf.setObjectMetadata("c", "o", { a: {} as never })],
  ["removeObjectMetadataKey", "key", () => cf.removeObjectMetadataKey("c", "o", "")],
  ["deleteObjectInSeconds", "seconds", () => cf.deleteObjectInSeconds("c", "o", 0)],
  ["listObjects", "options.delimiter", () => cf.listObjects("c", { delimiter: "//" })],
  ["getObjects", "options.fullListing", () => cf.getObjects("c", { fullListing: "y" as never })],
  ["listObjectNames", "options.prefix", () => cf.listObjectNames("c", { prefix: bad })],
  ["listSubdirs", "container", () => cf.listSubdirs("")],
  ["bulkDelete (names)", "names", () => cf.bulkDelete("c", "a" as never)],
  ["bulkDelete (a name)", "names.1", () => cf.bulkDelete("c", ["a", ""])],
  ["bulkDelete (batchSize)", "options.batchSize", () => cf.bulkDelete("c", ["a"], { batchSize: 0 })],
  ["uploadFolder", "path", () => cf.uploadFolder("")],
  ["syncFolderToContainer", "options.prefix", () => cf.syncFolderToContainer("/tmp", "c", { prefix: bad })],
  ["syncFolderToContainer (container)", "container", () => cf.syncFolderToContainer("/tmp", "")],
  ["cancelFolderUpload", "key", () => cf.cancelFolderUpload("nope")],
  ["makeContainerPublic", "options.ttl", () => cf.makeContainerPublic("c", { ttl: 10 })],
  ["makeContainerPrivate", "container", () => cf.makeContainerPrivate("")],
  ["getContainerCdnAttributes", "container", () => cf.getContainerCdnAttributes(bad)],
  ["setCdnLogRetention", "enabled", () => cf.setCdnLogRetention("c", "yes" as never)],
  ["purgeCdnObject", "options.emailAddresses.0", () => cf.purgeCdnObject("c", "o", { emailAddresses: ["not-an-email"] })],
  ["listPublicContainers", "options.limit", () => cf.listPublicContainers({ limit: 1.5 })],
  ["listCdnContainers", "options.endMarker", () => cf.listCdnContainers({ endMarker: bad })],
  ["getTempUrl", "options.seconds", () => cf.getTempUrl("c", "o", { seconds: Number.NaN })],
  ["getTempUrl (filename)", "options.filename", () => cf.getTempUrl("c", "o", { seconds: 5, filename: "" })],
];

describe("bad arguments", () => {
  it.each(calls().map((c) => [c[0], c[1], c[2]] as const))("%s → ValidationError(%s) and no request", async (_name, field, call) => {
    const mark = swift.mark();
    let err: unknown;
    try {
      await call();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe(field);
    expect(swift.since(mark)).toEqual([]);
  });

  it("uploadFile given a stream (pyrax took file objects) says to use storeObject, before any request", async () => {
    const { Readable } = await import("node:stream");
    const mark = swift.mark();
    const err = await cf.uploadFile("c", Readable.from(["x"]) as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ field: "path" });
    expect((err as Error).message).toContain("storeObject(container, name, data)");
    expect(swift.since(mark)).toEqual([]);
  });

  it("client options are validated at construction", () => {
    const session = new StaticSession({ token: swift.token, endpoint: swift.storageUrl });
    expect(() => new ObjectStore(session, { segmentSize: 0 })).toThrow(ValidationError);
    expect(() => new ObjectStore(session, { bulkDeleteBatchSize: -1 })).toThrow(ValidationError);
  });
});

describe("endpoints", () => {
  it("uses the catalog's object-store/cloudFiles entry, the internal (ServiceNet) URL on request, and resolves the CDN lazily", async () => {
    const queries: EndpointQuery[] = [];
    const inner = new StaticSession({ token: swift.token, endpoints: { "object-store": swift.storageUrl, "rax:object-cdn": swift.cdnUrl } });
    const session = Object.assign(Object.create(inner) as StaticSession, {
      endpoint: (q: EndpointQuery) => {
        queries.push(q);
        return inner.endpoint(q);
      },
      getToken: () => inner.getToken(),
      reauthenticate: (t: string) => inner.reauthenticate(t),
      transport: inner.transport,
    });
    const internal = new ObjectStore(session, { internal: true, region: "ORD" });
    expect(queries).toEqual([]);
    await internal.getAccountMetadata();
    expect(queries).toEqual([{ type: "object-store", name: "cloudFiles", region: "ORD", internal: true }]);
    await swift.put("c", "o", "x");
    await internal.getContainerCdnAttributes("c");
    expect(queries[1]).toEqual({ type: "rax:object-cdn", name: "cloudFilesCDN", region: "ORD", internal: false });
    expect(ObjectStore.serviceType).toBe("object-store");
    expect(ObjectStore.serviceName).toBe("cloudFiles");
  });
});
