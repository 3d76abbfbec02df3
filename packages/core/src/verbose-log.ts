import type { Readable } from "node:stream";
import type { Call } from "./call";
import { redact, redactHeaders } from "./redact";
import { RaxResponse, type RaxResponseInit } from "./response";

/** How much of a body the verbose log shows. */
export const BODY_LOG_LIMIT = 4 * 1024;

// Only bodies a person can read: JSON and text/* (text/html and text/xml error pages included,
// whose echoed form fields and XML elements redact() masks). Binary objects never; form and
// application/xml bodies stay out too: redact() has patterns for their secret fields, but a log
// line is not worth the risk of a field name it does not know.
const READABLE_TYPE = /json|^text\//i;

const UTF8 = new TextDecoder();

/**
 * The first 4 KiB of a JSON or text body, for the log; undefined for other bodies. The whole text
 * is redacted before it is cut: a cut made first could split a `"password": "…"` value and leave
 * its start unmasked.
 */
function bodyPreview(contentType: string | undefined, bytes: Uint8Array | readonly Uint8Array[] | string): string | undefined {
  if (!contentType || !READABLE_TYPE.test(contentType)) return undefined;
  const text = typeof bytes === "string" ? bytes : bytes instanceof Uint8Array ? UTF8.decode(bytes) : UTF8.decode(Buffer.concat(bytes as Uint8Array[]));
  if (text.length === 0) return undefined;
  const shown = redact(text);
  return shown.length > BODY_LOG_LIMIT ? `${shown.slice(0, BODY_LOG_LIMIT)}… (first ${BODY_LOG_LIMIT} of ${shown.length} characters)` : shown;
}

function headerLines(prefix: string, headers: Record<string, string>, log: (line: string) => void): void {
  const shown = redactHeaders(headers);
  for (const k in shown) log(`${prefix} ${k}: ${shown[k]}`);
}

/**
 * An attempt as sent: its request line, headers and, for a body already in memory (a string or
 * bytes: JSON, text), its first 4 KiB. A streamed upload is never read for the log.
 */
export function logRequest(call: Call, sent: string | Uint8Array | Readable | undefined, log: (line: string) => void): void {
  log(`rax: > ${call.method} ${call.shownUrl()} (attempt ${call.attempt})`);
  headerLines("rax: >", call.headers, log);
  if (typeof sent === "string" || sent instanceof Uint8Array) {
    const body = bodyPreview(call.headers["content-type"], sent);
    if (body !== undefined) log(`rax: > body: ${body}`);
  }
}

/** A response's status line and headers. */
export function logResponseHead(status: number, headers: Record<string, string>, log: (line: string) => void): void {
  log(`rax: < HTTP ${status}`);
  headerLines("rax: <", headers, log);
}

/** A response body already read: an error status's (by the transport, at most 64 KiB) or one the caller read whole. */
export function logResponseBody(method: string, url: string, headers: Record<string, string>, body: Uint8Array | readonly Uint8Array[], log: (line: string) => void): void {
  const shown = bodyPreview(headers["content-type"], body);
  if (shown !== undefined) log(`rax: < body of ${method} ${url}: ${shown}`);
}

/**
 * A response that logs its body once the caller reads it whole (`json()`, `text()`, `bytes()`,
 * `chunks()`): the bytes the caller gets anyway, so the log adds no read, buffers nothing more
 * and hands back the same value. A body streamed from `res.body` is not logged. Made only by a
 * transport at the verbose level.
 */
export class VerboseResponse extends RaxResponse {
  readonly #log: (line: string) => void;

  constructor(init: RaxResponseInit, log: (line: string) => void) {
    super(init);
    this.#log = log;
  }

  override async bytes(): Promise<Uint8Array> {
    const bytes = await super.bytes();
    logResponseBody(this.method, this.url, this.headers, bytes, this.#log);
    return bytes;
  }

  override async chunks(): Promise<Buffer[]> {
    const chunks = await super.chunks();
    logResponseBody(this.method, this.url, this.headers, chunks, this.#log);
    return chunks;
  }
}
