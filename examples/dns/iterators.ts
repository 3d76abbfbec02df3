// "Iterators": get_domain_iterator() walks every page for you.
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx }: ExampleTarget): Promise<{ names: string[] }> {
  const dns = ctx.client(PyraxCloudDNS);
  const made = [];
  for (let i = 1; i <= 5; i++) made.push(await dns.create({ name: `example00${i}.edu`, emailAddress: "sample@example.edu" }));
  // pyrax: for domain in dns.get_domain_iterator(): print domain.name
  const names: string[] = [];
  for await (const domain of dns.domains.list({ pageSize: 2 })) {
    if (domain.name.startsWith("example00")) names.push(domain.name);
    console.log(domain.name);
  }
  for (const d of made) await d.delete();
  return { names };
}

if (isMain(import.meta.url)) await runStandalone(main);
