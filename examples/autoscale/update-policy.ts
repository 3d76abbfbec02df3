// "Updating a Policy": change some settings; the others keep their values.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ cooldown: number; change?: number; name: string; viaClient?: number }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const policy = await sg.addPolicy({ name: "scale", cooldown: 300, change: 1 });
  // pyrax: policy.update(cooldown=60, change=-3)
  const updated = await policy.update({ cooldown: 60, change: -3 });
  console.log(updated);
  // pyrax: sg.update_policy(policy, …)   # or: au.update_policy(sg, policy, …)
  const again = await au.policies.update(sg, policy, { change: -2 });
  await sg.delete({ force: true });
  return { cooldown: updated.cooldown, ...(updated.change !== undefined ? { change: updated.change } : {}), name: updated.name, ...(again.change !== undefined ? { viaClient: again.change } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
