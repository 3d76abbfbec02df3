import { inspect } from "node:util";
import { NoEndpointForService, StaticSession } from "@rax/core";
import { describe, expect, it } from "vitest";
import { BlockStorage } from "../src/index";

const TOKEN = "client-test-token-0123456789";

describe("BlockStorage endpoint choice", () => {
  it("prefers volumev3 over Rackspace's volume, and finds compute for attach; printing shows no token", () => {
    const session = new StaticSession({
      token: TOKEN,
      endpoints: { volume: "http://127.0.0.1:1/v1/123", volumev3: "http://127.0.0.1:1/v3/123/", compute: "http://127.0.0.1:2/v2.1/123" },
    });
    const cbs = new BlockStorage(session);
    expect(cbs.endpoint).toBe("http://127.0.0.1:1/v3/123");
    expect(cbs.computeEndpoint).toBe("http://127.0.0.1:2/v2.1/123");
    for (const shown of [inspect(cbs, { depth: 5 }), JSON.stringify(cbs)]) {
      expect(shown).toContain("/v3/123");
      expect(shown).not.toContain(TOKEN);
    }
  });

  it("falls back to Rackspace's volume (v1), and says so when the catalog has no Cinder at all", () => {
    expect(new BlockStorage(new StaticSession({ token: TOKEN, endpoints: { volume: "http://127.0.0.1:1/v1/123" } })).endpoint).toBe("http://127.0.0.1:1/v1/123");
    expect(() => new BlockStorage(new StaticSession({ token: TOKEN, endpoints: { compute: "http://127.0.0.1:2/v2/1" } })).endpoint).toThrow(NoEndpointForService);
  });
});
