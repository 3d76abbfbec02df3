/**
 * rax quickstart: the whole Cloud Files round trip in one file.
 *
 *   pnpm demo                      # against a local emulator, no account needed
 *   CLOUD_ID_TYPE=rackspace CLOUD_USERNAME=me CLOUD_API_KEY=… pnpm demo   # against your cloud
 */
import { createHash } from "node:crypto";
import { ObjectStore } from "@rax/object-store";
import { getTarget } from "../lib/target";

const say = (line: string) => console.log(line);

async function main(): Promise<void> {
  const started = Date.now();
  const target = await getTarget();
  const { ctx, region } = target;
  try {
    say(
      target.kind === "emulator"
        ? `1. Started the local emulator and signed in as "${ctx.username}" with an API key.`
        : `1. Signed in to ${ctx.identity.authEndpoint} as "${ctx.username}".`,
    );
    say(`   The service catalog offers ${ctx.services.length} services in regions ${ctx.regions.join(", ")}; using ${region}.`);

    // One client per service and region; it finds its URL in the catalog.
    const files = ctx.client(ObjectStore, { region });
    const name = `rax-quickstart-${Date.now().toString(36)}`;
    const container = await files.createContainer(name);
    say(`2. Created the container "${container.name}".`);

    const text = "Hello from rax! This text went up to Cloud Files and came back.\n";
    // Passing the MD5 as the etag makes the server refuse the upload if a byte changed on the way.
    const etag = createHash("md5").update(text).digest("hex");
    const stored = await container.storeObject("hello.txt", text, { etag, contentType: "text/plain" });
    say(`3. Stored "${stored.name}" (${stored.bytes} bytes); the server's checksum ${stored.etag} matches ours.`);

    const names = await container.listObjectNames();
    say(`4. The container now lists: ${names.join(", ")}.`);

    const back = await container.fetchObject("hello.txt");
    if (back.toString("utf8") !== text) throw new Error("the fetched text differs from what was stored");
    say(`5. Fetched it back: "${back.toString("utf8").trim()}"`);

    // A temp URL lets anyone without a token read the object until it expires.
    await files.setTempUrlKey();
    const url = await files.getTempUrl(container, "hello.txt", { seconds: 60, method: "GET" });
    const res = await fetch(url);
    const viaUrl = await res.text();
    if (!res.ok || viaUrl !== text) throw new Error(`the temp URL answered ${res.status}`);
    say(`6. Made a temporary URL valid for 60 s and downloaded it with plain fetch (no token): HTTP ${res.status}.`);

    await files.deleteContainer(container, { deleteObjects: true });
    say(`7. Deleted the object and the container.`);
  } finally {
    await target.stop();
  }
  say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.${target.kind === "emulator" ? " The emulator has stopped." : ""}`);
}

main().catch((err: unknown) => {
  console.error(`The quickstart failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
