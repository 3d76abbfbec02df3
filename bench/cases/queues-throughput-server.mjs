// @rax/emulator in a child process of its own, for queues-throughput: Zaqar v2 at the `messaging`
// endpoint of its Keystone v3 catalog. Replies to {type:"info"} with the token and endpoint both
// clients use. Run from the emulator's src/ under tsx, as the compute-list server is.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_DIR } from "../lib/paths.mjs";

const src = (file) => import(pathToFileURL(path.join(REPO_DIR, "packages", "emulator", "src", file)).href);

process.once("message", async () => {
  const { startEmulator, DEFAULT_USER } = await src("index.ts");
  const emulator = await startEmulator();
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
  const endpoint = body.catalog.find((s) => s.type === "messaging")?.endpoints.find((e) => e.interface === "public")?.url;
  if (!endpoint) throw new Error("no public messaging endpoint in the emulator's catalog");
  process.on("message", (q) => {
    if (q?.type === "info") process.send({ type: "reply", id: q.id, value: { token, endpoint } });
  });
  process.send({ type: "listening", url: endpoint });
});
