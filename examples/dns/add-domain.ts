// "Adding Domains": name and email, optionally TTL (≥ 300) and a comment (≤ 160 characters).
import { ValidationError } from "@rax/core";
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ ttl?: number; comment?: string; nameservers: number; refused?: string }> {
  const dns = ctx.client(PyraxCloudDNS);
  // pyrax: dom = dns.create(name="example.edu", emailAddress="sample@example.edu", ttl=600, comment="…")
  const dom = await dns.create({ name: exampleDomain("added"), emailAddress: "sample@example.edu", ttl: 600, comment: "Primary domain for this documentation." });
  console.log(dom);
  let refused: string | undefined;
  try {
    await dns.create({ name: exampleDomain("short-ttl"), emailAddress: "sample@example.edu", ttl: 60 });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
  }
  await dom.delete();
  return { ...(dom.ttl !== undefined ? { ttl: dom.ttl } : {}), ...(dom.comment !== undefined ? { comment: dom.comment } : {}), nameservers: dom.nameservers.length, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
