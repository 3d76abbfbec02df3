// Named import of one field: esbuild/tsup inline only `version`, not the whole package.json.
import { version } from "../package.json";

/** The @rax/core version, fixed at build time. */
export const VERSION: string = version;
