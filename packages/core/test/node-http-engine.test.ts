// The transport's behaviour suites, run again with the node:http engine (the one a user's bundle
// gets through core's `#http-engine` import, condition `module`). The default run resolves
// `#http-engine` to the undici engine (vitest.shared.ts); here it is mocked to the node:http one,
// and each suite file is imported inside its own describe, so its tests run in this file's module
// graph. Plus what only this engine needs checking (its agent options, toJSON's engine name).
import { describe, expect, it, vi } from "vitest";

vi.mock("#http-engine", () => import("../src/node-http-engine"));

const SUITES = ["engine-contract", "transport-basic", "streaming", "deadlines", "connection-close", "retry", "redirects", "tls"];

for (const suite of SUITES) {
  describe(`${suite} (node:http engine)`, async () => {
    await import(`./${suite}.test.ts`);
  });
}

describe("the engine in use", () => {
  it("is node:http here, and the transport shows it once loaded (not before)", async () => {
    const { Transport } = await import("../src/index");
    const { startServer } = await import("./helpers");
    const server = await startServer((_req, res) => res.end("ok"));
    const t = new Transport({ retry: { maxAttempts: 1 } });
    try {
      expect(t.toJSON().http).toBeUndefined();
      await (await t.request({ method: "GET", url: `${server.url}/x` })).text();
      expect(t.toJSON().http).toBe("node:http");
    } finally {
      await t.close();
      await server.close();
    }
  });
});
