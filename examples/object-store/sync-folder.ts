// "Syncing a Local Folder with a Container": upload only what changed, optionally delete the rest.
import { mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ObjectStore, type SyncResult } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export async function main({ ctx, region }: ExampleTarget): Promise<{ first: SyncResult; second: SyncResult; third: SyncResult; listed: string[] }> {
  const cf = ctx.client(ObjectStore, { region });
  const dir = await mkdtemp(join(tmpdir(), "rax-example-"));
  const name = exampleName("sync");
  try {
    await cf.createContainer(name);
    await writeFile(join(dir, "notes.txt"), "first draft\n");
    await writeFile(join(dir, "todo.txt"), "- sync\n");
    await writeFile(join(dir, ".notes.txt.swp"), "vim swap file"); // hidden: skipped by default

    const first = await cf.syncFolderToContainer(dir, name);
    console.log(`First sync uploaded ${first.uploaded.length}:`, first.uploaded);

    // Change one file and add another: only those two go up.
    await writeFile(join(dir, "notes.txt"), "second draft, a little longer\n");
    await writeFile(join(dir, "ideas.txt"), "more\n");
    // ignoreTimestamps: compare content only (a file edited within the same second as its upload
    // would otherwise look older than the server's copy).
    const second = await cf.syncFolderToContainer(dir, name, { ignoreTimestamps: true });
    console.log(`Second sync uploaded ${second.uploaded.length}, skipped ${second.skipped.length} unchanged`);

    // delete: true removes objects whose local file is gone.
    await unlink(join(dir, "todo.txt"));
    const third = await cf.syncFolderToContainer(dir, name, { delete: true });
    console.log(`Third sync deleted:`, third.deleted);

    return { first, second, third, listed: await cf.listObjectNames(name) };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
