import { randomBytes } from "node:crypto";

/** A container name unique to this run, so examples never touch your own containers. */
export function exampleName(label: string): string {
  return `rax-example-${label}-${randomBytes(3).toString("hex")}`;
}
