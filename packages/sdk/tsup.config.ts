import { readFileSync } from "node:fs";
import { packageConfig } from "../../tsup.shared";
import { writeLazyRequireEntry } from "./build/lazy-require-entry";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };

export default packageConfig({
  // require("@rax/sdk") loads a service package when it is first used (build/lazy-require-entry.ts).
  onSuccess: async () => {
    writeLazyRequireEntry(new URL(".", import.meta.url).pathname, Object.keys(pkg.dependencies), ["rax.cjs", "services.cjs"]);
  },
});
