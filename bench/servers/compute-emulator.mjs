// @rax/emulator with `servers` Nova servers made once up front through its own HTTP API (POST
// /servers, as any client would), in a child process of its own. Replies to {type:"info"} with the
// token and compute endpoint both clients use.
//
// Run under tsx from the emulator's src/: the emulator keeps Rackspace's quota of 100 instances per
// project and has no option to raise it, so this child raises it in the compute state, which only
// src/ exposes (computeState is not exported from the package).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_DIR } from "../lib/paths.mjs";

const src = (file) => import(pathToFileURL(path.join(REPO_DIR, "packages", "emulator", "src", file)).href);

const UBUNTU = "5cc098a5-7286-4b96-b3a2-49f4c4f82537"; // a base image of the emulator's seed data

process.once("message", async (m) => {
  const { servers: count } = m.input;
  const { startEmulator, DEFAULT_USER } = await src("index.ts");
  const { computeState } = await src("compute/model.ts");
  const emulator = await startEmulator();
  const quotas = computeState(emulator.state).quotas;
  if (typeof quotas?.maxTotalInstances !== "number") throw new Error("emulator compute state has no quotas.maxTotalInstances (moved?)");
  quotas.maxTotalInstances = Math.max(quotas.maxTotalInstances, count + 1);
  const auth = await fetch(`${emulator.keystoneUrl}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: DEFAULT_USER.username, domain: { id: "default" }, password: DEFAULT_USER.password } } },
        scope: { project: { id: DEFAULT_USER.tenantId } },
      },
    }),
  });
  if (auth.status !== 201) throw new Error(`emulator Keystone answered ${auth.status}`);
  const token = auth.headers.get("x-subject-token");
  const { token: body } = await auth.json();
  const compute = body.catalog.find((s) => s.type === "compute");
  const endpoint = compute?.endpoints.find((e) => e.interface === "public")?.url;
  if (!endpoint) throw new Error("no public compute endpoint in the emulator's catalog");

  // One create at a time: in-flight creates do not make the emulator faster (it is CPU-bound), and one
  // try of 16 in flight once ended in ECONNRESET that did not reproduce.
  let made = 0;
  const create = async () => {
    while (made < count) {
      const i = made++;
      const r = await fetch(`${endpoint}/servers`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-auth-token": token },
        body: JSON.stringify({ server: { name: `bench-${String(i).padStart(5, "0")}`, imageRef: UBUNTU, flavorRef: "general1-1", metadata: { bench: "compute-list" } } }),
      });
      if (r.status !== 202) throw new Error(`POST /servers answered ${r.status}: ${await r.text()}`);
      await r.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 1 }, create));

  process.on("message", (q) => {
    if (q?.type === "info") process.send({ type: "reply", id: q.id, value: { token, endpoint } });
  });
  process.send({ type: "listening", url: endpoint });
});
