// "Listing DNS Records": dom.list_records() or dns.list_records(dom); filter by type, name or data.
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ cnames: string[]; same: boolean; searched: string[] }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("records"), emailAddress: "sample@example.edu" });
  await dom.addRecords([1, 2, 3].map((n) => ({ type: "CNAME", name: `sample00${n}.${dom.name}`, data: dom.name })));
  // pyrax: recs = dom.list_records()   # or dns.list_records(dom)
  const recs = await dom.listRecords().toArray();
  for (const r of recs) console.log(`<CloudDNSRecord data=${r.data}, domain_id=${r.domainId}, id=${r.id}, name=${r.name}, ttl=${r.ttl}, type=${r.type}>`);
  const viaClient = await dns.listRecords(dom);
  // pyrax: dns.search_records(dom, "CNAME", name="sample002.example.edu")
  const searched = (await dns.searchRecords(dom, "CNAME", `sample002.${dom.name}`)).map((r) => r.name.split(".")[0]!);
  await dom.delete();
  return {
    cnames: recs.filter((r) => r.type === "CNAME").map((r) => r.name.split(".")[0]!).sort(),
    same: viaClient.map((r) => r.id).join() === recs.map((r) => r.id).join(),
    searched,
  };
}

if (isMain(import.meta.url)) await runStandalone(main);
