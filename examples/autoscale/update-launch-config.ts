// "Updating the Launch Configuration": update_launch_config() changes what is given (server
// metadata replaces); update_launch_metadata() merges into the existing metadata.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ serverName: string; kept: boolean; merged: Record<string, string>; replaced: Record<string, string> }> {
  const sg = await exampleGroup(target, { metadata: { somekey: "somevalue" } });
  const au = target.ctx.client(AutoScale, { region: target.region });
  const before = await sg.getLaunchConfig();
  // pyrax: sg.update_launch_config(server_name="web")   # or: au.update_launch_config(sg, server_name="web")
  const lc = await sg.updateLaunchConfig({ serverName: "web" });
  // pyrax: sg.update_launch_metadata({"added": "x"})
  const merged = (await au.groups.updateLaunchMetadata(sg, { added: "x" })).metadata;
  const replaced = (await sg.updateLaunchConfig({ metadata: { only: "this" } })).metadata;
  console.log(await sg.getLaunchConfig());
  await sg.delete({ force: true });
  return { serverName: lc.serverName, kept: lc.image === before.image && lc.flavor === before.flavor, merged, replaced };
}

if (isMain(import.meta.url)) await runStandalone(main);
