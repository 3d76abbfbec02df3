// "Deleting Objects": one at a time, later (expiry), or many at once (bulk delete).
import { ObjectStore, type BulkDeleteResult } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface DeleteResult {
  afterSingle: string[];
  deleteAt?: number;
  bulk: BulkDeleteResult;
  afterBulk: string[];
}

export async function main({ ctx, region }: ExampleTarget): Promise<DeleteResult> {
  const cf = ctx.client(ObjectStore, { region });
  const name = exampleName("delete");
  const cont = await cf.createContainer(name);
  try {
    for (const n of ["a.txt", "b.txt", "c.txt", "d.txt", "later.txt"]) await cont.storeObject(n, n);

    const a = await cont.getObject("a.txt");
    await a.delete();
    const afterSingle = await cont.listObjectNames();
    console.log("After deleting a.txt:", afterSingle);

    // Swift deletes it by itself in an hour; its metadata stays as it was until then.
    await cont.deleteObjectInSeconds("later.txt", 3600);
    const { deleteAt } = await cont.getObject("later.txt");
    console.log(`later.txt will be deleted at ${new Date((deleteAt ?? 0) * 1000).toISOString()}`);

    // Many names in one request (10 000 per request); names that do not exist are counted, not errors.
    const bulk = await cf.bulkDelete(name, ["b.txt", "c.txt", "d.txt", "never-existed.txt"]);
    console.log(`Bulk delete: ${bulk.deleted} deleted, ${bulk.notFound} not found, status ${bulk.status}`);

    const afterBulk = await cont.listObjectNames();
    return { afterSingle, deleteAt, bulk, afterBulk };
  } finally {
    // deleteObjects: true empties the container first (a non-empty container cannot be deleted).
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
