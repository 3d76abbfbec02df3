import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireZone = lazy(() => z.looseObject({ id: z.string(), label: z.nullish(z.string()), country_code: z.nullish(z.string()), source_ips: z.nullish(z.array(z.string())) }));

export interface MonitoringZoneData {
  /** `mzdfw`, `mzlon`… — what `monitoringZonesPoll` takes. */
  id: string;
  label: string;
  countryCode: string;
  /** CIDRs the zone's collectors probe from (allow them through firewalls). */
  sourceIps: string[];
  raw: Record<string, unknown>;
}
export const toZone = (w: z.output<ReturnType<typeof wireZone>>): MonitoringZoneData => ({ id: w.id, label: w.label ?? "", countryCode: w.country_code ?? "", sourceIps: [...(w.source_ips ?? [])], raw: { ...w } });

export const tracerouteInput = lazy(() => z.strictObject({
  /** Host name or IP address to trace to. */
  target: z.string().check(z.minLength(1), z.maxLength(255)),
  /** How a host name is resolved. */
  targetResolver: z.optional(z.enum(["IPv4", "IPv6"])),
}));
export type TracerouteInput = z.input<ReturnType<typeof tracerouteInput>>;

export const wireHop = lazy(() => z.looseObject({ number: z.number(), ip: z.nullish(z.string()), hostname: z.nullish(z.string()), rtts: z.nullish(z.array(z.number())) }));
export const tracerouteBody = lazy(() => z.looseObject({ result: z.array(wireHop()) }));

export interface TracerouteHop {
  number: number;
  ip?: string;
  hostname?: string;
  /** Round-trip times in ms. */
  rtts: number[];
}
export const toHop = (w: z.output<ReturnType<typeof wireHop>>): TracerouteHop => ({ number: w.number, ...(w.ip ? { ip: w.ip } : {}), ...(w.hostname ? { hostname: w.hostname } : {}), rtts: [...(w.rtts ?? [])] });
