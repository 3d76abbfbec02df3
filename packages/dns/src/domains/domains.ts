import { assignData, type CallOptions, type Job, type Paginated } from "@rax/core";
import type { DnsApi } from "../backend";
import type { JobCallOptions, JobData } from "../jobs/models";
import { mapJob } from "../jobs/map-job";
import type { DomainRef, RecordRef } from "../ref";
import type { FindRecordInput, ListRecordsInput, RecordInput, UpdateRecordInput } from "../records/models";
import { type DnsRecord, Records } from "../records/records";
import type { CreateDomainInput, DomainData, GetDomainInput, ListDomainsInput, ListSubdomainsInput, UpdateDomainInput } from "./models";
import * as api from "./requests";

/**
 * `dns.domains`: the account's domains (Designate: zones). Calls that change something return a
 * `Job`: `await` it for the result, or read `job.id` (the server's job id) and watch its progress.
 */
export class Domains {
  readonly #records: Records;
  constructor(
    readonly client: DnsApi,
    records?: Records,
  ) {
    this.#records = records ?? new Records(client);
  }

  /**
   * Every domain, as a flat list (subdomains too). `await` → the first page (`pageSize` ≤ 100,
   * default 100); `for await` → every domain, page after page (pyrax `get_domain_iterator`).
   */
  list(filters?: ListDomainsInput, o?: CallOptions): Paginated<Domain> {
    return api.listDomains(this.client, filters, o).map((d) => new Domain(this, d));
  }

  /** One domain by id. `NoSuchDomain` if it does not exist. */
  async get(domain: DomainRef, options?: GetDomainInput, o?: CallOptions): Promise<Domain> {
    return new Domain(this, await api.getDomain(this.client, domain, options, o));
  }

  /** The domain with exactly this name (pyrax `find(name=…)`). `NoSuchDomain` if none. */
  async find(name: string, o?: CallOptions): Promise<Domain> {
    return new Domain(this, await api.findDomain(this.client, name, o));
  }

  /**
   * Creates a domain — with its records and subdomains in the same call when given (the seed's
   * "Combining Multiple Actions"). `DomainCreationFailed` (code 409) if it exists.
   */
  create(input: CreateDomainInput, o?: JobCallOptions): Job<Domain, JobData> {
    return mapJob(api.createDomain(this.client, input, o), (d) => new Domain(this, d));
  }

  /** Changes the contact email, TTL or comment; resolves with the domain as it now is. */
  update(domain: DomainRef, changes: UpdateDomainInput, o?: JobCallOptions): Job<Domain, JobData> {
    return mapJob(api.updateDomain(this.client, domain, changes, o), (d) => new Domain(this, d));
  }

  /**
   * Deletes the domain; with `deleteSubdomains: true` its subdomains too. Without it Cloud DNS keeps them
   * as domains of their own, and Designate refuses a zone that has subzones (`BadRequest`).
   */
  delete(domain: DomainRef, options?: { deleteSubdomains?: boolean }, o?: JobCallOptions): Job<void, JobData> {
    return api.deleteDomain(this.client, domain, options, o);
  }

  /** Creates a domain from BIND 9 zone text (pyrax `import_domain`). */
  importDomain(bind: string, o?: JobCallOptions): Job<Domain, JobData> {
    return mapJob(api.importDomain(this.client, bind, o), (d) => new Domain(this, d));
  }

  /** The domain as BIND 9 zone text (pyrax `export_domain`). */
  export(domain: DomainRef, o?: JobCallOptions): Job<string, JobData> {
    return api.exportDomain(this.client, domain, o);
  }

  /** The domain's subdomains (pyrax `list_subdomains`; `for await` = `get_subdomain_iterator`). */
  listSubdomains(domain: DomainRef, filters?: ListSubdomainsInput, o?: CallOptions): Paginated<Domain> {
    return api.listSubdomains(this.client, domain, filters, o).map((d) => new Domain(this, d));
  }

  /** The record calls, for a `Domain`'s verbs. */
  get records(): Records {
    return this.#records;
  }
}

export interface Domain extends DomainData {}

/** A domain (pyrax's CloudDNSDomain), with its verbs. */
export class Domain {
  readonly #domains: Domains;

  constructor(domains: Domains, data: DomainData) {
    this.#domains = domains;
    assignData(this, data);
  }

  /** Reloads this domain in place. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getDomain(this.#domains.client, this, undefined, o));
    return this;
  }

  /** `dom.update(ttl=1200)`: updates, then this object shows the new values. */
  update(changes: UpdateDomainInput, o?: JobCallOptions): Job<this, JobData> {
    return mapJob(api.updateDomain(this.#domains.client, this, changes, o), (d) => {
      assignData(this, d);
      return this;
    });
  }

  delete(options?: { deleteSubdomains?: boolean }, o?: JobCallOptions): Job<void, JobData> {
    return this.#domains.delete(this, options, o);
  }

  export(o?: JobCallOptions): Job<string, JobData> {
    return this.#domains.export(this, o);
  }

  listSubdomains(filters?: ListSubdomainsInput, o?: CallOptions): Paginated<Domain> {
    return this.#domains.listSubdomains(this, filters, o);
  }

  listRecords(filters?: ListRecordsInput, o?: CallOptions): Paginated<DnsRecord> {
    return this.#domains.records.list(this, filters, o);
  }

  getRecord(record: RecordRef, o?: CallOptions): Promise<DnsRecord> {
    return this.#domains.records.get(this, record, o);
  }

  findRecord(query: FindRecordInput, o?: CallOptions): Promise<DnsRecord> {
    return this.#domains.records.find(this, query, o);
  }

  /** `dom.add_records(recs)`: one record or many, in one call. */
  addRecords(records: RecordInput | RecordInput[], o?: JobCallOptions): Job<DnsRecord[], JobData> {
    return this.#domains.records.add(this, records, o);
  }

  /** `dom.update_record(rec, ttl=600)`. */
  updateRecord(record: RecordRef, changes: UpdateRecordInput, o?: JobCallOptions): Job<DnsRecord, JobData> {
    return this.#domains.records.update(this, record, changes, o);
  }

  /** `dom.delete_record(rec)`: one record or many. */
  deleteRecord(record: RecordRef | RecordRef[], o?: JobCallOptions): Job<void, JobData> {
    return this.#domains.records.delete(this, record, o);
  }
}
