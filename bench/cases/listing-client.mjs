// Child process: one side (rax or raw undici) of `listing` — every object of a container, page by
// page, `iterations` times over, after one warm-up listing.
import { workerMain } from "../lib/child.mjs";
import { importUndici, importRax } from "../lib/modules.mjs";

const CAP = 10_000;

async function rawClient({ url, token }) {
  const { Pool } = await importUndici();
  const pool = new Pool(url, { connections: 1, pipelining: 1 });
  const headers = { "x-auth-token": token, accept: "application/json" };
  const base = `/v1/AUTH_bench/big?format=json&limit=${CAP}`;
  // What a careful hand-written client does: keep-alive, JSON parsed, `limit` sent so that a
  // short page is known to be the last, the last name is the next marker.
  const listAll = async () => {
    let rows = 0;
    let marker;
    for (;;) {
      const r = await pool.request({ method: "GET", path: marker ? `${base}&marker=${encodeURIComponent(marker)}` : base, headers });
      const body = await r.body.json();
      if (r.statusCode !== 200) throw new Error(`GET listing ${r.statusCode}`);
      for (const o of body) if (typeof o.name !== "string") throw new Error("a listed object without a name");
      rows += body.length;
      if (body.length < CAP) return rows;
      marker = body[body.length - 1].name;
    }
  };
  return { listAll, close: () => pool.close() };
}

async function raxClient({ url, token }) {
  const core = await importRax("core");
  const { ObjectStore } = await importRax("object-store");
  const session = new core.StaticSession({ token, endpoint: `${url}/v1/AUTH_bench`, transport: new core.Transport({ connections: 1 }) });
  const store = new ObjectStore(session);
  const listAll = async () => {
    let rows = 0;
    for await (const o of store.listObjects("big")) {
      if (typeof o.name !== "string") throw new Error("a listed object without a name");
      rows++;
    }
    return rows;
  };
  return { listAll, close: () => session.transport.close?.() };
}

workerMain(async (input) => {
  const { side, objects, iterations, maxSeconds } = input;
  const client = side === "rax" ? await raxClient(input) : await rawClient(input);
  const warm = await client.listAll();
  if (warm !== objects) throw new Error(`${side}: listed ${warm} objects, the container has ${objects}`);
  globalThis.gc?.();
  const deadline = performance.now() + maxSeconds * 1000;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  let listings = 0;
  while (listings < iterations && performance.now() < deadline) {
    const got = await client.listAll();
    if (got !== objects) throw new Error(`${side}: listed ${got} objects, the container has ${objects}`);
    rows += got;
    listings++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await client.close();
  return {
    listings, rows, seconds, truncated: listings < iterations,
    rowsPerS: rows / seconds,
    cpuUsPerRow: (cpu.user + cpu.system) / rows,
    cpuMsPerListing: (cpu.user + cpu.system) / 1000 / listings,
  };
});
