// "Listing Images" and "Different Image Types": names and ids, base images vs snapshots.
import { Compute } from "@rax/compute";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ names: string[]; base: number; snapshots: number }> {
  const cs = ctx.client(Compute, { region });
  const imgs = await cs.images.list().toArray(); // pyrax: cs.images.list() / cs.list_images()
  for (const img of imgs) console.log(img.name, "  -- ID:", img.id);

  const base = await cs.images.listBase(); // pyrax: cs.list_base_images()
  const snapshots = await cs.images.listSnapshots(); // pyrax: cs.list_snapshots()
  console.log(`${base.length} base images, ${snapshots.length} snapshots`);
  return { names: imgs.map((i) => i.name), base: base.length, snapshots: snapshots.length };
}

if (isMain(import.meta.url)) await runStandalone(main);
