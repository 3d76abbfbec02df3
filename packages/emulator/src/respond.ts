import { randomUUID } from "node:crypto";
import { findEndpoint } from "./arrival";
import type { EmulatorContext } from "./context";
import { transactionId } from "./ids";
import { DOT_MARKER_HEADER, restoreDotSegments } from "./raw-request";
import { loggablePath } from "./request-log";

export type HeaderInit = Record<string, string | number | undefined>;

function headersFrom(init: HeaderInit | undefined): Headers {
  const headers = new Headers();
  if (init) for (const [k, v] of Object.entries(init)) if (v !== undefined) headers.set(k, String(v));
  return headers;
}

export function jsonResponse(status: number, body: unknown, headers?: HeaderInit): Response {
  const text = JSON.stringify(body);
  const h = headersFrom(headers);
  h.set("content-type", "application/json; charset=utf-8");
  h.set("content-length", String(Buffer.byteLength(text)));
  return new Response(text, { status, headers: h });
}

export function textResponse(status: number, body: string, headers?: HeaderInit, contentType = "text/plain; charset=utf-8"): Response {
  const h = headersFrom(headers);
  h.set("content-type", contentType);
  h.set("content-length", String(Buffer.byteLength(body)));
  return new Response(body, { status, headers: h });
}

/** A bodiless response; HEAD answers carry the Content-Length a GET would have. */
export function emptyResponse(status: number, headers?: HeaderInit): Response {
  const h = headersFrom(headers);
  if (!h.has("content-length") && status !== 204 && status !== 304) h.set("content-length", "0");
  return new Response(null, { status, headers: h });
}

/** Drops the body of a response to a HEAD request, keeping its headers. */
export function forHead(request: Request, response: Response): Response {
  if (request.method !== "HEAD" || response.body === null) return response;
  void response.body.cancel();
  return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
}

type Resolver = (request: Request) => Promise<Response | undefined> | Response | undefined;

/**
 * Wraps a handler body: stamps the transaction-id headers every OpenStack
 * service sends, records the request log line, and turns a thrown error into
 * a 500 instead of a dropped connection.
 */
export function handled(ctx: EmulatorContext, fn: Resolver) {
  return async ({ request }: { request: Request }): Promise<Response | undefined> => {
    let response: Response | undefined;
    try {
      response = await fn(request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      response = textResponse(500, `emulator error: ${message}\n`);
    }
    return response && finish(ctx, request, forHead(request, response));
  };
}

/** Swift's family names requests `tx…` in two headers; the other OpenStack services `req-<uuid>` in one. */
const SWIFT_FAMILY = new Set(["object-store", "cdn", "cdn-content"]);

export function finish(ctx: EmulatorContext, request: Request, response: Response, fault = false): Response {
  const url = new URL(request.url);
  const found = findEndpoint(ctx, request);
  if (response.type !== "error") {
    const swift = !found || SWIFT_FAMILY.has(found.endpoint.service.slug);
    const id = swift ? transactionId(ctx.state.clock.now()) : `req-${randomUUID()}`;
    if (swift && !response.headers.has("x-trans-id")) response.headers.set("x-trans-id", id);
    if (!response.headers.has("x-openstack-request-id")) response.headers.set("x-openstack-request-id", id);
  }
  ctx.requests.push({
    method: request.method,
    // The path as the client sent it, without the marker the server put on dot segments.
    path: loggablePath(restoreDotSegments(found?.path ?? url.pathname, request.headers.get(DOT_MARKER_HEADER))),
    status: response.type === "error" ? 0 : response.status,
    service: found?.endpoint.service.slug ?? "",
    ...(found?.endpoint.region ? { region: found.endpoint.region } : {}),
    ...(fault ? { fault: true } : {}),
    at: ctx.state.clock.now(),
  });
  return response;
}
