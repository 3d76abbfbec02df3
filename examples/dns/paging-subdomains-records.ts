// "Paging Subdomains and Records": limit/offset and the *_next_page() calls per listing, or the
// iterators, which are per domain (get_subdomain_iterator / get_record_iterator).
import { NoMoreResults, PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ recordPages: number[]; subdomainPages: number[]; allRecords: number; allSubdomains: number }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("paged"), emailAddress: "sample@example.edu" });
  await dom.addRecords([1, 2, 3].map((n) => ({ type: "A", name: `host${n}.${dom.name}`, data: `192.0.2.${n}` })));
  for (const s of ["a", "b", "c"]) await dns.create({ name: `${s}.${dom.name}`, emailAddress: "sample@example.edu" });
  // pyrax: dns.list_records(dom, limit=2); dns.list_records_next_page() …
  const recordPages = [(await dns.listRecords(dom, { limit: 2 })).length];
  const subdomainPages = [(await dns.listSubdomains(dom, { limit: 2 })).length];
  for (const [next, pages] of [
    [() => dns.listRecordsNextPage(), recordPages],
    [() => dns.listSubdomainsNextPage(), subdomainPages],
  ] as const) {
    for (;;) {
      try {
        pages.push((await next()).length);
      } catch (e) {
        if (e instanceof NoMoreResults) break;
        throw e;
      }
    }
  }
  // pyrax: all_records = list(dns.get_record_iterator(dom))
  const allRecords = (await dns.getRecordIterator(dom).toArray()).length;
  const allSubdomains = (await dns.getSubdomainIterator(dom).toArray()).length;
  await dom.delete({ deleteSubdomains: true });
  return { recordPages, subdomainPages, allRecords, allSubdomains };
}

if (isMain(import.meta.url)) await runStandalone(main);
