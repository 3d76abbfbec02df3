// A small scaling group for the examples: the smallest flavor and a base image from Cloud Servers
// (pyrax: my_flavor_id, my_image_id).
import { AutoScale, type CreateGroupInput, type ScalingGroup } from "@rax/autoscale";
import { Compute } from "@rax/compute";
import { exampleName } from "../lib/names";
import type { ExampleTarget } from "../lib/target";

export async function serverChoices({ ctx, region }: ExampleTarget): Promise<{ flavor: string; image: string }> {
  const cs = ctx.client(Compute, { region });
  const flavor = (await cs.flavors.list().toArray()).reduce((a, b) => (b.ram < a.ram ? b : a)).id;
  const image = (await cs.images.listBase()).find((i) => i.status === "ACTIVE")!.id;
  return { flavor, image };
}

export async function exampleGroup(target: ExampleTarget, extra: Partial<CreateGroupInput> = {}): Promise<ScalingGroup> {
  const au = target.ctx.client(AutoScale, { region: target.region });
  const { flavor, image } = await serverChoices(target);
  return au.groups.create({ name: exampleName("group"), cooldown: 0, minEntities: 0, maxEntities: 4, serverName: "example", flavor, image, ...extra });
}
