import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { cidrInput } from "../cidr";

// ---- wire: os-networksv2 `{network: {id, label, cidr}}`; Neutron `{network: {id, name, status, subnets, shared, …}}` ----

export const wireNetwork = lazy(() => z.looseObject({
  id: z.string(),
  label: z.optional(z.string()),
  name: z.optional(z.string()),
  cidr: z.nullish(z.string()),
  status: z.optional(z.string()),
  subnets: z.optional(z.array(z.string())),
  shared: z.optional(z.boolean()),
  admin_state_up: z.optional(z.boolean()),
  tenant_id: z.optional(z.string()),
  project_id: z.optional(z.string()),
  "router:external": z.optional(z.boolean()),
}));
export type WireNetwork = z.output<ReturnType<typeof wireNetwork>>;

const links = lazy(() => z.optional(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.optional(z.string()) }))));
export const networkBody = lazy(() => z.looseObject({ network: wireNetwork() }));
export const networksBody = lazy(() => z.looseObject({ networks: z.array(wireNetwork()), networks_links: links() }));

// ---- what callers get ----

export interface NetworkData {
  id: string;
  /** The network's name: os-networksv2 calls it `label`, Neutron `name`; both fields carry it. */
  label: string;
  name: string;
  /** The address range (os-networksv2's `cidr`; on Neutron the first subnet's). Absent for PublicNet. */
  cidr?: string;
  /** Neutron's status (ACTIVE, DOWN, BUILD, ERROR). */
  status?: string;
  /** Neutron subnet ids. */
  subnets?: string[];
  shared?: boolean;
  tenantId?: string;
  /** Every field the server sent, as sent. */
  raw: Record<string, unknown>;
}

export function toNetwork(w: WireNetwork, cidr?: string): NetworkData {
  const label = w.label ?? w.name ?? "";
  const c = w.cidr ?? cidr;
  const tenant = w.tenant_id ?? w.project_id;
  return {
    id: w.id,
    label,
    name: label,
    ...(c ? { cidr: c } : {}),
    ...(w.status !== undefined ? { status: w.status } : {}),
    ...(w.subnets !== undefined ? { subnets: w.subnets } : {}),
    ...(w.shared !== undefined ? { shared: w.shared } : {}),
    ...(tenant ? { tenantId: tenant } : {}),
    raw: { ...w },
  };
}

// ---- input ----

const label = lazy(() => z.string().check(z.minLength(1), z.maxLength(255)));

/** pyrax `create(label, cidr=…)`; `name` is accepted for `label`, as pyrax aliases them. */
export const createNetworkInput = lazy(() => z.pipe(
  z
    .strictObject({
      label: z.optional(label()),
      name: z.optional(label()),
      cidr: cidrInput(),
    })
    .check(
      z.refine((o) => o.label !== undefined || o.name !== undefined, { path: ["label"], message: "is required (the network's name)" }),
      z.refine((o) => !(o.label !== undefined && o.name !== undefined && o.label !== o.name), { path: ["name"], message: "give label or name, not both" }),
    ),
  z.transform((o) => ({ label: (o.label ?? o.name)!, cidr: o.cidr })),
));
export type CreateNetworkInput = z.input<ReturnType<typeof createNetworkInput>>;

export const listNetworksInput = lazy(() => z.optional(z.strictObject({
  /** Networks per request (a page); without it the server's own page size applies. */
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  /** Stop after this many networks in all. */
  limit: z.optional(z.int().check(z.gte(1))),
  /** Start after this network id. */
  marker: z.optional(z.string().check(z.minLength(1))),
})));
export type ListNetworksInput = z.input<ReturnType<typeof listNetworksInput>>;

export const serverNetworksInput = lazy(() => z.optional(z.strictObject({
  /** Add PublicNet (the Internet). */
  public: z.optional(z.boolean()),
  /** Add ServiceNet. */
  private: z.optional(z.boolean()),
  /** The dict key: "net-id" (pyrax/novaclient `nics`, default) or "uuid" (Nova's raw `networks`). */
  key: z.optional(z.enum(["net-id", "uuid"], { error: 'must be "net-id" or "uuid"' })),
})));
export type ServerNetworksInput = z.input<ReturnType<typeof serverNetworksInput>>;
