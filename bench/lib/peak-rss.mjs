// Peak RSS of this process in MB: the kernel's high-water mark (VmHWM), like /usr/bin/time's for `swift`.
import fs from "node:fs";

export function vmHwmMb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}
