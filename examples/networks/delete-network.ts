// "Delete a Network": by id or object (cnw.delete(network) / network.delete()).
import { Networks, NoSuchNetwork } from "@rax/networks";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ gone: boolean }> {
  const cnw = ctx.client(Networks, { region });
  const a = await cnw.networks.create({ label: exampleName("del-a"), cidr: "10.10.0.0/24" });
  const b = await cnw.networks.create({ label: exampleName("del-b"), cidr: "10.11.0.0/24" });
  await cnw.networks.delete(a.id); // by id
  await b.delete(); // on the object
  const gone = await cnw.networks.get(a.id).then(
    () => false,
    (e: unknown) => e instanceof NoSuchNetwork,
  );
  console.log("deleted both; the first is gone:", gone);
  return { gone };
}

if (isMain(import.meta.url)) await runStandalone(main);
