// "Executing a Policy": run it now, without waiting for an alarm.
import { AutoScale, CannotExecutePolicy } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ desired: number[]; cooldownRefused: boolean }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const up = await sg.addPolicy({ name: "up by one", cooldown: 3600, change: 1 });
  const desired: number[] = [];
  // pyrax: policy.execute()
  await up.execute();
  desired.push((await sg.getState()).desiredCapacity);
  let cooldownRefused = false;
  try {
    // pyrax: sg.execute_policy(policy)   # or: au.execute_policy(sg, policy)
    await au.policies.execute(sg, up);
  } catch (e) {
    if (!(e instanceof CannotExecutePolicy)) throw e;
    cooldownRefused = true;
    console.log("not run:", e.message);
  }
  desired.push((await sg.getState()).desiredCapacity);
  await sg.delete({ force: true });
  return { desired, cooldownRefused };
}

if (isMain(import.meta.url)) await runStandalone(main);
