import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL(".", import.meta.url));

export function workspaceAliases(): Record<string, string> {
  // Before "@rax/core", whose alias would otherwise also catch (and break) this subpath.
  const out: Record<string, string> = { "@rax/core/zod-mini": join(root, "packages", "core", "src", "zod-mini.ts") };
  for (const dir of readdirSync(join(root, "packages"))) {
    out[`@rax/${dir}`] = join(root, "packages", dir, "src", "index.ts");
  }
  // @rax/core's subpath import of its HTTP engine (package.json "imports"), from source: undici's,
  // or node:http's with RAX_HTTP_ENGINE=node:http (any tier against the engine bundles get).
  out["#http-engine"] = join(root, "packages", "core", "src", process.env.RAX_HTTP_ENGINE === "node:http" ? "node-http-engine.ts" : "undici-engine.ts");
  return out;
}
