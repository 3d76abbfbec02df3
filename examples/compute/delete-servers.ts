// "Deleting a Server" and "Deleting All Servers" (here: all servers this example made).
import { Compute, NoSuchServer } from "@rax/compute";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { chooseImageAndFlavor, pollEvery } from "./choose";

export async function main(target: ExampleTarget) {
  const cs = target.ctx.client(Compute, { region: target.region });
  const { image, flavor } = await chooseImageAndFlavor(cs);
  const prefix = exampleName("doomed");
  const one = await cs.servers.create({ name: `${prefix}-0`, image, flavor });

  // server.delete(): the server does not vanish at once; a moment later get() is NotFound.
  await one.delete();
  await one.waitFor("DELETED", { interval: pollEvery(target) });
  const gone = await cs.servers.get(one.id).catch((e: unknown) => e);
  console.log("after delete:", gone instanceof NoSuchServer ? "NoSuchServer" : gone);

  // for server in cs.servers.list(): server.delete()  — limited to this example's servers.
  for (const n of [1, 2, 3]) await cs.servers.create({ name: `${prefix}-${n}`, image, flavor });
  let deleted = 0;
  for await (const server of cs.servers.list({ name: prefix })) {
    await server.delete();
    deleted++;
  }
  return { goneIsNoSuchServer: gone instanceof NoSuchServer, deleted };
}

if (isMain(import.meta.url)) await runStandalone(main);
