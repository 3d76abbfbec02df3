// "Updating a Scaling Group": update() changes what is given (metadata replaces);
// update_metadata() merges into the existing metadata.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ cooldown: number; maxEntities: number; merged: Record<string, string>; replaced: Record<string, string> }> {
  const sg = await exampleGroup(target, { groupMetadata: { owner: "ops" } });
  const au = target.ctx.client(AutoScale, { region: target.region });
  // pyrax: sg.update(cooldown=120, max_entities=16)   # or: au.update(sg, cooldown=120, max_entities=16)
  const config = await sg.update({ cooldown: 120, maxEntities: 16 });
  console.log(config);
  // pyrax: sg.update_metadata({"tier": "web"})  — keeps "owner"
  const merged = (await sg.updateMetadata({ tier: "web" })).metadata;
  // pyrax: sg.update(metadata={"only": "this"}) — the whole set
  const replaced = (await au.groups.update(sg, { metadata: { only: "this" } })).metadata;
  await sg.delete({ force: true });
  return { cooldown: config.cooldown, maxEntities: config.maxEntities, merged, replaced };
}

if (isMain(import.meta.url)) await runStandalone(main);
