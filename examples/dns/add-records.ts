// "Adding DNS Records": one dict or a list; A data must be an IP address, MX needs a priority.
import { ValidationError } from "@rax/core";
import { PyraxCloudDNS, type RecordInput } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ added: Array<[string, number | undefined, number | undefined]>; refused: string[] }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("addrec"), emailAddress: "sample@example.edu" });
  const recs: RecordInput[] = [
    { type: "A", name: dom.name, data: "192.168.0.42", ttl: 6000 },
    { type: "MX", name: dom.name, data: `mail.${dom.name}`, priority: 50, comment: "Backup mail server" },
  ];
  // pyrax: print dom.add_records(recs)   # or dns.add_records(dom, recs)
  const added = await dom.addRecords(recs);
  console.log(added);
  const refused: string[] = [];
  for (const bad of [
    { type: "A", name: dom.name, data: "mail.example.edu" },
    { type: "MX", name: dom.name, data: `mail.${dom.name}` },
  ] as RecordInput[]) {
    try {
      await dns.addRecords(dom, bad);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      refused.push(e.field);
    }
  }
  await dom.delete();
  return { added: added.map((r) => [r.type, r.ttl, r.priority]), refused };
}

if (isMain(import.meta.url)) await runStandalone(main);
