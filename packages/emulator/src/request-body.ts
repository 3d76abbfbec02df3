import { sameArrival } from "./arrival";

/**
 * Request bodies travel beside the web Request rather than inside it: msw
 * clones (tees) every request it handles, and an unread tee branch would keep
 * a second queue of every uploaded chunk and read the socket without
 * backpressure. The node:http adapter attaches the IncomingMessage here; a
 * request coming from a user's own msw setupServer falls back to its body.
 */
const sideBodies = new WeakMap<Request, AsyncIterable<Uint8Array>>();

export function attachBody(request: Request, body: AsyncIterable<Uint8Array>): void {
  sideBodies.set(request, body);
}

/** The same request under other headers, its body (side or inline) and its endpoint going along. */
export function withHeaders(request: Request, headers: Headers): Request {
  const side = sideBodies.get(request);
  if (!side) return sameArrival(request, new Request(request, { headers }));
  const copy = new Request(request.url, { method: request.method, headers, signal: request.signal });
  sideBodies.set(copy, side);
  return sameArrival(request, copy);
}

/** The same request at another URL (the router strips `/<slug>/<REGION>` prefixes), its body going along. */
export function withUrl(request: Request, url: string): Request {
  const side = sideBodies.get(request);
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, signal: request.signal };
  if (!side && request.body) {
    init.body = request.body;
    init.duplex = "half";
  }
  const copy = new Request(url, init);
  if (side) sideBodies.set(copy, side);
  return sameArrival(request, copy);
}

/**
 * Whether the request declared how its body ends. Only a raw socket can
 * omit both Content-Length and chunked encoding (Swift: 411); a fetch
 * Request seen in-process always frames its body, though it hides the header.
 */
export function bodyIsFramed(request: Request): boolean {
  if (!sideBodies.has(request)) return true;
  const chunked = (request.headers.get("transfer-encoding") ?? "").toLowerCase().includes("chunked");
  return chunked || request.headers.has("content-length");
}

export async function* bodyChunks(request: Request): AsyncGenerator<Buffer> {
  const source = sideBodies.get(request) ?? (request.body as AsyncIterable<Uint8Array> | null);
  if (!source) return;
  // Stepping the iterator by hand: a `for await` that stops early would
  // destroy the socket before the error response could be written.
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    const chunk = next.value;
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

export class BodyTooLarge extends Error {}

/** Reads a small (JSON / text) body whole, refusing more than `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(request)) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(`request body larger than ${limit} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

/** `readBody`, with a too-large body reported as the service's own error (`tooLarge()` is thrown instead). */
export async function readBodyOr(request: Request, limit: number, tooLarge: () => Error): Promise<Buffer> {
  try {
    return await readBody(request, limit);
  } catch (e) {
    throw e instanceof BodyTooLarge ? tooLarge() : e;
  }
}
