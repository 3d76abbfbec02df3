// Child process: the rax side of the real-Swift rows (large-object, folder-upload, folder-sync).
// Peak RSS comes from the kernel's high-water mark (VmHWM), like /usr/bin/time's for `swift`.
import fs from "node:fs";
import { workerMain } from "../lib/child.mjs";
import { importRax } from "../lib/modules.mjs";

function vmHwmMb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

workerMain(async (input) => {
  const core = await importRax("core");
  const os = await importRax("object-store");
  const session = new core.StaticSession({ token: input.token, endpoint: input.storageUrl });
  const store = new os.ObjectStore(session);
  const t0 = performance.now();
  let detail;
  if (input.action === "large-object") {
    await store.createContainer(input.container);
    const obj = await store.uploadFile(input.container, input.file, { objName: input.objectName, segmentSize: input.segmentBytes });
    detail = { name: obj.name, bytes: obj.totalBytes ?? obj.bytes };
  } else if (input.action === "upload-folder") {
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
