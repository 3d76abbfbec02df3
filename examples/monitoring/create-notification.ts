// "Create the Notification": an email notification, tested, then a webhook one tried without creating it.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ type: string; address: unknown; test: string; dryRun: string; refused?: string }> {
  const cm = monitoring(target);
  // pyrax: email = cm.create_notification("email", label="my_email_notification", details={"address": "me@example.com"})
  const email = await cm.notifications.create({ type: "email", label: "my_email_notification", details: { address: "me@example.com" } });
  console.log("Notification:", email);
  // pyrax: cm.test_notification(email)
  const test = await email.test();
  const dryRun = await cm.notifications.testNew({ type: "webhook", details: { url: "https://example.com/hook" } });
  let refused: string | undefined;
  try {
    await cm.notifications.create({ type: "webhook", details: {} });
  } catch (e) {
    refused = (e as { field?: string }).field;
  }
  await email.delete();
  return { type: email.type, address: email.details.address, test: test.status, dryRun: dryRun.status, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
