import { http } from "msw";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { endpointOf } from "../arrival";
import { emptyResponse, handled, jsonResponse, textResponse } from "../respond";
import { homeDocument, versionsDocument } from "./home-document";
import { queuesState } from "./model";
import { type QueuesRequest, type ZaqarVersion } from "./queues-request";
import { claimRoutes } from "./claim-routes";
import { messageRoutes } from "./message-routes";
import { queueRoutes } from "./queue-routes";
import { methodNotAllowed, noRoute, ZaqarFault, zaqarError } from "./zaqar-errors";

/**
 * Cloud Queues / Zaqar: Rackspace's Marconi v1 at `/v1/<tenant>/queues…` (the `rax:queues`
 * endpoint) and Zaqar v2 at `/v2/queues…` (the `messaging` endpoint, whose catalog URL is the
 * bare root, as real Zaqar lists it). Both read one store per region and project. Client-ID
 * rules: v2 refuses any request without a valid one, v1 message and claim requests. Messages
 * expire with their TTL and claims with theirs on the emulator's clock; a claim keeps its messages
 * alive for its TTL plus grace. Errors are Zaqar's `{"title", "description"}` bodies, worded as
 * real Zaqar 15 words them.
 */
export function queuesHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, () => jsonResponse(300, versionsDocument()))),
    http.all("/v1/:tenantId/*", handled(ctx, (request) => route(ctx, request, "v1"))),
    http.all("/v2/*", handled(ctx, (request) => route(ctx, request, "v2"))),
  ];
}

const UUID = /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** Python's uuid.UUID(…) reading of the header: hyphens, braces and `urn:uuid:` optional. */
function clientIdOf(request: Request): string | undefined | ZaqarFault {
  const raw = request.headers.get("client-id");
  if (raw === null || raw === "") return undefined;
  const m = UUID.exec(raw.trim());
  if (!m) return new ZaqarFault(400, "Wrong UUID value", "Malformed hexadecimal UUID.");
  return m.slice(1).join("-").toLowerCase();
}

async function route(ctx: EmulatorContext, request: Request, version: ZaqarVersion): Promise<Response> {
  const url = new URL(request.url);
  const parts = url.pathname.split("/").map((p) => decodeURIComponent(p));
  // ["", "v1", tenant, "queues", …] or ["", "v2", "queues", …]
  const tenant = version === "v1" ? parts[2]! : undefined;
  const rest = parts.slice(version === "v1" ? 3 : 2);
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } }, { "www-authenticate": `Keystone uri="${ctx.publicUrl}"` });
  try {
    if (tenant !== undefined && tenant !== check.token.tenantId) throw new ZaqarFault(400, "Invalid queue identification", "The format of the submitted queue name or project id is not valid.");
    const project = check.token.tenantId;
    const clientId = clientIdOf(request);
    if (clientId instanceof ZaqarFault) throw clientId;
    const region = endpointOf(request).region ?? ctx.regions[0]!;
    const r: QueuesRequest = {
      ctx,
      request,
      url,
      version,
      project,
      store: queuesState(ctx.state).project(region, project),
      ...(clientId ? { clientId } : {}),
      hrefBase: `/${version}`,
    };
    const [collection, name, sub, id, ...extra] = rest;
    const needsClientId = version === "v2" || sub === "messages" || sub === "claims";
    if (needsClientId && !clientId) throw new ZaqarFault(400, "Missing header value", 'The "Client-ID" header is required.');
    if (version === "v2" && rest.length === 1 && request.method === "GET") {
      if (collection === "") return textResponse(200, homeDocument(), { "cache-control": "max-age=86400" }, "application/json-home");
      if (collection === "ping") return emptyResponse(204);
    }
    if (collection !== "queues" || extra.length > 0) throw noRoute();
    if (name === undefined || name === "") {
      if (request.method !== "GET") throw methodNotAllowed("GET, OPTIONS");
      return queueRoutes.list(r);
    }
    if (sub === undefined) return await queueRoutes.queue(r, name);
    if (sub === "stats" && id === undefined) return queueRoutes.stats(r, name);
    if (sub === "metadata" && id === undefined && version === "v1") return await queueRoutes.metadata(r, name);
    if (sub === "messages") return await messageRoutes(r, name, id);
    if (sub === "claims") return await claimRoutes(r, name, id);
    if (version === "v2" && sub === "purge" && id === undefined) return await queueRoutes.purge(r, name);
    if (version === "v2" && sub === "subscriptions" && id === undefined && request.method === "GET") return jsonResponse(200, { subscriptions: [], links: [] });
    throw noRoute();
  } catch (e) {
    if (e instanceof ZaqarFault) return zaqarError(e.status, e.title, e.description, e.headers);
    throw e;
  }
}
