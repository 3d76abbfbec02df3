// "Updating PTR Records": TTL or comment of the record for a domain name + address (neither can change).
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ ttl?: number; listed?: number }> {
  const dns = target.ctx.client(PyraxCloudDNS);
  const server = await exampleServer(target);
  await dns.addPtrRecords(server, { name: "example.edu", type: "PTR", data: "1.2.3.4", ttl: 7200 });
  // pyrax: dns.update_ptr_record(server, "example.edu", "1.2.3.4", ttl=9600)
  const rec = await dns.updatePtrRecord(server, "example.edu", "1.2.3.4", { ttl: 9600 });
  const listed = (await dns.listPtrRecords(server))[0]?.ttl;
  await dns.deletePtrRecords(server);
  await server.delete();
  return { ...(rec.ttl !== undefined ? { ttl: rec.ttl } : {}), ...(listed !== undefined ? { listed } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
