import { type CallOptions, type NotFound, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { NoSuchVirtualIp } from "../errors";
import { changeJson, changeOnly, lbPath, read } from "../mutation";
import { type Ref, ref, refs } from "../ref";
import { type AddVirtualIpInput, addVirtualIpInput, toVirtualIp, type VirtualIpData, virtualIpsBody, wireVirtualIp } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchVirtualIp(id, e);

/** GET /loadbalancers/{id}/virtualips. */
export async function listVirtualIps(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<VirtualIpData[]> {
  const id = validate(ref(), lb, "loadBalancer");
  return (await read(client, id, lbPath(id, "/virtualips"), virtualIpsBody(), o)).virtualIps.map(toVirtualIp);
}

/** POST /loadbalancers/{id}/virtualips → 202 with the new address (CLB adds IPv6 ones only). */
export async function addVirtualIp(client: ServiceClient, lb: Ref, vip: AddVirtualIpInput, o: CallOptions = {}): Promise<VirtualIpData> {
  const id = validate(ref(), lb, "loadBalancer");
  const v = validate(addVirtualIpInput(), vip, "virtualIp");
  return toVirtualIp(await changeJson(client, id, { method: "POST", path: lbPath(id, "/virtualips"), json: { type: v.type, ipVersion: v.ipVersion ?? "IPV6" } }, [202], wireVirtualIp(), o));
}

/**
 * DELETE /loadbalancers/{id}/virtualips/{vipId} → 200 (CLB's delete-virtual-ip docs; the reference's 202 is not it); several:
 * DELETE …/virtualips?id=…&id=… → 202 (≤ 10). CLB keeps at least one virtual IP per load balancer.
 */
export async function deleteVirtualIps(client: ServiceClient, lb: Ref, vips: Ref | Ref[], o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const ids = validate(refs().check(z.refine((a) => a.length <= 10, "must name at most 10 virtual IPs (CLB's BATCH_DELETE_LIMIT)")), vips, "virtualIps");
  if (ids.length === 1) return changeOnly(client, id, { method: "DELETE", path: lbPath(id, `/virtualips/${ids[0]}`) }, [200], o, missing(ids[0]!));
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id, "/virtualips"), query: { id: ids } }, [202], o, missing(ids.join(",")));
}
