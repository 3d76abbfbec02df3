// "Creating an Image of a Server": snapshot, wait for the image, build a clone from it.
import { Compute } from "@rax/compute";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor, pollEvery } from "./choose";

export async function main(target: ExampleTarget) {
  const cs = target.ctx.client(Compute, { region: target.region });
  const { image, flavor } = await chooseImageAndFlavor(cs);
  const server = await cs.servers.create({ name: exampleName("imaged"), image, flavor });
  await server.waitFor("ACTIVE", { interval: pollEvery(target) });

  // image_id = server.create_image("base_image") — the id, not an Image object, as in pyrax.
  const imageId = await server.createImage(exampleName("base_image"), { purpose: "example" });
  // image = pyrax.wait_until(image, "status", ["ACTIVE", "ERROR"], attempts=0)
  const snapshot = await cs.images.waitFor(imageId, ["ACTIVE", "ERROR"], { interval: pollEvery(target) });
  console.log("image", snapshot.name, snapshot.status, "snapshot of", snapshot.server?.id);

  // cs.servers.create(name="clone", image=image.id, flavor=my_flavor)
  const clone = await cs.servers.create({ name: exampleName("clone"), image: snapshot.id, flavor });
  const listed = (await cs.images.listSnapshots()).some((i) => i.id === imageId);

  await clone.delete();
  await server.delete();
  await snapshot.delete();
  return { imageId, status: snapshot.status, fromServer: snapshot.server?.id === server.id, cloneImage: clone.image?.id, listed };
}

if (isMain(import.meta.url)) await runStandalone(main);
