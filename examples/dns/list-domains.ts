// "Listing Domains": a flat list of the account's domains (subdomains included).
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ listed: boolean; flat: boolean }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("listed"), emailAddress: "sample@example.edu" });
  const sub = await dns.create({ name: `north.${dom.name}`, emailAddress: "sample@example.edu" });
  // pyrax: dns.list()
  const domains = await dns.list();
  for (const d of domains) console.log(`<CloudDNSDomain id=${d.id}, name=${d.name}>`);
  const names = domains.map((d) => d.name);
  await sub.delete();
  await dom.delete();
  return { listed: names.includes(dom.name), flat: names.includes(sub.name) };
}

if (isMain(import.meta.url)) await runStandalone(main);
