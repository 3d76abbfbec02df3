// Child process: one side (rax or raw undici) of compute-list — every server of the project,
// page by page (limit + marker), `iterations` times over, after one warm-up listing.
import { workerMain } from "../lib/child.mjs";
import { importUndici, importRax } from "../lib/modules.mjs";

async function rawClient({ endpoint, token, pageSize }) {
  const { Pool } = await importUndici();
  const url = new URL(endpoint);
  const pool = new Pool(url.origin, { connections: 1, pipelining: 1 });
  const headers = { "x-auth-token": token, accept: "application/json" };
  const base = `${url.pathname.replace(/\/$/, "")}/servers/detail?limit=${pageSize}`;
  // What a careful hand-written client does: keep-alive, JSON parsed, Nova's `next` link says
  // whether another page follows, the last id is the marker.
  const listAll = async () => {
    let rows = 0;
    let requests = 0;
    let marker;
    for (;;) {
      const r = await pool.request({ method: "GET", path: marker ? `${base}&marker=${encodeURIComponent(marker)}` : base, headers });
      requests++;
      const body = await r.body.json();
      if (r.statusCode !== 200) throw new Error(`GET /servers/detail ${r.statusCode}`);
      rows += body.servers.length;
      if (!body.servers_links?.some((l) => l.rel === "next") || body.servers.length === 0) return { rows, requests };
      marker = body.servers[body.servers.length - 1].id;
    }
  };
  return { listAll, close: () => pool.close() };
}

async function raxClient({ endpoint, token, pageSize }) {
  const core = await importRax("core");
  const { Compute } = await importRax("compute");
  const session = new core.StaticSession({ token, endpoint, transport: new core.Transport({ connections: 1 }) });
  const nova = new Compute(session);
  const listAll = async () => {
    let rows = 0;
    for await (const s of nova.servers.list({ pageSize })) {
      if (!s.id) throw new Error("a listed server without an id");
      rows++;
    }
    return { rows, requests: undefined };
  };
  return { listAll, close: () => session.transport.close?.() };
}

workerMain(async (input) => {
  const { side, servers, iterations, maxSeconds } = input;
  const client = side === "rax" ? await raxClient(input) : await rawClient(input);
  const warm = await client.listAll();
  if (warm.rows !== servers) throw new Error(`${side}: listed ${warm.rows} servers, the emulator has ${servers}`);
  globalThis.gc?.();
  const deadline = performance.now() + maxSeconds * 1000;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  let listings = 0;
  let requests = 0;
  while (listings < iterations && performance.now() < deadline) {
    const got = await client.listAll();
    if (got.rows !== servers) throw new Error(`${side}: listed ${got.rows} servers, the emulator has ${servers}`);
    rows += got.rows;
    requests += got.requests ?? 0;
    listings++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await client.close();
  return {
    listings, rows, seconds, truncated: listings < iterations,
    rowsPerS: rows / seconds,
    cpuUsPerRow: (cpu.user + cpu.system) / rows,
    requestsPerListing: requests ? requests / listings : undefined,
  };
});
