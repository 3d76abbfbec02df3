// Child process: one side (rax or raw undici) of one small-calls configuration, kept alive for the
// whole configuration. It builds its client and warms it up (connections, JIT) once, then answers
// each {type:"round", requests} with that round's wall time, client CPU and latencies. The parent
// alternates the two sides' rounds, so load from elsewhere on the machine hits both alike.
import { percentile } from "../lib/stats.mjs";
import { importUndici, importRax } from "../lib/modules.mjs";

const CONTAINER = "bench";
const OBJECT = "obj-0001.txt";

async function rawClient({ url, token, op, concurrency }) {
  const { Pool } = await importUndici();
  // What a careful hand-written client does: one keep-alive pool, HEAD without reset, JSON parsed.
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  const headers = { "x-auth-token": token, accept: "application/json" };
  const call =
    op === "head"
      ? async () => {
          const r = await pool.request({ method: "HEAD", path: `/v1/AUTH_bench/${CONTAINER}/${OBJECT}`, headers, reset: false });
          await r.body.dump();
          if (r.statusCode !== 200) throw new Error(`HEAD ${r.statusCode}`);
          return r.headers["content-length"];
        }
      : async () => {
          const r = await pool.request({ method: "GET", path: `/v1/AUTH_bench/${CONTAINER}?format=json`, headers });
          const items = await r.body.json();
          if (r.statusCode !== 200 || items.length !== 10) throw new Error(`GET ${r.statusCode}`);
          return items;
        };
  return { call, close: () => pool.close() };
}

async function raxClient({ url, token, op, concurrency }) {
  const core = await importRax("core");
  const os = await importRax("object-store");
  const session = new core.StaticSession({ token, endpoint: `${url}/v1/AUTH_bench`, transport: new core.Transport({ connections: concurrency }) });
  const store = new os.ObjectStore(session);
  const call =
    op === "head"
      ? () => store.getObjectMetadata(CONTAINER, OBJECT)
      : async () => {
          const page = await store.listObjects(CONTAINER);
          const items = page.items ?? page;
          if (items.length !== 10) throw new Error(`listObjects returned ${items.length} items`);
          return items;
        };
  return { call, close: () => session.transport.close?.() };
}

/** `total` calls on `concurrency` lanes (each awaits its call before the next), stopped at `deadline`. */
async function drive(call, total, concurrency, deadline, latencies) {
  let issued = 0;
  let done = 0;
  const lane = async () => {
    while (issued < total && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      await call();
      if (latencies) latencies.push(performance.now() - t0);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return done;
}

const reply = (id, value, then) => process.send({ type: "reply", id, value }, then);

process.once("message", async (m) => {
  const input = m.input;
  const { side, concurrency, warmup, maxSeconds } = input;
  const client = side === "rax" ? await raxClient(input) : await rawClient(input);
  // Warm-up, once per process: the pool's connections opened, the hot path compiled.
  await drive(client.call, warmup, concurrency, performance.now() + maxSeconds * 500, null);
  process.on("message", async (q) => {
    if (q?.type === "exit") {
      await client.close();
      // A normal exit, so that --cpu-prof writes its profile.
      reply(q.id, {}, () => process.exit(0));
      return;
    }
    if (q?.type !== "round") return;
    try {
      globalThis.gc?.();
      const latencies = [];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const done = await drive(client.call, q.requests, concurrency, t0 + maxSeconds * 1000, latencies);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      latencies.sort((a, b) => a - b);
      reply(q.id, {
        requests: done,
        truncated: done < q.requests,
        seconds,
        reqPerS: done / seconds,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        cpuUsPerReq: (cpu.user + cpu.system) / done,
      });
    } catch (e) {
      reply(q.id, { error: e?.stack || String(e) });
    }
  });
  process.send({ type: "listening", url: "" });
});
