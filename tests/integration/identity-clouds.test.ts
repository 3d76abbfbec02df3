import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Context, createContext } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOpenStackEnv } from "./openstack-target";

// Issue #17 against the real Keystone (and Swift) of this tier: with only a clouds.yaml written the
// way the openstack CLI's docs write it — or only an openrc's OS_* variables — rax authenticates
// and object storage works; the `openstack` CLI run on the same files is the reference.

const run = promisify(execFile);
const env = readOpenStackEnv();
const demo = env.users.demo;
let dir: string;
let cloudsFile: string;
let secureFile: string;
let appCred: { id: string; name: string; secret: string } | undefined;
const suffix = `${process.pid}-${Date.now().toString(36)}`;

/** The CLI with only the given variables (plus PATH/HOME), so nothing of this machine leaks in. */
async function openstack(vars: Record<string, string>, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run("openstack", [...args, "-f", "json"], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, ...vars },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rax-it-clouds-"));
  // An application credential for demo, made through Keystone's own API with demo's token.
  const ctx = createContext({
    identityType: "keystone",
    authEndpoint: env.authUrl,
    username: demo.username,
    password: demo.password,
    tenantName: demo.projectName,
    configFile: false,
    env: {},
  });
  await ctx.authenticate();
  const name = `rax-it-${suffix}`;
  const res = await fetch(`${env.authUrl}/users/${demo.userId}/application_credentials`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-token": ctx.token as string },
    body: JSON.stringify({ application_credential: { name, description: "rax integration test" } }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { application_credential: { id: string; secret: string } };
  appCred = { id: body.application_credential.id, name, secret: body.application_credential.secret };
  await ctx.close();

  // As the CLI docs write them: clouds.yaml without the password, secure.yaml with it.
  cloudsFile = join(dir, "clouds.yaml");
  secureFile = join(dir, "secure.yaml");
  writeFileSync(
    cloudsFile,
    `clouds:
  demo:
    auth:
      auth_url: ${env.authUrl}
      username: ${demo.username}
      project_name: ${demo.projectName}
      user_domain_name: ${demo.domain}
      project_domain_name: ${demo.domain}
    region_name: ${env.region}
    interface: public
    identity_api_version: 3
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: ${env.authUrl}
      application_credential_id: ${appCred.id}
    region_name: ${env.region}
    identity_api_version: 3
`,
  );
  writeFileSync(
    secureFile,
    `clouds:
  demo:
    auth:
      password: ${demo.password}
  appcred:
    auth:
      application_credential_secret: ${appCred.secret}
`,
  );
  chmodSync(cloudsFile, 0o600);
  chmodSync(secureFile, 0o600);
});

afterAll(async () => {
  if (appCred) {
    const ctx = createContext({ identityType: "keystone", authEndpoint: env.authUrl, username: demo.username, password: demo.password, tenantName: demo.projectName, configFile: false, env: {} });
    await ctx.authenticate();
    await fetch(`${env.authUrl}/users/${demo.userId}/application_credentials/${appCred.id}`, { method: "DELETE", headers: { "x-auth-token": ctx.token as string } });
    await ctx.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function objectStorageWorks(ctx: Context): Promise<void> {
  const os = ctx.client(ObjectStore, { region: env.region });
  const name = `rax-clouds-${suffix}-${Math.random().toString(36).slice(2, 8)}`;
  await os.createContainer(name);
  try {
    await os.storeObject(name, "hello.txt", "hello from clouds.yaml");
    expect((await os.fetchObject(name, "hello.txt")).toString()).toBe("hello from clouds.yaml");
  } finally {
    await os.deleteContainer(name, { deleteObjects: true });
  }
}

describe("clouds.yaml, OS_* and application credentials against real Keystone v3", () => {
  const files = () => ({ OS_CLIENT_CONFIG_FILE: cloudsFile, OS_CLIENT_SECURE_FILE: secureFile });

  it("OS_CLOUD=demo: the CLI and rax get a token for the same project; object storage works", async () => {
    const cli = await openstack({ ...files(), OS_CLOUD: "demo" }, "token", "issue");
    const ctx = await Context.fromEnvironment({ env: { ...files(), OS_CLOUD: "demo" }, configFile: false });
    try {
      expect(ctx.authenticated).toBe(true);
      expect(ctx.tenantId).toBe(cli.project_id);
      expect(ctx.tenantId).toBe(demo.projectId);
      await objectStorageWorks(ctx);
    } finally {
      await ctx.close();
    }
  });

  it("Context.fromCloud('appcred'): an application credential, as the CLI uses it", async () => {
    const cli = await openstack({ ...files(), OS_CLOUD: "appcred" }, "token", "issue");
    const ctx = await Context.fromCloud("appcred", { env: files(), configFile: false });
    try {
      expect(ctx.tenantId).toBe(cli.project_id);
      expect(ctx.user?.id).toBe(demo.userId);
      await objectStorageWorks(ctx);
    } finally {
      await ctx.close();
    }
  });

  it("only an openrc's variables (source openrc; then fromEnvironment)", async () => {
    const openrc = {
      OS_AUTH_URL: env.authUrl,
      OS_USERNAME: demo.username,
      OS_PASSWORD: demo.password,
      OS_PROJECT_NAME: demo.projectName,
      OS_USER_DOMAIN_NAME: demo.domain,
      OS_PROJECT_DOMAIN_NAME: demo.domain,
      OS_REGION_NAME: env.region,
      OS_INTERFACE: "public",
      OS_IDENTITY_API_VERSION: "3",
    };
    const cli = await openstack(openrc, "token", "issue");
    const ctx = await Context.fromEnvironment({ env: openrc, configFile: false });
    try {
      expect(ctx.tenantId).toBe(cli.project_id);
      await objectStorageWorks(ctx);
    } finally {
      await ctx.close();
    }
  });

  it("application credential from OS_* variables", async () => {
    const vars = {
      OS_AUTH_URL: env.authUrl,
      OS_AUTH_TYPE: "v3applicationcredential",
      OS_APPLICATION_CREDENTIAL_ID: appCred?.id as string,
      OS_APPLICATION_CREDENTIAL_SECRET: appCred?.secret as string,
      OS_IDENTITY_API_VERSION: "3",
    };
    const cli = await openstack(vars, "token", "issue");
    const ctx = await Context.fromEnvironment({ env: vars, configFile: false });
    try {
      expect(ctx.tenantId).toBe(cli.project_id);
    } finally {
      await ctx.close();
    }
  });

  it("an application credential by name with the user", async () => {
    const ctx = createContext({
      identityType: "keystone",
      authEndpoint: env.authUrl,
      username: demo.username,
      userDomain: demo.domain,
      applicationCredentialName: appCred?.name as string,
      applicationCredentialSecret: appCred?.secret as string,
      configFile: false,
      env: {},
    });
    try {
      await ctx.authenticate();
      expect(ctx.tenantId).toBe(demo.projectId);
    } finally {
      await ctx.close();
    }
  });

  it("system scope for the admin (as `openstack --os-system-scope all`)", async () => {
    const admin = env.users.admin;
    const vars = {
      OS_AUTH_URL: env.authUrl,
      OS_USERNAME: admin.username,
      OS_PASSWORD: admin.password,
      OS_USER_DOMAIN_NAME: admin.domain,
      OS_SYSTEM_SCOPE: "all",
      OS_IDENTITY_API_VERSION: "3",
    };
    const cli = await openstack(vars, "token", "issue").catch((e: Error) => e);
    const ctx = createContext({ env: vars, configFile: false });
    try {
      const ours = await ctx.authenticate().catch((e: Error) => e);
      // Whatever Keystone says to the CLI, it says to rax.
      expect(ours instanceof Error).toBe(cli instanceof Error);
      if (!(ours instanceof Error)) expect((ctx.identity.authResponse as { token: { system?: unknown } }).token.system).toEqual({ all: true });
    } finally {
      await ctx.close();
    }
  });
});
