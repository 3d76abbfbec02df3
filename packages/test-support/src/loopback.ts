import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How request paths read in fixtures and records: a path starting with `from` (whole segments) has
 * it replaced by `to`. The first match wins; a path matching none is kept as sent.
 */
export type PathMap = ReadonlyArray<readonly [from: string, to: string]>;

/** The request line as it went on the wire: nothing decoded or normalised (`%2E%2E` stays). */
export interface RequestLine {
  method: string;
  /** Path below the mapped prefix, still percent-encoded; query excluded. */
  path: string;
  query: URLSearchParams;
  /** The query as sent, with its `?` ("" when there is none). */
  rawQuery: string;
}

export function requestLine(req: IncomingMessage, paths: PathMap): RequestLine {
  const raw = req.url ?? "/";
  const q = raw.indexOf("?");
  const sent = q < 0 ? raw : raw.slice(0, q);
  const rawQuery = q < 0 ? "" : raw.slice(q);
  return { method: req.method ?? "", path: mapPath(sent, paths), query: new URLSearchParams(rawQuery), rawQuery };
}

function mapPath(path: string, paths: PathMap): string {
  for (const [from, to] of paths) if (path === from || path.startsWith(`${from}/`)) return to + path.slice(from.length);
  return path;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface Listening {
  origin: string;
  port: number;
  /** Drops open connections (a hung answer included), then stops listening. */
  close(): Promise<void>;
}

/** A server on 127.0.0.1 and a free port; `handle` answers every request. */
export async function listen(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<Listening> {
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
