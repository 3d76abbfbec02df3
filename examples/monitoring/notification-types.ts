// "Create a Notification": the notification types and the details each needs.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ types: Record<string, string[]> }> {
  // pyrax: cm.list_notification_types()
  const types = await monitoring(target).notificationTypes.list().toArray();
  for (const t of types) console.log(`<CloudMonitorNotificationType fields=${JSON.stringify(t.fields)}, id=${t.id}>`);
  return { types: Object.fromEntries(types.map((t) => [t.id, t.fields.filter((f) => !f.optional).map((f) => f.name)])) };
}

if (isMain(import.meta.url)) await runStandalone(main);
