// A server for the PTR examples (pyrax: server = pyrax.cloudservers.servers.get(id_of_server)).
import { Compute, type Server } from "@rax/compute";
import { exampleName } from "../lib/names";
import type { ExampleTarget } from "../lib/target";

export async function exampleServer({ ctx, region }: ExampleTarget): Promise<Server> {
  const cs = ctx.client(Compute, { region });
  const flavor = (await cs.flavors.list().toArray()).reduce((a, b) => (b.ram < a.ram ? b : a));
  const image = (await cs.images.listBase()).find((i) => i.status === "ACTIVE")!;
  const server = await cs.servers.create({ name: exampleName("ptr-host"), image, flavor });
  return server.waitFor("ACTIVE", { interval: 200 });
}
