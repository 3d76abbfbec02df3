// "List Alarm Changelogs": how alarms changed state, for every entity or one.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { cleanUp, exampleCheck, exampleEntity, letChecksRun, monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ changes: number; states: string[] }> {
  const cm = monitoring(target);
  const ent = await exampleEntity(target);
  const check = await exampleCheck(ent);
  const email = await cm.notifications.create({ type: "email", details: { address: "me@example.com" } });
  const np = await cm.notificationPlans.create({ label: "changelog plan", criticalState: email, okState: email });
  await check.createAlarm({ notificationPlan: np, criteria: "if (metric['average'] > 27) { return new AlarmStatus(CRITICAL); } return new AlarmStatus(OK);" });
  letChecksRun(target, 30 * 60_000);
  // pyrax: chglogs = cm.get_changelogs(entity=my_entity)
  const logs = await cm.changelogs.list({ entity: ent }).toArray();
  for (const l of logs) console.log(new Date(l.timestamp).toISOString(), l.alarmId, l.analyzedByMonitoringZoneId, `${l.previousState ?? "UNKNOWN"} → ${l.state}`);
  await cleanUp(ent);
  await np.delete();
  await email.delete();
  return { changes: logs.length, states: [...new Set(logs.map((l) => l.state))].sort() };
}

if (isMain(import.meta.url)) await runStandalone(main);
