import { emptyResponse, jsonResponse } from "../respond";
import { DEFAULTS } from "./model";
import { checkName } from "./queue-routes";
import { isObject, jsonOf, limitOf, type QueuesRequest, secondsOf } from "./queues-request";
import { ageOf, claimView, messageView } from "./views";
import { badBody, methodNotAllowed, notFound } from "./zaqar-errors";

const CLAIM = { min: 60, max: 43_200 };

/** /queues/{name}/claims[/{id}] */
export async function claimRoutes(r: QueuesRequest, raw: string, id: string | undefined): Promise<Response> {
  const name = checkName(r, raw);
  const m = r.request.method;
  if (id === undefined) {
    if (m === "POST") return create(r, name);
    throw methodNotAllowed("POST, OPTIONS");
  }
  const q = r.store.get(name);
  const claim = q?.claims.get(id);
  const missing = () => notFound(`Claim ${id} does not exist in queue ${name} for project ${r.project}`);
  if (m === "GET") {
    if (!q || !claim) throw missing();
    return jsonResponse(200, claimView(r, name, claim, r.store.claimed(q, id)));
  }
  if (m === "PATCH") {
    const body = await jsonOf(r);
    if (!isObject(body)) throw badBody("Document type not supported.");
    // Zaqar fills in what a PATCH leaves out rather than keeping the claim's values (claims.py's
    // patch spec): v1.0 requires ttl and takes a missing grace as 0; v1.1/v2 take the defaults
    // (ttl 300, grace 60). So a grace-only renewal shortens a longer claim to 300 s on real Zaqar 15.
    if (body.ttl === undefined && r.version === "v1") throw badBody('Missing "ttl" field.');
    const ttl = body.ttl === undefined ? DEFAULTS.claimTtl : secondsOf(body.ttl, "ttl", "a claim", CLAIM.min, CLAIM.max);
    const grace = body.grace === undefined ? (r.version === "v1" ? 0 : DEFAULTS.claimGrace) : secondsOf(body.grace, "grace", "a claim", CLAIM.min, CLAIM.max);
    if (!q || !claim) throw missing();
    r.store.renew(q, claim, ttl, grace, r.version === "v1");
    return emptyResponse(204);
  }
  if (m === "DELETE") {
    if (q) r.store.release(q, id, r.version === "v1");
    return emptyResponse(204);
  }
  throw methodNotAllowed("DELETE, GET, PATCH, OPTIONS");
}

/** POST ?limit with `{ttl, grace}` (defaults 300 / 60): 201 + Location and the messages, or 204 when none are free. */
async function create(r: QueuesRequest, name: string): Promise<Response> {
  const limit = limitOf(r.url, 20, 10);
  const body = (await jsonOf(r)) ?? {};
  if (!isObject(body)) throw badBody("Document type not supported.");
  const ttl = body.ttl === undefined ? DEFAULTS.claimTtl : secondsOf(body.ttl, "ttl", "a claim", CLAIM.min, CLAIM.max);
  const grace = body.grace === undefined ? DEFAULTS.claimGrace : secondsOf(body.grace, "grace", "a claim", CLAIM.min, CLAIM.max);
  const q = r.store.get(name);
  const made = q && r.store.claim(q, ttl, grace, limit, r.version === "v1");
  if (!made) return emptyResponse(204);
  const views = made.messages.map((m, i) => ({ ...messageView(r, name, m), age: ageOf(r, made.listedAt[i]!) }));
  const location = `${r.hrefBase}/queues/${name}/claims/${made.claim.id}`;
  return jsonResponse(201, r.version === "v1" ? views : { messages: views }, { location });
}
