// "Combining Multiple Actions": the domain, four subdomains and two records in one create() call.
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ subdomains: string[]; records: string[] }> {
  const dns = ctx.client(PyraxCloudDNS);
  const name = exampleDomain("combined");
  const subs = [
    { name: `north.${name}`, comment: "1st sample subdomain", emailAddress: "sample@rackspace.edu" },
    { name: `west.${name}`, comment: "2nd sample subdomain", emailAddress: "sample@rackspace.edu" },
    { name: `southeast.${name}`, emailAddress: "sample@rackspace.edu" },
    { name: `southby.southeast.${name}`, comment: "Final sample subdomain", emailAddress: "sample@rackspace.edu" },
  ];
  const recs = [
    { type: "A", name, data: "192.168.0.42", ttl: 6000 },
    { type: "MX", name, data: `mail.${name}`, priority: 50, comment: "Backup mail server" },
  ];
  // pyrax: dom = dns.create(name="example.edu", comment="Primary domain", emailAddress=…, subdomains=subs, records=recs)
  const dom = await dns.create({ name, comment: "Primary domain", emailAddress: "sample@rackspace.edu", subdomains: subs, records: recs });
  const subdomains = (await dom.listSubdomains().toArray()).map((s) => s.name.slice(0, -name.length - 1)).sort();
  const records = (await dom.listRecords().toArray()).map((r) => r.type).sort();
  await dom.delete({ deleteSubdomains: true });
  return { subdomains, records };
}

if (isMain(import.meta.url)) await runStandalone(main);
