// "Copying / Moving Objects": server-side, no download and re-upload.
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface CopyMoveResult {
  copied: string;
  copiedContent: string;
  moved: string;
  sourceAfterMove: string[];
  newContentType?: string;
}

export async function main({ ctx, region }: ExampleTarget): Promise<CopyMoveResult> {
  const cf = ctx.client(ObjectStore, { region });
  const src = exampleName("src");
  const dst = exampleName("dst");
  try {
    const source = await cf.createContainer(src);
    await cf.createContainer(dst);
    const obj = await source.storeObject("report.txt", "quarterly numbers", { metadata: { author: "ann" } });

    // Copy into another container under a new name; the original stays.
    const copy = await obj.copy(dst, { newObjName: "report-copy.txt" });
    const copiedContent = (await copy.fetch()).toString();
    console.log(`Copied to ${copy.containerName}/${copy.name}; author metadata: ${copy.metadata?.author}`);

    // Move = copy + delete the original.
    const moved = await cf.moveObject(src, "report.txt", dst, { newObjName: "report-final.txt" });
    const sourceAfterMove = await source.listObjectNames();
    console.log(`Moved to ${moved.containerName}/${moved.name}; ${src} now holds ${sourceAfterMove.length} objects`);

    // Changing the content type is a copy onto itself.
    await moved.changeContentType("text/markdown");
    const { contentType } = await cf.getObject(dst, "report-final.txt");
    console.log(`Content type is now ${contentType}`);

    return { copied: `${copy.containerName}/${copy.name}`, copiedContent, moved: `${moved.containerName}/${moved.name}`, sourceAfterMove, newContentType: contentType };
  } finally {
    await cf.deleteContainer(src, { deleteObjects: true });
    await cf.deleteContainer(dst, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
