// "Paging": list(limit, offset), then list_next_page() until NoMoreResults.
import { NoMoreResults, PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ pageSizes: number[]; all: number }> {
  const dns = ctx.client(PyraxCloudDNS);
  const made = [];
  for (let i = 0; i < 6; i++) made.push(await dns.create({ name: exampleDomain(`page${i}`), emailAddress: "sample@example.edu" }));
  // pyrax: domains = dns.list(limit=4) … while True: domains = dns.list_next_page()
  let domains = await dns.list({ limit: 4 });
  const pageSizes = [domains.length];
  for (;;) {
    try {
      domains = await dns.listNextPage();
      pageSizes.push(domains.length);
      console.log(domains.map((d) => d.name));
    } catch (e) {
      if (e instanceof NoMoreResults) break;
      throw e;
    }
  }
  // The canonical call pages by itself: `await` is the first page, `pages()` each one.
  const all = (await dns.domains.list({ pageSize: 4 }).toArray()).length;
  for (const d of made) await d.delete();
  return { pageSizes, all };
}

if (isMain(import.meta.url)) await runStandalone(main);
