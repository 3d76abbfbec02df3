import { AbortError, type CallOptions, type Job, type Paginated, ValidationError } from "@rax/core";
import { CloudDNS } from "./dns";
import { Domain } from "./domains/domains";
import type { CreateDomainInput, UpdateDomainInput } from "./domains/models";
import { listDomains, listSubdomains } from "./domains/requests";
import { NoMoreResults } from "./errors";
import type { JobCallOptions, JobData } from "./jobs/models";
import type { PtrDevice, PtrInput, PtrRecordData } from "./ptr/models";
import type { DomainRef, RecordRef } from "./ref";
import type { RecordInput, RecordType, UpdateRecordInput } from "./records/models";
import { DnsRecord } from "./records/records";
import { listRecords } from "./records/requests";

/** pyrax's `limit` (page size) and `offset`. */
export interface PyraxPaging {
  limit?: number;
  offset?: number;
}

/**
 * The paging argument, checked before any request: an unknown key is refused, so call options given one
 * argument early (`dns.list({ signal })`) fail instead of being dropped while the listing goes out.
 */
function pagingOf(p: unknown): PyraxPaging {
  if (p === undefined) return {};
  if (p === null || typeof p !== "object" || Array.isArray(p)) throw new ValidationError("paging", "must be an object { limit?, offset? }");
  for (const k of Object.keys(p)) {
    if (k !== "limit" && k !== "offset") throw new ValidationError(`paging.${k}`, "is not a paging option (limit, offset); call options go in the next argument");
  }
  return p as PyraxPaging;
}

/** One page of a listing: `offset` (Cloud DNS) or `from`, the cursor the page starts at (Designate). */
type PageFetch = (pageSize: number, offset: number, from: string | undefined, o: CallOptions | undefined) => PromiseLike<{ items: unknown[]; next?: string }>;

interface Cursor {
  pageSize: number;
  /** Cloud DNS: where the current page starts. */
  offset: number;
  /** Designate: the cursor of every page from the first one listed to the current one. */
  starts: Array<string | undefined>;
  /** The cursor of the page after the current one, if any. */
  next?: string;
  fetch: PageFetch;
}

/**
 * `CloudDNS` plus pyrax's flat `cloud_dns` calls, camelCased, for scripts being ported
 * (`dns.list_next_page()` → `dns.listNextPage()`). Each is one line over the namespaces; new code
 * should call those (`dns.domains.list()`), whose listings page by themselves.
 */
export class PyraxCloudDNS extends CloudDNS {
  // pyrax keeps one paging position per kind of listing (the seed: "the new paging information would override the old").
  readonly #cursors = new Map<string, Cursor>();

  // `o` is each call's own (a step takes its own signal, not the first page's).
  async #page<T>(kind: string, fetch: PageFetch, pageSize: number, offset: number, o: CallOptions | undefined, starts: Array<string | undefined> = [undefined]): Promise<T[]> {
    const page = await fetch(pageSize, offset, starts.at(-1), o);
    this.#cursors.set(kind, { offset, pageSize, starts, fetch, ...(page.next !== undefined ? { next: page.next } : {}) });
    return page.items as T[];
  }

  // A listing's first page: pyrax's paging argument checked, inside the promise like every failure.
  async #first<T>(kind: string, fetch: PageFetch, p: PyraxPaging | undefined, o: CallOptions | undefined): Promise<T[]> {
    const { limit, offset } = pagingOf(p);
    return this.#page<T>(kind, fetch, limit ?? 100, offset ?? 0, o);
  }

  // Cloud DNS steps by offset, as pyrax does; Designate refuses offsets and pages by marker, so a
  // step follows the page's own cursor (and back, to the cursors already seen).
  #step<T>(kind: string, dir: 1 | -1, o: CallOptions | undefined): Promise<T[]> {
    // A signal that already fired says so first, as every call does before any request.
    if (o?.signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: o.signal.reason }));
    const c = this.#cursors.get(kind);
    const none = () => Promise.reject(new NoMoreResults(`No ${dir === 1 ? "next" : "previous"} page of ${kind}`));
    if (!c) return none();
    const designate = this.backend === "designate";
    if (dir === 1) {
      if (c.next === undefined) return none();
      return designate ? this.#page<T>(kind, c.fetch, c.pageSize, 0, o, [...c.starts, c.next]) : this.#page<T>(kind, c.fetch, c.pageSize, c.offset + c.pageSize, o);
    }
    if (designate) return c.starts.length <= 1 ? none() : this.#page<T>(kind, c.fetch, c.pageSize, 0, o, c.starts.slice(0, -1));
    return c.offset === 0 ? none() : this.#page<T>(kind, c.fetch, c.pageSize, Math.max(0, c.offset - c.pageSize), o);
  }

  /** pyrax `dns.set_timeout(seconds)`; 0 = wait forever. Same as `jobTimeout = seconds * 1000`. */
  setTimeout(seconds: number): void {
    this.jobTimeout = secondsToMs(seconds);
  }
  /** pyrax `dns.set_delay(seconds)`. Same as `jobDelay = seconds * 1000`. */
  setDelay(seconds: number): void {
    this.jobDelay = secondsToMs(seconds);
  }

  /** pyrax `dns.list(limit, offset)`: one page of domains. */
  list(p?: PyraxPaging, o?: CallOptions): Promise<Domain[]> {
    return this.#first("domains", (pageSize, offset, from, step) => listDomains(this, { pageSize, offset }, step, from).map((d) => new Domain(this.domains, d)), p, o);
  }
  listNextPage(o?: CallOptions): Promise<Domain[]> {
    return this.#step("domains", 1, o);
  }
  listPreviousPage(o?: CallOptions): Promise<Domain[]> {
    return this.#step("domains", -1, o);
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
    // `q` missing or not an object: the name is missing, and `domains.find` says so (field `name`).
    return this.domains.find((q as { name?: string } | undefined)?.name as string, o);
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

  listSubdomains(domain: DomainRef, p?: PyraxPaging, o?: CallOptions): Promise<Domain[]> {
    return this.#first("subdomains", (pageSize, offset, from, step) => listSubdomains(this, domain, { pageSize, offset }, step, from).map((d) => new Domain(this.domains, d)), p, o);
  }
  listSubdomainsNextPage(o?: CallOptions): Promise<Domain[]> {
    return this.#step("subdomains", 1, o);
  }
  listSubdomainsPreviousPage(o?: CallOptions): Promise<Domain[]> {
    return this.#step("subdomains", -1, o);
  }
  getSubdomainIterator(domain: DomainRef, o?: CallOptions): Paginated<Domain> {
    return this.domains.listSubdomains(domain, undefined, o);
  }

  listRecords(domain: DomainRef, p?: PyraxPaging, o?: CallOptions): Promise<DnsRecord[]> {
    return this.#first("records", (pageSize, offset, from, step) => listRecords(this, domain, { pageSize, offset }, step, from).map((r) => new DnsRecord(this.records, r)), p, o);
  }
  listRecordsNextPage(o?: CallOptions): Promise<DnsRecord[]> {
    return this.#step("records", 1, o);
  }
  listRecordsPreviousPage(o?: CallOptions): Promise<DnsRecord[]> {
    return this.#step("records", -1, o);
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
  deleteRecord(domain: DomainRef, records: RecordRef | RecordRef[], o?: JobCallOptions): Job<void, JobData> {
    return this.records.delete(domain, records, o);
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

/** pyrax's seconds as the client's milliseconds; anything but a number ≥ 0 (`""` read as 0 = wait forever) is refused. */
function secondsToMs(seconds: unknown): number {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) throw new ValidationError("seconds", "must be a number of seconds, 0 or more");
  return seconds * 1000;
}
