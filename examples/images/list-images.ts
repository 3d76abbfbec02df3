// "Listing Images": imgs.list() is the first page (Glance's 25); imgs.list_all() is every page.
import { Images } from "@rax/images";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ firstPage: number; all: number; sample?: string }> {
  const imgs = ctx.client(Images, { region });
  const page = await imgs.images.list();
  for (const i of page.items) console.log(`<Image id=${i.id}, name=${i.name}, status=${i.status}, visibility=${i.visibility}, min_ram=${i.minRam}>`);
  // pyrax: imgs.list_all()
  const all = await imgs.images.list({ pageSize: 5 }).toArray();
  console.log(`${all.length} images in all`);
  return { firstPage: page.items.length, all: all.length, ...(all[0] ? { sample: all[0].name } : {}) };
}

if (isMain(import.meta.url)) await runStandalone(main);
