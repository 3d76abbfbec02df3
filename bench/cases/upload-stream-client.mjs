// Child process: one side of upload-stream. Its own process, so peak RSS is its own.
import { workerMain } from "../lib/child.mjs";
import { rssSampler } from "../lib/stats.mjs";
import { generatedStream } from "../lib/data.mjs";
import { importUndici, importRax } from "../lib/modules.mjs";

const CONTAINER = "bench";

async function rawSide({ url, token }) {
  const { request } = await importUndici();
  const put = async (name, body, size) => {
    const r = await request(`${url}/v1/AUTH_bench/${CONTAINER}/${name}`, {
      method: "PUT", body,
      headers: { "x-auth-token": token, "content-type": "application/octet-stream", "content-length": String(size) },
    });
    await r.body.dump();
    if (r.statusCode !== 201) throw new Error(`PUT ${r.statusCode}`);
  };
  return { put };
}

async function raxSide({ url, token }) {
  const core = await importRax("core");
  const os = await importRax("object-store");
  const session = new core.StaticSession({ token, endpoint: `${url}/v1/AUTH_bench` });
  const store = new os.ObjectStore(session);
  const put = (name, body, size) => store.storeObject(CONTAINER, name, body, { contentType: "application/octet-stream", size });
  return { put };
}

workerMain(async (input) => {
  const side = input.side === "rax" ? await raxSide(input) : await rawSide(input);
  // A small upload first, so lazily loaded modules and the connection are not counted as growth.
  await side.put("warmup", generatedStream(64 * 1024), 64 * 1024);
  globalThis.gc?.();
  const body = generatedStream(input.bytes);
  const rss = rssSampler(10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await side.put("big", body, input.bytes);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mem = rss.stop();
  return {
    seconds, mibPerS: input.bytes / 2 ** 20 / seconds, rssGrowthMb: mem.growthMb, rssPeakMb: mem.peakMb,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
});
