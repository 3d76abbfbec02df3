// "Updating a Domain": contact email, TTL and comment; dom.update(…) or dns.update_domain(dom, …).
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ ttl?: number; email?: string; reloaded?: number }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("updated"), emailAddress: "sample@example.edu" });
  // pyrax: dom.update(ttl=1200)   # or dns.update_domain(dom, ttl=1200)
  await dom.update({ ttl: 1200 });
  await dns.updateDomain(dom, { emailAddress: "admin@example.edu" });
  const reloaded = await dns.get(dom.id);
  await dom.delete();
  return { ...(dom.ttl !== undefined ? { ttl: dom.ttl } : {}), ...(reloaded.emailAddress ? { email: reloaded.emailAddress } : {}), ...(reloaded.ttl !== undefined ? { reloaded: reloaded.ttl } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
