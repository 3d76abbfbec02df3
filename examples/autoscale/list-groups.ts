// "Listing Your Scaling Groups": every group, then one group's launch configuration.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ names: string[]; minEntities?: number; maxEntities?: number; launchServerName: string; flavor: string }> {
  const made = await exampleGroup(target, { metadata: { somekey: "somevalue" } });
  const au = target.ctx.client(AutoScale, { region: target.region });
  // pyrax: print au.list()   — each group with its configuration (one GET per group, as pyrax's lazy rows)
  const groups = await au.groups.list({ detailed: true }).toArray();
  console.log(groups);
  // pyrax: group = groups[0]; print group.get_launch_config()
  const group = groups.find((g) => g.id === made.id)!;
  const lc = await group.getLaunchConfig();
  console.log(lc);
  await made.delete({ force: true });
  return { names: groups.map((g) => g.name), minEntities: group.minEntities, maxEntities: group.maxEntities, launchServerName: lc.serverName, flavor: lc.flavor };
}

if (isMain(import.meta.url)) await runStandalone(main);
