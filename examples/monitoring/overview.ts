// "Get Overview": every entity with its checks, alarms and their latest states, in one call.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { cleanUp, exampleCheck, exampleEntity, letChecksRun, monitoring } from "./setup";

export async function main(target: ExampleTarget): Promise<{ entities: number; checks: number; alarms: number; states: number }> {
  const cm = monitoring(target);
  const ent = await exampleEntity(target);
  const check = await exampleCheck(ent);
  const email = await cm.notifications.create({ type: "email", details: { address: "me@example.com" } });
  const np = await cm.notificationPlans.create({ label: "overview plan", criticalState: email });
  await check.createAlarm({ notificationPlan: np, criteria: "if (metric['available'] < 100) { return new AlarmStatus(CRITICAL); } return new AlarmStatus(OK);" });
  letChecksRun(target, 10 * 60_000);
  // pyrax: view = cm.get_overview(entity=my_entity)
  const view = await cm.overview.get({ entity: ent }).toArray();
  for (const row of view) console.log(row.entity.label, row.checks.length, "checks", row.alarms.length, "alarms", row.latestAlarmStates.map((s) => s.state));
  await cleanUp(ent);
  await np.delete();
  await email.delete();
  const [row] = view;
  return { entities: view.length, checks: row?.checks.length ?? 0, alarms: row?.alarms.length ?? 0, states: row?.latestAlarmStates.length ?? 0 };
}

if (isMain(import.meta.url)) await runStandalone(main);
