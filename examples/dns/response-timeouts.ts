// "Response Timeouts": async calls wait up to 5 s (pyrax's default) polling every 0.5 s; both can be
// changed, 0 waits forever, and a call that runs out of time raises DNSCallTimedOut with the job id.
import { CloudDNS, DNSCallTimedOut, PyraxCloudDNS } from "@rax/dns";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleDomain } from "./names";

export async function main({ ctx }: ExampleTarget): Promise<{ defaults: number[]; changed: number[]; timedOut: boolean; resumed: string }> {
  const dns = ctx.client(PyraxCloudDNS);
  const defaults = [dns.jobTimeout, dns.jobDelay];
  // pyrax: dns.set_timeout(new_time) / dns.set_timeout(0) / dns.set_delay(2.2) — seconds there, ms in rax.
  dns.setTimeout(10);
  dns.setDelay(0.2);
  const changed = [dns.jobTimeout, dns.jobDelay];
  dns.setTimeout(0); // wait as long as it takes
  // The same settings when building a client: ctx.client(CloudDNS, { jobTimeout: 10_000, jobDelay: 200 }).
  void CloudDNS;
  // A call given less time than the job needs: DNSCallTimedOut, and the job goes on on the server.
  let timedOut = false;
  let resumed = "";
  try {
    await dns.create({ name: exampleDomain("slow"), emailAddress: "sample@example.edu" }, { jobTimeout: 1, jobDelay: 1 });
  } catch (e) {
    if (!(e instanceof DNSCallTimedOut)) throw e;
    timedOut = true;
    console.log(`timed out; resuming job ${e.jobId}`);
    resumed = (await dns.jobs.resume(e.jobId)).status;
  }
  return { defaults, changed, timedOut, resumed };
}

if (isMain(import.meta.url)) await runStandalone(main);
