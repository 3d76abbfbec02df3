// "Import / Export a Domain": BIND 9 zone text in, BIND 9 zone text out.
import { PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ imported: string; records: string[]; exported: boolean }> {
  const dns = ctx.client(PyraxCloudDNS);
  const name = exampleDomain("bind");
  // What /path/to/bindfile.txt could hold.
  const data = [
    `${name}.\t3600\tIN\tSOA\tns.rackspace.com. sample.rackspace.edu. 1354918038 21600 3600 1814400 500`,
    `${name}.\t6000\tIN\tA\t192.168.0.42`,
    `${name}.\t3600\tIN\tMX\t50 mail.${name}.`,
    "",
  ].join("\n");
  // pyrax: dom = dns.import_domain(data)
  const dom = await dns.importDomain(data);
  // pyrax: exp = dom.export()   # or dns.export_domain(dom)
  const exp = await dom.export();
  console.log(exp);
  const records = (await dom.listRecords().toArray()).map((r) => r.type).sort();
  await dom.delete();
  return { imported: dom.name === name ? "same name" : dom.name, records, exported: exp.includes(`${name}.`) && /\bMX\b/.test(exp) };
}

if (isMain(import.meta.url)) await runStandalone(main);
