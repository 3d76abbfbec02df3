// "Importing an Image": upload the VHD to Cloud Files, then an import task makes an image of it.
// Rackspace's tasks: stock OpenStack Glance imports only from an http(s) URL (BadRequest here); the
// example cleans up either way.
import { Images } from "@rax/images";
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ status: string; imageName: string; imageStatus: string }> {
  const imgs = ctx.client(Images, { region });
  const cf = ctx.client(ObjectStore, { region });
  const cont = await cf.createContainer(exampleName("imports"));
  try {
    await cf.storeObject(cont, "my-server.vhd", "pretend this is a VHD");
    // pyrax: task = imgs.import_task("my-server.vhd", cont, img_name="Imported server")
    const task = await imgs.tasks.import({ container: cont, object: "my-server.vhd", name: "Imported server" });
    await task.waitFor({ interval: 200, attempts: 300, onProgress: (p) => console.log("import task:", p.value) });
    const image = await imgs.images.get(String(task.result.image_id));
    console.log("imported:", image.name, image.status);
    await image.delete();
    return { status: task.status, imageName: image.name, imageStatus: image.status };
  } finally {
    await cf.deleteObject(cont, "my-server.vhd");
    await cf.deleteContainer(cont);
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
