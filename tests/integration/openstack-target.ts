import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Context, type ContextOptions } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";
import type { Target } from "../scenarios/target";
import { evictCachedToken } from "./memcached";

interface EnvUser {
  username: string;
  password: string;
  projectName: string;
  projectId: string;
  userId: string;
  domain: string;
}
interface OpenStackEnv {
  authUrl: string;
  /** host:port of the memcached Keystone and Swift share. */
  memcached: string;
  region: string;
  users: Record<"admin" | "demo" | "alt_demo", EnvUser>;
}

// RAX_OPENSTACK_DIR names a stack started with `start.sh --dir DIR` (e.g. in its own network namespace).
const ENV_FILE = process.env.RAX_OPENSTACK_DIR
  ? `${process.env.RAX_OPENSTACK_DIR}/env.json`
  : fileURLToPath(new URL("../../.openstack/env.json", import.meta.url));

/** `.openstack/env.json` (or `$RAX_OPENSTACK_DIR/env.json`), written by `bash scripts/openstack/start.sh`. */
export function readOpenStackEnv(): OpenStackEnv {
  try {
    return JSON.parse(readFileSync(ENV_FILE, "utf8")) as OpenStackEnv;
  } catch (e) {
    throw new Error(`${ENV_FILE} is missing: run \`bash scripts/openstack/start.sh keystone swift\` first`, { cause: e });
  }
}

export interface OpenStackTarget extends Target {
  env: OpenStackEnv;
  close(): Promise<void>;
}

/** Real Keystone v3 + Swift, as the `demo` user (Swift operator role `member`). */
export async function startOpenStackTarget(): Promise<OpenStackTarget> {
  const env = readOpenStackEnv();
  const contextFor = (user: EnvUser, overrides: Partial<ContextOptions> = {}) =>
    new Context({
      identityType: "keystone",
      authEndpoint: env.authUrl,
      username: user.username,
      password: user.password,
      tenantName: user.projectName,
      userDomain: user.domain,
      projectDomain: user.domain,
      // Keep this machine's ~/.rax.cfg and CLOUD_* variables out of the test.
      configFile: false,
      env: {},
      ...overrides,
    });
  const newContext = (credential: "password" | "apiKey", overrides?: Partial<ContextOptions>) => {
    if (credential === "apiKey") throw new Error("Keystone has no API keys");
    return contextFor(env.users.demo, overrides);
  };
  const ctx = newContext("password");
  await ctx.authenticate();
  const admin = contextFor(env.users.admin);
  await admin.authenticate();

  return {
    name: "openstack",
    env,
    ctx,
    region: env.region,
    regions: [env.region],
    objectStore: () => ctx.client(ObjectStore, { region: env.region }),
    revokeToken: async (token) => {
      // Keystone v3 revocation: an admin token revokes the subject token.
      const res = await fetch(`${env.authUrl}/auth/tokens`, {
        method: "DELETE",
        headers: { "x-auth-token": await admin.session.getToken(), "x-subject-token": token },
      });
      if (res.status !== 204) throw new Error(`Keystone refused to revoke the token: HTTP ${res.status}`);
      // Swift would otherwise honour its cached validation for token_cache_time (see DIFFERENCES.md).
      await evictCachedToken(env.memcached, token);
    },
    newContext,
    supports: { cdn: false, apiKeyAuth: false },
    close: async () => {
      await ctx.close();
      await admin.close();
    },
  };
}
