import { assignData, type CallOptions, type Job, type Paginated } from "@rax/core";
import type { DnsApi } from "../backend";
import type { JobCallOptions, JobData } from "../jobs/models";
import { mapJob } from "../jobs/map-job";
import type { DomainRef, RecordRef } from "../ref";
import type { FindRecordInput, ListRecordsInput, RecordData, RecordInput, UpdateRecordInput } from "./models";
import * as api from "./requests";

/** `dns.records`: a domain's records (Designate: recordsets). The domain comes first in every call. */
export class Records {
  constructor(readonly client: DnsApi) {}

  /**
   * The domain's records, optionally one `type` (with `name` / `data`). `await` → first page;
   * `for await` → all (pyrax `get_record_iterator`). On Designate a row per value, as Cloud DNS
   * lists a record per value: two A values at one name are two rows sharing the recordset `id`, and
   * a row's `update()` / `delete()` change its own value only. There `pageSize` counts recordsets,
   * so a page can hold more rows than `pageSize`.
   */
  list(domain: DomainRef, filters?: ListRecordsInput, o?: CallOptions): Paginated<DnsRecord> {
    return api.listRecords(this.client, domain, filters, o).map((r) => new DnsRecord(this, r));
  }

  /**
   * One record by id. `DomainRecordNotFound` if it does not exist. On Designate an id alone reads
   * the recordset's first value (`records` lists all); a row passed whole reads its own value.
   */
  async get(domain: DomainRef, record: RecordRef, o?: CallOptions): Promise<DnsRecord> {
    return new DnsRecord(this, await api.getRecord(this.client, domain, record, o));
  }

  /** The one record of `type` matching `name` / `data` (pyrax `find_record`): `DomainRecordNotFound` / `DomainRecordNotUnique`. */
  async find(domain: DomainRef, query: FindRecordInput, o?: CallOptions): Promise<DnsRecord> {
    return new DnsRecord(this, await api.findRecord(this.client, domain, query, o));
  }

  /** Adds one record or many (A, AAAA, CNAME, MX with priority, NS, TXT, SRV) in one call. */
  add(domain: DomainRef, records: RecordInput | RecordInput[], o?: JobCallOptions): Job<DnsRecord[], JobData> {
    return mapJob(api.addRecords(this.client, domain, records, o), (rows) => rows.map((r) => new DnsRecord(this, r)));
  }

  /** Changes a record's data, priority (MX/SRV), TTL or comment; resolves with the record as it now is. */
  update(domain: DomainRef, record: RecordRef, changes: UpdateRecordInput, o?: JobCallOptions): Job<DnsRecord, JobData> {
    return mapJob(api.updateRecord(this.client, domain, record, changes, o), (r) => new DnsRecord(this, r));
  }

  /** Updates many records in one call: `[{ id, ttl: 600 }, { id, data: "192.0.2.9" }]`. */
  updateMany(domain: DomainRef, updates: Array<{ id: string; name?: string; type?: string } & UpdateRecordInput>, o?: JobCallOptions): Job<void, JobData> {
    return api.updateRecords(this.client, domain, updates, o);
  }

  /** Deletes one record, or many in one call. A domain keeps at least one NS record (the seed). */
  delete(domain: DomainRef, records: RecordRef | RecordRef[], o?: JobCallOptions): Job<void, JobData> {
    return api.deleteRecords(this.client, domain, records, o);
  }
}

export interface DnsRecord extends RecordData {}

/** A record (pyrax's CloudDNSRecord), with its verbs; `domainId` says whose it is. */
export class DnsRecord {
  readonly #records: Records;

  constructor(records: Records, data: RecordData) {
    this.#records = records;
    assignData(this, data);
  }

  /** Reloads this record in place. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getRecord(this.#records.client, this.domainId, this, o));
    return this;
  }

  /** `rec.update(ttl=600)`: updates, then this object shows the new values. */
  update(changes: UpdateRecordInput, o?: JobCallOptions): Job<this, JobData> {
    return mapJob(api.updateRecord(this.#records.client, this.domainId, this, changes, o), (r) => {
      assignData(this, r);
      return this;
    });
  }

  delete(o?: JobCallOptions): Job<void, JobData> {
    return this.#records.delete(this.domainId, this, o);
  }
}
