// "Deleting a webhook": its capability URL stops scaling the group.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ left: number; desiredAfterOldUrl: number }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const policy = await sg.addPolicy({ name: "up", cooldown: 0, change: 1 });
  const a = await policy.addWebhook("a");
  const b = await policy.addWebhook("b");
  const c = await policy.addWebhook("c");
  // pyrax: webhook.delete()
  await a.delete();
  // pyrax: policy.delete_webhook(webhook)   /   sg.delete_webhook(policy, webhook)
  await policy.deleteWebhook(b);
  // pyrax: au.delete_webhook(sg, policy, webhook)
  await au.webhooks.delete(sg, policy, c);
  const left = (await policy.listWebhooks().toArray()).length;
  // Otter answers 202 to any capability URL; a deleted one changes nothing.
  await a.execute();
  const desiredAfterOldUrl = (await sg.getState()).desiredCapacity;
  await sg.delete({ force: true });
  return { left, desiredAfterOldUrl };
}

if (isMain(import.meta.url)) await runStandalone(main);
