import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@rax/emulator";
import { Context } from "../src/index";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.stop());
beforeEach(() => {
  emu.faults.clear();
  emu.clearRequests();
});

const tokenPosts = () => emu.requests.filter((r) => r.method === "POST" && r.path.endsWith("/tokens")).length;
const ctx = () =>
  new Context({
    identityType: "rackspace",
    authEndpoint: emu.authUrl,
    username: "demo",
    apiKey: "demo-api-key",
    configFile: false,
    env: {},
    transportOptions: { retry: { baseDelayMs: 1 } },
  });

it("retries a token request the identity service answered with 503", async () => {
  emu.faults.inject({ match: { method: "POST", service: "identity" }, status: 503, times: 1 });
  const c = await ctx().authenticate();
  expect(c.authenticated).toBe(true);
  expect(tokenPosts()).toBe(2);
});

it("retries a token request whose connection was reset (issuing a token is safe to repeat)", async () => {
  emu.faults.inject({ match: { method: "POST", service: "identity" }, resetConnection: true, times: 1 });
  const c = await ctx().authenticate();
  expect(c.authenticated).toBe(true);
});

it("does not retry bad credentials", async () => {
  const c = new Context({
    identityType: "rackspace",
    authEndpoint: emu.authUrl,
    username: "demo",
    apiKey: "wrong-key",
    configFile: false,
    env: {},
  });
  await expect(c.authenticate()).rejects.toMatchObject({ status: 401 });
  expect(tokenPosts()).toBe(1);
});
