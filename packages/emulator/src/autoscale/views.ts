import type { GroupRecord, PolicyRecord, RegionAutoscale, WebhookRecord } from "./model";

/** Where links point: the endpoint's base URL (origin, or `/autoscale/<REGION>` under the "paths" layout) and tenant. */
export interface LinkBase {
  base: string;
  tenantId: string;
}

// Views: reference autoscale.md tables (group, state, config, launch, policy, webhook bodies).

const self = (href: string) => [{ href, rel: "self" }];
export const groupHref = (at: LinkBase, g: string) => `${at.base}/v1.0/${at.tenantId}/groups/${g}/`;
const policyHref = (at: LinkBase, g: string, p: string) => `${groupHref(at, g)}policies/${p}/`;

export function stateView(r: RegionAutoscale, at: LinkBase, g: GroupRecord) {
  const active = r.active(g);
  return {
    active: active.map((id) => ({ id, links: self(`${at.base}/v2/${at.tenantId}/servers/${id}`) })),
    activeCapacity: active.length,
    desiredCapacity: g.desired,
    pendingCapacity: g.desired - active.length,
    paused: g.paused,
    name: g.config.name,
    // Otter's state always says its status (otter/rest/groups.py format_state_dict; ACTIVE, ERROR or
    // DELETING) and, in ERROR, why: `errors: [{ message }]`.
    status: g.errors ? "ERROR" : "ACTIVE",
    ...(g.errors ? { errors: g.errors.map((message) => ({ message })) } : {}),
  };
}

export function policyView(at: LinkBase, g: GroupRecord, p: PolicyRecord) {
  return {
    id: p.id,
    links: self(policyHref(at, g.id, p.id)),
    name: p.name,
    type: p.type,
    cooldown: p.cooldown,
    ...(p.change !== undefined ? { change: p.change } : {}),
    ...(p.changePercent !== undefined ? { changePercent: p.changePercent } : {}),
    ...(p.desiredCapacity !== undefined ? { desiredCapacity: p.desiredCapacity } : {}),
    ...(p.args ? { args: p.args } : {}),
  };
}

/** A webhook with its `capability` link: `/v1.0/execute/1/<hash>/` on this endpoint, no tenant (reference: anonymous execute). */
export function webhookView(at: LinkBase, g: GroupRecord, p: PolicyRecord, w: WebhookRecord) {
  return {
    id: w.id,
    name: w.name,
    metadata: w.metadata,
    links: [
      { href: `${policyHref(at, g.id, p.id)}webhooks/${w.id}/`, rel: "self" },
      { href: `${at.base}/v1.0/execute/1/${w.hash}/`, rel: "capability" },
    ],
  };
}

export function groupView(r: RegionAutoscale, at: LinkBase, g: GroupRecord) {
  return {
    id: g.id,
    links: self(groupHref(at, g.id)),
    groupConfiguration: g.config,
    launchConfiguration: g.launch,
    scalingPolicies: [...g.policies.values()].map((p) => policyView(at, g, p)),
    scalingPolicies_links: [],
    state: stateView(r, at, g),
  };
}

/** The listing row: id, links and state only (reference: GET /groups). */
export function groupRow(r: RegionAutoscale, at: LinkBase, g: GroupRecord) {
  return { id: g.id, links: self(groupHref(at, g.id)), state: stateView(r, at, g) };
}
