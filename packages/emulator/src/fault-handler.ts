import { getResponse, http, type RequestHandler } from "msw";
import type { EmulatorContext } from "./context";
import type { FaultSpec } from "./faults";
import { v3Error } from "./identity/errors";
import { swiftError } from "./object-store/errors";
import type { Resolved } from "./endpoints";
import { finish, jsonResponse, textResponse } from "./respond";

const FAULT_KEYS: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  409: "conflictingRequest",
  413: "overLimit",
  429: "overLimit",
  500: "serviceFault",
  503: "serviceUnavailable",
};

/** An injected error in the body shape the addressed service uses. */
function faultResponse(spec: FaultSpec, where: Resolved | undefined): Response {
  const status = spec.status!;
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.retryAfter !== undefined) headers["retry-after"] = String(spec.retryAfter);
  let response: Response;
  if (typeof spec.body === "string") response = textResponse(status, spec.body);
  else if (spec.body !== undefined) response = jsonResponse(status, spec.body);
  else {
    const service = where?.endpoint.service.slug;
    const message = `Injected fault (HTTP ${status})`;
    if (service === "object-store" || service === "cdn" || service === "cdn-content") response = swiftError(status);
    else if (service === "identity" && where!.path.startsWith("/v3")) response = v3Error(status, message);
    else {
      const retryAfter = typeof spec.retryAfter === "number" ? { retryAfter: String(spec.retryAfter) } : {};
      response = jsonResponse(status, { [FAULT_KEYS[status] ?? "serviceFault"]: { code: status, message, ...retryAfter } });
    }
  }
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Keeps the real status and headers, sends about half of the first chunk, then hangs until the client gives up. */
function stalled(real: Response, signal: AbortSignal): Response {
  const reader = real.body?.getReader();
  let sentFirst = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentFirst && reader) {
        sentFirst = true;
        const first = await reader.read();
        if (!first.done && first.value.length > 1) {
          controller.enqueue(first.value.subarray(0, Math.floor(first.value.length / 2)));
          return;
        }
      }
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        else signal.addEventListener("abort", () => resolve(), { once: true });
      });
      void reader?.cancel();
      controller.error(new Error("stalled body aborted"));
    },
    cancel() {
      void reader?.cancel();
    },
  });
  return new Response(body, { status: real.status, statusText: real.statusText, headers: real.headers });
}

/**
 * Runs first: consumes a matching fault and answers with it, delays, resets
 * the connection (a network error), or stalls the real response's body.
 * Falls through to the service handlers when only a delay was asked for.
 */
export function faultHandlers(ctx: EmulatorContext, downstream: () => RequestHandler[]) {
  return [
    http.all("*", async ({ request }) => {
      const url = new URL(request.url);
      const where = ctx.endpoints.resolve(url);
      const fault = ctx.faults.take(request.method, url, where);
      if (!fault) return undefined;
      const spec = fault.spec;
      if (spec.delayMs) await sleep(spec.delayMs, request.signal);
      if (spec.resetConnection) return finish(ctx, request, Response.error(), true);
      if (spec.status !== undefined) return finish(ctx, request, faultResponse(spec, where), true);
      if (spec.stallBody) {
        const real = await getResponse(downstream(), request);
        return real && stalled(real, request.signal);
      }
      return undefined;
    }),
  ];
}
