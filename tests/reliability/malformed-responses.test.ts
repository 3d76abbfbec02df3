import { HttpError, InvalidResponse, isRaxError } from "@rax/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { installLeakScan, rejectionOf } from "./harness/leak-scan";
import { type Fault } from "./harness/fault-proxy";
import { TENANT, startWorld, type World } from "./harness/world";

// A server that answers 200 with something else than the API documents (a captive portal's HTML,
// a truncated body, wrong types) must give the caller a typed error, never a TypeError or a crash.

installLeakScan();

let w: World;
beforeAll(async () => {
  w = await startWorld();
  await w.ctx.authenticate();
  await w.store.createContainer("mal");
  await w.store.storeObject("mal", "o", "x");
});
afterEach(() => w.proxy.clearFaults());
afterAll(async () => {
  await w?.close();
});

const json = (body: string): Fault => ({ kind: "rewrite", status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body });
const html: Fault = { kind: "rewrite", status: 200, headers: { "content-type": "text/html" }, body: "<html><body>Please log in to the Wi-Fi</body></html>" };

function expectTyped(e: unknown) {
  expect(e).not.toBeInstanceOf(TypeError);
  expect(isRaxError(e), String(e)).toBe(true);
  expect(e instanceof InvalidResponse || e instanceof HttpError, String(e)).toBe(true);
}

const containerListing = { method: "GET", path: `/object-store/DFW/v1/MossoCloudFS_${TENANT}/mal` };
const accountListing = { method: "GET", path: /\/MossoCloudFS_\d+$/ };

describe("object listings", () => {
  const bodies: [string, Fault][] = [
    ["truncated JSON", json('[{"name": "a", "bytes": 1')],
    ["an HTML page with status 200", html],
    ["a JSON object instead of an array", json('{"error": "nope"}')],
    ["null rows", json("[null, null]")],
    ["rows of the wrong type", json('[1, "two", true]')],
    ["rows whose fields have the wrong types", json('[{"name": 5, "bytes": "many", "hash": 7}]')],
    ["rows without a name", json('[{"bytes": 1}]')],
  ];
  for (const [what, fault] of bodies) {
    it(`${what} → InvalidResponse/HttpError, never TypeError`, async () => {
      w.proxy.inject({ match: containerListing, fault });
      expectTyped(await rejectionOf(w.store.listObjectNames("mal")));
    });
  }
  it("the account listing with null rows → typed error", async () => {
    w.proxy.inject({ match: accountListing, fault: json("[null]") });
    expectTyped(await rejectionOf(w.store.listContainers()));
  });
});

describe("bulk delete", () => {
  for (const [what, fault] of [["HTML", html], ["truncated JSON", json('{"Number Deleted": 1')], ["a JSON array", json("[1,2]")]] as const) {
    it(`a bulk-delete answer that is ${what} → typed error`, async () => {
      w.proxy.inject({ match: { method: "DELETE", query: /bulk-delete/ }, fault });
      expectTyped(await rejectionOf(w.store.bulkDelete("mal", ["o"])));
    });
  }
});

describe("identity token responses", () => {
  const bodies: [string, Fault][] = [
    ["an HTML page", html],
    ["truncated JSON", json('{"access": {"token": {"id": "abc"')],
    ["a token of the wrong type", json('{"access": {"token": 5, "serviceCatalog": "none"}}')],
    ["an empty object", json("{}")],
  ];
  for (const [what, fault] of bodies) {
    it(`${what} → typed error from authenticate()`, async () => {
      const { ctx } = w.newClient();
      w.proxy.inject({ match: { method: "POST", path: /\/tokens$/ }, fault });
      expectTyped(await rejectionOf(ctx.authenticate()));
    });
  }
});
