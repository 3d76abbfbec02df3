// The same handler as rax-object-store.mjs, importing from the umbrella @rax/sdk (Keystone v3 auth
// against the bench's server, whose catalog points object-store back at itself).
import { KeystoneIdentity, ObjectStore } from "@rax/sdk";

export async function handler() {
  const identity = new KeystoneIdentity({
    authEndpoint: `${process.env.BENCH_URL}/v3`, username: "demo", password: "bench-password", tenantName: "demo",
  });
  const store = new ObjectStore(identity, { region: "RegionOne" });
  await store.storeObject("bench", "hello.txt", "hello world", { contentType: "text/plain" });
}

if (process.env.BENCH_RUN) handler().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
