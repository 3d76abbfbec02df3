// "Create the Alarm": criteria in the alarm language, tried against check data first, then created.
import { AlarmParseError } from "@rax/monitoring";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { cleanUp, exampleCheck, exampleEntity, monitoring } from "./setup";

const CRITERIA = "if (rate(metric['average']) > 10) { return new AlarmStatus(WARNING); } return new AlarmStatus(OK);";

export async function main(target: ExampleTarget): Promise<{ criteria: string; tested: string[]; parseError: boolean; disabled: boolean }> {
  const cm = monitoring(target);
  const ent = await exampleEntity(target);
  const check = await exampleCheck(ent);
  const email = await cm.notifications.create({ type: "email", label: "alarm mail", details: { address: "me@example.com" } });
  const np = await cm.notificationPlans.create({ label: "alarm plan", warningState: email, criticalState: email });
  // Try criteria on data before relying on them (not in pyrax): one run of the check, judged.
  const runs = await check.test();
  const tested = await cm.alarms.test(ent, { criteria: "if (metric['average'] > 10) { return new AlarmStatus(WARNING); } return new AlarmStatus(OK);", checkData: runs });
  // pyrax: alarm = cm.create_alarm(entity, check, np, "if (rate(metric['average']) > 10) { ... }")
  const alarm = await cm.alarms.create(ent, { check, notificationPlan: np, criteria: CRITERIA });
  console.log("Alarm:", alarm);
  let parseError = false;
  try {
    await cm.alarms.create(ent, { check, notificationPlan: np, criteria: "if metric['average'] > 10 return WARNING" });
  } catch (e) {
    if (!(e instanceof AlarmParseError)) throw e;
    parseError = true;
    console.log("the service could not parse it:", e.details);
  }
  await alarm.update({ disabled: true });
  await cleanUp(ent);
  await np.delete();
  await email.delete();
  return { criteria: alarm.criteria, tested: tested.map((t) => t.state), parseError, disabled: alarm.disabled };
}

if (isMain(import.meta.url)) await runStandalone(main);
