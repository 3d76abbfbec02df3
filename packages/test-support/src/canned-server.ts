import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { StaticSession, type TransportOptions } from "@rax/core";
import { afterEach } from "vitest";
import { listen, type PathMap, readBody, type RequestLine, requestLine } from "./loopback";

/** One canned answer: the request it expects (method + path, query ignored) and how to answer it. */
export interface Canned {
  method: string;
  path: string;
  status: number;
  /** A string goes as text/plain, anything else as JSON; none: an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer only after this many ms (to make a call time out). */
  delayMs?: number;
  /** Never answer; the connection is dropped when the test ends. */
  hang?: boolean;
  /** Drop the connection after reading the request (the server may have acted). */
  reset?: boolean;
}

export interface Seen extends RequestLine {
  headers: IncomingHttpHeaders;
  /** The body as text ("" for none). */
  text: string;
  /** The body parsed as JSON, the text when it is not JSON, undefined when empty. */
  body: any;
}

export const TOKEN = "fixture-token-0123456789";
/** One attempt per call: a test sees each request the client makes. */
export const NO_RETRIES: TransportOptions = { retry: { maxAttempts: 1 } };
/** Core's default retry policy with the backoff shortened, for what is and is not replayed. */
export const QUICK_RETRIES: TransportOptions = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };

export interface CannedOptions<K extends string, C> {
  /** What the client is called in `serve`'s answer (`nova`, `cbs`…), so tests destructure it by name. */
  as: K;
  /** The endpoint's path on the loopback origin: the tenant prefix (`/v2/123456`), "" for a bare server. */
  endpointPath: string;
  /** How request paths read in fixtures and `seen`; default: below the endpoint path. */
  paths?: PathMap;
  makeClient(session: StaticSession, at: { origin: string; endpoint: string }): C;
  /** Default NO_RETRIES. A logger given here replaces the one that fills `log`. */
  transport?: TransportOptions;
}

export type Served<K extends string, C> = { [name in K]: C } & {
  /** Every request the server got, in arrival order, answered or not. */
  seen: Seen[];
  /** How many canned answers no request has taken yet. */
  left(): number;
  origin: string;
  port: number;
  /** The endpoint URL the client was given. */
  endpoint: string;
  /** The transport's debug lines (already redacted), for asserting what never reaches a log. */
  log: string[];
};

/**
 * A loopback server answering `fixtures` in order, each once, recording everything it is sent. A
 * request that does not match the next fixture is answered 599 (`unexpected <method> <path>`), so
 * the call under test fails loudly; `left()` shows answers never asked for. Closed after each test.
 */
export async function serveCanned<K extends string, C>(o: CannedOptions<K, C>, fixtures: readonly Canned[]): Promise<Served<K, C>> {
  const queue = [...fixtures];
  const seen: Seen[] = [];
  const hung: ServerResponse[] = [];
  const paths = o.paths ?? [[o.endpointPath, ""]];
  const server = await listen(async (req, res) => {
    // Recorded on arrival, so a request the client gives up on mid-body still counts as sent.
    const record: Seen = { ...requestLine(req, paths), headers: req.headers, text: "", body: undefined };
    seen.push(record);
    try {
      record.text = (await readBody(req)).toString("utf8");
    } catch {
      return; // the client went away mid-body: nothing to answer
    }
    record.body = parsed(record.text);
    const next = queue[0];
    if (!next || next.method !== record.method || next.path !== record.path) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`unexpected ${record.method} ${record.path}`);
      return;
    }
    queue.shift();
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    if (next.reset) {
      req.socket.destroy();
      return;
    }
    if (next.hang) {
      hung.push(res);
      return;
    }
    const text = typeof next.body === "string";
    const payload = next.body === undefined ? "" : text ? (next.body as string) : JSON.stringify(next.body);
    res.writeHead(next.status, { ...(payload ? { "content-type": text ? "text/plain" : "application/json" } : {}), ...next.headers }).end(payload);
  });
  const log: string[] = [];
  const endpoint = `${server.origin}${o.endpointPath}`;
  const session = new StaticSession({ token: TOKEN, endpoint, transportOptions: { logger: (line) => log.push(line), ...(o.transport ?? NO_RETRIES) } });
  const client = o.makeClient(session, { origin: server.origin, endpoint });
  cleanups.push(async () => {
    for (const res of hung) res.destroy();
    await session.transport.close();
    await server.close();
  });
  return { [o.as]: client, seen, left: () => queue.length, origin: server.origin, port: server.port, endpoint, log } as Served<K, C>;
}

/** A package's `serve` (one attempt per call) and `serveWithRetries` (QUICK_RETRIES) over one client. */
export function cannedServer<K extends string, C>(o: CannedOptions<K, C>) {
  return {
    serve: (...fixtures: Canned[]) => serveCanned(o, fixtures),
    serveWithRetries: (...fixtures: Canned[]) => serveCanned({ ...o, transport: QUICK_RETRIES }, fixtures),
  };
}

function parsed(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
