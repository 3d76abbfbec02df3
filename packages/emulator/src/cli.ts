#!/usr/bin/env node
import { parseArgs } from "node:util";
import type { EmulatorUserInput } from "./identity/users";
import { startEmulator } from "./start";
import { parseUserSpec, readUsersFile, UserSpecError } from "./user-specs";

const USAGE = `Usage: rax-emulator [--port N] [--host H] [--region R ...] [--user name:password[:project[:role]] ...]
                    [--users file.json] [--layout endpoints|paths]

Starts a local Rackspace Cloud / OpenStack emulator (identity, Cloud Files, CDN; the other
catalog services answer 501). Identity (Keystone /v2.0 and /v3) is at the root of --port; each
service endpoint gets a port of its own, named in the catalog (--layout paths: one port for all).

  --user     repeatable; e.g. --user admin:secret:admin:admin --user demo:secret:demo:member.
             Users naming the same project share it. Replaces the default demo user.
  --users    a JSON array of such strings or of objects {username, password, apiKey, project,
             roles, tenantId, defaultRegion, ...}; combined with --user.
Stops on SIGINT / SIGTERM.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      region: { type: "string", multiple: true },
      user: { type: "string", multiple: true },
      users: { type: "string" },
      layout: { type: "string", default: "endpoints" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port must be an integer 0-65535, got ${values.port}`);
  const layout = values.layout;
  if (layout !== "endpoints" && layout !== "paths") return usageError(`--layout must be endpoints or paths, got ${layout}`);
  let users: EmulatorUserInput[] = [];
  try {
    if (values.users) users.push(...(await readUsersFile(values.users)));
    users.push(...(values.user ?? []).map(parseUserSpec));
  } catch (error) {
    if (error instanceof UserSpecError) return usageError(error.message);
    throw error;
  }
  let emulator;
  try {
    emulator = await startEmulator({ port, host: values.host, layout, ...(values.region ? { regions: values.region } : {}), ...(users.length ? { users } : {}) });
  } catch (error) {
    // Duplicate user names and the like: a usage problem, not a crash.
    if (error instanceof TypeError) return usageError(error.message);
    throw error;
  }
  console.log(`rax-emulator listening on ${emulator.url}`);
  console.log(`  Rackspace auth (v2.0): ${emulator.authUrl}`);
  console.log(`  Keystone v3:           ${emulator.keystoneUrl}   (OS_AUTH_URL=${emulator.url}/v3 OS_USER_DOMAIN_ID=default OS_PROJECT_DOMAIN_ID=default)`);
  // Emulator-only credentials: printing them is the point.
  for (const user of emulator.users) {
    const roles = user.roles.map((r) => r.name).join(",");
    const key = user.apiKey !== undefined ? `  api key: ${user.apiKey}` : "";
    console.log(`  username: ${user.username}${key}  password: ${user.password ?? "(none)"}  project: ${user.tenantName}  tenant: ${user.tenantId}  roles: ${roles}`);
  }
  console.log(`  regions: ${emulator.regions.join(", ")} (default ${emulator.users[0]!.defaultRegion})`);
  const stop = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function usageError(message: string): void {
  console.error(`rax-emulator: ${message}`);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(`rax-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
