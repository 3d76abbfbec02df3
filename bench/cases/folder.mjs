import { skipped } from "../lib/rows.mjs";
export const name = "folder";
export async function run() {
  return [skipped("folder-upload", "not wired yet"), skipped("folder-sync", "not wired yet")];
}
