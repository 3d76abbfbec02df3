// "Session Persistence": sp_mgr.get(), sp_mgr.add(HTTP_COOKIE), sp_mgr.delete() — here clb.sessionPersistence.
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { clbOf, exampleLb, WAIT } from "./example-lb";

export async function main(target: ExampleTarget) {
  const sp = clbOf(target).sessionPersistence;
  const lb = await exampleLb(target);
  const before = (await sp.get(lb)) ?? null;
  await sp.set(lb, "HTTP_COOKIE").whenActive(WAIT);
  const during = await sp.get(lb);
  console.log("persistence:", during);
  await sp.delete(lb).whenActive(WAIT);
  const after = (await sp.get(lb)) ?? null;
  await lb.delete();
  return { before, during, after };
}

if (isMain(import.meta.url)) await runStandalone(main);
