// "Uploading an Entire Folder": a background job with progress, ignore patterns and cancel.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ObjectStore } from "@rax/object-store";
import { exampleName } from "../lib/names";
import { type ExampleTarget, isMain, runStandalone } from "../lib/target";

export interface UploadFolderResult {
  uploaded: string[];
  listed: string[];
  totalBytes: number;
  uploadedBytes: number;
  progressEvents: number;
}

export async function main({ ctx, region }: ExampleTarget): Promise<UploadFolderResult> {
  const cf = ctx.client(ObjectStore, { region });
  const dir = await mkdtemp(join(tmpdir(), "rax-example-"));
  const name = exampleName("folder");
  try {
    // A small project tree standing in for /home/me/projects/cool_project/.
    const project = join(dir, "cool_project");
    await mkdir(join(project, "lib", "sub"), { recursive: true });
    await writeFile(join(project, "README.md"), "# cool project\n");
    await writeFile(join(project, "lib", "main.py"), "print('hi')\n");
    await writeFile(join(project, "lib", "main.pyc"), "compiled, not wanted");
    await writeFile(join(project, "lib", "sub", "util.py"), "X = 1\n");

    // Without `container`, the folder's name ("cool_project") would be the container.
    let progressEvents = 0;
    // Returns the job at once (core's Job); `scanned` is pyrax's (upload_key, total_bytes).
    const job = cf.uploadFolder(project, {
      container: name,
      ignore: ["*.pyc", "*.pyo"],
      onProgress: () => progressEvents++,
    });
    const { totalBytes } = await job.scanned;
    console.log(`Uploading ${totalBytes} bytes to ${job.container} (upload key ${job.key})`);
    // pyrax's get_uploaded(key): poll it from a timer or UI; cf.cancelFolderUpload(job.key) stops the job.
    console.log(`Uploaded so far: ${cf.getUploaded(job.key)} bytes`);

    const result = await job; // or job.done; job.status is "succeeded" afterwards
    console.log(`Done: ${result.uploaded.length} files, ${result.uploadedBytes}/${result.totalBytes} bytes, ${result.failed.length} failed`);
    const listed = await cf.listObjectNames(name);
    console.log("The container now holds:", listed);
    return { uploaded: result.uploaded, listed, totalBytes: job.totalBytes, uploadedBytes: result.uploadedBytes, progressEvents };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await cf.deleteContainer(name, { deleteObjects: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(main);
