// Child process: one side (rax or raw undici) of queues-throughput, kept alive for the whole case.
// Each {type:"chunk", messages} posts that many messages to a fresh queue (10 per POST), claims them
// (20 per claim) and deletes each claim's messages by id (one DELETE per claim) until the server
// answers 204, then deletes the queue; it replies with that chunk's wall and CPU time. The parent
// alternates the two sides' chunks, so load from elsewhere hits both alike.
import { randomUUID } from "node:crypto";
import { importRax, importUndici } from "../lib/modules.mjs";

const POST_BATCH = 10;
const CLAIM_COUNT = 20;

async function rawClient({ endpoint, token }) {
  const { Pool } = await importUndici();
  const url = new URL(endpoint);
  const pool = new Pool(url.origin, { connections: 1, pipelining: 1 });
  const root = `${url.pathname.replace(/\/$/, "")}/v2/queues`;
  const headers = { "x-auth-token": token, accept: "application/json", "client-id": randomUUID() };
  const jsonHeaders = { ...headers, "content-type": "application/json" };
  const expect = async (r, status, what) => {
    if (r.statusCode !== status) throw new Error(`${what}: HTTP ${r.statusCode} ${await r.body.text()}`);
  };
  let requests = 0;
  const run = async (queue, messages) => {
    const q = `${root}/${queue}`;
    let r = await pool.request({ method: "PUT", path: q, headers });
    requests++;
    await expect(r, 201, "PUT queue");
    await r.body.dump();
    for (let i = 0; i < messages; i += POST_BATCH) {
      const batch = [];
      for (let j = i; j < Math.min(messages, i + POST_BATCH); j++) batch.push({ ttl: 3600, body: { n: j } });
      r = await pool.request({ method: "POST", path: `${q}/messages`, headers: jsonHeaders, body: JSON.stringify({ messages: batch }) });
      requests++;
      await expect(r, 201, "POST messages");
      const { resources } = await r.body.json();
      if (resources.length !== batch.length) throw new Error("POST messages: wrong count");
    }
    let done = 0;
    for (;;) {
      r = await pool.request({ method: "POST", path: `${q}/claims?limit=${CLAIM_COUNT}`, headers: jsonHeaders, body: JSON.stringify({ ttl: 300, grace: 60 }) });
      requests++;
      if (r.statusCode === 204) {
        await r.body.dump();
        break;
      }
      await expect(r, 201, "POST claims");
      const { messages: claimed } = await r.body.json();
      r = await pool.request({ method: "DELETE", path: `${q}/messages?ids=${claimed.map((m) => encodeURIComponent(m.id)).join(",")}`, headers });
      requests++;
      await expect(r, 204, "DELETE messages");
      await r.body.dump();
      done += claimed.length;
    }
    r = await pool.request({ method: "DELETE", path: q, headers });
    requests++;
    await expect(r, 204, "DELETE queue");
    await r.body.dump();
    return done;
  };
  return { run, requests: () => requests, close: () => pool.close() };
}

async function raxClient({ endpoint, token }) {
  const core = await importRax("core");
  const { Queues } = await importRax("queues");
  const session = new core.StaticSession({ token, endpoint, transport: new core.Transport({ connections: 1 }) });
  const pq = new Queues(session, { env: {} });
  const run = async (queue, messages) => {
    const q = await pq.queues.create(queue);
    for (let i = 0; i < messages; i += POST_BATCH) {
      const batch = [];
      for (let j = i; j < Math.min(messages, i + POST_BATCH); j++) batch.push({ body: { n: j }, ttl: 3600 });
      const posted = await pq.messages.postMany(q, batch);
      if (posted.length !== batch.length) throw new Error("postMany: wrong count");
    }
    let done = 0;
    for (;;) {
      const claim = await pq.claims.claim(q, { ttl: 300, grace: 60, count: CLAIM_COUNT });
      if (!claim) break;
      await pq.messages.deleteByIds(q, claim.messages);
      done += claim.messages.length;
    }
    await q.delete();
    return done;
  };
  return { run, requests: () => undefined, close: () => session.transport.close?.() };
}

const reply = (id, value, then) => process.send({ type: "reply", id, value }, then);

process.once("message", async (m) => {
  const input = m.input;
  const client = input.side === "rax" ? await raxClient(input) : await rawClient(input);
  const tag = `${input.side}-${process.pid}`;
  // Warm-up: connection, JIT (a chunk's worth, so the first measured chunk is not the cold one), the
  // emulator's first requests.
  await client.run(`bench-warm-${tag}`, 1000);
  let seq = 0;
  process.on("message", async (q) => {
    if (q?.type === "exit") {
      await client.close();
      // A normal exit, so that --cpu-prof writes its profile.
      reply(q.id, {}, () => process.exit(0));
      return;
    }
    if (q?.type !== "chunk") return;
    try {
      globalThis.gc?.();
      const before = client.requests();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const done = await client.run(`bench-${tag}-${++seq}`, q.messages);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      if (done !== q.messages) throw new Error(`${input.side}: claimed and deleted ${done} of ${q.messages} messages`);
      const after = client.requests();
      reply(q.id, { messages: done, seconds, cpuUs: cpu.user + cpu.system, requests: after === undefined ? undefined : after - before });
    } catch (e) {
      reply(q.id, { error: e?.stack || String(e) });
    }
  });
  process.send({ type: "listening", url: "" });
});
