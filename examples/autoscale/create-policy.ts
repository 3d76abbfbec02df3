// "Policies" / "Creating a Policy": list a group's policies; add one that changes the server count
// by a number, by a percentage, or to a desired capacity, or one that runs on a schedule.
import { AutoScale } from "@rax/autoscale";
import { ValidationError } from "@rax/core";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ listed: string[]; percent?: number; refused?: string }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  // pyrax: policy = sg.add_policy(name, policy_type, cooldown, change, is_percent)
  await sg.addPolicy({ name: "up by one", type: "webhook", cooldown: 60, change: 1 });
  // pyrax: au.add_policy(sg, "down 10%", "webhook", 60, -10, is_percent=True)
  const pct = await au.policies.create(sg, { name: "down 10%", cooldown: 60, change: -10, isPercent: true });
  await sg.addPolicy({ name: "nightly", type: "schedule", cooldown: 0, desiredCapacity: 1, args: { cron: "0 2 * * *" } });
  // pyrax: policies = sg.list_policies()   # or: au.list_policies(sg)
  const listed = (await sg.listPolicies().toArray()).map((p) => p.name).sort();
  console.log(listed);
  let refused: string | undefined;
  try {
    await sg.addPolicy({ name: "does nothing", cooldown: 60 });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
    console.log("refused before sending:", e.message);
  }
  await sg.delete({ force: true });
  return { listed, ...(pct.changePercent !== undefined ? { percent: pct.changePercent } : {}), ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
