import { randomBytes } from "node:crypto";

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/** Swift's transaction id shape: `tx` + 21 hex chars + `-` + hex epoch seconds. */
export function transactionId(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000).toString(16).padStart(10, "0");
  return `tx${randomHex(11).slice(0, 21)}-${seconds}`;
}
