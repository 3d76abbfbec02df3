// "Webhooks" / "Creating a webhook": list a policy's webhooks; add one. Its capability URL is what
// Cloud Monitoring calls (no token): a secret, so rax never prints it.
import { AutoScale } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ listed: string[]; printedUrl: boolean; desiredAfterAlarm: number }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const policy = await sg.addPolicy({ name: "up by one", cooldown: 0, change: 1 });
  // pyrax: webhook = policy.add_webhook(name, metadata)
  const webhook = await policy.addWebhook("PagerDuty", { notes: "page the on-call" });
  // pyrax: sg.add_webhook(policy, name)   # or: au.add_webhook(sg, policy, name)
  await au.webhooks.create(sg, policy, { name: "Monitoring" });
  // pyrax: webhooks = policy.list_webhooks()   # or: sg.list_webhooks(policy) / au.list_webhooks(sg, policy)
  const listed = (await policy.listWebhooks().toArray()).map((w) => w.name).sort();
  console.log(webhook); // the capability URL is not in the output
  const printedUrl = JSON.stringify(webhook).includes(webhook.capabilityUrl!);
  // What an alarm does: POST the capability URL, no token.
  await webhook.execute();
  const desiredAfterAlarm = (await sg.getState()).desiredCapacity;
  await sg.delete({ force: true });
  return { listed, printedUrl, desiredAfterAlarm };
}

if (isMain(import.meta.url)) await runStandalone(main);
