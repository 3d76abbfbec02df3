// "Deleting PTR Records": one address's record, or every PTR record of the device.
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleServer } from "./server";

export async function main(target: ExampleTarget): Promise<{ afterOne: string[]; afterAll: number }> {
  const dns = target.ctx.client(PyraxCloudDNS);
  const server = await exampleServer(target);
  await dns.addPtrRecords(server, [
    { name: "example.edu", type: "PTR", data: "1.2.3.4" },
    { name: "example.edu", type: "PTR", data: "2001:db8::7" },
  ]);
  // pyrax: dns.delete_ptr_records(server, ip_address="1.2.3.4")
  await dns.deletePtrRecords(server, "1.2.3.4");
  const afterOne = (await dns.listPtrRecords(server)).map((r) => r.data);
  // pyrax: dns.delete_ptr_records(server)
  await dns.deletePtrRecords(server);
  const afterAll = (await dns.listPtrRecords(server)).length;
  await server.delete();
  return { afterOne, afterAll };
}

if (isMain(import.meta.url)) await runStandalone(main);
