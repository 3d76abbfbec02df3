import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ValidationError } from "@rax/core";
import { Context, KeystoneIdentity, RackspaceIdentity, cloudFromOsEnv, createContext, loadCloudsFile } from "../src/index";
import { resetWarnings } from "../src/warn-once";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

// Issue #17: the configuration OpenStack users already have — clouds.yaml (+ secure.yaml) from the
// standard places, OS_CLOUD or a name in code, OS_* variables from an openrc, application
// credentials and domain / system scopes. Against a local fake Keystone (the emulator has no
// application credentials yet).

let fake: FakeIdentity;
let dir: string;
const open: Context[] = [];
beforeAll(async () => {
  fake = await startFakeIdentity();
  dir = mkdtempSync(join(tmpdir(), "rax-clouds-"));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  fake.requests.length = 0;
  for (const c of open.splice(0)) await c.close();
});

function write(rel: string, text: string, mode = 0o600): string {
  const p = join(dir, rel);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

const track = (c: Context) => {
  open.push(c);
  return c;
};

function clouds(): string {
  return `
clouds:
  devstack:
    auth:
      auth_url: ${fake.v3}
      username: demo
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: public
    identity_api_version: 3
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: ${fake.v3}
      application_credential_id: app-cred-1
    region_name: [RegionOne, RegionTwo]
  appcred-by-name:
    auth_type: v3applicationcredential
    auth:
      auth_url: ${fake.v3}
      username: demo
      user_domain_name: Default
      application_credential_name: ci-deploy
      application_credential_secret: ${fake.opts.appCredential.secret}
  domain-admin:
    auth:
      auth_url: ${fake.v3}
      username: demo
      password: ${fake.opts.password}
      domain_name: Default
  system-admin:
    auth:
      auth_url: ${fake.v3}
      username: demo
      password: ${fake.opts.password}
      user_domain_name: Default
      system_scope: all
  rax:
    profile: rackspace
    auth:
      username: demo
      api_key: ${fake.opts.apiKey}
  internal:
    auth:
      auth_url: ${fake.v3}
      username: demo
      password: ${fake.opts.password}
      project_name: demo
    interface: internal
  oidc:
    auth_type: v3oidcpassword
    auth:
      auth_url: ${fake.v3}
`;
}

function secure(): string {
  return `
clouds:
  devstack:
    auth:
      password: ${fake.opts.password}
  appcred:
    auth:
      application_credential_secret: ${fake.opts.appCredential.secret}
`;
}

describe("clouds.yaml and secure.yaml", () => {
  it("OS_CLOUD picks a cloud from OS_CLIENT_CONFIG_FILE, with secure.yaml's password merged in; it authenticates", async () => {
    const file = write("a/clouds.yaml", clouds());
    const sec = write("a/secure.yaml", secure());
    const env = { OS_CLOUD: "devstack", OS_CLIENT_CONFIG_FILE: file, OS_CLIENT_SECURE_FILE: sec };
    const ctx = track(await Context.fromEnvironment({ env, configFile: false }));
    expect(ctx.authenticated).toBe(true);
    expect(ctx.identity).toBeInstanceOf(KeystoneIdentity);
    expect(ctx.getSetting("region")).toBe("RegionOne");
    expect(fake.tokenPosts()[0]?.body).toEqual({
      auth: {
        identity: { methods: ["password"], password: { user: { name: "demo", domain: { name: "Default" }, password: fake.opts.password } } },
        scope: { project: { name: "demo", domain: { name: "Default" } } },
      },
    });
    expect(ctx.getEndpoint("object-store")).toBe(`${fake.url}/files/RegionOne/public`);
  });

  it("finds clouds.yaml and secure.yaml in the user's config directory; a name in code beats OS_CLOUD", async () => {
    write("xdg/openstack/clouds.yaml", clouds());
    write("xdg/openstack/secure.yaml", secure());
    const env = { XDG_CONFIG_HOME: join(dir, "xdg"), HOME: join(dir, "nohome"), OS_CLOUD: "nope" };
    expect(loadCloudsFile({ env, cwd: join(dir, "nowhere") })?.path).toBe(join(dir, "xdg/openstack/clouds.yaml"));
    const ctx = track(await Context.fromCloud("devstack", { env, configFile: false }));
    expect(ctx.authenticated).toBe(true);
  });

  it("the current directory comes before the user's config directory", () => {
    write("cwd/clouds.yaml", "clouds:\n  here: { auth: { auth_url: http://127.0.0.1:1/v3 } }\n");
    write("xdg2/openstack/clouds.yaml", "clouds:\n  there: { auth: { auth_url: http://127.0.0.1:1/v3 } }\n");
    const file = loadCloudsFile({ env: { XDG_CONFIG_HOME: join(dir, "xdg2") }, cwd: join(dir, "cwd") });
    expect(Object.keys(file?.clouds ?? {})).toEqual(["here"]);
  });

  it("explicit options win over the cloud's values", () => {
    const file = write("b/clouds.yaml", clouds());
    const ctx = track(createContext({ cloud: "devstack", env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false, region: "RegionTwo" }));
    expect(ctx.getSetting("region")).toBe("RegionTwo");
    expect(ctx.identityType).toBe("keystone");
  });

  it("OS_CLOUD in the environment is not consulted when the code says who authenticates where", () => {
    const file = write("b2/clouds.yaml", clouds());
    const ctx = track(createContext({ identityType: "rackspace", authEndpoint: fake.v2, username: "demo", apiKey: fake.opts.apiKey, env: { OS_CLOUD: "devstack", OS_CLIENT_CONFIG_FILE: file }, configFile: false }));
    expect(ctx.identity).toBeInstanceOf(RackspaceIdentity);
    expect(ctx.getSetting("region")).toBeUndefined();
  });

  it("an unknown cloud names the file and the clouds it defines", () => {
    const file = write("c/clouds.yaml", clouds());
    expect(() => createContext({ cloud: "mars", env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false })).toThrow(/no cloud "mars" in .*clouds\.yaml; it defines: devstack, appcred/);
  });

  it("an auth_type rax does not speak is refused, naming it", () => {
    const file = write("d/clouds.yaml", clouds());
    expect(() => createContext({ cloud: "oidc", env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false })).toThrow(
      expect.objectContaining({ field: "auth_type", message: expect.stringMatching(/v3oidcpassword/) }),
    );
  });

  it("broken YAML is a ValidationError naming the file", () => {
    const file = write("e/clouds.yaml", "clouds:\n  x: [unclosed\n");
    expect(() => createContext({ cloud: "x", env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false })).toThrow(ValidationError);
  });

  it("a password that looks like a number or a boolean reaches Keystone as written", async () => {
    const odd = await startFakeIdentity({ password: "0123" });
    try {
      const p = write("numeric/clouds.yaml", `clouds:\n  n:\n    auth:\n      auth_url: ${odd.v3}\n      username: demo\n      password: 0123\n      project_name: demo\n`);
      const ctx = track(await Context.fromCloud("n", { env: { OS_CLIENT_CONFIG_FILE: p }, configFile: false }));
      expect(ctx.authenticated).toBe(true);
    } finally {
      await odd.close();
    }
  });

  it("profile: rackspace supplies Rackspace's identity endpoint and API-key auth", () => {
    const file = write("f/clouds.yaml", clouds());
    const ctx = track(createContext({ cloud: "rax", env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false }));
    expect(ctx.identity).toBeInstanceOf(RackspaceIdentity);
    expect(ctx.identity.authEndpoint).toBe("https://identity.api.rackspacecloud.com/v2.0");
    expect(ctx.getSetting("region")).toBe("DFW");
    expect(ctx.identity.hasCredentials).toBe(true);
  });

  it("interface: internal makes clients and endpoints use internal URLs", async () => {
    const file = write("g/clouds.yaml", clouds());
    const ctx = track(await Context.fromCloud("internal", { env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false }));
    expect(ctx.getEndpoint("object-store", { region: "RegionOne" })).toBe(`${fake.url}/files/RegionOne/internal`);
    expect(ctx.getEndpoint("object-store", { region: "RegionOne", internal: false })).toBe(`${fake.url}/files/RegionOne/public`);
  });

  it("a clouds.yaml holding a password that others can read gets a warning; its secrets never print", async () => {
    resetWarnings();
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      const file = write("h/clouds.yaml", clouds(), 0o644);
      const ctx = track(await Context.fromCloud("domain-admin", { env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false }));
      expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/readable by group or others.*chmod 600/);
      const printed = [inspect(ctx, { depth: Infinity, showHidden: true }), JSON.stringify(ctx), inspect(ctx.identity, { customInspect: false, depth: Infinity })].join("\n");
      expect(printed).not.toContain(fake.opts.password);
      expect(printed).not.toContain(ctx.token as string);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("Keystone v3 application credentials and scopes", () => {
  it("by id (secret from secure.yaml): no scope is sent, the token is the credential's project", async () => {
    const file = write("i/clouds.yaml", clouds());
    const sec = write("i/secure.yaml", secure());
    const ctx = track(await Context.fromCloud("appcred", { env: { OS_CLIENT_CONFIG_FILE: file, OS_CLIENT_SECURE_FILE: sec }, configFile: false }));
    expect(fake.tokenPosts()[0]?.body).toEqual({
      auth: { identity: { methods: ["application_credential"], application_credential: { id: "app-cred-1", secret: fake.opts.appCredential.secret } } },
    });
    expect(ctx.tenantId).toBe("p-app");
    expect(ctx.getSetting("region")).toBe("RegionOne");
    expect(JSON.stringify(ctx) + inspect(ctx.identity, { customInspect: false, depth: Infinity })).not.toContain(fake.opts.appCredential.secret);
  });

  it("by name with the user and domain", async () => {
    const file = write("j/clouds.yaml", clouds());
    const ctx = track(await Context.fromCloud("appcred-by-name", { env: { OS_CLIENT_CONFIG_FILE: file }, configFile: false }));
    expect(ctx.authenticated).toBe(true);
    expect(fake.tokenPosts()[0]?.body).toMatchObject({
      auth: { identity: { application_credential: { name: "ci-deploy", user: { name: "demo", domain: { name: "Default" } } } } },
    });
  });

  it("an application credential re-authenticates by itself on a 401", async () => {
    const ctx = track(
      createContext({ identityType: "keystone", authEndpoint: fake.v3, applicationCredentialId: "app-cred-1", applicationCredentialSecret: fake.opts.appCredential.secret, configFile: false, env: {} }),
    );
    expect(ctx.identity.hasCredentials).toBe(true);
    await ctx.authenticate();
    const first = ctx.token as string;
    fake.valid.delete(first);
    expect(await ctx.identity.reauthenticate(first)).not.toBe(first);
    expect(fake.tokenPosts()).toHaveLength(2);
  });

  it("without its secret, or on Keystone v2.0, an application credential is refused before any request", () => {
    expect(() => new KeystoneIdentity({ authEndpoint: fake.v3, applicationCredentialId: "x" })).toThrow(expect.objectContaining({ field: "applicationCredentialSecret" }));
    expect(() => new KeystoneIdentity({ authEndpoint: fake.v2, applicationCredentialId: "x", applicationCredentialSecret: "s3cret-value" })).toThrow(/Keystone v3/);
    expect(() => new KeystoneIdentity({ authEndpoint: fake.v3, applicationCredentialName: "x", applicationCredentialSecret: "s3cret-value" })).toThrow(expect.objectContaining({ field: "applicationCredentialName" }));
  });

  it("domain scope (domain_name without a project) and system scope", async () => {
    const file = write("k/clouds.yaml", clouds());
    const env = { OS_CLIENT_CONFIG_FILE: file };
    track(await Context.fromCloud("domain-admin", { env, configFile: false }));
    expect(fake.tokenPosts()[0]?.body).toMatchObject({ auth: { scope: { domain: { name: "Default" } } } });
    track(await Context.fromCloud("system-admin", { env, configFile: false }));
    expect(fake.tokenPosts()[1]?.body).toMatchObject({ auth: { scope: { system: { all: true } } } });
  });

  it("two scopes at once are refused", () => {
    expect(() => new KeystoneIdentity({ authEndpoint: fake.v3, username: "demo", password: "pw-value", tenantName: "demo", systemScope: "all" })).toThrow(
      expect.objectContaining({ field: "scope" }),
    );
  });
});

describe("OS_* variables (source openrc, then fromEnvironment)", () => {
  const openrc = () => ({
    OS_AUTH_URL: fake.v3,
    OS_USERNAME: "demo",
    OS_PASSWORD: fake.opts.password,
    OS_PROJECT_NAME: "demo",
    OS_USER_DOMAIN_NAME: "Default",
    OS_PROJECT_DOMAIN_NAME: "Default",
    OS_REGION_NAME: "RegionOne",
    OS_INTERFACE: "public",
    OS_IDENTITY_API_VERSION: "3",
  });

  it("an openrc's variables alone authenticate", async () => {
    const ctx = track(await Context.fromEnvironment({ env: openrc(), configFile: false }));
    expect(ctx.authenticated).toBe(true);
    expect(ctx.identityType).toBe("keystone");
    expect(ctx.getSetting("region")).toBe("RegionOne");
    expect(fake.tokenPosts()[0]?.body).toMatchObject({ auth: { scope: { project: { name: "demo", domain: { name: "Default" } } } } });
  });

  it("OS_APPLICATION_CREDENTIAL_ID / _SECRET with OS_AUTH_TYPE", async () => {
    const env = {
      OS_AUTH_URL: fake.v3,
      OS_AUTH_TYPE: "v3applicationcredential",
      OS_APPLICATION_CREDENTIAL_ID: "app-cred-1",
      OS_APPLICATION_CREDENTIAL_SECRET: fake.opts.appCredential.secret,
    };
    const ctx = track(await Context.fromEnvironment({ env, configFile: false }));
    expect(ctx.tenantId).toBe("p-app");
  });

  it("OS_TOKEN: a token-only session", async () => {
    const donor = track(createContext({ identityType: "keystone", authEndpoint: fake.v3, username: "demo", password: fake.opts.password, tenantName: "demo", configFile: false, env: {} }));
    await donor.authenticate();
    const env = { OS_AUTH_URL: fake.v3, OS_AUTH_TYPE: "v3token", OS_TOKEN: donor.token as string, OS_PROJECT_NAME: "demo" };
    const ctx = track(await Context.fromEnvironment({ env, configFile: false }));
    expect(ctx.authenticated).toBe(true);
    expect(ctx.identity.tokenOnly).toBe(true);
    expect(fake.tokenPosts()[1]?.body).toMatchObject({ auth: { identity: { methods: ["token"] } } });
  });

  it("pyrax's credentials win: with CLOUD_USERNAME / CLOUD_API_KEY set, OS_* are not read", () => {
    const env = { ...openrc(), CLOUD_ID_TYPE: "rackspace", CLOUD_USERNAME: "demo", CLOUD_API_KEY: fake.opts.apiKey, CLOUD_AUTH_ENDPOINT: fake.v2 };
    const ctx = track(createContext({ env, configFile: false }));
    expect(ctx.identityType).toBe("rackspace");
    expect(ctx.getSetting("region")).toBeUndefined();
  });

  it("without OS_AUTH_URL nothing is read from OS_*", () => {
    expect(cloudFromOsEnv({ OS_USERNAME: "x" })).toBeUndefined();
  });
});
