// "Usage Data": clb.get_usage() for the account, lb.get_usage(start, end) for one load balancer.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf, exampleLb } from "./example-lb";

export async function main(target: ExampleTarget) {
  const clb = clbOf(target);
  const lb = await exampleLb(target);
  const account = await clb.usage.account();
  const all = await lb.getUsage();
  console.log(all[0]);
  // start / end: a Date, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS".
  const today = new Date().toISOString().slice(0, 10);
  const since = await lb.getUsage({ start: today });
  const longAgo = await lb.getUsage({ start: "2012-10-15", end: "2012-10-15 23:59:59" });
  await lb.delete();
  return { accountLbs: account.loadBalancerUsages.length, records: all.length, since: since.length, longAgo: longAgo.length, startIsDate: all[0]?.startTime instanceof Date };
}

if (isMain(import.meta.url)) await runStandalone(main);
