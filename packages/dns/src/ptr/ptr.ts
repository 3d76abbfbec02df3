import type { CallOptions, Job } from "@rax/core";
import type { DnsApi } from "../backend";
import type { JobCallOptions, JobData } from "../jobs/models";
import type { PtrDevice, PtrInput, PtrRecordData, UpdatePtrInput } from "./models";
import * as api from "./requests";

/**
 * `dns.ptr`: reverse DNS (PTR) records of a Cloud Server or Cloud Load Balancer. The device is a
 * compute `Server` (or any object with its `self` link), `{ href, serviceName }`, or
 * `{ id, type: "server" | "loadBalancer", region? }`. Cloud DNS only.
 */
export class PtrRecords {
  constructor(readonly client: DnsApi) {}

  /** The device's PTR records ([] when it has none). */
  list(device: PtrDevice, o?: CallOptions): Promise<PtrRecordData[]> {
    return api.listPtrRecords(this.client, device, o);
  }

  /** Adds PTR records (IPv4 and IPv6) for the device. */
  add(device: PtrDevice, records: PtrInput | PtrInput[], o?: JobCallOptions): Job<PtrRecordData[], JobData> {
    return api.addPtrRecords(this.client, device, records, o);
  }

  /** Changes the TTL or comment of the record for `name` + `data` (neither can change: delete and re-add). */
  update(device: PtrDevice, record: UpdatePtrInput, o?: JobCallOptions): Job<PtrRecordData, JobData> {
    return api.updatePtrRecord(this.client, device, record, o);
  }

  /** Deletes the device's PTR record for `ipAddress`, or all of them when no address is given. */
  delete(device: PtrDevice, ipAddress?: string, o?: JobCallOptions): Job<void, JobData> {
    return api.deletePtrRecords(this.client, device, ipAddress, o);
  }
}
