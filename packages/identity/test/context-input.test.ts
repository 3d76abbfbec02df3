import { describe, expect, it } from "vitest";
import { ValidationError } from "@rax/core";
import { Context, createContext } from "../src/index";

// Context checks its input without zod when it can see the input is valid, and hands everything else
// to zod: the same values pass and fail as with zod alone, with zod's messages.
const base = { identityType: "keystone" as const, authEndpoint: "http://127.0.0.1:1/v3", configFile: false as const, env: {} };

function refusal(fn: () => unknown): { field: string; message: string } | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return { field: e.field, message: e.message };
    throw e;
  }
  return undefined;
}

describe("Context options", () => {
  it.each([
    ["authEndpoint", "https://identity.api.rackspacecloud.com/v2.0/"],
    ["authEndpoint", "HTTP://127.0.0.1:5000"],
    // Not plainly valid here, so zod decides: it trims, and accepts an IPv6 host.
    ["authEndpoint", "  http://127.0.0.1:5000/v3  "],
    ["authEndpoint", "http://[::1]:5000/v3"],
    ["username", "  demo "],
    ["authVersion", "v3"],
    ["interface", "internal"],
    ["refreshAheadMs", 0],
    ["userAgent", ""],
    ["username", undefined],
  ])("accepts %s = %j", (field, value) => {
    expect(refusal(() => createContext({ ...base, [field]: value }))).toBeUndefined();
  });

  it.each([
    ["authEndpoint", "ftp://x", "must be an http(s) URL"],
    ["authEndpoint", "http:127.0.0.1:5000", "must be an http(s) URL"],
    ["authEndpoint", "not a url", "must be an http(s) URL"],
    ["username", "   ", "must be a non-empty string"],
    ["apiKey", 42, "Invalid input: expected string, received number"],
    ["identityType", "kerberos", 'Invalid option: expected one of "rackspace"|"keystone"'],
    ["authVersion", "4", "Invalid option"],
    ["verifySsl", "no", "Invalid input: expected boolean, received string"],
    ["refreshAheadMs", -1, "Too small: expected number to be >=0"],
    ["refreshAheadMs", 1.5, "Invalid input: expected int, received number"],
    ["userAgent", null, "Invalid input: expected string, received null"],
  ])("refuses %s = %j: %s", (field, value, message) => {
    const r = refusal(() => createContext({ ...base, [field]: value }));
    expect(r?.field).toBe(field);
    expect(r?.message).toContain(message);
  });

  it("pyrax's create_context(env=\"public\") as env: \"public\" is refused, pointing at environment (it was read as no variables and the default environment)", () => {
    const r = refusal(() => createContext({ ...base, env: "public" as never }));
    expect(r?.field).toBe("env");
    expect(r?.message).toContain('environment: "public"');
    expect(refusal(() => createContext({ ...base, env: null as never }))?.field).toBe("env");
    expect(refusal(() => createContext({ ...base, env: { CLOUD_REGION: "ORD" } }))).toBeUndefined();
  });

  it("refuses options that are not an object", () => {
    expect(refusal(() => new Context([] as never))).toBeDefined();
  });
});

describe("client options, credentials and a cloud name", () => {
  const ctx = createContext({ ...base, username: "demo", password: "secret" });
  class Files {
    static serviceType = "object-store";
  }

  it("client(): refuses an empty region, a non-boolean internal and a malformed endpoint with zod's words", () => {
    const client = (o: Record<string, unknown>) => () => ctx.client(Files as never, o as never);
    expect(refusal(client({ region: " " }))).toMatchObject({ field: "region", message: expect.stringContaining("must be a non-empty string") });
    expect(refusal(client({ internal: "yes" }))).toMatchObject({ field: "internal", message: expect.stringContaining("expected boolean") });
    expect(refusal(client({ endpoint: "::" }))).toMatchObject({ field: "endpoint", message: expect.stringContaining("Invalid URL") });
  });

  it("setCredentials: an empty username or secret, or a non-string field, names it", () => {
    expect(refusal(() => ctx.setCredentials("", "x"))).toMatchObject({ field: "username", message: expect.stringContaining("must be a non-empty string") });
    expect(refusal(() => ctx.setCredentials("demo", ""))).toMatchObject({ field: "secret", message: expect.stringContaining("must be a non-empty string") });
    expect(refusal(() => ctx.setCredentials({ apiKey: 7 as unknown as string }))).toMatchObject({ field: "apiKey", message: expect.stringContaining("expected string") });
  });

  it("fromCloud: a blank name is refused before anything is read", () => {
    expect(refusal(() => Context.fromCloud("  "))).toMatchObject({ field: "cloud", message: expect.stringContaining("must be a non-empty string") });
  });
});
