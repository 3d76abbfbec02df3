import { lazy } from "@rax/core";
import * as z from "zod";
import { cidrInput } from "../cidr";

// ---- wire: os-networksv2 `{network: {id, label, cidr}}`; Neutron `{network: {id, name, status, subnets, shared, …}}` ----

export const wireNetwork = lazy(() => z.looseObject({
  id: z.string(),
  label: z.string().optional(),
  name: z.string().optional(),
  cidr: z.string().nullish(),
  status: z.string().optional(),
  subnets: z.array(z.string()).optional(),
  shared: z.boolean().optional(),
  admin_state_up: z.boolean().optional(),
  tenant_id: z.string().optional(),
  project_id: z.string().optional(),
  "router:external": z.boolean().optional(),
}));
export type WireNetwork = z.output<ReturnType<typeof wireNetwork>>;

const links = lazy(() => z.array(z.looseObject({ rel: z.string().optional(), href: z.string().optional() })).optional());
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

const label = lazy(() => z.string().min(1).max(255));

/** pyrax `create(label, cidr=…)`; `name` is accepted for `label`, as pyrax aliases them. */
export const createNetworkInput = lazy(() => z
  .strictObject({
    label: label().optional(),
    name: label().optional(),
    cidr: cidrInput(),
  })
  .refine((o) => o.label !== undefined || o.name !== undefined, { path: ["label"], message: "is required (the network's name)" })
  .refine((o) => !(o.label !== undefined && o.name !== undefined && o.label !== o.name), { path: ["name"], message: "give label or name, not both" })
  .transform((o) => ({ label: (o.label ?? o.name)!, cidr: o.cidr })));
export type CreateNetworkInput = z.input<ReturnType<typeof createNetworkInput>>;

export const listNetworksInput = lazy(() => z
  .strictObject({
    /** Networks per request (a page); without it the server's own page size applies. */
    pageSize: z.number().int().min(1).max(1000).optional(),
    /** Stop after this many networks in all. */
    limit: z.number().int().min(1).optional(),
    /** Start after this network id. */
    marker: z.string().min(1).optional(),
  })
  .optional());
export type ListNetworksInput = z.input<ReturnType<typeof listNetworksInput>>;

export const serverNetworksInput = lazy(() => z
  .strictObject({
    /** Add PublicNet (the Internet). */
    public: z.boolean().optional(),
    /** Add ServiceNet. */
    private: z.boolean().optional(),
    /** The dict key: "net-id" (pyrax/novaclient `nics`, default) or "uuid" (Nova's raw `networks`). */
    key: z.enum(["net-id", "uuid"], { error: 'must be "net-id" or "uuid"' }).optional(),
  })
  .optional());
export type ServerNetworksInput = z.input<ReturnType<typeof serverNetworksInput>>;
