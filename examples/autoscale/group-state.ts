// "Getting the Current State of a Scaling Group": active servers and active / desired / pending capacity.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ building: number; settled: { active: number; desired: number; pending: number } }> {
  const sg = await exampleGroup(target, { minEntities: 2 });
  const au = target.ctx.client(AutoScale, { region: target.region });
  // pyrax: print sg.get_state()   # or: print au.get_state(sg)
  const now = await sg.getState();
  console.log(now);
  const later = await au.groups.waitUntilSettled(sg, { interval: 200 });
  console.log(later);
  await sg.delete({ force: true });
  return { building: now.pendingCapacity, settled: { active: later.activeCapacity, desired: later.desiredCapacity, pending: later.pendingCapacity } };
}

if (isMain(import.meta.url)) await runStandalone(main);
