import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { ref } from "../ref";

export const wirePort = lazy(() => z.looseObject({
  id: z.string(),
  network_id: z.string(),
  name: z.optional(z.string()),
  status: z.optional(z.string()),
  mac_address: z.optional(z.string()),
  fixed_ips: z.optional(z.array(z.looseObject({ subnet_id: z.optional(z.string()), ip_address: z.optional(z.string()) }))),
  device_id: z.optional(z.string()),
  device_owner: z.optional(z.string()),
  admin_state_up: z.optional(z.boolean()),
  tenant_id: z.optional(z.string()),
  project_id: z.optional(z.string()),
}));
export type WirePort = z.output<ReturnType<typeof wirePort>>;

const links = lazy(() => z.optional(z.array(z.looseObject({ rel: z.optional(z.string()) }))));
export const portBody = lazy(() => z.looseObject({ port: wirePort() }));
export const portsBody = lazy(() => z.looseObject({ ports: z.array(wirePort()), ports_links: links() }));

export interface PortData {
  id: string;
  networkId: string;
  name: string;
  /** ACTIVE, DOWN, BUILD, ERROR. */
  status?: string;
  macAddress?: string;
  fixedIps: { subnetId?: string; ipAddress?: string }[];
  /** The server (or router) using the port; "" when unbound. */
  deviceId: string;
  deviceOwner: string;
  tenantId?: string;
  raw: Record<string, unknown>;
}

export function toPort(w: WirePort): PortData {
  const tenant = w.tenant_id ?? w.project_id;
  return {
    id: w.id,
    networkId: w.network_id,
    name: w.name ?? "",
    ...(w.status !== undefined ? { status: w.status } : {}),
    ...(w.mac_address !== undefined ? { macAddress: w.mac_address } : {}),
    fixedIps: (w.fixed_ips ?? []).map((f) => ({ ...(f.subnet_id ? { subnetId: f.subnet_id } : {}), ...(f.ip_address ? { ipAddress: f.ip_address } : {}) })),
    deviceId: w.device_id ?? "",
    deviceOwner: w.device_owner ?? "",
    ...(tenant ? { tenantId: tenant } : {}),
    raw: { ...w },
  };
}

export const createPortInput = lazy(() => z.strictObject({
  network: ref(),
  name: z.optional(z.string().check(z.maxLength(255))),
  /** Addresses to take: a subnet, an address, or both. */
  fixedIps: z.optional(z.array(z.strictObject({ subnet: z.optional(ref()), ipAddress: z.optional(z.string().check(z.minLength(1))) }))),
  adminStateUp: z.optional(z.boolean()),
}));
export type CreatePortInput = z.input<ReturnType<typeof createPortInput>>;

export const listPortsInput = lazy(() => z.optional(z.strictObject({
  network: z.optional(ref()),
  /** Ports of this server (Neutron's `device_id`). */
  device: z.optional(ref()),
  name: z.optional(z.string().check(z.minLength(1))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  limit: z.optional(z.int().check(z.gte(1))),
  marker: z.optional(z.string().check(z.minLength(1))),
})));
export type ListPortsInput = z.input<ReturnType<typeof listPortsInput>>;
