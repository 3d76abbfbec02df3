// "Deleting a Scaling Group": refused while it has servers; set min and max to zero first.
import { AutoScale, GroupNotEmpty, NoSuchScalingGroup } from "@rax/autoscale";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { exampleGroup } from "./group";

export async function main(target: ExampleTarget): Promise<{ refused: boolean; gone: boolean }> {
  const sg = await exampleGroup(target, { minEntities: 1 });
  const au = target.ctx.client(AutoScale, { region: target.region });
  let refused = false;
  try {
    // pyrax: sg.delete()   # or: au.delete(sg)
    await sg.delete();
  } catch (e) {
    if (!(e instanceof GroupNotEmpty)) throw e;
    refused = true;
    console.log("refused:", e.message);
  }
  // pyrax: sg.update(min_entities=0, max_entities=0)
  await sg.update({ minEntities: 0, maxEntities: 0 });
  await sg.waitUntilSettled({ interval: 200 });
  await au.groups.delete(sg);
  const gone = await au.groups.get(sg).then(
    () => false,
    (e: unknown) => e instanceof NoSuchScalingGroup,
  );
  return { refused, gone };
}

if (isMain(import.meta.url)) await runStandalone(main);
