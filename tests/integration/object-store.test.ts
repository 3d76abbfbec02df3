import { Context } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectStoreScenarios } from "../scenarios/object-store";
import { uniqueName } from "../scenarios/target";
import { type OpenStackTarget, startOpenStackTarget } from "./openstack-target";

let target: OpenStackTarget;
beforeAll(async () => {
  target = await startOpenStackTarget();
});
afterAll(async () => {
  await target?.close();
});

describe("object store scenarios against real Swift (Keystone v3)", () => {
  objectStoreScenarios(() => target);
});

describe("a store into another project's container through a write-only ACL (real Swift)", () => {
  it("succeeds; the content type Swift guessed stays unknown, since the writer may not read it back", async () => {
    const owner = target.objectStore();
    const name = uniqueName("acl-write");
    // keystoneauth ACLs name `project:user`; this one grants writes and no reads.
    await owner.createContainer(name);
    const u = target.env.users.alt_demo;
    const token = await target.ctx.session.getToken();
    const acl = await fetch(`${owner.endpoint}/${name}`, { method: "POST", headers: { "x-auth-token": token, "x-container-write": `${u.projectName}:${u.username}` } });
    expect(acl.status).toBe(204);
    const writerCtx = new Context({
      identityType: "keystone", authEndpoint: target.env.authUrl, username: u.username, password: u.password,
      tenantName: u.projectName, userDomain: u.domain, projectDomain: u.domain, configFile: false, env: {},
    });
    try {
      const writer = writerCtx.client(ObjectStore, { endpoint: owner.endpoint });
      const obj = await writer.storeObject(name, "drop.html", "<p>dropped</p>");
      expect(obj.contentType).toBeUndefined();
      expect(obj.bytes).toBe(14);
      // Swift did guess it; the owner can read it.
      expect((await owner.getObject(name, "drop.html")).contentType).toBe("text/html");
      // Named by the writer, it is known without reading back.
      expect((await writer.storeObject(name, "named.txt", "x", { contentType: "text/x-named" })).contentType).toBe("text/x-named");
    } finally {
      await owner.deleteContainer(name, { deleteObjects: true });
    }
  });
});
