// A loopback proxy in front of the emulator that records every request as it went on the wire
// (method, path, query, headers, body) and can alter an answer: the emulator's behaviour, with the
// wire visible to assertions, and the odd misbehaving answer (a wrong ETag) where a test needs one.
import { type IncomingMessage, request } from "node:http";
import { StaticSession } from "@rax/core";
import { listen, readBody, requestLine } from "@rax/test-support";
import { ObjectStore, type ObjectStoreOptions } from "../src/index";
import type { EmulatedSwift } from "./emulator-client";

export interface Recorded {
  method: string;
  /** Path below the storage URL, still percent-encoded ("" for the account). */
  path: string;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Answered {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RecordingProxy {
  requests: Recorded[];
  /** Change an answer before it is sent (default: as the emulator gave it). */
  alter?: (req: Recorded, res: Answered) => Answered;
  client(o?: ObjectStoreOptions): ObjectStore;
  close(): Promise<void>;
}

export async function startRecordingProxy(swift: EmulatedSwift): Promise<RecordingProxy> {
  const target = new URL(swift.storageUrl);
  const base = target.pathname.replace(/\/+$/, "");
  const proxy = { requests: [] as Recorded[] } as RecordingProxy;
  const server = await listen(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const { method, path, query } = requestLine(req, [[base, ""]]);
    const rec: Recorded = { method: method || "GET", path, query, headers, body: await readBody(req) };
    proxy.requests.push(rec);
    const { host: _host, connection: _c, ...forward } = headers;
    // node:http, not fetch: bodies pass as stored (no decompression of a Content-Encoding: gzip object).
    const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
      const out = request(`${target.origin}${u.pathname}${u.search}`, { method: rec.method, headers: forward }, resolve);
      out.on("error", reject);
      out.end(rec.body.length > 0 ? rec.body : undefined);
    });
    let answer: Answered = { status: upstream.statusCode ?? 502, headers: {}, body: await readBody(upstream) };
    for (const [k, v] of Object.entries(upstream.headers))
      if (v !== undefined && k !== "content-length" && k !== "transfer-encoding" && k !== "connection") answer.headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const headLength = upstream.headers["content-length"] ?? "0";
    if (proxy.alter) answer = proxy.alter(rec, answer);
    res.writeHead(answer.status, { ...answer.headers, "content-length": rec.method === "HEAD" ? headLength : String(answer.body.length) });
    res.end(rec.method === "HEAD" ? undefined : answer.body);
  });
  const url = `${server.origin}${base}`;
  proxy.client = (o = {}) => new ObjectStore(new StaticSession({ token: swift.token, endpoints: { "object-store": url } }), o);
  proxy.close = server.close;
  return proxy;
}
