// The serverless recipe's handler (examples/serverless) in bench form: one object stored with
// @rax/identity + @rax/object-store, the client made once per process and the token kept in a
// FileTokenStore (BENCH_TOKEN_DIR), so a cold start with a stored token skips identity.
import { FileTokenStore, KeystoneIdentity } from "@rax/identity";
import { ObjectStore } from "@rax/object-store";

let files;

export async function handler() {
  files ??= new ObjectStore(
    new KeystoneIdentity({
      authEndpoint: `${process.env.BENCH_URL}/v3`, username: "demo", password: "bench-password", tenantName: "demo",
      tokenStore: new FileTokenStore({ dir: process.env.BENCH_TOKEN_DIR }),
    }),
    { region: "RegionOne" },
  );
  await files.storeObject("bench", "hello.txt", "hello world", { contentType: "text/plain" });
}

if (process.env.BENCH_RUN) handler().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
