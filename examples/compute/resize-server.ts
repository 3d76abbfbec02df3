// "Resizing a Server" / "Resizing Old Flavors": resize, VERIFY_RESIZE, then confirm (or revert).
import { Compute } from "@rax/compute";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor, pollEvery } from "./choose";

export async function main(target: ExampleTarget) {
  const cs = target.ctx.client(Compute, { region: target.region });
  const { image } = await chooseImageAndFlavor(cs);
  const flavors = (await cs.flavors.list().toArray()).sort((a, b) => a.ram - b.ram);
  const [small, bigger] = flavors;
  const server = await cs.servers.create({ name: exampleName("resize"), image, flavor: small! });
  await server.waitFor("ACTIVE", { interval: pollEvery(target) });

  await server.resize(bigger!.id); // status RESIZE …
  const verify = await server.waitFor("VERIFY_RESIZE", { interval: pollEvery(target) }); // … then VERIFY_RESIZE
  console.log("resized to", verify.flavor.id, "— check it, then confirm or revert");
  await server.confirmResize(); // or: await server.revertResize();
  const done = await server.waitFor("ACTIVE", { interval: pollEvery(target) });

  await server.delete();
  return { from: small!.id, to: bigger!.id, verifyFlavor: verify.flavor.id, finalFlavor: done.flavor.id, finalStatus: done.status };
}

if (isMain(import.meta.url)) await runStandalone(main);
