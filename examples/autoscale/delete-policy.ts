// "Deleting a Policy".
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ before: number; after: number }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const a = await sg.addPolicy({ name: "a", cooldown: 0, change: 1 });
  const b = await sg.addPolicy({ name: "b", cooldown: 0, change: -1 });
  const c = await sg.addPolicy({ name: "c", cooldown: 0, desiredCapacity: 2 });
  const before = (await sg.listPolicies().toArray()).length;
  // pyrax: policy.delete()
  await a.delete();
  // pyrax: sg.delete_policy(policy)
  await sg.deletePolicy(b);
  // pyrax: au.delete_policy(sg, policy)
  await au.policies.delete(sg, c);
  const after = (await sg.listPolicies().toArray()).length;
  await sg.delete({ force: true });
  return { before, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
