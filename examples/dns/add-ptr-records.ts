// "Adding PTR Records": IPv4 and IPv6 reverse DNS for a Cloud Server (or a load balancer: pass it,
// or { id, type: "loadBalancer" }).
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ added: string[]; byId: number }> {
  const dns = target.ctx.client(PyraxCloudDNS);
  const server = await exampleServer(target);
  const recs = [
    { name: "example.edu", type: "PTR", data: "1.2.3.4", ttl: 7200 },
    { name: "example.edu", type: "PTR", data: "2001:db8::7", ttl: 7200 },
  ];
  // pyrax: dns.add_ptr_records(server, recs)
  const added = await dns.addPtrRecords(server, recs);
  // The same device given by id and kind: its URL comes from the catalog's compute endpoint.
  const byId = (await dns.ptr.list({ id: server.id, type: "server", region: target.region })).length;
  await dns.deletePtrRecords(server);
  await server.delete();
  return { added: added.map((r) => r.data).sort(), byId };
}

if (isMain(import.meta.url)) await runStandalone(main);
