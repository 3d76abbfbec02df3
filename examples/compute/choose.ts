// What every compute example needs first: an image, a flavor, and how often to poll.
import type { Compute, Flavor, Image } from "@rax/compute";
import type { ExampleTarget } from "../lib/target";

/** The seed's choice: an Ubuntu (PVHVM) image and the 1 GB flavor, or the closest this cloud has. */
export async function chooseImageAndFlavor(nova: Compute): Promise<{ image: Image; flavor: Flavor }> {
  const images = await nova.images.listBase();
  const image = images.find((i) => i.name.includes("Ubuntu") && i.name.includes("PVHVM")) ?? images.find((i) => i.status === "ACTIVE");
  if (!image) throw new Error("this cloud lists no base image");
  const flavors = await nova.flavors.list().toArray();
  const flavor = flavors.find((f) => f.ram === 1024) ?? flavors.reduce((a, b) => (b.ram < a.ram ? b : a));
  return { image, flavor };
}

/** Poll quickly against the emulator; a real cloud builds in minutes (pyrax's wait_for_build polls every 20 s). */
export const pollEvery = (target: ExampleTarget) => (target.kind === "emulator" ? 100 : 10_000);
