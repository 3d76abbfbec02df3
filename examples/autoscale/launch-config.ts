// "Launch Configurations": what each new server is built from.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ type: string; serverName: string; diskConfig?: string; networks: number }> {
  const sg = await exampleGroup(target, { diskConfig: "AUTO", networks: ["11111111-1111-1111-1111-111111111111"] });
  const au = target.ctx.client(AutoScale, { region: target.region });
  // pyrax: sg.get_launch_config()   # or: au.get_launch_config(sg)
  const lc = await sg.getLaunchConfig();
  console.log(lc);
  const same = await au.groups.getLaunchConfig(sg);
  await sg.delete({ force: true });
  return { type: same.type, serverName: lc.serverName, ...(lc.diskConfig ? { diskConfig: lc.diskConfig } : {}), networks: lc.networks.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
