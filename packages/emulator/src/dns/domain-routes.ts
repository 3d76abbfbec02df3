import { jsonResponse } from "../respond";
import { exportZone, parseZone } from "./bind";
import { DnsFault, DnsValidation, notFound } from "./dns-errors";
import { commentProblems, type DnsRequest, emailProblems, isFqdn, isObject, jsonBody, page, recordProblems, ttlProblems } from "./dns-request";
import { failure, startJob } from "./jobs";
import { type DnsAccount, type DomainRec, MAX_DOMAINS, MAX_RECORDS, NAMESERVERS, type RecordRec } from "./model";
import { domainView, recordView } from "./views";

// Domains: dns.md "Operations" (GET/POST /domains, GET/PUT/DELETE /domains/{id}, /export, /import,
// /subdomains). Shape checks answer 400 at once; what depends on the state then (a name taken, the
// domain limit) is decided when the job runs and shows as the job's ERROR.

export function requireDomain(r: DnsRequest, id: string): DomainRec {
  const d = /^\d+$/.test(id) ? r.account.domains.get(Number(id)) : undefined;
  if (!d) throw notFound(`Domain ID ${id} not found`);
  return d;
}

/** Subdomains are implied by names (the seed's "Subdomains"): every domain below this one. */
function below(a: DnsAccount, d: DomainRec): DomainRec[] {
  return a.sortedDomains().filter((x) => x.name.endsWith(`.${d.name}`));
}

/** GET /domains[?name=]: `name` filters exactly (dns.md: pyrax sends the lower-cased FQDN). */
export function listDomains(r: DnsRequest): Response {
  const name = r.url.searchParams.get("name");
  const rows = r.account.sortedDomains().filter((d) => name === null || d.name === name.toLowerCase());
  const p = page(r, rows, "domains", name === null ? {} : { name });
  return jsonResponse(200, { domains: p.rows.map((d) => domainView(d, r.account.tenantId, false)), totalEntries: p.totalEntries, ...(p.links ? { links: p.links } : {}) });
}

/** GET /domains/search?name=<partial> (docs). */
export function searchDomains(r: DnsRequest): Response {
  const part = (r.url.searchParams.get("name") ?? "").toLowerCase();
  const rows = r.account.sortedDomains().filter((d) => d.name.includes(part));
  const p = page(r, rows, "domains/search", { name: part });
  return jsonResponse(200, { domains: p.rows.map((d) => domainView(d, r.account.tenantId, false)), totalEntries: p.totalEntries, ...(p.links ? { links: p.links } : {}) });
}

/** GET /domains/{id}: `showRecords` / `showSubdomains` default true (pyrax asks for false explicitly (inferred)). */
export function showDomain(r: DnsRequest, id: string): Response {
  const d = requireDomain(r, id);
  const q = r.url.searchParams;
  const view: Record<string, unknown> = domainView(d, r.account.tenantId, true);
  if (q.get("showRecords") !== "false") {
    const recs = [...d.records.values()];
    view.recordsList = { records: recs.map(recordView), totalEntries: recs.length };
  }
  if (q.get("showSubdomains") !== "false") {
    const subs = below(r.account, d);
    view.subdomains = { domains: subs.map((s) => domainView(s, r.account.tenantId, false)), totalEntries: subs.length };
  }
  return jsonResponse(200, view);
}

interface DomainSpec {
  name: string;
  emailAddress: string;
  ttl: number;
  comment?: string;
  records: Array<Record<string, unknown>>;
}

/** The create body's problems (dns.md "Rules"), as Cloud DNS's validation messages. */
function domainProblems(e: unknown, at: string, withChildren: boolean): string[] {
  if (!isObject(e)) return [`${at}: must be an object`];
  const out: string[] = [];
  if (typeof e.name !== "string" || !isFqdn(e.name)) out.push(`${at}.name: must be a fully-qualified domain name`);
  out.push(...emailProblems(e.emailAddress, at, true), ...ttlProblems(e.ttl, at), ...commentProblems(e.comment, at));
  if (!withChildren) return out;
  const subs = isObject(e.subdomains) ? e.subdomains.domains : undefined;
  if (e.subdomains !== undefined && e.subdomains !== null && !Array.isArray(subs)) out.push(`${at}.subdomains: must be {"domains": [...]}`);
  for (const [i, s] of (Array.isArray(subs) ? subs : []).entries()) out.push(...domainProblems(s, `${at}.subdomains.domains[${i}]`, false));
  const recs = isObject(e.recordsList) ? e.recordsList.records : undefined;
  if (e.recordsList !== undefined && e.recordsList !== null && !Array.isArray(recs)) out.push(`${at}.recordsList: must be {"records": [...]}`);
  for (const [i, rec] of (Array.isArray(recs) ? recs : []).entries()) out.push(...(isObject(rec) ? recordProblems(rec, i, true).map((m) => `${at}.${m}`) : [`${at}.records[${i}]: must be an object`]));
  return out;
}

function specOf(e: Record<string, unknown>): DomainSpec {
  const recs = isObject(e.recordsList) && Array.isArray(e.recordsList.records) ? (e.recordsList.records as Array<Record<string, unknown>>) : [];
  return {
    name: String(e.name).toLowerCase().replace(/\.$/, ""),
    emailAddress: String(e.emailAddress),
    ttl: typeof e.ttl === "number" ? e.ttl : 3600,
    ...(typeof e.comment === "string" ? { comment: e.comment } : {}),
    records: recs,
  };
}

/**
 * Adds records to a domain, enforcing what the job checks: names inside the domain, no duplicate,
 * a CNAME alone at its name, 500 per domain. Every record is checked (against the domain and the
 * rest of the call) before any is added, so a failed job adds none of them.
 */
export function addRecordsTo(a: DnsAccount, d: DomainRec, recs: Array<Record<string, unknown>>, defaultTtl = d.ttl): RecordRec[] {
  if (d.records.size + recs.length > MAX_RECORDS) throw new DnsFault(413, "Over Limit", `Domain ${d.name} would have more than ${MAX_RECORDS} records`);
  const planned: Array<Pick<RecordRec, "name" | "type" | "data">> = [];
  for (const x of recs) {
    const name = String(x.name).toLowerCase().replace(/\.$/, "");
    if (name !== d.name && !name.endsWith(`.${d.name}`)) throw new DnsFault(400, "Bad Request", `Record name ${name} is not in domain ${d.name}`);
    const type = String(x.type).toUpperCase();
    const data = String(x.data).replace(HOST_DOT, "");
    const others = [...d.records.values(), ...planned];
    if (others.some((y) => y.type === type && y.name === name && y.data === data)) throw new DnsFault(409, "Conflict", `Record ${type} ${name} ${data} already exists`);
    const clash = cnameClash(others, name, type);
    if (clash) throw clash;
    planned.push({ name, type, data });
  }
  const made: RecordRec[] = [];
  recs.forEach((x, i) => {
    const { name, type, data } = planned[i]!;
    const now = a.now;
    const rec: RecordRec = {
      id: a.newRecordId(type),
      name,
      type,
      data,
      ttl: typeof x.ttl === "number" ? x.ttl : defaultTtl,
      ...(typeof x.priority === "number" ? { priority: x.priority } : {}),
      ...(typeof x.comment === "string" ? { comment: x.comment } : {}),
      created: now,
      updated: now,
    };
    d.records.set(rec.id, rec);
    made.push(rec);
  });
  return made;
}

/**
 * A CNAME may not share its name with any other record (RFC 1034 §3.6.2; Designate answers 400
 * "CNAME recordsets may not share a name with any other records"). What Rackspace Cloud DNS answers
 * is not documented: a job ERROR in the shape of its other bad records, 400 "Bad Request" (inferred).
 */
function cnameClash(others: ReadonlyArray<Pick<RecordRec, "name" | "type">>, name: string, type: string): DnsFault | undefined {
  const there = others.find((y) => y.name === name && (type === "CNAME" || y.type === "CNAME"));
  if (!there) return undefined;
  return new DnsFault(400, "Bad Request", `Record ${type} ${name} conflicts with the ${there.type} record there: a CNAME may not share a name with any other record`);
}
const HOST_DOT = /\.$/;

/** Makes a domain with Cloud DNS's two NS records; a taken name or the account's limit fails the job. */
function makeDomain(a: DnsAccount, s: DomainSpec): DomainRec {
  if (a.domainByName(s.name)) throw new DnsFault(409, "The object already exists.", "Domain already exists");
  if (a.domains.size >= MAX_DOMAINS) throw new DnsFault(413, "Over Limit", `The account has ${MAX_DOMAINS} domains`);
  const now = a.now;
  const d: DomainRec = { id: a.newDomainId(), name: s.name, emailAddress: s.emailAddress, ttl: s.ttl, ...(s.comment !== undefined ? { comment: s.comment } : {}), created: now, updated: now, records: new Map() };
  a.domains.set(d.id, d);
  addRecordsTo(a, d, NAMESERVERS.map((n) => ({ name: s.name, type: "NS", data: n, ttl: s.ttl })));
  return d;
}

/** Creation is atomic (dns.md "Rules"): a failure removes whatever the job had made. */
function atomically<T>(a: DnsAccount, fn: () => T): T {
  const before = new Set(a.domains.keys());
  try {
    return fn();
  } catch (e) {
    for (const id of [...a.domains.keys()]) if (!before.has(id)) a.domains.delete(id);
    throw e;
  }
}

/** POST /domains {"domains": [...]}: ≤ 100 entities per call; domains, subdomains and records together. */
export async function createDomains(r: DnsRequest): Promise<Response> {
  const { body, text } = await jsonBody(r);
  const list = body.domains;
  if (!Array.isArray(list) || list.length === 0) throw new DnsValidation(['domains: must be a non-empty list ({"domains": [...]})']);
  const problems = list.flatMap((e, i) => domainProblems(e, `domains[${i}]`, true));
  if (problems.length) throw new DnsValidation(problems);
  const entities = list.reduce((n: number, e: Record<string, unknown>) => n + 1 + ((e.subdomains as { domains?: unknown[] } | undefined)?.domains?.length ?? 0) + ((e.recordsList as { records?: unknown[] } | undefined)?.records?.length ?? 0), 0);
  if (entities > 100) throw new DnsValidation([`a call may hold at most 100 domains, subdomains and records (this one has ${entities})`]);
  const a = r.account;
  return startJob(r, text, () =>
    atomically(a, () => {
      const made = (list as Array<Record<string, unknown>>).map((e) => {
        const d = makeDomain(a, specOf(e));
        addRecordsTo(a, d, specOf(e).records);
        const subs = isObject(e.subdomains) && Array.isArray(e.subdomains.domains) ? (e.subdomains.domains as Array<Record<string, unknown>>) : [];
        for (const s of subs) makeDomain(a, specOf(s));
        return d;
      });
      return { response: { domains: made.map((d) => domainView(d, a.tenantId, true)) } };
    }),
  );
}

/** PUT /domains/{id} {ttl?, emailAddress?, comment?} → job (dns.md "update_domain"). */
export async function updateDomain(r: DnsRequest, id: string): Promise<Response> {
  const d = requireDomain(r, id);
  const { body, text } = await jsonBody(r);
  const problems = [...emailProblems(body.emailAddress, "domain", false), ...ttlProblems(body.ttl, "domain"), ...commentProblems(body.comment, "domain")];
  if (body.name !== undefined && body.name !== d.name) problems.push("domain.name: cannot be changed");
  if (problems.length) throw new DnsValidation(problems);
  return startJob(r, text, () => {
    if (!r.account.domains.has(d.id)) return failure(404, "Not Found", `Domain ID ${id} not found`);
    if (typeof body.ttl === "number") d.ttl = body.ttl;
    if (typeof body.emailAddress === "string") d.emailAddress = body.emailAddress;
    if (typeof body.comment === "string") d.comment = body.comment;
    d.updated = r.account.now;
    return {};
  });
}

/** DELETE /domains/{id}[?deleteSubdomains=true] → job; without the flag subdomains stay, domains of their own. */
export function deleteDomain(r: DnsRequest, id: string): Response {
  const d = requireDomain(r, id);
  const subs = r.url.searchParams.get("deleteSubdomains") === "true";
  return startJob(r, "", () => {
    if (!r.account.domains.has(d.id)) return failure(404, "Not Found", `Domain ID ${id} not found`);
    if (subs) for (const s of below(r.account, d)) r.account.domains.delete(s.id);
    r.account.domains.delete(d.id);
    return {};
  });
}

/** GET /domains/{id}/export → job whose response is `{id, accountId, contentType: "BIND_9", contents}`. */
export function exportDomain(r: DnsRequest, id: string): Response {
  const d = requireDomain(r, id);
  return startJob(r, "", () => {
    if (!r.account.domains.has(d.id)) return failure(404, "Not Found", `Domain ID ${id} not found`);
    return { response: { id: d.id, accountId: Number(r.account.tenantId) || r.account.tenantId, contentType: "BIND_9", contents: exportZone(d) } };
  });
}

/** POST /domains/import {"domains": [{"contentType": "BIND_9", "contents"}]} → job creating the domain. */
export async function importDomain(r: DnsRequest): Promise<Response> {
  const { body, text } = await jsonBody(r);
  const list = body.domains;
  if (!Array.isArray(list) || list.length === 0) throw new DnsValidation(['domains: must be a non-empty list ({"domains": [{"contentType": "BIND_9", "contents": ...}]})']);
  const zones = list.map((e, i) => {
    if (!isObject(e) || e.contentType !== "BIND_9") throw new DnsValidation([`domains[${i}].contentType: must be BIND_9`]);
    if (typeof e.contents !== "string" || e.contents.trim() === "") throw new DnsValidation([`domains[${i}].contents: is required`]);
    return parseZone(e.contents);
  });
  const a = r.account;
  return startJob(r, text, () =>
    atomically(a, () => {
      const made = zones.map((z) => {
        const d = makeDomain(a, { name: z.name, emailAddress: z.emailAddress, ttl: z.ttl, records: [] });
        addRecordsTo(a, d, z.records);
        return d;
      });
      return { response: { domains: made.map((d) => domainView(d, a.tenantId, true)) } };
    }),
  );
}

/** GET /domains/{id}/subdomains (the API docs' call). */
export function listSubdomains(r: DnsRequest, id: string): Response {
  const d = requireDomain(r, id);
  const p = page(r, below(r.account, d), `domains/${d.id}/subdomains`);
  return jsonResponse(200, { domains: p.rows.map((s) => domainView(s, r.account.tenantId, false)), totalEntries: p.totalEntries, ...(p.links ? { links: p.links } : {}) });
}
