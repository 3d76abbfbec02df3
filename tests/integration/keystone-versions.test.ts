import { describe, expect, it } from "vitest";
import { BadRequest, NotFound, Redirected } from "@rax/core";
import { KeystoneIdentity, KeystoneVersionNotServed, RackspaceIdentity } from "@rax/identity";
import { readOpenStackEnv } from "./openstack-target";

describe("real Keystone (Zed, v3 only) given a /v2.0 auth URL", () => {
  it("fails with KeystoneVersionNotServed naming the /v3 URL to use, without the password", async () => {
    const env = readOpenStackEnv();
    const user = env.users.demo;
    const v2 = env.authUrl.replace(/\/v3\/?$/, "/v2.0");
    const id = new KeystoneIdentity({ authEndpoint: v2, username: user.username, password: user.password, tenantName: user.projectName });
    const e = await id.authenticate().then(
      () => undefined,
      (err: unknown) => err,
    );
    await id.close();
    expect(e).toBeInstanceOf(KeystoneVersionNotServed);
    expect(e).toBeInstanceOf(NotFound);
    const err = e as KeystoneVersionNotServed;
    expect(err.offered.map((v) => v.id.slice(0, 2))).toEqual(["v3"]);
    expect(err.message).toContain(`use authEndpoint ${env.authUrl.replace(/\/+$/, "")}`);
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(user.password);
  });
});

describe("real Keystone given to identity_type rackspace", () => {
  it("the token path's 404 says this needs identity_type keystone, without the password", async () => {
    const env = readOpenStackEnv();
    const user = env.users.demo;
    const id = new RackspaceIdentity({ authEndpoint: env.authUrl, username: user.username, password: user.password });
    const e = await id.authenticate().then(
      () => undefined,
      (err: unknown) => err,
    );
    await id.close();
    expect(e).toBeInstanceOf(NotFound);
    const err = e as NotFound;
    expect(err.message).toContain('identity_type "keystone"');
    expect(err.message).toContain("No Rackspace identity token path");
    expect(`${err.message} ${JSON.stringify(err)}`).not.toContain(user.password);
  });
});

describe("real Neutron's URL given as a Keystone auth URL", () => {
  it("is a NotFound saying it is not a Keystone (Neutron lists v2.0), not 'use its /v2.0'", async (t) => {
    const env = readOpenStackEnv() as ReturnType<typeof readOpenStackEnv> & { neutron?: { url: string } };
    if (!env.neutron) t.skip("the stack runs no Neutron");
    const user = env.users.demo;
    const id = new KeystoneIdentity({ authEndpoint: `${env.neutron!.url}/v3`, username: user.username, password: user.password, tenantName: user.projectName });
    const e = await id.authenticate().then(
      () => undefined,
      (err: unknown) => err,
    );
    await id.close();
    expect(e).toBeInstanceOf(NotFound);
    expect(e).not.toBeInstanceOf(KeystoneVersionNotServed);
    expect((e as Error).message).toContain("is not a Keystone");
    expect((e as Error).message).not.toContain("use authEndpoint");
  });
});

describe("real Glance and Swift URLs given as a Keystone auth URL", () => {
  it("Glance's 300 and Swift's 400 on the token path say the URL is not a Keystone", async (t) => {
    const env = readOpenStackEnv() as ReturnType<typeof readOpenStackEnv> & { glance?: { url: string }; swift?: { keystoneProxy: string } };
    if (!env.glance || !env.swift) t.skip("the stack runs no Glance or Swift");
    const user = env.users.demo;
    for (const [url, cls] of [
      [env.glance!.url, Redirected],
      [env.swift!.keystoneProxy, BadRequest],
    ] as const) {
      const id = new KeystoneIdentity({ authEndpoint: `${url}/v3`, username: user.username, password: user.password, tenantName: user.projectName });
      const e = await id.authenticate().then(
        () => undefined,
        (err: unknown) => err,
      );
      await id.close();
      expect(e).toBeInstanceOf(cls);
      expect((e as Error).message).toContain(`${url}/v3/auth/tokens is not a Keystone token path`);
      expect(`${(e as Error).message}${JSON.stringify(e)}`).not.toContain(user.password);
    }
  });
});
