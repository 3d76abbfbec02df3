// "Listing PTR Records": dns.list_ptr_records(device); a device with none gives [].
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ before: number; after: string[] }> {
  const dns = target.ctx.client(PyraxCloudDNS);
  const server = await exampleServer(target);
  const before = (await dns.listPtrRecords(server)).length;
  await dns.addPtrRecords(server, { name: "1-2-3-4.abc.example.edu", type: "PTR", data: "1.2.3.4", ttl: 7500 });
  // pyrax: print dns.list_ptr_records(device)
  const recs = await dns.listPtrRecords(server);
  for (const r of recs) console.log(`<CloudDNSPTRRecord id=${r.id}, data=${r.data}, name=${r.name}, ttl=${r.ttl}>`);
  await dns.deletePtrRecords(server);
  await server.delete();
  return { before, after: recs.map((r) => `${r.name} ${r.data} ${r.ttl}`) };
}

if (isMain(import.meta.url)) await runStandalone(main);
