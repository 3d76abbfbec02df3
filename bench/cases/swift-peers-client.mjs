// Child process: one Swift client (rax, raw undici or a JavaScript peer) against the real Swift proxy.
// Authenticates (untimed), warms up, then times each operation: client CPU (process.cpuUsage) and
// wall clock, one request at a time, so the number is the client's cost per call.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { workerMain } from "../lib/child.mjs";
import { importRax, importUndici } from "../lib/modules.mjs";
import { PEERS_DIR } from "../lib/paths.mjs";

const peerRequire = createRequire(path.join(PEERS_DIR, "package.json"));
const sink = () => new Writable({ write(_c, _e, cb) { cb(); } });
const expectStatus = (status, ok, what) => {
  if (!ok.includes(status)) throw new Error(`${what}: HTTP ${status}`);
};

/** Each client as the same four operations: head (metadata), get (whole 1 KiB body), list (every name), upload (a file). */
const CLIENTS = {
  async rax(a) {
    const core = await importRax("core");
    const os = await importRax("object-store");
    const store = new os.ObjectStore(new core.StaticSession({ token: a.token, endpoint: a.storageUrl }));
    return {
      head: () => store.getObjectMetadata(a.container, a.object),
      get: () => store.fetchObject(a.container, a.object),
      list: async () => {
        let n = 0;
        for await (const o of store.listObjects(a.listContainer)) if (o.name) n++;
        return n;
      },
      upload: (name) => store.uploadFile(a.container, a.uploadFile, { objName: name }),
    };
  },
  async "raw undici"(a) {
    const { Pool } = await importUndici();
    const u = new URL(a.storageUrl);
    const pool = new Pool(u.origin, { connections: 8 });
    const base = u.pathname;
    const headers = { "x-auth-token": a.token };
    const one = async (opts, ok) => {
      const r = await pool.request({ headers, ...opts });
      const buf = opts.method === "HEAD" ? undefined : Buffer.from(await r.body.arrayBuffer());
      if (opts.method === "HEAD") await r.body.dump();
      expectStatus(r.statusCode, ok, `${opts.method} ${opts.path}`);
      return buf;
    };
    return {
      head: () => one({ method: "HEAD", path: `${base}/${a.container}/${a.object}`, reset: false }, [200]),
      get: () => one({ method: "GET", path: `${base}/${a.container}/${a.object}` }, [200]),
      list: async () => {
        let n = 0;
        let marker = "";
        for (;;) {
          const page = JSON.parse((await one({ method: "GET", path: `${base}/${a.listContainer}?format=json&limit=10000${marker ? `&marker=${encodeURIComponent(marker)}` : ""}` }, [200])).toString());
          for (const o of page) if (o.name) n++;
          if (page.length < 10000) return n;
          marker = page[page.length - 1].name;
        }
      },
      upload: (name) => one({ method: "PUT", path: `${base}/${a.container}/${name}`, body: fs.createReadStream(a.uploadFile) }, [201]),
    };
  },
  async "@trendyol-js/openstack-swift-sdk"(a) {
    const { SwiftClient } = peerRequire("@trendyol-js/openstack-swift-sdk");
    const c = new SwiftClient({ authEndpoint: a.authBase, swiftEndpoint: a.storageUrl, credentialId: a.appCred.id, secret: a.appCred.secret });
    const found = (r, what) => {
      if (!r || r.constructor?.name === "NotFound") throw new Error(`${what}: not found`);
      return r;
    };
    return {
      head: async () => found(await c.getMetadata(a.container, a.object), "head"),
      get: async () => {
        const r = found(await c.download(a.container, a.object), "get");
        await pipeline(r.data, sink());
      },
      list: async () => (await c.list(a.listContainer, "", 10000)).length,
      upload: (name) => c.upload(a.container, name, fs.createReadStream(a.uploadFile)),
    };
  },
  async "openstack-swift-client"(a) {
    const SwiftClient = peerRequire("openstack-swift-client");
    const client = new SwiftClient(
      new SwiftClient.KeystoneV3Authenticator({ endpointUrl: `${a.authBase}/v3`, username: a.user.username, password: a.user.password, domainId: a.user.domainId, projectId: a.user.projectId, regionId: a.region }),
    );
    const box = client.container(a.container);
    const listBox = client.container(a.listContainer);
    return {
      head: () => box.meta(a.object),
      get: () => box.get(a.object, sink()),
      list: async () => (await listBox.list({}, { limit: "10000" })).length,
      upload: (name) => box.create(name, fs.createReadStream(a.uploadFile)),
    };
  },
  async pkgcloud(a) {
    const pkgcloud = peerRequire("pkgcloud");
    const client = pkgcloud.storage.createClient({
      provider: "openstack", username: a.user.username, password: a.user.password, authUrl: a.authBase, keystoneAuthVersion: "v3",
      domainId: a.user.domainId, projectDomainId: a.user.domainId, tenantName: a.user.projectName, region: a.region,
    });
    const cb = (fn) => new Promise((res, rej) => fn((err, v) => (err ? rej(err) : res(v))));
    return {
      head: () => cb((done) => client.getFile(a.container, a.object, done)),
      get: () => new Promise((res, rej) => {
        const s = client.download({ container: a.container, remote: a.object });
        s.on("error", rej);
        s.pipe(sink()).on("finish", res).on("error", rej);
      }),
      list: async () => (await cb((done) => client.getFiles(a.listContainer, { limit: 10000 }, done))).length,
      upload: (name) => new Promise((res, rej) => {
        const up = client.upload({ container: a.container, remote: name });
        up.on("error", rej).on("success", res);
        fs.createReadStream(a.uploadFile).pipe(up);
      }),
    };
  },
};

async function timed(n, fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { cpuUsPerOp: (cpu.user + cpu.system) / n, msPerOp: ms / n };
}

workerMain(async (a) => {
  const make = CLIENTS[a.client];
  if (!make) throw new Error(`unknown client ${a.client}`);
  const ops = await make(a);
  // Authentication and first connections happen here, untimed.
  for (let i = 0; i < a.warmup; i++) {
    await ops.head();
    await ops.get();
  }
  const listed = await ops.list();
  if (listed !== a.listObjects) throw new Error(`${a.client} listed ${listed} of ${a.listObjects} objects`);
  const head = await timed(a.calls, () => ops.head());
  const get = await timed(a.calls, () => ops.get());
  const list = await timed(a.listings, () => ops.list());
  const upload = await timed(a.uploads, (i) => ops.upload(`up-${a.tag}-${i}.bin`));
  return { head, get, list, upload };
});
