// "Pausing a Scaling Group's Policies": pause() stops policies and webhooks, resume() restarts them.
import { AutoScale, GroupPaused } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ paused: boolean; refused: boolean; resumed: boolean }> {
  const sg = await exampleGroup(target);
  const au = target.ctx.client(AutoScale, { region: target.region });
  const policy = await sg.addPolicy({ name: "up by one", cooldown: 0, change: 1 });
  // pyrax: sg.pause()   # or: au.pause(sg)
  await sg.pause();
  const paused = (await sg.getState()).paused;
  let refused = false;
  try {
    await policy.execute();
  } catch (e) {
    if (!(e instanceof GroupPaused)) throw e;
    refused = true;
    console.log("while paused:", e.message);
  }
  // pyrax: sg.resume()   # or: au.resume(sg)
  await au.groups.resume(sg);
  const resumed = !(await sg.getState()).paused;
  await sg.delete({ force: true });
  return { paused, refused, resumed };
}

if (isMain(import.meta.url)) await runStandalone(main);
