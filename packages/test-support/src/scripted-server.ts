import type { IncomingMessage } from "node:http";
import { type Listening, listen, type PathMap, readBody, type RequestLine, requestLine } from "./loopback";

export interface SeenRequest extends RequestLine {
  /** Lower-case names; a repeated header's values joined with ", " (as the raw bytes read as Latin-1). */
  headers: Record<string, string>;
  /** The header's raw bytes, for asserting how a value went on the wire. */
  rawHeader(name: string): Buffer | undefined;
  body: Buffer;
  /** The body parsed, when its content-type says JSON. */
  json: unknown;
}

export interface Answer {
  /** 0: read the request, then drop the connection without answering (a lost answer). */
  status: number;
  headers?: Record<string, string>;
  /** Raw header bytes (e.g. UTF-8 metadata), sent as given. */
  rawHeaders?: Record<string, Buffer>;
  /** A string or Buffer goes as is; anything else as JSON. */
  body?: unknown;
  /** Stream the body in chunks of this size and count how many were written before the client stopped. */
  chunked?: number;
  /** Announce the whole body's length, send this many bytes of it, then drop the connection (an interrupted download). */
  cutAfter?: number;
}

export type Script = (req: SeenRequest) => Answer | Promise<Answer>;

/** What a test steers and reads: the server consults `script` anew for each request. */
export interface Scripted {
  script: Script;
  requests: SeenRequest[];
  /** Bytes of response bodies actually written to the socket, per request index. */
  bytesWritten: number[];
}

export interface ScriptedOptions {
  paths: PathMap;
  /** Headers every answer carries unless it sets them itself. */
  defaultHeaders?: Record<string, string>;
}

/**
 * A loopback server answering each request with what `state.script` returns for it, recording it in
 * `state.requests`. A script that throws is answered 599 with the error, so the test sees it.
 */
export async function serveScripted(state: Scripted, o: ScriptedOptions): Promise<Listening> {
  return listen(async (req, res) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const body = await readBody(req).catch(() => undefined);
    if (!body) return; // the client went away mid-body
    const seen: SeenRequest = {
      ...requestLine(req, o.paths),
      headers,
      rawHeader: (n) => rawHeaderOf(req, n.toLowerCase()),
      body,
      json: body.length > 0 && /json/.test(headers["content-type"] ?? "") ? JSON.parse(body.toString("utf8")) : undefined,
    };
    const index = state.requests.push(seen) - 1;
    state.bytesWritten[index] = 0;
    let a: Answer;
    try {
      a = await state.script(seen);
    } catch (e) {
      a = { status: 599, body: String(e) };
    }
    if (a.status === 0) {
      req.socket.destroy();
      return;
    }
    const payload = a.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(a.body) ? a.body : Buffer.from(typeof a.body === "string" ? a.body : JSON.stringify(a.body));
    const out: Record<string, string> = { ...o.defaultHeaders, ...a.headers };
    if (a.body !== undefined && typeof a.body === "object" && !Buffer.isBuffer(a.body) && !out["content-type"]) out["content-type"] = "application/json; charset=utf-8";
    if (!out["content-length"] && !a.chunked) out["content-length"] = String(payload.length);
    const lines: string[] = Object.entries(out).flat();
    for (const [k, v] of Object.entries(a.rawHeaders ?? {})) lines.push(k, v.toString("latin1"));
    res.writeHead(a.status, lines);
    if (a.cutAfter !== undefined) {
      state.bytesWritten[index] = a.cutAfter;
      res.write(payload.subarray(0, a.cutAfter));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    if (req.method === "HEAD" || !a.chunked) {
      state.bytesWritten[index] = req.method === "HEAD" ? 0 : payload.length;
      res.end(req.method === "HEAD" ? undefined : payload);
      return;
    }
    // Slow, chunked: stop as soon as the client goes away, so the count shows what it read.
    const size = a.chunked;
    let off = 0;
    const pump = () => {
      while (off < payload.length && !res.destroyed) {
        const part = payload.subarray(off, off + size);
        off += part.length;
        state.bytesWritten[index]! += part.length;
        if (!res.write(part)) {
          res.once("drain", pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    res.on("close", () => (off = payload.length));
    pump();
  });
}

function rawHeaderOf(req: IncomingMessage, name: string): Buffer | undefined {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return Buffer.from(raw[i + 1]!, "latin1");
  return undefined;
}
