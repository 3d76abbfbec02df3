// Child process: the rax side of the large-object row. Peak RSS is the kernel's high-water mark
// (VmHWM), like /usr/bin/time's for `swift`. The mark is also read after the imports and after the
// first request (the container's PUT): the floor any upload starts from, so the row can show what
// the upload itself adds.
import { workerMain } from "../lib/child.mjs";
import { vmHwmMb } from "../lib/peak-rss.mjs";
import { importRax } from "../lib/modules.mjs";

workerMain(async (input) => {
  const core = await importRax("core");
  const os = await importRax("object-store");
  const importedMb = vmHwmMb();
  const store = new os.ObjectStore(new core.StaticSession({ token: input.token, endpoint: input.storageUrl }));
  const t0 = performance.now();
  await store.createContainer(input.container);
  const firstRequestMb = vmHwmMb();
  const obj = await store.uploadFile(input.container, input.file, { objName: input.objectName, segmentSize: input.segmentBytes });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, peakRssMb: vmHwmMb(), importedMb, firstRequestMb, detail: { name: obj.name, bytes: obj.bytes } };
});
