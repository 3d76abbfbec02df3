import type { CallOptions, Job, Paginated } from "@rax/core";
import { CloudDNS } from "./dns";
import type { Domain } from "./domains/domains";
import type { CreateDomainInput, UpdateDomainInput } from "./domains/models";
import { NoMoreResults } from "./errors";
import type { JobCallOptions, JobData } from "./jobs/models";
import type { PtrDevice, PtrInput, PtrRecordData } from "./ptr/models";
import type { DomainRef, RecordRef } from "./ref";
import type { RecordInput, RecordType, UpdateRecordInput } from "./records/models";
import type { DnsRecord } from "./records/records";

/** pyrax's `limit` (page size) and `offset`. */
export interface PyraxPaging {
  limit?: number;
  offset?: number;
}

interface Cursor {
  offset: number;
  pageSize: number;
  more: boolean;
  fetch: (pageSize: number, offset: number) => PromiseLike<{ items: unknown[]; next?: string }>;
}

/**
 * `CloudDNS` plus pyrax's flat `cloud_dns` calls, camelCased, for scripts being ported
 * (`dns.list_next_page()` → `dns.listNextPage()`). Each is one line over the namespaces; new code
 * should call those (`dns.domains.list()`), whose listings page by themselves.
 */
export class PyraxCloudDNS extends CloudDNS {
  // pyrax keeps one paging position per kind of listing (the seed: "the new paging information would override the old").
  readonly #cursors = new Map<string, Cursor>();

  async #page<T>(kind: string, fetch: Cursor["fetch"], pageSize: number, offset: number): Promise<T[]> {
    const page = await fetch(pageSize, offset);
    this.#cursors.set(kind, { offset, pageSize, more: page.next !== undefined, fetch });
    return page.items as T[];
  }

  #step<T>(kind: string, dir: 1 | -1): Promise<T[]> {
    const c = this.#cursors.get(kind);
    if (!c || (dir === 1 && !c.more) || (dir === -1 && c.offset === 0)) return Promise.reject(new NoMoreResults(`No ${dir === 1 ? "next" : "previous"} page of ${kind}`));
    return this.#page<T>(kind, c.fetch, c.pageSize, Math.max(0, c.offset + dir * c.pageSize));
  }

  /** pyrax `dns.set_timeout(seconds)`; 0 = wait forever. Same as `jobTimeout = seconds * 1000`. */
  setTimeout(seconds: number): void {
    this.jobTimeout = seconds * 1000;
  }
  /** pyrax `dns.set_delay(seconds)`. Same as `jobDelay = seconds * 1000`. */
  setDelay(seconds: number): void {
    this.jobDelay = seconds * 1000;
  }

  /** pyrax `dns.list(limit, offset)`: one page of domains. */
  list(p: PyraxPaging = {}, o?: CallOptions): Promise<Domain[]> {
    return this.#page("domains", (pageSize, offset) => this.domains.list({ pageSize, offset }, o), p.limit ?? 100, p.offset ?? 0);
  }
  listNextPage(): Promise<Domain[]> {
    return this.#step("domains", 1);
  }
  listPreviousPage(): Promise<Domain[]> {
    return this.#step("domains", -1);
  }
  /** pyrax `get_domain_iterator()`: every domain, page after page. */
  getDomainIterator(o?: CallOptions): Paginated<Domain> {
    return this.domains.list(undefined, o);
  }
  get(domain: DomainRef, o?: CallOptions): Promise<Domain> {
    return this.domains.get(domain, undefined, o);
  }
  /** pyrax `find(name=…)`. */
  find(q: { name: string }, o?: CallOptions): Promise<Domain> {
    return this.domains.find(q.name, o);
  }
  create(input: CreateDomainInput, o?: JobCallOptions): Job<Domain, JobData> {
    return this.domains.create(input, o);
  }
  updateDomain(domain: DomainRef, changes: UpdateDomainInput, o?: JobCallOptions): Job<Domain, JobData> {
    return this.domains.update(domain, changes, o);
  }
  delete(domain: DomainRef, deleteSubdomains = false, o?: JobCallOptions): Job<void, JobData> {
    return this.domains.delete(domain, { deleteSubdomains }, o);
  }
  importDomain(bind: string, o?: JobCallOptions): Job<Domain, JobData> {
    return this.domains.importDomain(bind, o);
  }
  exportDomain(domain: DomainRef, o?: JobCallOptions): Job<string, JobData> {
    return this.domains.export(domain, o);
  }

  listSubdomains(domain: DomainRef, p: PyraxPaging = {}, o?: CallOptions): Promise<Domain[]> {
    return this.#page("subdomains", (pageSize, offset) => this.domains.listSubdomains(domain, { pageSize, offset }, o), p.limit ?? 100, p.offset ?? 0);
  }
  listSubdomainsNextPage(): Promise<Domain[]> {
    return this.#step("subdomains", 1);
  }
  listSubdomainsPreviousPage(): Promise<Domain[]> {
    return this.#step("subdomains", -1);
  }
  getSubdomainIterator(domain: DomainRef, o?: CallOptions): Paginated<Domain> {
    return this.domains.listSubdomains(domain, undefined, o);
  }

  listRecords(domain: DomainRef, p: PyraxPaging = {}, o?: CallOptions): Promise<DnsRecord[]> {
    return this.#page("records", (pageSize, offset) => this.records.list(domain, { pageSize, offset }, o), p.limit ?? 100, p.offset ?? 0);
  }
  listRecordsNextPage(): Promise<DnsRecord[]> {
    return this.#step("records", 1);
  }
  listRecordsPreviousPage(): Promise<DnsRecord[]> {
    return this.#step("records", -1);
  }
  getRecordIterator(domain: DomainRef, o?: CallOptions): Paginated<DnsRecord> {
    return this.records.list(domain, undefined, o);
  }
  /** pyrax `search_records(dom, type, name, data)`: every match. */
  searchRecords(domain: DomainRef, type: RecordType, name?: string, data?: string, o?: CallOptions): Promise<DnsRecord[]> {
    return this.records.list(domain, { type, ...(name !== undefined ? { name } : {}), ...(data !== undefined ? { data } : {}) }, o).toArray();
  }
  findRecord(domain: DomainRef, type: RecordType, name?: string, data?: string, o?: CallOptions): Promise<DnsRecord> {
    return this.records.find(domain, { type, ...(name !== undefined ? { name } : {}), ...(data !== undefined ? { data } : {}) }, o);
  }
  getRecord(domain: DomainRef, record: RecordRef, o?: CallOptions): Promise<DnsRecord> {
    return this.records.get(domain, record, o);
  }
  addRecords(domain: DomainRef, records: RecordInput | RecordInput[], o?: JobCallOptions): Job<DnsRecord[], JobData> {
    return this.records.add(domain, records, o);
  }
  updateRecord(domain: DomainRef, record: RecordRef, changes: UpdateRecordInput, o?: JobCallOptions): Job<DnsRecord, JobData> {
    return this.records.update(domain, record, changes, o);
  }
  updateRecords(domain: DomainRef, updates: Array<{ id: string; name?: string; type?: string } & UpdateRecordInput>, o?: JobCallOptions): Job<void, JobData> {
    return this.records.updateMany(domain, updates, o);
  }
  deleteRecord(domain: DomainRef, record: RecordRef | RecordRef[], o?: JobCallOptions): Job<void, JobData> {
    return this.records.delete(domain, record, o);
  }

  listPtrRecords(device: PtrDevice, o?: CallOptions): Promise<PtrRecordData[]> {
    return this.ptr.list(device, o);
  }
  addPtrRecords(device: PtrDevice, records: PtrInput | PtrInput[], o?: JobCallOptions): Job<PtrRecordData[], JobData> {
    return this.ptr.add(device, records, o);
  }
  /** pyrax `update_ptr_record(device, domain_name, ip, ttl=…, comment=…)`. */
  updatePtrRecord(device: PtrDevice, domainName: string, ipAddress: string, changes: { ttl?: number; comment?: string } = {}, o?: JobCallOptions): Job<PtrRecordData, JobData> {
    return this.ptr.update(device, { name: domainName, data: ipAddress, ...changes }, o);
  }
  deletePtrRecords(device: PtrDevice, ipAddress?: string, o?: JobCallOptions): Job<void, JobData> {
    return this.ptr.delete(device, ipAddress, o);
  }
}
