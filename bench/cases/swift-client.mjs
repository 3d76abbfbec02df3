// Child process: the rax side of the folder rows (folder-upload, folder-sync); large-object has its own.
// Peak RSS comes from the kernel's high-water mark (VmHWM), like /usr/bin/time's for `swift`.
import { workerMain } from "../lib/child.mjs";
import { vmHwmMb } from "../lib/peak-rss.mjs";
import { importRax } from "../lib/modules.mjs";

workerMain(async (input) => {
  const core = await importRax("core");
  const os = await importRax("object-store");
  const session = new core.StaticSession({ token: input.token, endpoint: input.storageUrl });
  const store = new os.ObjectStore(session);
  const t0 = performance.now();
  let detail;
  if (input.action === "upload-folder") {
    const job = store.uploadFolder(input.folder, { container: input.container });
    detail = await job.done;
  } else if (input.action === "sync-folder") {
    detail = await store.syncFolderToContainer(input.folder, input.container);
  } else {
    throw new Error(`unknown action ${input.action}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, peakRssMb: vmHwmMb(), detail: summarize(detail) };
});

function summarize(d) {
  if (!d || typeof d !== "object") return d;
  const out = {};
  for (const [k, v] of Object.entries(d)) out[k] = Array.isArray(v) ? v.length : typeof v === "object" ? undefined : v;
  return out;
}
