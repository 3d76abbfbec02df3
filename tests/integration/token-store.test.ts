// Issue #16 against real Keystone v3 + Swift: a token (and catalog) kept in a FileTokenStore is
// used by a later session without asking Keystone, Swift accepts it, and a revoked stored token
// costs exactly one fresh authentication and is replaced in the store.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileTokenStore, type StoredToken } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

let target: OpenStackTarget;
let dir: string;
beforeAll(async () => {
  target = await startOpenStackTarget();
  dir = mkdtempSync(join(tmpdir(), "rax-it-tokens-"));
});
afterAll(async () => {
  await target?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh session for demo with the store, and its requests as "METHOD service status" (from the debug log). */
function session(store: FileTokenStore) {
  const lines: string[] = [];
  const ctx = target.newContext("password", { tokenStore: store, logger: (l: string) => lines.push(l) });
  const calls = () =>
    lines.flatMap((l) => {
      const m = /^rax: (\w+) (\S+) -> (\d{3})/.exec(l);
      return m ? [`${m[1]} ${m[2]!.includes("/auth/tokens") ? "keystone" : "swift"} ${m[3]}`] : [];
    });
  return { ctx, calls };
}

describe("token store against real Keystone v3 and Swift", () => {
  it("a second session uses the stored token and catalog; Swift accepts it; a revoked one is replaced once", async () => {
    const store = new FileTokenStore({ dir });
    const first = session(store);
    await first.ctx.client(ObjectStore, { region: target.region }).listContainers();
    expect(first.calls()).toEqual(["POST keystone 201", "GET swift 200"]);
    const stored = (await store.get(first.ctx.identity.tokenStoreKey as string)) as StoredToken;
    expect(stored.token).toBe(first.ctx.token);
    expect(stored.catalog.some((s) => s.type === "object-store")).toBe(true);

    const second = session(store);
    await second.ctx.client(ObjectStore, { region: target.region }).listContainers();
    expect(second.ctx.token).toBe(first.ctx.token);
    expect(second.calls()).toEqual(["GET swift 200"]);

    await target.revokeToken(stored.token);
    const third = session(store);
    await third.ctx.client(ObjectStore, { region: target.region }).listContainers();
    expect(third.ctx.token).not.toBe(stored.token);
    expect(third.calls()).toEqual(["GET swift 401", "POST keystone 201", "GET swift 200"]);
    expect(((await store.get(third.ctx.identity.tokenStoreKey as string)) as StoredToken).token).toBe(third.ctx.token);
    for (const s of [first, second, third]) await s.ctx.close();
  });
});
