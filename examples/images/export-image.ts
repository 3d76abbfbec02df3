// "Exporting an Image": a task copies the image into a Cloud Files container as <id>.vhd; poll it
// (task.reload()) or wait for it (task.waitFor(), which rejects with TaskFailed on failure).
// Rackspace's tasks: stock OpenStack Glance has no export (BadRequest); the example cleans up either way.
import { Images } from "@rax/images";
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ statuses: string[]; exported: boolean }> {
  const imgs = ctx.client(Images, { region });
  const cf = ctx.client(ObjectStore, { region });
  const cont = await cf.createContainer(exampleName("exports"));
  try {
    const img = await imgs.images.create({ name: exampleName("to-export"), diskFormat: "vhd", containerFormat: "ovf" });
    try {
      await img.upload("pretend this is a VHD");
      // pyrax: task = imgs.export_task(img, cont)
      const task = await imgs.tasks.export(img, cont);
      const statuses = [task.status];
      while (task.status === "pending" || task.status === "processing") {
        await new Promise((r) => setTimeout(r, 200));
        await task.reload();
        if (statuses.at(-1) !== task.status) statuses.push(task.status);
      }
      console.log("export task:", statuses.join(" → "), task.result);
      const exported = (await cf.listObjects(cont).toArray()).some((o) => o.name === `${img.id}.vhd`);
      return { statuses, exported };
    } finally {
      await img.delete();
    }
  } finally {
    for await (const o of cf.listObjects(cont)) await cf.deleteObject(cont, o.name);
    await cf.deleteContainer(cont);
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
