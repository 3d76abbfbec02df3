#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./start";

const USAGE = `Usage: rax-emulator [--port N] [--host H] [--region R ...]

Starts a local Rackspace Cloud / OpenStack emulator (identity, Cloud Files, CDN).
Stops on SIGINT / SIGTERM.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      region: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`rax-emulator: --port must be an integer 0-65535, got ${values.port}`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator({ port, host: values.host, ...(values.region ? { regions: values.region } : {}) });
  const user = emulator.users[0]!;
  console.log(`rax-emulator listening on ${emulator.url}`);
  console.log(`  Rackspace auth (v2.0): ${emulator.authUrl}`);
  console.log(`  Keystone v3:           ${emulator.keystoneUrl}`);
  // Emulator-only credentials: printing them is the point.
  console.log(`  username: ${user.username}  api key: ${user.apiKey}  password: ${user.password}  tenant: ${user.tenantId}`);
  console.log(`  regions: ${emulator.regions.join(", ")} (default ${user.defaultRegion})`);
  const stop = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`rax-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
