import type { Readable } from "node:stream";
import { InvalidResponse } from "./errors";
import { redact } from "./redact";

export interface RaxResponseInit {
  status: number;
  headers: Record<string, string>;
  requestId?: string;
  attempts: number;
  method: string;
  /** Redacted, or a function giving it (called only when `url` is read). */
  url: string | (() => string);
  body: Readable;
}

/** Bytes read from a response before `dump()` gives up and closes the socket instead. */
const DUMP_LIMIT = 128 * 1024;

/**
 * A response whose body has not been read yet: stream it (`for await (const chunk of res.body)`,
 * `res.body.pipe(file)`) or read it whole (`json()`, `text()`, `bytes()`). Read or `dump()` every
 * body you do not need, or the connection stays busy.
 */
export class RaxResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly requestId?: string;
  readonly attempts: number;
  readonly method: string;
  readonly body: Readable;
  #url: string | (() => string);

  constructor(init: RaxResponseInit) {
    this.status = init.status;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.attempts = init.attempts;
    this.method = init.method;
    this.#url = init.url;
    this.body = init.body;
  }

  /** Request URL with secret query values masked. */
  get url(): string {
    if (typeof this.#url === "function") this.#url = this.#url();
    return this.#url;
  }

  async bytes(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.body) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  /** Parsed JSON; `undefined` for an empty body (204, HEAD). Bad JSON → InvalidResponse. */
  async json<T = unknown>(): Promise<T> {
    const text = await this.text();
    if (!text.trim()) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new InvalidResponse(
        { status: this.status, method: this.method, url: this.url, snippet: redact(text.slice(0, 200)), requestId: this.requestId, cause: e },
        "Response body is not valid JSON",
      );
    }
  }

  /** Discard the body so the connection can be reused (closes it instead past 128 KiB). */
  async dump(): Promise<void> {
    let read = 0;
    try {
      for await (const chunk of this.body) {
        read += (chunk as Buffer).length;
        if (read > DUMP_LIMIT) {
          this.body.destroy();
          return;
        }
      }
    } catch {
      // The body is being thrown away: a failure while discarding it changes nothing for the caller.
    }
  }
}
