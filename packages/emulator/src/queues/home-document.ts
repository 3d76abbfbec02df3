/**
 * Zaqar v2's discovery documents: the version list at the root (300, no token needed) and the
 * json-home document at `/v2/` — the same relations, templates and hints real Zaqar 15 serves.
 */
export function versionsDocument() {
  const v = (id: string, status: string, updated: string, type: string) => ({
    id,
    status,
    updated,
    "media-types": [{ base: "application/json", type: `application/vnd.openstack.messaging-${type}+json` }],
    links: [{ href: `/v${id}/`, rel: "self" }],
  });
  return { versions: [v("1", "DEPRECATED", "2014-9-11T17:47:05Z", "v1"), v("1.1", "DEPRECATED", "2016-7-29T02:22:47Z", "v1_1"), v("2", "CURRENT", "2014-9-24T04:06:47Z", "v2")] };
}

type Rel = [name: string, template: string, vars: Record<string, string>, allow: string[], post?: boolean];

const Q = { queue_name: "param/queue_name" };
const RELS: Rel[] = [
  ["queues", "/v2/queues{?marker,limit,detailed}", { marker: "param/marker", limit: "param/queue_limit", detailed: "param/detailed" }, ["GET"]],
  ["queue", "/v2/queues/{queue_name}", Q, ["GET", "PUT", "DELETE", "PATCH"]],
  ["queue_stats", "/v2/queues/{queue_name}/stats", Q, ["GET"]],
  ["queue_share", "/v2/queues/{queue_name}/share", Q, ["POST"], true],
  ["queue_purge", "/v2/queues/{queue_name}/purge", Q, ["POST"], true],
  ["messages", "/v2/queues/{queue_name}/messages{?marker,limit,echo,include_claimed}", { ...Q, marker: "param/marker", limit: "param/messages_limit", echo: "param/echo", include_claimed: "param/include_claimed" }, ["GET"]],
  ["post_messages", "/v2/queues/{queue_name}/messages", Q, ["POST"], true],
  ["messages_delete", "/v2/queues/{queue_name}/messages{?ids,pop}", { ...Q, ids: "param/ids", pop: "param/pop" }, ["DELETE"]],
  ["message_delete", "/v2/queues/{queue_name}/messages/{message_id}{?claim}", { ...Q, message_id: "param/message_id", claim: "param/claim_id" }, ["DELETE"]],
  ["message_get", "/v2/queues/{queue_name}/messages/{message_id}", { ...Q, message_id: "param/message_id" }, ["GET"]],
  ["claim", "/v2/queues/{queue_name}/claims/{claim_id}", { ...Q, claim_id: "param/claim_id" }, ["GET"]],
  ["post_claim", "/v2/queues/{queue_name}/claims{?limit}", { ...Q, limit: "param/claim_limit" }, ["POST"], true],
  ["patch_claim", "/v2/queues/{queue_name}/claims/{claim_id}", { ...Q, claim_id: "param/claim_id" }, ["PATCH"], true],
  ["delete_claim", "/v2/queues/{queue_name}/claims/{claim_id}", { ...Q, claim_id: "param/claim_id" }, ["DELETE"]],
  ["subscriptions_get", "/v2/queues/{queue_name}/subscriptions{?marker,limit}", { ...Q, marker: "param/marker", limit: "param/subscription_limit" }, ["GET"]],
  ["subscriptions_post", "/v2/queues/{queue_name}/subscriptions", { ...Q, limit: "param/subscription_limit" }, ["POST"], true],
  ["subscription", "/v2/queues/{queue_name}/subscriptions/{subscriptions_id}", { ...Q, subscriptions_id: "param/subscriptions_id" }, ["GET", "DELETE"]],
  ["subscription_patch", "/v2/queues/{queue_name}/subscriptions/{subscriptions_id}", { ...Q, subscriptions_id: "param/subscriptions_id" }, ["PATCH"], true],
];

export function homeDocument(): string {
  const resources: Record<string, unknown> = {};
  for (const [name, template, vars, allow, post] of RELS) {
    resources[`rel/${name}`] = {
      "href-template": template,
      "href-vars": vars,
      hints: { allow, formats: { "application/json": {} }, ...(post ? { "accept-post": ["application/json"] } : {}) },
    };
  }
  resources["rel/ping"] = { "href-template": "/v2/ping", hints: { allow: ["GET"], formats: { "application/json": {} } } };
  return JSON.stringify({ resources }, null, 4);
}
