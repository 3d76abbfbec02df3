// OpenStack Glance (no import tasks there): create an image record, stream its bytes up, update its
// properties through a JSON patch, tag it, and stream the bytes back down.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { Images } from "@rax/images";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ status: string; checksumMatches: boolean; roundTrip: boolean; renamed: string; tags: string[] }> {
  const imgs = ctx.client(Images, { region });
  const bytes = Buffer.from("not really a disk image\n".repeat(4096));
  const img = await imgs.images.create({ name: exampleName("data"), diskFormat: "raw", containerFormat: "bare" });
  await img.upload(Readable.from([bytes]), { size: bytes.length });
  await img.update({ name: `${img.name}-renamed`, os_distro: "ubuntu" });
  await img.addTag("example");
  await img.reload();
  const down = await img.download();
  const chunks: Buffer[] = [];
  for await (const c of down.body) chunks.push(c as Buffer);
  const md5 = createHash("md5").update(bytes).digest("hex");
  console.log(img.name, img.status, img.size, "bytes, checksum", img.checksum);
  await img.delete();
  return { status: img.status, checksumMatches: img.checksum === md5, roundTrip: Buffer.concat(chunks).equals(bytes), renamed: img.name, tags: img.tags };
}

if (isMain(import.meta.url)) await runStandalone(main);
