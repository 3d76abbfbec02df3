// "Metadata": on containers and objects. Setting merges; `clear: true` replaces; keys can be removed.
import { ObjectStore, type Metadata } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface MetadataResult {
  container: Metadata;
  objectMerged: Metadata;
  objectAfterRemove: Metadata;
  objectCleared: Metadata;
  contentTypeKept?: string;
}

export async function main({ ctx, region }: ExampleTarget): Promise<MetadataResult> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("meta");
  const cont = await cf.createContainer(name);
  try {
    await cont.setMetadata({ project: "apollo", stage: "draft" });
    const container = await cont.getMetadata();
    console.log("Container metadata:", container);

    const obj = await cont.storeObject("plan.json", "{}", { contentType: "application/json", metadata: { owner: "ann" } });
    // Swift's POST replaces all of an object's metadata; rax merges for you (as pyrax does).
    await obj.setMetadata({ reviewed: "yes" });
    const objectMerged = await obj.getMetadata();
    console.log("Object metadata after a merge:", objectMerged);

    await obj.removeMetadataKey("owner");
    const objectAfterRemove = await obj.getMetadata();

    await obj.setMetadata({ archived: "2024" }, { clear: true });
    const objectCleared = await obj.getMetadata();
    // Updating metadata never loses the content type.
    const { contentType } = await cf.getObject(name, "plan.json");
    console.log("After clear:", objectCleared, "content type still", contentType);

    return { container, objectMerged, objectAfterRemove, objectCleared, contentTypeKept: contentType };
  } finally {
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
