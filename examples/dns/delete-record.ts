// "Deleting a DNS Record": rec.delete(), dom.delete_record(rec) or dns.delete_record(dom, rec).
// A domain keeps at least one NS record.
import { DomainRecordDeletionFailed, PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ left: string[]; lastNsRefused: boolean }> {
  const dns = ctx.client(PyraxCloudDNS);
  const dom = await dns.create({ name: exampleDomain("recdel"), emailAddress: "sample@example.edu" });
  const [a, b, c] = await dom.addRecords([1, 2, 3].map((n) => ({ type: "A", name: `h${n}.${dom.name}`, data: `192.0.2.${n}` })));
  // pyrax: rec.delete()   # or dom.delete_record(rec)   # or dns.delete_record(dom, rec)
  await a!.delete();
  await dom.deleteRecord(b!);
  await dns.deleteRecord(dom, c!);
  const ns = await dom.listRecords({ type: "NS" }).toArray();
  const lastNsRefused = await dom.deleteRecord(ns).then(
    () => false,
    (e: unknown) => e instanceof DomainRecordDeletionFailed,
  );
  const left = (await dom.listRecords().toArray()).map((r) => r.type);
  await dom.delete();
  return { left, lastNsRefused };
}

if (isMain(import.meta.url)) await runStandalone(main);
