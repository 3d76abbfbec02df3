import { Transport, ValidationError, isRaxError } from "@rax/core";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debugLines, installLeakScan, recordError } from "./harness/leak-scan";
import { startWorld, type World } from "./harness/world";

// Every public call with bad arguments throws ValidationError naming the field, before any
// request: the proxy must see nothing. ObjectStore's methods are enumerated from its prototype,
// so a method added later without a row here fails the coverage test.

installLeakScan();

let w: World;
beforeAll(async () => {
  w = await startWorld();
  await w.ctx.authenticate();
});
afterAll(async () => {
  await w?.close();
});

/** Call, and return the ValidationError it threw synchronously or rejected with. */
async function validationErrorOf(call: () => unknown): Promise<ValidationError> {
  let err: unknown;
  try {
    const r = call();
    if (r && typeof (r as Promise<unknown>).then === "function") await r;
    else if (r && typeof (r as AsyncIterator<unknown>).next === "function") await (r as AsyncIterator<unknown>).next();
  } catch (e) {
    err = recordError(e);
  }
  expect(err, "expected a ValidationError, the call succeeded").toBeDefined();
  expect(isRaxError(err), String(err)).toBe(true);
  expect(err, String(err)).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

const BAD_C = "has/slash";
const LONG = "x".repeat(1025);

/** method → [bad arguments, field the error must name]. */
const BAD_CALLS: Record<string, [unknown[], string][]> = {
  setAccountMetadata: [[[null], "metadata"], [[{ a: "b" }, { clear: "yes" }], "options.clear"]],
  removeAccountMetadataKey: [[[""], "key"]],
  setTempUrlKey: [[[42], "key"]],
  createContainer: [[[BAD_C], "name"], [["ok", { bogus: 1 }], "options.bogus"]],
  getContainer: [[[BAD_C], "container"], [["ok", { cdn: "yes" }], "options.cdn"]],
  listContainers: [[[{ limit: -1 }], "options.limit"]],
  listContainersInfo: [[[{ limit: -1 }], "options.limit"]],
  getAllContainers: [[[{ marker: 5 }], "options.marker"]],
  iterContainers: [[[{ limit: 0 }], "options.limit"]],
  deleteContainer: [[[BAD_C], "container"], [["ok", { deleteObjects: 1 }], "options.deleteObjects"]],
  getContainerMetadata: [[[""], "container"]],
  setContainerMetadata: [[["ok", null], "metadata"], [[BAD_C, {}], "container"]],
  removeContainerMetadataKey: [[["ok", ""], "key"], [[BAD_C, "k"], "container"]],
  setContainerWebIndexPage: [[["ok", ""], "page"], [[BAD_C, "index.html"], "container"]],
  setContainerWebErrorPage: [[["ok", 5], "page"], [[BAD_C, "error.html"], "container"]],
  storeObject: [[["ok", "", "data"], "name"], [["ok", "n", 123], "data"], [["ok", LONG, "d"], "name"]],
  uploadFile: [[["ok", ""], "path"], [[BAD_C, "/etc/hosts"], "container"]],
  getObject: [[["ok", ""], "name"], [["ok", "a\0b"], "name"]],
  fetchObject: [[["ok", "n", { chunkSize: 0 }], "options.chunkSize"], [["ok", "n", { bogus: 1 }], "options.bogus"]],
  fetchObjectStream: [[["ok", "n", { range: { start: -1 } }], "options.range.start"]],
  iterObjectChunks: [[["ok", "n", {}], "options.chunkSize"]],
  fetchPartial: [[["ok", "n", 0], "size"]],
  downloadObject: [[["ok", "n", ""], "directory"], [["ok", "n", "/tmp", { structure: "yes" }], "options.structure"]],
  deleteObject: [[["ok", LONG], "name"]],
  deleteAllObjects: [[[BAD_C], "container"]],
  copyObject: [[["ok", "n", BAD_C], "newContainer"], [["ok", "n", "ok2", { newObjName: "" }], "options.newObjName"]],
  moveObject: [[["ok", "n", BAD_C], "newContainer"]],
  changeObjectContentType: [[["ok", "n", ""], "contentType"], [["ok", "n", "text/plain\r\nX-Evil: 1"], "contentType"]],
  getObjectMetadata: [[["ok", "a\0b"], "name"]],
  setObjectMetadata: [[["ok", "n", null], "metadata"], [["ok", "n", { "bad key\n": "v" }], "metadata.bad key\n"]],
  removeObjectMetadataKey: [[["ok", "n", ""], "key"]],
  deleteObjectInSeconds: [[["ok", "n", -5], "seconds"], [["ok", "n", 1.5], "seconds"]],
  listObjects: [[[BAD_C], "container"]],
  getObjects: [[[BAD_C], "container"]],
  listContainerObjects: [[[BAD_C], "container"]],
  getContainerObjects: [[[BAD_C], "container"]],
  listObjectNames: [[["ok", { prefix: 7 }], "options.prefix"]],
  listContainerObjectNames: [[[BAD_C], "container"]],
  listSubdirs: [[[BAD_C], "container"]],
  listContainerSubdirs: [[[BAD_C], "container"]],
  bulkDelete: [[["ok", "not-a-list"], "names"], [["ok", ["a", ""]], "names.1"]],
  uploadFolder: [[["/nonexistent/rax-reliability-folder"], "path"], [["/tmp", { concurrency: 0 }], "options.concurrency"]],
  getUploaded: [[["no-such-key"], "key"]],
  cancelFolderUpload: [[["no-such-key"], "key"]],
  syncFolderToContainer: [[["/tmp", BAD_C], "container"], [["/tmp", "ok", { delete: "yes" }], "options.delete"]],
  makeContainerPublic: [[["ok", { ttl: 5 }], "options.ttl"], [[BAD_C], "container"]],
  makeContainerPrivate: [[[BAD_C], "container"]],
  getContainerCdnAttributes: [[[BAD_C], "container"]],
  setCdnLogRetention: [[["ok", "yes"], "enabled"]],
  purgeCdnObject: [[["ok", ""], "name"]],
  listPublicContainers: [[[{ limit: "x" }], "options.limit"]],
  listCdnContainers: [[[{ limit: "x" }], "options.limit"]],
  getTempUrl: [[["ok", "n", -1], "options.seconds"], [["ok", "n", { seconds: 60, method: "PATCH" }], "options.method"]],
};
/** Methods with no argument to get wrong. */
const NO_ARGUMENTS = new Set(["getAccountDetails", "getAccountInfo", "getAccountMetadata", "getTempUrlKey"]);

function publicMethods(proto: object): string[] {
  return Object.getOwnPropertyNames(proto).filter((n) => {
    if (n === "constructor" || n.startsWith("_")) return false;
    const d = Object.getOwnPropertyDescriptor(proto, n);
    return typeof d?.value === "function";
  });
}

describe("ObjectStore", () => {
  it("every public method has bad-argument cases (or takes no arguments)", () => {
    const uncovered = publicMethods(ObjectStore.prototype).filter((m) => !(m in BAD_CALLS) && !NO_ARGUMENTS.has(m));
    expect(uncovered).toEqual([]);
  });

  for (const [method, cases] of Object.entries(BAD_CALLS)) {
    for (const [args, field] of cases) {
      it(`${method}(${args.map((a) => JSON.stringify(a)?.slice(0, 30)).join(", ")}) → ValidationError(${field}), no request`, async () => {
        const before = w.proxy.log.length;
        const fn = (w.store as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
        const e = await validationErrorOf(() => fn.apply(w.store, args));
        expect(e.field).toBe(field);
        expect(w.proxy.log.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([]);
      });
    }
  }

  it("constructor options are validated", async () => {
    for (const [opts, field] of [[{ segmentSize: 0 }, "segmentSize"], [{ segmentConcurrency: -1 }, "segmentConcurrency"], [{ bulkDeleteBatchSize: 1.5 }, "bulkDeleteBatchSize"]] as const) {
      const e = await validationErrorOf(() => new ObjectStore(w.ctx.session, opts));
      expect(e.field).toBe(field);
    }
  });
});

describe("Context", () => {
  const cases: [string, (c: World["ctx"]) => unknown, string][] = [
    ["setCredentials('', secret)", (c) => c.setCredentials("", "s3cret-value"), "username"],
    ["setCredentials(user, '')", (c) => c.setCredentials("user", ""), "secret"],
    ["setCredentialFile('')", (c) => c.setCredentialFile(""), "credentialFile"],
    ["authWithToken('')", (c) => c.authWithToken(""), "token"],
    ["getEndpoint('')", (c) => c.getEndpoint(""), "type"],
    ["client(ObjectStore, { region: '' })", (c) => c.client(ObjectStore, { region: "" }), "region"],
    ["client(ObjectStore, { endpoint: 'not a url' })", (c) => c.client(ObjectStore, { endpoint: "not a url" }), "endpoint"],
  ];
  for (const [what, call, field] of cases) {
    it(`${what} → ValidationError(${field}), no request`, async () => {
      const { ctx } = w.newClient();
      const before = w.proxy.log.length;
      const e = await validationErrorOf(() => call(ctx));
      expect(e.field).toBe(field);
      expect(w.proxy.log.length).toBe(before);
    });
  }
});

describe("core Transport", () => {
  const t = new Transport({ logger: debugLines });
  afterAll(() => t.close());
  const cases: [string, () => unknown, string][] = [
    ["method with a space", () => t.request({ method: "GE T", url: `${w.proxy.url}/x` }), "method"],
    ["relative url", () => t.request({ method: "GET", url: "/relative" }), "url"],
    ["non-http url", () => t.request({ method: "GET", url: "file:///etc/passwd" }), "url"],
    ["connections: 0", () => new Transport({ connections: 0 }), "connections"],
  ];
  for (const [what, call, field] of cases) {
    it(`${what} → ValidationError(${field}), no request`, async () => {
      const before = w.proxy.log.length;
      const e = await validationErrorOf(call);
      expect(e.field).toBe(field);
      expect(w.proxy.log.length).toBe(before);
    });
  }
});
