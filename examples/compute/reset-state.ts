// "Resetting a Server's State": put a stuck server back to ACTIVE (an admin call on most clouds).
import { Compute } from "@rax/compute";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor, pollEvery } from "./choose";

export async function main(target: ExampleTarget) {
  const cs = target.ctx.client(Compute, { region: target.region });
  const { image, flavor } = await chooseImageAndFlavor(cs);
  const server = await cs.servers.create({ name: exampleName("stuck"), image, flavor });
  await server.waitFor("ACTIVE", { interval: pollEvery(target) });

  // pyrax: cs.servers.reset_state("ACTIVE") — here the server is named, as Nova needs.
  await cs.servers.resetState(server, "ERROR");
  const broken = (await server.reload()).status;
  await cs.servers.resetState(server, "ACTIVE");
  const fixed = (await server.reload()).status;
  console.log(`reset: ${broken} → ${fixed}`);

  await server.delete();
  return { broken, fixed };
}

if (isMain(import.meta.url)) await runStandalone(main);
