import { emptyResponse, jsonResponse } from "../respond";
import { type GroupRecord, LIMITS, overLimit, type PolicyRecord } from "./model";
import { arrayBody, jsonBody, type OtterRequest, page } from "./otter-request";
import { invalid } from "./otter-errors";
import { policyOf, webhookOf } from "./validate";
import { groupHref, policyView, webhookView } from "./views";

/** GET|POST /groups/{g}/policies (POST: a JSON array → 201 `{policies: [created…]}`). */
export async function policies(r: OtterRequest, g: GroupRecord): Promise<Response> {
  if (r.request.method === "GET") {
    const rows = [...g.policies.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const { rows: out, links } = page(r, rows, `${groupHref(r.at, g.id)}policies/`);
    return jsonResponse(200, { policies: out.map((p) => policyView(r.at, g, p)), policies_links: links });
  }
  const inputs = arrayBody(await jsonBody(r), "policies").map((p) => policyOf(p, r.region.now));
  // All or nothing: a batch that would pass the limit adds none of its policies.
  if (g.policies.size + inputs.length > LIMITS.policies) throw overLimit("Policies", `Group ${g.id} holds at most ${LIMITS.policies} policies`);
  const created = inputs.map((p) => r.region.addPolicy(g, p));
  r.region.converge(g);
  return jsonResponse(201, { policies: created.map((p) => policyView(r.at, g, p)) });
}

/** GET|PUT|DELETE /groups/{g}/policies/{p} (PUT: the whole policy → 204). */
export async function policy(r: OtterRequest, g: GroupRecord, p: PolicyRecord): Promise<Response> {
  const m = r.request.method;
  if (m === "GET") return jsonResponse(200, { policy: policyView(r.at, g, p) });
  if (m === "DELETE") {
    r.region.dropPolicy(g, p);
    return emptyResponse(204);
  }
  const next = policyOf(await jsonBody(r), r.region.now);
  // Otter's store keeps a policy's type for life (cass.py update_policy).
  if (next.type !== p.type) throw invalid("Cannot change type of a scaling policy");
  delete p.change;
  delete p.changePercent;
  delete p.desiredCapacity;
  delete p.args;
  Object.assign(p, next, { fired: false, cronFrom: Math.floor(r.region.now / 60_000) * 60_000 });
  r.region.converge(g);
  return emptyResponse(204);
}

/** POST …/execute → 202 (403 when paused or in a cooldown, per the reference's codes). */
export function executePolicy(r: OtterRequest, g: GroupRecord, p: PolicyRecord): Response {
  r.region.execute(g, p);
  return emptyResponse(202);
}

/** GET|POST …/webhooks (POST: a JSON array → 201 `{webhooks: [created…]}` with capability links). */
export async function webhooks(r: OtterRequest, g: GroupRecord, p: PolicyRecord): Promise<Response> {
  if (r.request.method === "GET") {
    const rows = [...p.webhooks.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const { rows: out, links } = page(r, rows, `${groupHref(r.at, g.id)}policies/${p.id}/webhooks/`);
    return jsonResponse(200, { webhooks: out.map((w) => webhookView(r.at, g, p, w)), webhooks_links: links });
  }
  const inputs = arrayBody(await jsonBody(r), "webhooks").map((w) => webhookOf(w));
  if (p.webhooks.size + inputs.length > LIMITS.webhooks) throw overLimit("Webhooks", `Policy ${p.id} holds at most ${LIMITS.webhooks} webhooks`);
  const created = inputs.map((w) => r.region.addWebhook(g, p, w.name, w.metadata));
  return jsonResponse(201, { webhooks: created.map((w) => webhookView(r.at, g, p, w)) });
}

/** GET|PUT|DELETE …/webhooks/{w} (PUT `{name, metadata}` → 204: metadata replaced). */
export async function webhook(r: OtterRequest, g: GroupRecord, p: PolicyRecord, id: string): Promise<Response> {
  const w = r.region.webhook(p, id);
  const m = r.request.method;
  if (m === "GET") return jsonResponse(200, { webhook: webhookView(r.at, g, p, w) });
  if (m === "DELETE") {
    r.region.dropWebhook(p, w);
    return emptyResponse(204);
  }
  const next = webhookOf(await jsonBody(r), true);
  w.name = next.name;
  w.metadata = next.metadata;
  return emptyResponse(204);
}
