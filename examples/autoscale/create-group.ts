// "Creating a Scaling Group": configuration, launch configuration (image, flavor, disk config,
// metadata, load balancer) in one call; min_entities servers start building at once.
import { AutoScale } from "@rax/autoscale";
import { ValidationError } from "@rax/core";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";
import { serverChoices } from "./group";

export async function main(target: ExampleTarget): Promise<{ desired: number; loadBalancers: unknown; serverNames: string[]; refused?: string }> {
  const au = target.ctx.client(AutoScale, { region: target.region });
  const { flavor: myFlavorId, image: myImageId } = await serverChoices(target);
  // pyrax: sg = au.create("MyScalingGroup", cooldown=120, min_entities=2, max_entities=16,
  //            launch_config_type="launch_server", server_name="sg_test", flavor=my_flavor_id,
  //            image=my_image_id, disk_config="AUTO", metadata={"mykey": "myvalue"}, load_balancers=(1234, 80))
  const sg = await au.groups.create({
    name: exampleName("MyScalingGroup"),
    cooldown: 120,
    minEntities: 2,
    maxEntities: 16,
    launchConfigType: "launch_server",
    serverName: "sg_test",
    flavor: myFlavorId,
    image: myImageId,
    diskConfig: "AUTO",
    metadata: { mykey: "myvalue" },
    loadBalancers: [1234, 80],
  });
  console.log(sg);
  const state = await sg.waitUntilSettled({ interval: 200 });
  const { Compute } = await import("@rax/compute");
  const cs = target.ctx.client(Compute, { region: target.region });
  const serverNames = await Promise.all(state.active.map(async (id) => (await cs.servers.get(id)).name));
  console.log("servers:", serverNames); // as5defddd4-sg_test …
  let refused: string | undefined;
  try {
    await au.groups.create({ name: "bad", cooldown: 120, minEntities: 5, maxEntities: 2, serverName: "x", flavor: myFlavorId, image: myImageId });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    refused = e.field;
  }
  await sg.delete({ force: true });
  return { desired: sg.desiredCapacity, loadBalancers: sg.launchConfig?.loadBalancers, serverNames, ...(refused ? { refused } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
