// Where things live. bench/ is not a workspace package, so every path is derived from this file.
import { fileURLToPath } from "node:url";
import path from "node:path";
import os from "node:os";

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(BENCH_DIR, "..");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");
export const PEERS_DIR = path.join(BENCH_DIR, ".peers");
/** Build artefacts of the bundle rows; gitignored. */
export const WORK_DIR = path.join(BENCH_DIR, ".work");
/** Generated data (files of the folder rows, large objects) goes to the OS temp dir, not the repo. */
export const DATA_DIR = path.join(os.tmpdir(), `rax-bench-${process.getuid?.() ?? "u"}`);
export const OPENSTACK_ENV = path.join(REPO_DIR, ".openstack", "env.json");
