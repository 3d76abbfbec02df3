import { type CallOptions, InvalidResponse, jsonFor, markerPager, type Paginated, registerSecret, sendFor, type ServiceClient, validate } from "@rax/core";
import { refined } from "../errors";
import { hasNext, type ListInput, listInput } from "../paging";
import { policyPath, webhookPath } from "../paths";
import { metadataInput, type Ref, ref } from "../ref";
import { type ConvertedWebhook, createdWebhooksBody, type CreateWebhookInput, createWebhookInput, executeWebhookInput, toWebhook, type UpdateWebhookInput, updateWebhookInput, webhookBody, webhooksBody, wireWebhook } from "./models";

// One function per Otter webhook operation (reference autoscale.md, "Webhooks"). Every capability
// URL read from a response is registered as a secret before it goes anywhere.

function converted(g: string, p: string, w: Parameters<typeof toWebhook>[2]): ConvertedWebhook {
  const c = toWebhook(g, p, w);
  if (c.capabilityUrl) registerCapability(c.capabilityUrl);
  return c;
}

/** The URL and its hash segment are both secrets: either alone runs the policy. */
export function registerCapability(url: string): void {
  registerSecret(url);
  const hash = url.replace(/\/+$/, "").split("/").pop();
  if (hash && hash.length >= 16) registerSecret(hash);
}

/** GET …/policies/{p}/webhooks, page after page. */
export function listWebhooks(client: ServiceClient, group: Ref, policy: Ref, filters?: ListInput, o: CallOptions = {}): Paginated<ConvertedWebhook> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const f = validate(listInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      // jsonFor, not client.json: a misfit body's error must not quote it (capability URLs are unregistered until parsed).
      const body = await refined(jsonFor(client, { method: "GET", path: policyPath(g, p, "/webhooks"), query: { limit, marker }, ...o }, [200], webhooksBody()), { group: g, policy: p });
      return { items: body.webhooks.map((w) => converted(g, p, w)), more: hasNext(body.webhooks_links) };
    },
    { markerOf: (w) => w.webhook.id, pageSize: f.pageSize ?? 100, limit: f.limit, marker: f.marker },
  );
}

/** GET …/webhooks/{w}. */
export async function getWebhook(client: ServiceClient, group: Ref, policy: Ref, webhook: Ref, o: CallOptions = {}): Promise<ConvertedWebhook> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const w = validate(ref(), webhook, "webhook");
  const body = await refined(jsonFor(client, { method: "GET", path: webhookPath(g, p, w), ...o }, [200], webhookBody()), { group: g, policy: p, webhook: w });
  return converted(g, p, body.webhook);
}

/** POST …/policies/{p}/webhooks with a one-element array (metadata always sent, `{}` default, as pyrax) → 201. */
export async function createWebhook(client: ServiceClient, group: Ref, policy: Ref, input: CreateWebhookInput, o: CallOptions = {}): Promise<ConvertedWebhook> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const i = validate(createWebhookInput(), input, "webhook");
  const json = [{ name: i.name, metadata: i.metadata ?? {} }];
  const body = await refined(jsonFor(client, { method: "POST", path: policyPath(g, p, "/webhooks"), json, ...o }, [201], createdWebhooksBody()), { group: g, policy: p });
  return converted(g, p, body.webhooks[0]);
}

/**
 * PUT …/webhooks/{w} → 204 with `{name, metadata}`: the current webhook (GET first) with `changes`
 * over it; `merge` merges metadata into the current instead of replacing it (pyrax `update_metadata`).
 */
export async function updateWebhook(client: ServiceClient, group: Ref, policy: Ref, webhook: Ref, changes: UpdateWebhookInput, o: CallOptions = {}, merge = false): Promise<ConvertedWebhook> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const w = validate(ref(), webhook, "webhook");
  const c = validate(updateWebhookInput(), changes, "changes");
  const current = await getWebhook(client, g, p, w, o);
  const metadata = c.metadata === undefined ? current.webhook.metadata : merge ? { ...current.webhook.metadata, ...c.metadata } : c.metadata;
  const json = { name: c.name ?? current.webhook.name, metadata: validate(metadataInput(), metadata, "changes.metadata") };
  const res = await refined(sendFor(client, { method: "PUT", path: webhookPath(g, p, w), json, ...o }, [204]), { group: g, policy: p, webhook: w });
  await res.dump();
  const links = [...current.webhook.links, ...(current.capabilityUrl ? [{ rel: "capability", href: current.capabilityUrl }] : [])];
  return converted(g, p, validate(wireWebhook(), { ...current.webhook.raw, ...json, id: w, links }, "webhook"));
}

/** DELETE …/webhooks/{w} → 204. */
export async function deleteWebhook(client: ServiceClient, group: Ref, policy: Ref, webhook: Ref, o: CallOptions = {}): Promise<void> {
  const g = validate(ref(), group, "group");
  const p = validate(ref(), policy, "policy");
  const w = validate(ref(), webhook, "webhook");
  const res = await refined(sendFor(client, { method: "DELETE", path: webhookPath(g, p, w), ...o }, [204]), { group: g, policy: p, webhook: w });
  await res.dump();
}

/**
 * POST <capability URL> with no token and no tenant (reference: "anonymous execute … 202 always"):
 * what a monitoring alarm does. Sent through the client's transport (its timeouts, no auth); the
 * URL is registered as a secret first, so a failure's message and the debug log mask it.
 */
export async function executeWebhookUrl(client: ServiceClient, webhook: unknown, o: CallOptions = {}): Promise<void> {
  const u = validate(executeWebhookInput(), webhook, "webhook");
  registerCapability(u);
  const res = await client.session.transport.request({
    method: "POST",
    url: u,
    headers: { accept: "application/json", ...o.headers },
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.timeout !== undefined ? { timeouts: { total: o.timeout } } : {}),
    // No token and no service path, so not through `send`; the client's own debug switch still applies.
    ...client.requestDebug,
  });
  await res.dump();
  if (res.status !== 202) throw new InvalidResponse({ status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId }, `Expected HTTP 202, got ${res.status}`);
}
