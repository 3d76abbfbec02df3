// A small in-memory Swift + Cloud Files CDN over a real loopback node:http server, written from
// the Swift API docs (not from the client code), with a request log and fault switches.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TOKEN = "fake-swift-token-123";
export const ACCOUNT = "AUTH_test";

export interface StoredObject {
  data: Buffer;
  etag: string;
  contentType: string;
  /** x-object-meta-*, content-encoding, content-disposition… (lower-case names). */
  headers: Record<string, string>;
  lastModified: Date;
  deleteAt?: number;
  slo?: { path: string; etag: string; size_bytes: number }[];
  dlo?: string;
}

export interface FakeContainer {
  meta: Record<string, string>;
  objects: Map<string, StoredObject>;
  cdn?: { enabled: boolean; ttl: number; logRetention: boolean };
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FakeSwift {
  url: string;
  cdnUrl: string;
  origin: string;
  requests: LoggedRequest[];
  accountMeta: Record<string, string>;
  containers: Map<string, FakeContainer>;
  purges: { container: string; object: string; email?: string }[];
  /** Most requests being handled at once since the last reset. */
  maxInFlight: number;
  /** Max rows per listing response (Swift: 10 000). */
  listingCap: number;
  faults: {
    /** Object paths ("c/o") whose PUT answers with a wrong ETag (stores the data anyway). */
    wrongEtag: Set<string>;
    /** Object paths whose GET body is cut off half-way. */
    truncate: Set<string>;
    /** Object paths whose GET body has one byte flipped (ETag stays the stored MD5). */
    corruptBody: Set<string>;
    /** Object paths whose PUT fails with 503. */
    failPut: Set<string>;
    /** Object paths a bulk delete reports as "403 Forbidden". */
    bulkForbidden: Set<string>;
    /** When set, every authenticated request is answered 200 with this JSON text (a malformed server). */
    rawJson?: string;
  };
  put(container: string, name: string, data: string | Buffer, o?: Partial<StoredObject>): StoredObject;
  reset(): void;
  close(): Promise<void>;
}

const md5 = (b: Buffer | string) => createHash("md5").update(b).digest("hex");
const swiftTime = (d: Date) => d.toISOString().replace("Z", "000");

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startFakeSwift(): Promise<FakeSwift> {
  const state: FakeSwift = {
    url: "",
    cdnUrl: "",
    origin: "",
    requests: [],
    accountMeta: {},
    containers: new Map(),
    purges: [],
    listingCap: 10_000,
    maxInFlight: 0,
    faults: { wrongEtag: new Set(), truncate: new Set(), corruptBody: new Set(), failPut: new Set(), bulkForbidden: new Set() },
    put(container, name, data, o = {}) {
      let c = state.containers.get(container);
      if (!c) {
        c = { meta: {}, objects: new Map() };
        state.containers.set(container, c);
      }
      const buf = Buffer.from(data);
      const obj: StoredObject = {
        data: buf,
        etag: md5(buf),
        contentType: "application/octet-stream",
        headers: {},
        lastModified: new Date(),
        ...o,
      };
      c.objects.set(name, obj);
      return obj;
    },
    reset() {
      state.requests.length = 0;
      state.accountMeta = {};
      state.containers.clear();
      state.purges.length = 0;
      state.listingCap = 10_000;
      state.maxInFlight = 0;
      const { rawJson: _, ...sets } = state.faults;
      for (const f of Object.values(sets)) f.clear();
      state.faults.rawJson = undefined;
    },
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const send = (res: ServerResponse, status: number, headers: Record<string, string | number> = {}, body?: string | Buffer) => {
    const length = body === undefined ? { "content-length": 0, ...headers } : { ...headers, "content-length": Buffer.byteLength(body) };
    res.writeHead(status, length);
    res.end(body);
  };

  const content = (c: FakeContainer, o: StoredObject): Buffer => {
    if (o.slo)
      return Buffer.concat(
        o.slo.map((s) => {
          const [, sc, ...rest] = s.path.split("/");
          return state.containers.get(sc as string)?.objects.get(rest.join("/"))?.data ?? Buffer.alloc(0);
        }),
      );
    if (o.dlo !== undefined) {
      const [dc, ...p] = decodeURIComponent(o.dlo).split("/");
      const prefix = p.join("/");
      const seg = state.containers.get(dc as string);
      if (!seg) return Buffer.alloc(0);
      return Buffer.concat([...seg.objects.keys()].filter((n) => n.startsWith(prefix)).sort().map((n) => seg.objects.get(n)?.data as Buffer));
    }
    void c;
    return o.data;
  };

  const objectHeaders = (c: FakeContainer, o: StoredObject): Record<string, string | number> => {
    const h: Record<string, string | number> = {
      "content-type": o.contentType,
      etag: o.slo || o.dlo !== undefined ? `"${o.etag}"` : o.etag,
      "last-modified": o.lastModified.toUTCString(),
      "x-timestamp": (o.lastModified.getTime() / 1000).toFixed(5),
      "accept-ranges": "bytes",
      ...o.headers,
    };
    if (o.deleteAt !== undefined) h["x-delete-at"] = o.deleteAt;
    if (o.slo) h["x-static-large-object"] = "True";
    if (o.dlo !== undefined) h["x-object-manifest"] = o.dlo;
    void c;
    return h;
  };

  const listing = <T extends { name: string }>(rows: T[], q: URLSearchParams, subdirKey?: string) => {
    const prefix = q.get("prefix") ?? "";
    const delimiter = q.get("delimiter");
    const marker = q.get("marker") ?? "";
    const end = q.get("end_marker");
    const limit = Number(q.get("limit") ?? state.listingCap);
    const out: (T | Record<string, string>)[] = [];
    const seen = new Set<string>();
    for (const r of [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!r.name.startsWith(prefix)) continue;
      let key = r.name;
      let item: T | Record<string, string> = r;
      if (delimiter && subdirKey) {
        const i = r.name.indexOf(delimiter, prefix.length);
        if (i >= 0) {
          key = r.name.slice(0, i + 1);
          item = { [subdirKey]: key };
          if (seen.has(key)) continue;
          seen.add(key);
        }
      }
      if (key <= marker) continue;
      if (end !== null && key >= end) break;
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  };

  const setMeta = (target: Record<string, string>, headers: IncomingMessage["headers"], prefix: string) => {
    for (const [k, v] of Object.entries(headers)) {
      if (!k.startsWith(prefix) || typeof v !== "string") continue;
      if (v === "") delete target[k];
      else target[k] = v;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Raw path: a WHATWG URL parse would collapse %2E%2E segments, which Swift does not.
    const raw = req.url ?? "/";
    const qi = raw.indexOf("?");
    const u = { pathname: qi < 0 ? raw : raw.slice(0, qi), searchParams: new URLSearchParams(qi < 0 ? "" : raw.slice(qi + 1)) };
    const body = await readBody(req);
    state.requests.push({ method: req.method ?? "", path: u.pathname, query: u.searchParams, headers: req.headers, body });
    if (req.headers["x-auth-token"] !== TOKEN) return send(res, 401, {}, "Unauthorized");
    if (state.faults.rawJson !== undefined) return send(res, 200, { "content-type": "application/json; charset=utf-8" }, state.faults.rawJson);
    const isCdn = u.pathname.startsWith(`/cdn/v1/${ACCOUNT}`);
    const base = isCdn ? `/cdn/v1/${ACCOUNT}` : `/v1/${ACCOUNT}`;
    if (!u.pathname.startsWith(base)) return send(res, 404, {}, "Not Found");
    const rest = u.pathname.slice(base.length).replace(/^\//, "");
    const slash = rest.indexOf("/");
    const cname = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    const oname = slash < 0 ? "" : decodeURIComponent(rest.slice(slash + 1));
    const method = req.method ?? "GET";
    const q = u.searchParams;
    const h = req.headers;

    if (isCdn) return cdn(method, cname, oname, q, h, res);

    if (!cname) {
      if (method === "HEAD") {
        let objects = 0;
        let bytes = 0;
        for (const c of state.containers.values()) {
          objects += c.objects.size;
          for (const o of c.objects.values()) bytes += o.data.length;
        }
        return send(res, 204, { "x-account-container-count": state.containers.size, "x-account-object-count": objects, "x-account-bytes-used": bytes, ...state.accountMeta });
      }
      if (method === "GET") {
        const rows = [...state.containers.entries()].map(([name, c]) => ({
          name,
          count: c.objects.size,
          bytes: [...c.objects.values()].reduce((a, o) => a + o.data.length, 0),
        }));
        // Like Swift: a limit above the cap is refused, not clamped.
        if (Number(q.get("limit") ?? 0) > state.listingCap) return send(res, 412, {}, `Maximum limit is ${state.listingCap}`);
        const out = listing(rows, q);
        return out.length ? send(res, 200, { "content-type": "application/json" }, JSON.stringify(out)) : send(res, 204);
      }
      if (method === "POST") {
        setMeta(state.accountMeta, h, "x-account-meta-");
        return send(res, 204);
      }
      if ((method === "DELETE" || method === "POST") && q.has("bulk-delete")) {
        let deleted = 0;
        let notFound = 0;
        const errors: [string, string][] = [];
        for (const line of body.toString("utf8").split("\n")) {
          if (!line.trim()) continue;
          const decoded = decodeURIComponent(line).replace(/^\//, "");
          const i = decoded.indexOf("/");
          const c = state.containers.get(i < 0 ? decoded : decoded.slice(0, i));
          const o = i < 0 ? "" : decoded.slice(i + 1);
          if (!o) {
            if (!c) notFound++;
            else if (c.objects.size) errors.push([line, "409 Conflict"]);
            else {
              state.containers.delete(decoded);
              deleted++;
            }
          } else if (state.faults.bulkForbidden.has(decoded)) errors.push([line, "403 Forbidden"]);
          else if (c?.objects.delete(o)) deleted++;
          else notFound++;
        }
        const status = errors.length ? "400 Bad Request" : "200 OK";
        return send(res, 200, { "content-type": "application/json" }, JSON.stringify({
          "Number Deleted": deleted, "Number Not Found": notFound, "Response Status": status, Errors: errors, "Response Body": "",
        }));
      }
      return send(res, 405);
    }

    const c = state.containers.get(cname);
    if (!oname) {
      if (method === "PUT") {
        if (c) {
          setMeta(c.meta, h, "x-container-meta-");
          return send(res, 202);
        }
        const nc: FakeContainer = { meta: {}, objects: new Map() };
        setMeta(nc.meta, h, "x-container-meta-");
        state.containers.set(cname, nc);
        return send(res, 201);
      }
      if (!c) return send(res, 404, {}, "<html><h1>Not Found</h1></html>");
      if (method === "HEAD")
        return send(res, 204, {
          "x-container-object-count": c.objects.size,
          "x-container-bytes-used": [...c.objects.values()].reduce((a, o) => a + o.data.length, 0),
          ...c.meta,
        });
      if (method === "GET") {
        const rows = [...c.objects.entries()].map(([name, o]) => ({
          name,
          hash: o.slo || o.dlo !== undefined ? `"${o.etag}"` : o.etag,
          bytes: content(c, o).length,
          content_type: o.contentType,
          last_modified: swiftTime(o.lastModified),
        }));
        if (Number(q.get("limit") ?? 0) > state.listingCap) return send(res, 412, {}, `Maximum limit is ${state.listingCap}`);
        const out = listing(rows, q, "subdir");
        return out.length ? send(res, 200, { "content-type": "application/json; charset=utf-8" }, JSON.stringify(out)) : send(res, 204);
      }
      if (method === "POST") {
        setMeta(c.meta, h, "x-container-meta-");
        return send(res, 204);
      }
      if (method === "DELETE") {
        if (c.objects.size) return send(res, 409, {}, "There was a conflict when trying to complete your request.");
        state.containers.delete(cname);
        return send(res, 204);
      }
      return send(res, 405);
    }

    if (!c) return send(res, 404, {}, "Not Found");
    const key = `${cname}/${oname}`;
    const obj = c.objects.get(oname);
    if (method === "PUT" || method === "COPY") {
      if (state.faults.failPut.has(key)) return send(res, 503, {}, "Service Unavailable");
      const copyFrom = method === "COPY" ? `/${cname}/${oname}` : (h["x-copy-from"] as string | undefined);
      let target = { c, name: oname };
      if (method === "COPY") {
        const dest = decodeURIComponent(String(h.destination)).replace(/^\//, "");
        const i = dest.indexOf("/");
        const dc = state.containers.get(dest.slice(0, i));
        if (!dc) return send(res, 404);
        target = { c: dc, name: dest.slice(i + 1) };
      }
      const userMeta: Record<string, string> = {};
      setMeta(userMeta, h, "x-object-meta-");
      for (const k of ["content-encoding", "content-disposition", "cache-control"]) if (typeof h[k] === "string") userMeta[k] = h[k] as string;
      const deleteAt = h["x-delete-after"] !== undefined ? Math.floor(Date.now() / 1000) + Number(h["x-delete-after"]) : h["x-delete-at"] !== undefined ? Number(h["x-delete-at"]) : undefined;
      if (copyFrom !== undefined) {
        const src = decodeURIComponent(copyFrom).replace(/^\//, "");
        const i = src.indexOf("/");
        const so = state.containers.get(src.slice(0, i))?.objects.get(src.slice(i + 1));
        if (!so) return send(res, 404, {}, "Not Found");
        const data = content(c, so);
        const copy: StoredObject = {
          data,
          etag: md5(data),
          contentType: (h["content-type"] as string | undefined) ?? so.contentType,
          headers: { ...so.headers, ...userMeta },
          lastModified: new Date(),
          deleteAt,
        };
        target.c.objects.set(target.name, copy);
        return send(res, 201, { etag: copy.etag, "last-modified": copy.lastModified.toUTCString() });
      }
      const contentType = (h["content-type"] as string | undefined) ?? "application/octet-stream";
      if (q.get("multipart-manifest") === "put") {
        const segs = JSON.parse(body.toString("utf8")) as { path: string; etag: string; size_bytes: number }[];
        const parts: Buffer[] = [];
        for (const s of segs) {
          const [, sc, ...r] = s.path.split("/");
          const so = state.containers.get(sc as string)?.objects.get(r.join("/"));
          if (!so || so.etag !== s.etag || so.data.length !== s.size_bytes) return send(res, 400, {}, `Bad segment ${s.path}`);
          parts.push(so.data);
        }
        const etag = md5(segs.map((s) => s.etag).join(""));
        c.objects.set(oname, { data: Buffer.concat(parts), etag, contentType, headers: userMeta, lastModified: new Date(), deleteAt, slo: segs });
        return send(res, 201, { etag: `"${etag}"` });
      }
      if (h["x-object-manifest"] !== undefined) {
        c.objects.set(oname, { data: Buffer.alloc(0), etag: md5(""), contentType, headers: userMeta, lastModified: new Date(), deleteAt, dlo: String(h["x-object-manifest"]) });
        return send(res, 201, { etag: md5("") });
      }
      const etag = md5(body);
      if (typeof h.etag === "string" && h.etag.replace(/"/g, "").toLowerCase() !== etag) return send(res, 422, {}, "Unprocessable Entity");
      c.objects.set(oname, { data: body, etag, contentType, headers: userMeta, lastModified: new Date(), deleteAt });
      return send(res, 201, { etag: state.faults.wrongEtag.has(key) ? md5("something else") : etag, "last-modified": new Date().toUTCString() });
    }
    if (!obj) return send(res, 404, {}, "Not Found");
    if (method === "HEAD") {
      return send(res, 200, { ...objectHeaders(c, obj), "content-length": content(c, obj).length });
    }
    if (method === "GET") {
      let data = content(c, obj);
      const headers = objectHeaders(c, obj);
      let status = 200;
      const range = h.range as string | undefined;
      const m = range?.match(/^bytes=(\d*)-(\d*)$/);
      if (m) {
        const size = data.length;
        let start = m[1] ? Number(m[1]) : size - Number(m[2]);
        let end = m[1] ? (m[2] ? Math.min(Number(m[2]), size - 1) : size - 1) : size - 1;
        if (start < 0) start = 0;
        if (start >= size) return send(res, 416);
        data = data.subarray(start, end + 1);
        headers["content-range"] = `bytes ${start}-${end}/${size}`;
        status = 206;
        end = end + 0;
      }
      if (state.faults.corruptBody.has(key)) {
        data = Buffer.from(data);
        data[0] = (data[0] ?? 0) ^ 0xff;
      }
      if (state.faults.truncate.has(key)) {
        res.writeHead(status, { ...headers, "content-length": data.length });
        res.write(data.subarray(0, Math.floor(data.length / 2)));
        setTimeout(() => res.destroy(), 20);
        return;
      }
      return send(res, status, headers, data);
    }
    if (method === "POST") {
      // Swift semantics: the POST replaces every user header; an absent X-Delete-At clears expiry.
      const userMeta: Record<string, string> = {};
      setMeta(userMeta, h, "x-object-meta-");
      for (const k of ["content-encoding", "content-disposition", "cache-control"]) if (typeof h[k] === "string") userMeta[k] = h[k] as string;
      obj.headers = userMeta;
      if (typeof h["content-type"] === "string") obj.contentType = h["content-type"];
      obj.deleteAt = h["x-delete-after"] !== undefined ? Math.floor(Date.now() / 1000) + Number(h["x-delete-after"]) : h["x-delete-at"] !== undefined ? Number(h["x-delete-at"]) : undefined;
      if (obj.dlo !== undefined && h["x-object-manifest"] === undefined) obj.dlo = undefined;
      return send(res, 202);
    }
    if (method === "DELETE") {
      if (q.get("multipart-manifest") === "delete" && obj.slo) {
        for (const s of obj.slo) {
          const [, sc, ...r] = s.path.split("/");
          state.containers.get(sc as string)?.objects.delete(r.join("/"));
        }
      }
      c.objects.delete(oname);
      return send(res, 204);
    }
    return send(res, 405);
  };

  const cdn = (method: string, cname: string, oname: string, q: URLSearchParams, h: IncomingMessage["headers"], res: ServerResponse) => {
    const uris = (n: string) => ({
      "x-cdn-uri": `http://cdn.example.com/${n}`,
      "x-cdn-ssl-uri": `https://ssl.cdn.example.com/${n}`,
      "x-cdn-streaming-uri": `http://stream.cdn.example.com/${n}`,
      "x-cdn-ios-uri": `http://ios.cdn.example.com/${n}`,
    });
    if (!cname && method === "GET") {
      let rows = [...state.containers.entries()].filter(([, c]) => c.cdn).map(([name, c]) => ({
        name,
        cdn_enabled: c.cdn?.enabled,
        ttl: c.cdn?.ttl,
        log_retention: c.cdn?.logRetention,
        cdn_uri: uris(name)["x-cdn-uri"],
        cdn_ssl_uri: uris(name)["x-cdn-ssl-uri"],
        cdn_streaming_uri: uris(name)["x-cdn-streaming-uri"],
        cdn_ios_uri: uris(name)["x-cdn-ios-uri"],
      }));
      if (q.get("enabled_only") === "true") rows = rows.filter((r) => r.cdn_enabled);
      const out = listing(rows, q);
      return out.length ? send(res, 200, { "content-type": "application/json" }, JSON.stringify(out)) : send(res, 204);
    }
    const c = state.containers.get(cname);
    if (!c) return send(res, 404);
    if (method === "PUT" && !oname) {
      const was = c.cdn;
      c.cdn ??= { enabled: false, ttl: 259_200, logRetention: false };
      if (h["x-cdn-enabled"] !== undefined) c.cdn.enabled = String(h["x-cdn-enabled"]).toLowerCase() === "true";
      if (h["x-ttl"] !== undefined) c.cdn.ttl = Number(h["x-ttl"]);
      if (h["x-log-retention"] !== undefined) c.cdn.logRetention = String(h["x-log-retention"]).toLowerCase() === "true";
      return send(res, was ? 202 : 201, uris(cname));
    }
    if (!c.cdn) return send(res, 404);
    if (method === "HEAD" && !oname)
      return send(res, 204, {
        "x-cdn-enabled": c.cdn.enabled ? "True" : "False",
        "x-ttl": c.cdn.ttl,
        "x-log-retention": c.cdn.logRetention ? "True" : "False",
        ...uris(cname),
      });
    if (method === "DELETE" && oname) {
      if (!c.cdn.enabled) return send(res, 404);
      state.purges.push({ container: cname, object: oname, email: h["x-purge-email"] as string | undefined });
      return send(res, 204);
    }
    return send(res, 405);
  };

  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, {}, String(e));
      else res.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.url = `${state.origin}/v1/${ACCOUNT}`;
  state.cdnUrl = `${state.origin}/cdn/v1/${ACCOUNT}`;
  return state;
}
