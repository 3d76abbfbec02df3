// "Subdomains" / "Listing Subdomains": dom.list_subdomains() or dns.list_subdomains(dom).
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ fromDomain: string[]; fromClient: string[] }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("parent"), emailAddress: "sample@example.edu" });
  await dns.create({ name: `mail.${dom.name}`, emailAddress: "sample@example.edu" });
  await dns.create({ name: `www.${dom.name}`, emailAddress: "sample@example.edu" });
  // pyrax: subs = dom.list_subdomains()   # or dns.list_subdomains(dom)
  const fromDomain = (await dom.listSubdomains()).items.map((d) => d.name);
  const fromClient = (await dns.listSubdomains(dom)).map((d) => d.name);
  console.log(fromDomain);
  await dom.delete({ deleteSubdomains: true });
  return { fromDomain, fromClient };
}

if (isMain(import.meta.url)) await runStandalone(main);
