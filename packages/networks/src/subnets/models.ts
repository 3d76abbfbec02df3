import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { cidrInput } from "../cidr";
import { ref } from "../ref";

export const wireSubnet = lazy(() => z.looseObject({
  id: z.string(),
  network_id: z.string(),
  name: z.optional(z.string()),
  cidr: z.string(),
  ip_version: z.optional(z.number()),
  gateway_ip: z.nullish(z.string()),
  enable_dhcp: z.optional(z.boolean()),
  allocation_pools: z.optional(z.array(z.looseObject({ start: z.string(), end: z.string() }))),
  dns_nameservers: z.optional(z.array(z.string())),
  tenant_id: z.optional(z.string()),
  project_id: z.optional(z.string()),
}));
export type WireSubnet = z.output<ReturnType<typeof wireSubnet>>;

const links = lazy(() => z.optional(z.array(z.looseObject({ rel: z.optional(z.string()) }))));
export const subnetBody = lazy(() => z.looseObject({ subnet: wireSubnet() }));
export const subnetsBody = lazy(() => z.looseObject({ subnets: z.array(wireSubnet()), subnets_links: links() }));

export interface SubnetData {
  id: string;
  networkId: string;
  name: string;
  cidr: string;
  ipVersion: number;
  gatewayIp?: string;
  enableDhcp?: boolean;
  allocationPools: { start: string; end: string }[];
  dnsNameservers: string[];
  tenantId?: string;
  raw: Record<string, unknown>;
}

export function toSubnet(w: WireSubnet): SubnetData {
  const tenant = w.tenant_id ?? w.project_id;
  return {
    id: w.id,
    networkId: w.network_id,
    name: w.name ?? "",
    cidr: w.cidr,
    ipVersion: w.ip_version ?? (w.cidr.includes(":") ? 6 : 4),
    ...(w.gateway_ip ? { gatewayIp: w.gateway_ip } : {}),
    ...(w.enable_dhcp !== undefined ? { enableDhcp: w.enable_dhcp } : {}),
    allocationPools: w.allocation_pools ?? [],
    dnsNameservers: w.dns_nameservers ?? [],
    ...(tenant ? { tenantId: tenant } : {}),
    raw: { ...w },
  };
}

const ip = lazy(() => z.string().check(z.minLength(1)));

export const createSubnetInput = lazy(() => z.strictObject({
  network: ref(),
  cidr: cidrInput(),
  name: z.optional(z.string().check(z.maxLength(255))),
  /** Derived from the CIDR when left out. */
  ipVersion: z.optional(z.union([z.literal(4), z.literal(6)])),
  /** `null` for no gateway. */
  gatewayIp: z.optional(z.nullable(ip())),
  enableDhcp: z.optional(z.boolean()),
  dnsNameservers: z.optional(z.array(ip())),
  allocationPools: z.optional(z.array(z.strictObject({ start: ip(), end: ip() }))),
}));
export type CreateSubnetInput = z.input<ReturnType<typeof createSubnetInput>>;

export const listSubnetsInput = lazy(() => z.optional(z.strictObject({
  network: z.optional(ref()),
  name: z.optional(z.string().check(z.minLength(1))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  limit: z.optional(z.int().check(z.gte(1))),
  marker: z.optional(z.string().check(z.minLength(1))),
})));
export type ListSubnetsInput = z.input<ReturnType<typeof listSubnetsInput>>;
