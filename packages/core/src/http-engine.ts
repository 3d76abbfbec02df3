import { Readable } from "node:stream";
import type { Timeouts } from "./timeouts";

// The transport sends through an engine, loaded on the first request through core's package.json
// subpath import `#http-engine` (never at import): undici when Node runs the package from
// node_modules (faster per call), node:http/https in a user's bundle (esbuild, webpack, rollup and
// vite match the `module` condition by default; Node never does), where undici's parser would be
// most of the handler's size. See packages/core/README.md, "Which HTTP client".

/** What an engine module (`#http-engine`) exports. */
export interface EngineModule {
  createEngine(o: EngineOptions): Promise<HttpEngine>;
}

export interface EngineOptions {
  /** Keep-alive connections per origin. */
  connections: number;
  /** TCP (and TLS) connect deadline, ms. */
  connectTimeout: number;
  verifySsl: boolean;
}

/** The part of a call an engine reads (the transport's Call). */
export interface EngineCall extends BodyErrors {
  readonly origin: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly timeouts: Timeouts;
}

/** A request body as an engine sends it (see request-body.ts). */
export type Sendable = string | Uint8Array | Readable;

/** Turns a failure while the body streams into the error its reader sees (a transport's call). */
export interface BodyErrors {
  mapBodyError(err: Error): Error;
}

export interface StreamedResponse {
  statusCode: number;
  /** Lower-case names (the transport passes a flat object of strings on as it is). */
  headers: Record<string, string | string[] | undefined>;
  /** `headers` already holds one string per name (undici's engine): the transport uses it as is. */
  flat?: boolean;
  /** Pulls from the connection: reading stops while this stream's buffer is full. */
  body: Readable;
}

export interface HttpEngine {
  /** Shown by the transport's toJSON() once loaded. */
  readonly name: "undici" | "node:http";
  /**
   * Sends one attempt; resolves when the final response's headers arrive, with the body still
   * streaming (a 3xx is a response, never followed). Rejects with the engine's own error; the
   * three timeouts carry undici's codes (UND_ERR_CONNECT_TIMEOUT, UND_ERR_HEADERS_TIMEOUT,
   * UND_ERR_BODY_TIMEOUT) whichever engine raised them, so call.ts maps them alike.
   */
  send(call: EngineCall, body: Sendable | undefined, signal: AbortSignal | undefined): Promise<StreamedResponse>;
  /** Destroys every pooled connection. */
  close(): Promise<void>;
}

/** A response body an engine streams; `received` lets whole-body reads skip the read deadline. */
export abstract class EngineBody extends Readable {
  /** The whole response has come off the socket (or the transfer failed): reading it waits on nothing remote. */
  abstract get received(): boolean;
}
