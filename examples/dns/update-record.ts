// "Updating a DNS Record": data, priority (MX/SRV), TTL and comment; rec.update(…),
// dom.update_record(rec, …) or dns.update_record(dom, rec, …).
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ ttls: number[]; data: string }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("recupd"), emailAddress: "sample@example.edu" });
  const [rec] = await dom.addRecords({ type: "A", name: `www.${dom.name}`, data: "192.0.2.10" });
  // pyrax: rec.update(ttl=600)   # or dom.update_record(rec, ttl=600)   # or dns.update_record(dom, rec, ttl=600)
  await rec!.update({ ttl: 600 });
  const second = await dom.updateRecord(rec!, { ttl: 900 });
  const third = await dns.updateRecord(dom, rec!, { ttl: 1200, data: "192.0.2.11" });
  await dom.delete();
  return { ttls: [rec!.ttl!, second.ttl!, third.ttl!], data: third.data };
}

if (isMain(import.meta.url)) await runStandalone(main);
