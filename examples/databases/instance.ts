// An ACTIVE instance for the examples that work inside one (pyrax: inst = cdb.create("first_instance", flavor=1, volume=2)).
import { Databases, type Instance } from "@rax/databases";
import { exampleName } from "../lib/names";
import type { ExampleTarget } from "../lib/target";

export async function exampleInstance({ ctx, region }: ExampleTarget, volume = 2): Promise<Instance> {
  const cdb = ctx.client(Databases, { region });
  const smallest = (await cdb.flavors.list().toArray()).reduce((a, b) => (b.ram < a.ram ? b : a));
  const inst = await cdb.instances.create({ name: exampleName("cdb"), flavor: smallest, volume });
  return inst.waitFor("ACTIVE", { interval: 200 });
}

/** Deletes the example's instance and waits until it is gone. */
export async function removeInstance(inst: Instance): Promise<void> {
  await inst.delete();
  await inst.waitFor("deleted", { interval: 200 });
}
