// "Create the Notification Plan": which notifications run for OK, WARNING and CRITICAL.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ ok: number; warning: number; critical: number }> {
  const cm = monitoring(target);
  const okHook = await cm.notifications.create({ type: "webhook", label: "ok_hook", details: { url: "https://example.com/ok" } });
  const warningEmail = await cm.notifications.create({ type: "email", label: "warn", details: { address: "ops@example.com" } });
  const criticalEmail = await cm.notifications.create({ type: "email", label: "crit", details: { address: "oncall@example.com" } });
  // pyrax: plan = cm.create_notification_plan(label="default", ok_state=ok_hook, warning_state=warning_email, critical_state=critical_email)
  const plan = await cm.notificationPlans.create({ label: "default", okState: okHook, warningState: warningEmail, criticalState: [criticalEmail, warningEmail] });
  console.log("Plan:", plan);
  await plan.delete();
  for (const n of [okHook, warningEmail, criticalEmail]) await n.delete();
  return { ok: plan.okState.length, warning: plan.warningState.length, critical: plan.criticalState.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
