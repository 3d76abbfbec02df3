// "Deleting a Domain": dom.delete() or dns.delete(dom); subdomains go too only when asked.
import { NoSuchDomain, PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ gone: boolean; subdomainKept: boolean }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("doomed"), emailAddress: "sample@example.edu" });
  const sub = await dns.create({ name: `www.${dom.name}`, emailAddress: "sample@example.edu" });
  // pyrax: dom.delete()   # or dns.delete(dom)
  await dom.delete();
  const gone = await dns.get(dom.id).then(
    () => false,
    (e: unknown) => e instanceof NoSuchDomain,
  );
  const subdomainKept = (await dns.get(sub.id)).name === sub.name;
  await dns.delete(sub);
  return { gone, subdomainKept };
}

if (isMain(import.meta.url)) await runStandalone(main);
