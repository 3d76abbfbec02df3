import { randomBytes } from "node:crypto";

/** A domain under example.edu unique to this run (the seed's domain), so examples never touch yours. */
export function exampleDomain(label: string): string {
  return `${label}-${randomBytes(3).toString("hex")}.example.edu`;
}
