// "Adding Subdomains": a subdomain is created like any domain; the relation is implied by its name.
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ subdomain: string; listedUnderParent: boolean }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("main"), emailAddress: "sample@rackspace.edu" });
  // pyrax: subdom1 = dns.create(name="north.example.edu", comment="1st sample subdomain", emailAddress="sample@rackspace.edu")
  const subdom1 = await dns.create({ name: `north.${dom.name}`, comment: "1st sample subdomain", emailAddress: "sample@rackspace.edu" });
  const listedUnderParent = (await dom.listSubdomains().toArray()).some((s) => s.id === subdom1.id);
  await dom.delete({ deleteSubdomains: true });
  return { subdomain: subdom1.name.split(".")[0]!, listedUnderParent };
}

if (isMain(import.meta.url)) await runStandalone(main);
