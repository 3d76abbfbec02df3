// "Updating a webhook": update() sets name and the whole metadata; update_metadata() merges.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ name: string; replaced: Record<string, string>; merged: Record<string, string> }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const policy = await sg.addPolicy({ name: "up", cooldown: 0, change: 1 });
  const webhook = await policy.addWebhook("hook", { notes: "x" });
  // pyrax: webhook.update(name="something_new", metadata={"owner": "webteam"})
  const updated = await webhook.update({ name: "something_new", metadata: { owner: "webteam" } });
  // pyrax: au.update_webhook_metadata(sg, policy, webhook, {"oncall": "alice"})
  const merged = (await au.webhooks.updateMetadata(sg, policy, webhook, { oncall: "alice" })).metadata;
  console.log(await policy.getWebhook(webhook));
  await sg.delete({ force: true });
  return { name: updated.name, replaced: updated.metadata, merged };
}

if (isMain(import.meta.url)) await runStandalone(main);
