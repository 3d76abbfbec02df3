// "Listing Flavors": sizes, and picking an image and a flavor the way the seed does.
import { Compute } from "@rax/compute";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget) {
  const cs = ctx.client(Compute, { region });
  const flvs = await cs.flavors.list().toArray(); // pyrax: cs.list_flavors()
  for (const flv of flvs) {
    console.log("Name:", flv.name);
    console.log("  ID:", flv.id);
    console.log("  RAM:", flv.ram);
    console.log("  Disk:", flv.disk);
    console.log("  VCPUs:", flv.vcpus);
  }

  // ubu_image = [img for img in cs.images.list() if "Ubuntu 14.04" in img.name and "PVHVM" in img.name][0]
  const ubuImage = (await cs.images.list().toArray()).find((img) => img.name.includes("Ubuntu 14.04") && img.name.includes("PVHVM"));
  // flavor_1GB = [flavor for flavor in cs.flavors.list() if flavor.ram == 1024][0]
  const flavor1GB = await cs.flavors.find({ ram: 1024 }).catch(() => undefined);
  console.log("image:", ubuImage?.name, "flavor:", flavor1GB?.name);
  return { count: flvs.length, ubuImage: ubuImage?.name, flavor1GB: flavor1GB?.id };
}

if (isMain(import.meta.url)) await runStandalone(main);
