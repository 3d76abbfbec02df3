// Child process: the rax side of the large-object row. Peak RSS is the kernel's high-water mark
// (VmHWM), like /usr/bin/time's for `swift`. The mark is also read before rax is imported (Node
// and this harness), after the imports and after the first request (the container's PUT): the
// floors any upload starts from, so the row can show which MB the upload itself adds and which
// are Node's own.
import fs from "node:fs";
import { workerMain } from "../lib/child.mjs";
import { vmHwmMb } from "../lib/peak-rss.mjs";
import { importRax } from "../lib/modules.mjs";

// Resident pages by kind, now: file-backed ones are the node binary's code and data paged in
// (shared with every other node process, yet counted in VmHWM); anonymous ones are the heap,
// buffers and everything else the process allocated.
function residentMb() {
  const s = fs.readFileSync("/proc/self/status", "utf8");
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? NaN);
  return { fileMb: kb("RssFile") / 1024, anonMb: kb("RssAnon") / 1024 };
}

workerMain(async (input) => {
  const nodeMb = vmHwmMb();
  const core = await importRax("core");
  const os = await importRax("object-store");
  const importedMb = vmHwmMb();
  const importedResident = residentMb();
  const store = new os.ObjectStore(new core.StaticSession({ token: input.token, endpoint: input.storageUrl }));
  const t0 = performance.now();
  await store.createContainer(input.container);
  const firstRequestMb = vmHwmMb();
  const obj = await store.uploadFile(input.container, input.file, { objName: input.objectName, segmentSize: input.segmentBytes });
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds, peakRssMb: vmHwmMb(), nodeMb, importedMb, firstRequestMb, importedResident, endResident: residentMb(),
    detail: { name: obj.name, bytes: obj.bytes },
  };
});
